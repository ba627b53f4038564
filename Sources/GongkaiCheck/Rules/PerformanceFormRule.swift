import GongkaiModel

/// `performance-form`: the money in the 表13 forms.
///
/// - Inside a 整体 form's 部门总体资金情况, in every year's column: 收入合计 =
///   财政拨款 + 其他资金; 支出合计 = 基本支出 + 项目支出 (or 人员类 + 运转类 +
///   特定目标类); 收入合计 = 支出合计.
/// - When the document has one 整体 form, its current year against the
///   tables: 合计 = 表1 收入总计 (表3 合计); 基本支出 / 项目支出 = 表3; 人员类 /
///   运转类 / 特定目标类 = 表5 人员经费 / 公用经费 / 项目支出. (Several 整体
///   forms, one per unit, are each a part of the tables and not compared.)
/// - A 项目 form's 当年预算 (else 总预算) = the 表10 project of the same name.
///
/// Figures of forms printed in 万元 beside 元 tables are compared after
/// rounding the table figure to 0.01 万元.
public struct PerformanceFormRule: Rule {
    public let id = "performance-form"
    public let summary = "表13: 整体 form 收入/支出 adds up and equals the tables; 项目 form budget = 表10 project"
    public let tables = [13, 1, 3, 5, 10]

    public init() {}

