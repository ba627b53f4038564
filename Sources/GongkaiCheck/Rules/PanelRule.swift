import GongkaiModel

/// The value of a panel row of 表1 or 表4, and the column it came from.
///
/// 表1 has one column (`amount`). 表4's panels publish different columns:
/// the income panel 预算数 (`total`), the expenditure panels either a total
/// or the split by fund (`gpb`, `fund`, `soe`); a row's value is its
/// `total` when published, else the sum of its fund columns.
struct PanelValue {
    var amount: Amount
    var column: String
    var line: Int?
    /// The rounded figures it is made of.
    var figures: Int

    init?(_ row: Row?, table: Int) {
        guard let row else { return nil }
        if table == 1 {
            guard let f = row.values["amount"] else { return nil }
            self.init(amount: f.amount, column: "amount", line: f.line ?? row.line, figures: 1)
            return
        }
        if let f = row.values["total"] {
            self.init(amount: f.amount, column: "total", line: f.line ?? row.line, figures: 1)
            return
        }
        let parts = ["gpb", "fund", "soe"].compactMap { c in row.values[c].map { (c, $0) } }
        guard let first = parts.first, let sum = Amount.sum(parts.map(\.1.amount)) else { return nil }
        self.init(amount: sum, column: parts.count == 1 ? first.0 : parts.map(\.0).joined(separator: "+"),
                  line: first.1.line ?? row.line, figures: parts.count)
    }

    init(amount: Amount, column: String, line: Int?, figures: Int) {
        self.amount = amount
        self.column = column
        self.line = line
        self.figures = figures
    }
}

/// `panel`: the identities inside the panel tables 表1 and 表4:
///
/// - 本年收入合计 = Σ income items (一般公共预算 … 其他收入);
/// - 上年结转 = Σ its parts by fund, where published (表4);
/// - 收入总计 = 本年收入合计 + 用事业基金弥补收支差额 + 上年结转;
/// - 本年支出合计 = Σ function classes; 支出总计 = 本年支出合计 + 结转下年;
/// - the same for the economic panel where there is one;
/// - 收入总计 = 支出总计 (a budget balances), and the economic panel's totals
///   equal the function panel's (one spending, two classifications).
///
/// A blank total over non-zero items is a finding; items that are all blank
/// are not compared.
public struct PanelRule: Rule {
    public let id = "panel"
    public let summary = "表1/表4: 本年收入合计 = Σ收入, 收入总计 = 本年收入合计 + 结转…, 收入总计 = 支出总计"
    public let tables = [1, 4]

    /// The income items that make up 本年收入合计.
    static let incomeSources = ["gpb", "fund", "soe", "special_account", "business", "business_operating",
                                "higher_subsidy", "affiliate", "other", "unit_funds", "other_funds"].map { "income." + $0 }

    /// The sums of a panel table (表1, 表4): which item is the sum of which,
    /// as this rule checks them. The converter writes the same sums as
    /// formulas, so the workbook and `check` never disagree.
    public static func identities(in table: Table) -> [(sum: String, addends: [String], label: String)] {
        func keys(prefix: String, where ok: (String) -> Bool) -> [String] {
            table.rows.map(\.key).filter { $0.hasPrefix(prefix) && ok(String($0.dropFirst(prefix.count))) }
        }
        let isCode: (String) -> Bool = { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        let carryParts = keys(prefix: "income.carryover.") { _ in true }
        return [
            ("income.current_total", Self.incomeSources, "Σ收入项"),
            ("income.carryover", carryParts, "Σ上年结转"),
            ("income.total", ["income.current_total", "income.reserve_fund"]
                + (table.row("income.carryover") != nil ? ["income.carryover"] : carryParts),
             "本年收入合计 + 事业基金 + 上年结转"),
            ("expenditure.current_total", keys(prefix: "function.", where: isCode), "Σ功能分类"),
            ("expenditure.total", ["expenditure.current_total", "expenditure.carry_forward"], "本年支出合计 + 结转下年"),
            ("economic.current_total", keys(prefix: "economic.", where: isCode), "Σ经济分类"),
            // The economic panel shares the 结转下年 line with the function panel when it has none of its own.
            ("economic.total", ["economic.current_total",
                                table.row("economic.carry_forward") != nil ? "economic.carry_forward" : "expenditure.carry_forward"],
             "本年支出合计 + 结转下年"),
        ]
    }

    public init() {}

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for id in tables {
            let table = document.table(id)
            guard table.status == .disclosed else { continue }
            let unit = document.sourceUnit
            var identities = Self.identities(in: table)
            identities = identities.filter { !$0.addends.isEmpty }
            for identity in identities {
                guard let row = table.row(identity.sum) else { continue }
                let values = identity.addends.compactMap { PanelValue(table.row($0), table: id) }
                guard !values.isEmpty, let sum = Amount.sum(values.map(\.amount)) else { continue }
                let published = PanelValue(row, table: id)
                let column = published?.column ?? values[0].column
                let comparison = Comparison(
                    rule: self.id, table: id, row: row.key,
                    subject: "表\(id) \(row.key) \(column)", column: column,
                    line: published?.line ?? row.line, unit: unit, published: published?.amount, expected: sum,
                    expectedLabel: identity.label, addends: values.reduce(0) { $0 + $1.figures }, blankMatters: true)
                if let f = comparison.evaluate() { findings.append(f) }
            }
            // Balance: 支出总计 = 收入总计; the economic panel = the function panel.
            let balances: [(String, String, String)] = [
                ("expenditure.total", "income.total", "收入总计"),
                ("economic.current_total", "expenditure.current_total", "功能分类 本年支出合计"),
                ("economic.total", "expenditure.total", "功能分类 支出总计"),
            ]
            for (checked, reference, label) in balances {
                guard let row = table.row(checked), let expected = PanelValue(table.row(reference), table: id)
                else { continue }
                let published = PanelValue(row, table: id)
                let comparison = Comparison(
                    rule: self.id, table: id, row: row.key,
                    subject: "表\(id) \(row.key) \(published?.column ?? expected.column)",
                    column: published?.column ?? expected.column, line: published?.line ?? row.line, unit: unit,
                    published: published?.amount, expected: expected.amount, expectedLabel: label,
                    addends: 1, blankMatters: true)
                if let f = comparison.evaluate() { findings.append(f) }
            }
        }
        return findings
    }
}
