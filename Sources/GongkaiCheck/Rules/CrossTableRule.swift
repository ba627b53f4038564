import GongkaiModel

/// A figure of one table as the cross-table and narrative rules see it.
struct Cell {
    var table: Int
    /// The row, nil when the table has no such row (its value then is 0:
    /// a disclosed table without a row for a class spends nothing on it).
    var row: Row?
    var rowKey: String
    var column: String
    var amount: Amount?
    var line: Int?
    /// Rounded figures behind the value (leaves of a subtotal), at least 1.
    var figures: Int

    /// `表3 206 total`.
    var name: String {
        "表\(table) \(row.map(Names.row) ?? rowKey) \(column)"
    }

    /// A table without a 合计 row (004's 表10): the sum of its top rows.
    static func rootSum(_ table: Table, _ tree: RowTree, _ column: String) -> Cell? {
        let roots = table.rows.indices.filter { tree.parent[$0] == nil && RowTreeRank.inTree(table.rows[$0]) }
        let values = roots.compactMap { table.rows[$0].values[column]?.amount }
        guard !values.isEmpty, let sum = Amount.sum(values) else { return nil }
        let figures = roots.reduce(0) { $0 + tree.leaves(below: $1, in: table.rows, column: column) }
        return Cell(table: table.id, row: nil, rowKey: "Σ", column: column, amount: sum,
                    line: table.rows.first?.line, figures: figures)
    }

    /// A panel row of 表1/表4.
    static func panel(_ document: Document, table id: Int, row key: String) -> Cell? {
        let table = document.table(id)
        guard table.status == .disclosed else { return nil }
        let row = table.row(key)
        let value = PanelValue(row, table: id)
        return Cell(table: id, row: row, rowKey: key, column: value?.column ?? (id == 1 ? "amount" : "total"),
                    amount: value?.amount, line: value?.line ?? row?.line, figures: value?.figures ?? 1)
    }
}

/// Which rows take part in a tree (not items or lines).
enum RowTreeRank {
    static func inTree(_ row: Row) -> Bool { row.kind != .item && row.kind != .line }
}

/// `cross-table`: figures that two tables publish for the same thing, by
/// definition of the tables:
///
/// - 表1 收入总计 = 表2 合计; 表1 each income source, 上年结转 and 事业基金 =
///   the same column of 表2 合计;
/// - 表1 本年支出合计 = 表3 合计; 表1 each function class = 表3 类 row;
/// - 表2 rows by 功能科目 = 表3 rows (total, plus 结转下年 where published);
/// - 表4 income by fund = 表1 income by fund;
/// - 表4 function classes and 本年支出合计 (一般公共预算 column, or the
///   total where all fiscal money is 一般公共预算) = 表5 类 rows and 合计;
///   表4 政府性基金 / 国有资本经营 columns = 表8 / 表9;
/// - 表5 = 表3 row by row (total, basic, project) where all the department's
///   money is 一般公共预算;
/// - 表6 合计 = 表5 基本支出 (小计, 人员经费, 公用经费);
/// - 表10 合计 = 表3 项目支出.
///
/// Not compared: 表1's economic panel with 表6 (the panel covers basic and
/// project spending, 表6 basic only).
///
/// n for the rounding bound is the number of leaf figures below the larger
/// of the two cells (one of them may have been added up from rounded leaves).
public struct CrossTableRule: Rule {
    public let id = "cross-table"
    public let summary = "identities between tables: 表1 = 表2 = 表3 totals, 表1 classes = 表3 类, 表4 = 表5, 表5 basic = 表6, 表10 = 表3 project"
    public let tables = [1, 2, 3, 4, 5, 6, 8, 9, 10]

    public init() {}

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        let lookup = CellLookup(document)
        func compare(_ published: Cell?, _ expected: Cell?) {
            guard let published, let expected else { return }
            // A row the expected table does not have is 0 there; a blank cell of a row it has says nothing.
            guard let exp = expected.amount ?? (expected.row == nil ? .zero : nil) else { return }
            let label: String
            if expected.row == nil, expected.rowKey != "Σ" {
                label = document.table(expected.table).status == .empty
                    ? "表\(expected.table) (empty)" : "表\(expected.table) (no row \(expected.rowKey))"
            } else {
                label = expected.name
            }
            let comparison = Comparison(
                rule: id, table: published.table, row: published.row?.key ?? published.rowKey,
                subject: published.name, column: published.column, line: published.line,
                unit: document.sourceUnit, published: published.amount, expected: exp,
                expectedLabel: label, addends: max(published.figures, expected.figures), blankMatters: true)
            if let f = comparison.evaluate() { findings.append(f) }
        }

