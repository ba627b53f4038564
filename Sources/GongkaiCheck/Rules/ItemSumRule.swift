import GongkaiModel

/// `item-sum`: item rows that the catalog defines as sums of other item rows
/// (表7 total = abroad + vehicle + reception, vehicle = vehicle.purchase +
/// vehicle.operation), in every amount column (本年 and, where published, 上年).
///
/// An addend row the source does not have is replaced by its own addends.
public struct ItemSumRule: Rule {
    public let id = "item-sum"
    public let summary = "表7 合计 = 因公出国 + 公务用车 + 公务接待; 公务用车 = 购置 + 运行维护"
    public var tables: [Int] { Catalog.shared.tables.filter { !($0.itemSums ?? []).isEmpty }.map(\.id) }

    public init() {}

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for template in Catalog.shared.tables {
            guard let sums = template.itemSums, !sums.isEmpty else { continue }
            let table = document.table(template.id)
            guard table.status == .disclosed else { continue }
            let columns = template.amountColumns.map(\.id).filter(table.columns.contains)
            func expand(_ key: String, depth: Int = 0) -> [Row] {
                if let row = table.row(key) { return [row] }
                guard depth < 4, let rule = sums.first(where: { $0.of == key }) else { return [] }
                return rule.is.flatMap { expand($0, depth: depth + 1) }
            }
            for rule in sums {
                guard let row = table.row(rule.of) else { continue }
                let addendRows = rule.is.flatMap { expand($0) }
                for column in columns {
                    let values = addendRows.compactMap { $0.values[column]?.amount }
                    guard !values.isEmpty, let sum = Amount.sum(values) else { continue }
                    let comparison = Comparison(
                        rule: id, table: template.id, row: row.key,
                        subject: Names.cell(table: template.id, row: row, column: column),
                        column: column, line: row.line(column), unit: document.sourceUnit,
                        published: row.values[column]?.amount, expected: sum,
                        expectedLabel: "Σ " + addendRows.map(\.key).joined(separator: " + "),
                        addends: values.count, blankMatters: true)
                    if let f = comparison.evaluate() { findings.append(f) }
                }
            }
        }
        return findings
    }
}
