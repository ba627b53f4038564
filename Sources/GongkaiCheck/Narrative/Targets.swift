import Foundation
import GongkaiModel

/// Where the tables publish a figure the narrative states, found from the
/// words before it.
///
/// `each`: the figure is, by definition, every one of these cells (the
/// narrative's 一般公共预算基本支出 is 表5's 基本支出 and 表6's 合计).
/// `any`: the words do not say which of these equal figures is meant (基本支出
/// may be read from 表3 or 表5); one agreeing is enough.
struct Target {
    enum Mode { case each, any }
    var mode: Mode
    var cells: [Cell]

    /// The 经济分类 classes the narrative names (表6 rows).
    static let economicClasses: [(name: String, code: String)] = [
        ("对个人和家庭的补助支出", "303"), ("对个人和家庭补助支出", "303"), ("对个人和家庭的补助", "303"),
        ("对个人和家庭补助", "303"),
        ("工资福利支出", "301"), ("商品和服务支出", "302"), ("商品服务支出", "302"),
    ]

    /// 功能分类 类 names → codes (catalog names and synonyms), longest first.
    /// 其他支出 and 预备费 are left out: too generic to be read as a class.
    static let functionClasses: [(name: String, code: String)] = {
        let items = Catalog.shared.items
        var pairs = items.functionClasses.map { ($0.value, $0.key) }
        for (code, names) in items.functionClassSynonyms { pairs += names.map { ($0, code) } }
        return pairs.filter { !["229", "227"].contains($0.1) }
            .map { (HeaderText.normalize($0.0), $0.1) }
            .sorted { $0.0.count > $1.0.count }
    }()

    /// Whether `label` is `word` with nothing before it but a year, 部门 and
    /// the like: `2024年部门项目支出`, `其中项目经费`.
    static func bare(_ label: String, _ word: String) -> Bool {
        guard label.hasSuffix(word) else { return false }
        var prefix = String(label.dropLast(word.count))
        prefix = prefix.replacingOccurrences(of: #"[0-9]{4}年度?"#, with: "", options: .regularExpression)
        for filler in ["一般公共预算", "财政拨款", "本部门", "本单位", "部门", "其中", "安排", "本年", "当年", "全年", "年度", "预算", "的"] {
            prefix = prefix.replacingOccurrences(of: filler, with: "")
        }
        return prefix.isEmpty
    }

    /// The target of a figure whose label is `label`, or nil when the words
    /// name nothing the tables publish.
    static func of(label raw: String, in lookup: CellLookup) -> Target? {
        let document = lookup.document
        let l = HeaderText.normalize(raw)
        func each(_ cells: Cell?...) -> Target? { make(.each, cells) }
        func any(_ cells: Cell?...) -> Target? { make(.any, cells) }
        func make(_ mode: Mode, _ cells: [Cell?]) -> Target? {
            let found = cells.compactMap { $0 }
            return found.isEmpty ? nil : Target(mode: mode, cells: found)
        }
        func cell(_ table: Int, _ row: String, _ column: String) -> Cell? {
            lookup.cell(table: table, row: row, column: column)
        }
        func panel(_ table: Int, _ row: String) -> Cell? {
            let c = Cell.panel(document, table: table, row: row)
            return c?.row == nil ? nil : c
        }
        func ends(_ pattern: String) -> Bool { l.range(of: pattern + "$", options: .regularExpression) != nil }

        // 三公 (表7).
        if l.contains("三公") { return each(cell(7, "total", "amount")) }
        if l.contains("因公出国") { return each(cell(7, "abroad", "amount")) }
        if l.contains("公务接待") { return each(cell(7, "reception", "amount")) }
        if l.contains("购置及运行") || l.contains("购置和运行") { return each(cell(7, "vehicle", "amount")) }
        if l.contains("公务用车购置") || (l.contains("车") && l.contains("购置")) { return each(cell(7, "vehicle.purchase", "amount")) }
        if l.contains("运行维护费") || l.contains("公务用车运行") { return each(cell(7, "vehicle.operation", "amount")) }
        // 会议费 and 培训费, where the “三公” table prints them (江苏).
        if l.contains("会议费"), document.table(7).row("meeting") != nil { return each(cell(7, "meeting", "amount")) }
        if l.contains("培训费"), document.table(7).row("training") != nil { return each(cell(7, "training", "amount")) }
        // Other important matters.
        if l.contains("机关运行经费") {
            // Where the “三公” table prints 机关运行经费 (上海), that is the figure; else 公用经费 stands for it.
            if document.table(7).row("operation_costs") != nil { return each(cell(7, "operation_costs", "amount")) }
            return any(cell(6, "total", "public"), cell(5, "total", "basic.public"))
        }
        if l.contains("政府采购") { return each(cell(11, "total", "total")) }
        if l.contains("政府购买服务") { return each(cell(12, "total", "total")) }
        // Basic and project spending, named bare (`2024年项目支出`, `其中：基本支出`; not
        // `工业企业发展服务中心项目经费`, which is one unit's).
        if bare(l, "一般公共预算基本支出") { return each(cell(6, "total", "total"), cell(5, "total", "basic.subtotal")) }
        if bare(l, "人员经费") { return any(cell(6, "total", "personnel"), cell(5, "total", "basic.personnel")) }
        if bare(l, "公用经费") { return any(cell(6, "total", "public"), cell(5, "total", "basic.public")) }
        if bare(l, "基本支出") { return any(cell(3, "total", "basic"), cell(5, "total", "basic.subtotal")) }
        if bare(l, "项目支出") || bare(l, "项目经费") {
            return any(cell(3, "total", "project"), cell(5, "total", "project"), cell(10, "total", "total"))
        }
        // Classes.
        if let hit = functionClasses.first(where: { l.hasSuffix($0.name) }) {
            // 表3 by class where it has classes (江苏 prints it as one row: 表5 has them).
            let t3 = document.table(3)
            if t3.status == .disclosed, t3.rows.contains(where: { $0.key.first?.isNumber == true }) { return each(cell(3, hit.code, "total")) }
            if document.table(5).rows.contains(where: { $0.key == hit.code }) { return each(cell(5, hit.code, "total")) }
            return each(panel(1, "function." + hit.code))
        }
        if let hit = economicClasses.first(where: { l.hasSuffix($0.name) }) {
            return any(cell(6, hit.code, "total"), panel(1, "economic." + hit.code))
        }
        // Totals.
        if l.contains("财政拨款"), l.contains("总预算") || ends("收支预算") {
            return any(panel(4, "income.total"), panel(4, "expenditure.total"))
        }
        if l.contains("一般公共预算"), l.contains("收入") {
            return any(panel(1, "income.gpb"), cell(2, "total", "current.gpb"), panel(4, "income.gpb"))
        }
        if l.contains("一般公共预算"), l.contains("支出") { return each(cell(5, "total", "total")) }
        if ends("总预算") {
            return any(panel(1, "income.total"), panel(1, "expenditure.total"), cell(3, "total", "total"))
        }
        if ends("(部门(预算)?收入(预算)?|总收入|收入总计|收入合计|收入预算)") {
            return any(panel(1, "income.total"), panel(1, "income.current_total"), cell(2, "total", "total"))
        }
        // `…年度财政拨款基本支出预算`: basic spending, not the department's total.
        if l.hasSuffix("基本支出预算") || l.hasSuffix("基本支出") && l.count > 4 {
            return each(cell(6, "total", "total"), cell(5, "total", "basic.subtotal"))
        }
        // A fund's own spending (`政府性基金拨款支出预算`) is its table's, not the department's.
        if l.contains("政府性基金") && l.contains("支出") { return each(cell(8, "total", "total")) }
        if l.contains("国有资本经营") && l.contains("支出") { return each(cell(9, "total", "total")) }
        if ends("(部门(预算)?支出(预算)?|总支出|支出总计|支出合计|支出预算)") {
            return any(panel(1, "expenditure.total"), panel(1, "expenditure.current_total"), cell(3, "total", "total"))
        }
        // A project of 表10 named exactly.
        let projects = document.table(10)
        if projects.status == .disclosed,
           let row = projects.rows.first(where: { $0.kind == .project && HeaderText.normalize($0.name) == l }) {
            return each(cell(10, row.key, "total"))
        }
        return nil
    }
}

/// A stated figure compared with a table cell.
struct NarrativeComparison {
    var stated: StatedAmount
    var cell: Cell
    /// The table figure rounded to the precision the narrative states
    /// figures in (0.01 of its unit): what the narrative should say.
    var expected: Amount
    var difference: Amount
    var bound: RoundingBound
    var n: Int

