import GongkaiModel

/// `line-sum`: in the tables of lines (表11 政府采购, 表12 政府购买服务) the
/// 合计 row is the sum of the lines, in every amount column.
///
/// Group rows between them (a 科室, a 部门) are not summed into the 合计:
/// they repeat the lines' totals one level up, and the catalog keeps no
/// tree for these tables.
public struct LineSumRule: Rule {
    public let id = "line-sum"
    public let summary = "表11/表12: 合计 = Σ lines, every amount column"
    public var tables: [Int] { Catalog.shared.tables.filter { $0.rows == .lines }.map(\.id) }

    public init() {}

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for template in Catalog.shared.tables where template.rows == .lines {
            let table = document.table(template.id)
            guard table.status == .disclosed, let total = table.totalRow else { continue }
            let lines = table.rows.filter { $0.kind == .line }
            guard !lines.isEmpty else { continue }
            for column in template.amountColumns.map(\.id) where table.columns.contains(column) {
                let values = lines.compactMap { $0.values[column]?.amount }
                guard !values.isEmpty, let sum = Amount.sum(values) else { continue }
                let c = Comparison(rule: id, table: template.id, row: total.key,
                                   subject: Names.cell(table: template.id, row: total, column: column), column: column,
                                   line: total.line(column), unit: document.sourceUnit,
                                   published: total.values[column]?.amount, expected: sum, expectedLabel: "Σ明细",
                                   addends: values.count, blankMatters: true)
                if let f = c.evaluate() { findings.append(f) }
            }
        }
        return findings
    }
}
