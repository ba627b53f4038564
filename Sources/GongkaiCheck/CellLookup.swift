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
    /// the table is absent or does not publish the column (see `Cell.find`).
    func cell(table id: Int, row key: String, column: String) -> Cell? {
        Cell.find(self, table: id, row: key, column: column)
    }

    /// A panel row of 表1/表4.
    func panel(table id: Int, row key: String) -> Cell? {
        Cell.panel(document, table: id, row: key)
    }
}