        let t1 = document.table(1), t2 = document.table(2), t3 = document.table(3)
        let t4 = document.table(4), t5 = document.table(5)

        // 表1 ↔ 表2.
        if t1.status == .disclosed, t2.status == .disclosed {
            compare(Cell.panel(document, table: 1, row: "income.total"), lookup.cell(table: 2, row: "total", column: "total"))
            let pairs = PanelRule.incomeSources.map { ($0, "current." + $0.dropFirst("income.".count)) }
                + [("income.current_total", "current.subtotal"), ("income.reserve_fund", "reserve_fund"),
                   ("income.carryover", "carryover.subtotal")]
            for (item, column) in pairs where t1.row(item) != nil {
                compare(Cell.panel(document, table: 1, row: item), lookup.cell(table: 2, row: "total", column: column))
            }
        }
        // 表1 ↔ 表3.
        if t1.status == .disclosed, t3.status == .disclosed {
            // A panel that prints no 本年支出合计 and no 结转下年 (上海's) has its 支出总计 for it.
            let current = t1.row("expenditure.current_total") == nil && t1.row("expenditure.carry_forward") == nil
                ? "expenditure.total" : "expenditure.current_total"
            compare(Cell.panel(document, table: 1, row: current),
                    lookup.cell(table: 3, row: "total", column: "total"))
            if t1.row("expenditure.carry_forward") != nil {
                compare(Cell.panel(document, table: 1, row: "expenditure.carry_forward"),
                        lookup.cell(table: 3, row: "total", column: "carry_forward"))
            }
            // A 表3 printed as one row of columns (Jiangsu's 支出预算总表) has no classes to compare.
            if t3.rows.contains(where: { $0.key.first?.isNumber == true }) {
                for code in classes(t1, t3) {
                    compare(Cell.panel(document, table: 1, row: "function." + code), lookup.cell(table: 3, row: code, column: "total"))
                }
            }
        }
        // 表2 ↔ 表3, row by row where 表2 is keyed by 功能科目.
        if t2.status == .disclosed, t3.status == .disclosed, t2.rows.contains(where: { $0.kind == .classification }) {
            let keys = orderedUnion(t2.rows.filter { $0.kind != .unit }.map(\.key), t3.rows.map(\.key))
            let withCarry = t3.columns.contains("carry_forward")
            for key in keys {
                guard let published = lookup.cell(table: 2, row: key, column: "total") else { continue }
                var expected = lookup.cell(table: 3, row: key, column: "total")
                if withCarry, var e = expected, let carry = t3.amount(key, "carry_forward") {
                    e.amount = (e.amount ?? .zero).adding(carry)
                    e.column = "total + carry_forward"
                    expected = e
                }
                compare(published, expected)
            }
        }
        // 表4 ↔ 表1: income by fund.
        if t4.status == .disclosed, t1.status == .disclosed {
            for source in ["income.gpb", "income.fund", "income.soe"] where t4.row(source) != nil {
                compare(Cell.panel(document, table: 4, row: source), Cell.panel(document, table: 1, row: source))
            }
        }
        // 表4 ↔ 表5 (一般公共预算), 表8 (政府性基金), 表9 (国有资本经营).
        if t4.status == .disclosed {
            let allGPB = fiscalIsAllGPB(t4)
            let funds: [(column: String, table: Int)] = [("gpb", 5), ("fund", 8), ("soe", 9)]
            for (column, other) in funds {
                let useColumn: String
                if t4.columns.contains(column) { useColumn = column }
                else if column == "gpb", allGPB, t4.columns.contains("total") { useColumn = "total" }
                else { continue }
                let otherTable = document.table(other)
                guard otherTable.isPublished else { continue }
                func cell4(_ key: String) -> Cell? {
                    guard let row = t4.row(key) else { return nil }
                    return Cell(table: 4, row: row, rowKey: key, column: useColumn, amount: row.values[useColumn]?.amount,
                                line: row.line(useColumn), figures: 1)
                }
                compare(cell4("expenditure.current_total"), lookup.cell(table: other, row: "total", column: "total"))
                for code in classes(t4, otherTable) {
                    compare(cell4("function." + code), lookup.cell(table: other, row: code, column: "total"))
                }
            }
        }
        // 表5 ↔ 表3 where all money is 一般公共预算.
        if t5.status == .disclosed, t3.status == .disclosed, Self.allGPB(document) {
            // 表3 printed as one row (江苏) is compared by its 合计 alone.
            let t3HasClasses = t3.rows.contains { $0.key.first?.isNumber == true }
            let keys = orderedUnion(t5.rows.map(\.key), t3.rows.map(\.key)).filter { t3HasClasses || $0 == "total" }
            for key in keys {
                for (c5, c3) in [("total", "total"), ("basic.subtotal", "basic"), ("project", "project")] {
                    compare(lookup.cell(table: 5, row: key, column: c5), lookup.cell(table: 3, row: key, column: c3))
                }
            }
        }
        // 表6 ↔ 表5.
        for (c6, c5) in [("total", "basic.subtotal"), ("personnel", "basic.personnel"), ("public", "basic.public")] {
            guard document.table(6).status == .disclosed else { break }
            compare(lookup.cell(table: 6, row: "total", column: c6), lookup.cell(table: 5, row: "total", column: c5))
        }
        // 表10 ↔ 表3.
        if document.table(10).status == .disclosed {
            compare(lookup.cell(table: 10, row: "total", column: "total"),
                    lookup.cell(table: 3, row: "total", column: "project"))
        }
        return findings
    }

    /// The 类 codes of panel table `panel`'s function items and of `table`'s
    /// level-1 rows, in order.
    func classes(_ panel: Table, _ table: Table) -> [String] {
        let a = panel.rows.filter { $0.key.hasPrefix("function.") }.map { String($0.key.dropFirst("function.".count)) }
        let b = table.rows.filter { $0.kind == .classification && ($0.level == 1 || $0.code?.count == 3) }.map(\.key)
        return orderedUnion(a, b)
    }

    func orderedUnion(_ a: [String], _ b: [String]) -> [String] {
        var seen = Set<String>()
        return (a + b).filter { seen.insert($0).inserted }
    }

    /// Whether 表4 shows no fiscal money but 一般公共预算 (no 政府性基金 or
    /// 国有资本经营 income, and no 上年结转 whose fund is unknown).
    func fiscalIsAllGPB(_ t4: Table) -> Bool {
        let others = ["income.fund", "income.soe", "income.carryover", "income.carryover.fund", "income.carryover.soe"]
        return others.allSatisfy { key in
            guard let row = t4.row(key) else { return true }
            return row.values.values.allSatisfy { $0.amount == .zero }
        } && t4.rows.allSatisfy { ($0.values["fund"]?.amount ?? .zero) == .zero && ($0.values["soe"]?.amount ?? .zero) == .zero }
    }

    /// Whether all the department's money is 一般公共预算 (表1's income items
    /// other than 一般公共预算, 事业基金 and 上年结转 are blank or 0; else
    /// 表2 合计's columns say so).
    static func allGPB(_ document: Document) -> Bool {
        let t1 = document.table(1)
        if t1.status == .disclosed, t1.row("income.gpb") != nil {
            let others = incomeOthers.map { "income." + $0 } + ["income.reserve_fund", "income.carryover"]
            return others.allSatisfy { (t1.amount($0, "amount") ?? .zero) == .zero }
                && !t1.rows.contains { $0.key.hasPrefix("income.carryover.") && ($0.values["amount"]?.amount ?? .zero) != .zero }
        }
        let t2 = document.table(2)
        if t2.status == .disclosed, let total = t2.totalRow, total.values["current.gpb"] != nil {
            return total.values.allSatisfy { key, figure in
                key == "total" || key == "current.gpb" || key == "current.subtotal" || figure.amount == .zero
            }
        }
        return false
    }

    static let incomeOthers = ["fund", "soe", "special_account", "business", "business_operating",
                               "higher_subsidy", "affiliate", "other", "unit_funds", "other_funds"]
}
