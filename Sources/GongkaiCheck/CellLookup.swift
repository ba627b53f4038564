import GongkaiModel

/// Finds the cells the rules compare, indexing each table once.
///
/// A rule looks up thousands of cells (表2 ↔ 表3 compares every row); a
/// scan for the row and a fresh subtotal tree per lookup made checking a
/// 100,000-row table quadratic. The first lookup in a table builds its key
/// index and its tree; later ones are dictionary lookups.
///
/// One lookup serves one rule's pass over one document; it is not shared
/// between threads.
final class CellLookup {
    let document: Document
    private var indexes: [Int: TableIndex] = [:]

    /// A table's rows by key, its 合计 row and its subtotal tree.
    struct TableIndex {
        let table: Table
        /// The first row of each key.
        let positions: [String: Int]
        let total: Int?
        let tree: RowTree
    }

    init(_ document: Document) { self.document = document }

    /// The index of table `id`, built on first use.
    ///
    /// - Complexity: O(*n*) for a table of *n* rows the first time, O(1) after.
    func index(_ id: Int) -> TableIndex {
        if let index = indexes[id] { return index }
        let table = document.table(id)
        var positions: [String: Int] = [:]
        positions.reserveCapacity(table.rows.count)
        for (i, row) in table.rows.enumerated() where positions[row.key] == nil { positions[row.key] = i }
        let index = TableIndex(table: table, positions: positions,
                               total: table.rows.firstIndex { $0.kind == .total }, tree: RowTree(rows: table.rows))
        indexes[id] = index
        return index
    }

    /// The cell of a disclosed table whose `column` is published; nil when
    /// the table is absent or does not publish the column. An empty table
    /// publishes 0 everywhere; a disclosed table without the row gives a
    /// cell without a row (0 there, see `Cell.row`).
    func cell(table id: Int, row key: String, column: String) -> Cell? {
        let index = index(id)
        let table = index.table
        if table.status == .empty {
            return Cell(table: id, row: nil, rowKey: key, column: column, amount: .zero, line: nil, figures: 1)
        }
        guard table.status == .disclosed, table.columns.contains(column) else { return nil }
        guard let position = key == "total" ? index.total : index.positions[key] else {
            if key == "total", let sum = Cell.rootSum(table, index.tree, column) { return sum }
            return Cell(table: id, row: nil, rowKey: key, column: column, amount: nil, line: nil, figures: 1)
        }
        let row = table.rows[position]
        let figures = index.tree.leaves(below: position, in: table.rows, column: column)
        return Cell(table: id, row: row, rowKey: row.key, column: column, amount: row.values[column]?.amount,
                    line: row.line(column), figures: figures)
    }
}