    /// Nil when the cell is blank and the statement is 0, or when the cell
    /// cannot be read.
    init?(_ stated: StatedAmount, _ cell: Cell, document: Document) {
        // A blank cell says "none": silent against a stated 0, compared as 0 otherwise.
        if cell.amount == nil, stated.amount == .zero { return nil }
        let value = cell.amount ?? .zero
        self.stated = stated
        self.cell = cell
        let step = stated.unit.fenPerUnit / 100
        expected = Amount(fen: NarrativeComparison.round(value.fen, to: step))
        guard let d = stated.amount.subtracting(expected) else { return nil }
        difference = d
        n = max(1, cell.figures)
        bound = RoundingBound(figures: n, unit: stated.unit)
    }

    var agrees: Bool { difference == .zero }
    var severity: Severity { bound.admits(difference) ? .rounding : .discrepancy }

    /// `fen` rounded half away from zero to a multiple of `step`.
    static func round(_ fen: Int64, to step: Int64) -> Int64 {
        guard step > 1 else { return fen }
        let q = fen / step, r = fen % step
        if 2 * abs(r) >= step { return (q + (fen < 0 ? -1 : 1)) * step }
        return q * step
    }

    func finding(rule: String) -> Finding {
        let unit = stated.unit
        let where_ = stated.line.map { "说明 第\($0)行 " } ?? "说明 "
        let message = "\(where_)\(stated.label) \(stated.amount.formatted(in: unit)) ≠ \(cell.name) \(expected.formatted(in: unit)) (\(unit.rawValue))"
        return Finding(rule: rule, severity: severity, table: cell.table, row: cell.row?.key ?? cell.rowKey,
                       column: cell.column, published: .amount(stated.amount), expected: .amount(expected),
                       difference: .amount(difference), bound: bound.yuan, addends: n, line: stated.line,
                       unit: unit, message: message)
    }
}