    public func check(_ document: Document) -> [Finding] {
        let forms = document.table(13).forms
        var findings: [Finding] = []
        let overall = forms.filter { $0.kind == .overall }
        for form in overall {
            guard let grid = form.grids.first(where: { $0.key == FormGrid.Key.funding }) else { continue }
            let unit = Self.unit(of: form, grid: grid, document: document)
            let columns = grid.columns.map(\.id).filter { $0 != "share" }
            let identities: [(String, [[String]])] = [
                ("income.total", [["income.fiscal", "income.other"]]),
                ("expenditure.total", [["expenditure.basic", "expenditure.project"],
                                       ["expenditure.personnel", "expenditure.operation", "expenditure.specific"]]),
                ("expenditure.basic", [["expenditure.personnel", "expenditure.operation"]]),
            ]
            for column in columns {
                for (sumKey, alternatives) in identities {
                    guard let row = grid.row(sumKey) else { continue }
                    // The first set of parts the form publishes.
                    guard let parts = alternatives.first(where: { $0.contains { grid.row($0)?.amounts[column] != nil } })
                    else { continue }
                    let values = parts.compactMap { grid.row($0)?.amounts[column]?.amount }
                    guard let sum = Amount.sum(values) else { continue }
                    let c = Comparison(rule: id, table: 13, row: "\(form.name)/\(sumKey)",
                                       subject: "表13 \(form.name) \(row.label) \(column)", column: column,
                                       line: row.amounts[column]?.line ?? row.line, unit: unit,
                                       published: row.amounts[column]?.amount, expected: sum,
                                       expectedLabel: parts.compactMap { grid.row($0)?.label }.joined(separator: " + "),
                                       addends: values.count, blankMatters: true)
                    if let f = c.evaluate() { findings.append(f) }
                }
                if let expenditure = grid.row("expenditure.total"), let income = grid.row("income.total"),
                   let expected = income.amounts[column]?.amount {
                    let c = Comparison(rule: id, table: 13, row: "\(form.name)/expenditure.total",
                                       subject: "表13 \(form.name) 支出合计 \(column)", column: column,
                                       line: expenditure.amounts[column]?.line ?? expenditure.line, unit: unit,
                                       published: expenditure.amounts[column]?.amount, expected: expected,
                                       expectedLabel: "收入合计", addends: 1, blankMatters: true)
                    if let f = c.evaluate() { findings.append(f) }
                }
            }
            // One 整体 form for the whole department: its current year is the tables'.
            guard overall.count == 1, grid.columns.contains(where: { $0.id == "current" }) else { continue }
            let targets: [(String, [Cell?])] = [
                ("income.total", [Cell.panel(document, table: 1, row: "income.total"),
                                  Cell.find(document, table: 3, row: "total", column: "total")]),
                ("expenditure.total", [Cell.find(document, table: 3, row: "total", column: "total"),
                                       Cell.panel(document, table: 1, row: "expenditure.total")]),
                ("expenditure.basic", [Cell.find(document, table: 3, row: "total", column: "basic"),
                                       Cell.find(document, table: 5, row: "total", column: "basic.subtotal")]),
                ("expenditure.project", [Cell.find(document, table: 3, row: "total", column: "project"),
                                         Cell.find(document, table: 5, row: "total", column: "project")]),
                ("expenditure.personnel", [Cell.find(document, table: 5, row: "total", column: "basic.personnel"),
                                           Cell.find(document, table: 6, row: "total", column: "personnel")]),
                ("expenditure.operation", [Cell.find(document, table: 5, row: "total", column: "basic.public"),
                                           Cell.find(document, table: 6, row: "total", column: "public")]),
                ("expenditure.specific", [Cell.find(document, table: 5, row: "total", column: "project"),
                                          Cell.find(document, table: 3, row: "total", column: "project")]),
            ]
            for (key, cells) in targets {
                guard let row = grid.row(key), let figure = row.amounts["current"],
                      let cell = cells.compactMap({ $0 }).first(where: { $0.amount != nil }), let table = cell.amount
                else { continue }
                if let f = compare(figure, row.line, label: "表13 \(form.name) \(row.label)", row: "\(form.name)/\(key)",
                                   unit: unit, table: table, cell: cell, document: document) {
                    findings.append(f)
                }
            }
        }
        // 项目 forms against 表10.
        let projects = document.table(10)
        if projects.status == .disclosed {
            for form in forms where form.kind == .project {
                let field = form.fields.first { $0.key == FormField.Key.yearBudget && $0.amount != nil }
                    ?? form.fields.first { $0.key == FormField.Key.totalBudget && $0.amount != nil }
                let name = HeaderText.normalize(form.name)
                guard let field, let figure = field.amount,
                      let index = projects.rows.firstIndex(where: { $0.kind == .project && HeaderText.normalize($0.name) == name }),
                      let cell = Cell.find(document, table: 10, row: projects.rows[index].key, column: "total"),
                      let table = cell.amount else { continue }
                let unit = HeaderText.normalize(field.label + field.text).contains("万元") ? SourceUnit.wanYuan : document.sourceUnit
                if let f = compare(figure, field.line, label: "表13 \(form.name) \(field.label)", row: "\(form.name)/\(field.key ?? "")",
                                   unit: unit, table: table, cell: cell, document: document) {
                    findings.append(f)
                }
            }
        }
        return findings
    }

    /// A form figure against a table figure rounded to the form's precision.
    func compare(_ figure: Figure, _ line: Int?, label: String, row: String, unit: SourceUnit,
                 table: Amount, cell: Cell, document: Document) -> Finding? {
        let step = unit.fenPerUnit / 100
        let expected = Amount(fen: NarrativeComparison.round(table.fen, to: step))
        return Comparison(rule: id, table: 13, row: row, subject: label, column: "current",
                          line: figure.line ?? line, unit: unit, published: figure.amount, expected: expected,
                          expectedLabel: cell.name, addends: cell.figures, blankMatters: false).evaluate()
    }

    /// The unit a form prints its money in: 万元 when its caption says so.
    static func unit(of form: PerformanceForm, grid: FormGrid, document: Document) -> SourceUnit {
        let text = HeaderText.normalize(grid.title + (form.title ?? "") + form.notes.joined())
        if text.contains("万元") { return .wanYuan }
        if text.contains("(元)") || text.contains("单位:元") { return .yuan }
        return document.sourceUnit
    }
}
