import GongkaiModel

/// `row-tree`: every subtotal row is the sum of the rows below it, in every
/// amount column: 合计 = Σ类, 类 = Σ款, 款 = Σ项 (classification tables),
/// 合计 = Σ部门, 部门 = Σ单位, 单位 = Σ项目类别, 类别 = Σ项目 (表2 by unit, 表10).
///
/// The tree is `RowTree` (code prefixes, unit/category/project ranks), the
/// same one the workbook's formulas are built from. Children that are all
/// blank in a column are not compared; a blank subtotal over non-zero
/// children is (every row of these tables publishes every column).
public struct RowTreeRule: Rule {
    public let id = "row-tree"
    public let summary = "合计 = Σ类, 类 = Σ款, 款 = Σ项 (and 部门/单位/项目 groups), every amount column"
    public var tables: [Int] { Catalog.shared.tables.filter(\.tree).map(\.id) }

    public init() {}

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for template in Catalog.shared.tables where template.tree {
            let table = document.table(template.id)
            guard table.status == .disclosed else { continue }
            let columns = template.amountColumns.map(\.id).filter(table.columns.contains)
            let tree = RowTree(rows: table.rows)
            for (i, row) in table.rows.enumerated() where !tree.children[i].isEmpty {
                let children = tree.children[i].map { table.rows[$0] }
                for column in columns {
                    let values = children.compactMap { $0.values[column]?.amount }
                    guard !values.isEmpty, let sum = Amount.sum(values) else { continue }
                    let comparison = Comparison(
                        rule: id, table: template.id, row: row.key,
                        subject: Names.cell(table: template.id, row: row, column: column),
                        column: column, line: row.line(column), unit: document.sourceUnit,
                        published: row.values[column]?.amount, expected: sum,
                        expectedLabel: Names.children(children[0]), addends: values.count, blankMatters: true)
                    if let f = comparison.evaluate() { findings.append(f) }
                }
            }
        }
        return findings
    }
}
