import GongkaiModel

/// `column-group`: in every row, a column that the catalog defines as a sum
/// of other columns equals their sum (表5 total = basic.subtotal + project,
/// basic.subtotal = basic.personnel + basic.public; 表6 total = personnel +
/// public; 表2, 表3, 表10 … as `Templates/` says).
///
/// An addend the source did not publish is replaced by its own addends
/// (`TableTemplate.addends(of:published:)`). A sum over all-blank addends is
/// not compared. A blank sum cell with non-zero addends is a finding in the
/// classification tables; in 表4, whose panels publish different columns
/// (income: 预算数; expenditure: 一般公共预算 …), it is layout and silent.
public struct ColumnGroupRule: Rule {
    public let id = "column-group"
    public let summary = "column sums of the catalog in every row (表5 total = basic.subtotal + project …)"
    public var tables: [Int] { Catalog.shared.tables.filter { !$0.sums.isEmpty }.map(\.id) }

    public init() {}

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for template in Catalog.shared.tables where !template.sums.isEmpty {
            let table = document.table(template.id)
            guard table.status == .disclosed else { continue }
            let published = Set(table.columns)
            for rule in template.sums where published.contains(rule.of) {
                guard let addends = template.addends(of: rule.of, published: published) else { continue }
                for row in table.rows {
                    let values = addends.compactMap { row.values[$0]?.amount }
                    guard !values.isEmpty, let sum = Amount.sum(values) else { continue }
                    let comparison = Comparison(
                        rule: id, table: template.id, row: row.key,
                        subject: Names.cell(table: template.id, row: row, column: rule.of),
                        column: rule.of, line: row.line(rule.of), unit: document.sourceUnit,
                        published: row.values[rule.of]?.amount, expected: sum,
                        expectedLabel: addends.joined(separator: " + "), addends: values.count,
                        blankMatters: template.tree)
                    if let f = comparison.evaluate() { findings.append(f) }
                }
            }
        }
        return findings
    }
}
