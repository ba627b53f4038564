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
/// - An 整体 form's 项目支出情况: Σ 项目本年度预算 = its 项目支出 (特定目标类).
/// - A 项目 form's 当年预算 (else 总预算) = its 资金来源 合计 and 支出明细 合计;
///   = the row of the 整体 form that lists it; = the 表10 project of the same
///   name, where `ProjectFormMatch` finds exactly one (two units with a
///   project of one name, 表10 without units: not compared with 表10).
///
/// Figures of forms printed in 万元 beside 元 tables are compared after
/// rounding the table figure to 0.01 万元.
public struct PerformanceFormRule: Rule {
    public let id = "performance-form"
    public let summary = "表13: 整体 form 收入/支出 and its project list add up and equal the tables; 项目 form budget = its sources, its 整体 list row, the 表10 project"
    public let tables = [13, 1, 3, 5, 10]

    public init() {}

    public func check(_ document: Document) -> [Finding] {
        let forms = document.table(13).forms
        var findings: [Finding] = []
        let lookup = CellLookup(document)
        let overall = forms.filter { $0.kind == .overall }
        for form in overall {
            guard let grid = form.grids.first(where: { $0.key == FormGrid.Key.funding }) else { continue }
            let unit = Self.unit(of: grid.rows.flatMap { r in grid.columns.filter { $0.id != "share" }.compactMap { r.amounts[$0.id] } },
                                  default: document.sourceUnit)
            let columns = grid.columns.map(\.id).filter { $0 != "share" }
            let identities: [(String, [[String]])] = [
                ("income.total", [["income.fiscal", "income.other"]]),
                ("expenditure.total", [["expenditure.basic", "expenditure.project"],
                                       ["expenditure.personnel", "expenditure.operation", "expenditure.specific"]]),
                ("expenditure.basic", [["expenditure.personnel", "expenditure.operation"]]),
            ]
            for column in columns {
                let caption = column == "current" ? "当年" : grid.columns.first { $0.id == column }?.caption ?? column
                for (sumKey, alternatives) in identities {
                    guard let row = grid.row(sumKey) else { continue }
                    // The first set of parts the form publishes.
                    guard let parts = alternatives.first(where: { $0.contains { grid.row($0)?.amounts[column] != nil } })
                    else { continue }
                    let values = parts.compactMap { grid.row($0)?.amounts[column]?.amount }
                    guard let sum = Amount.sum(values) else { continue }
                    let c = Comparison(rule: id, table: 13, row: "\(form.name)/\(sumKey)",
                                       subject: "表13 \(form.name) \(row.label)（\(caption)）", column: column,
                                       line: row.amounts[column]?.line ?? row.line, unit: unit,
                                       published: row.amounts[column]?.amount, expected: sum,
                                       expectedLabel: parts.compactMap { grid.row($0)?.label }.joined(separator: " + "),
                                       addends: values.count, blankMatters: true)
                    if let f = c.evaluate() { findings.append(f) }
                }
                if let expenditure = grid.row("expenditure.total"), let income = grid.row("income.total"),
                   let expected = income.amounts[column]?.amount {
                    let c = Comparison(rule: id, table: 13, row: "\(form.name)/expenditure.total",
                                       subject: "表13 \(form.name) 支出合计（\(caption)）", column: column,
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
                                  lookup.cell(table: 3, row: "total", column: "total")]),
                ("expenditure.total", [lookup.cell(table: 3, row: "total", column: "total"),
                                       Cell.panel(document, table: 1, row: "expenditure.total")]),
                ("expenditure.basic", [lookup.cell(table: 3, row: "total", column: "basic"),
                                       lookup.cell(table: 5, row: "total", column: "basic.subtotal")]),
                ("expenditure.project", [lookup.cell(table: 3, row: "total", column: "project"),
                                         lookup.cell(table: 5, row: "total", column: "project")]),
                ("expenditure.personnel", [lookup.cell(table: 5, row: "total", column: "basic.personnel"),
                                           lookup.cell(table: 6, row: "total", column: "personnel")]),
                ("expenditure.operation", [lookup.cell(table: 5, row: "total", column: "basic.public"),
                                           lookup.cell(table: 6, row: "total", column: "public")]),
                ("expenditure.specific", [lookup.cell(table: 5, row: "total", column: "project"),
                                          lookup.cell(table: 3, row: "total", column: "project")]),
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
        // 整体 forms: the projects they list add up to their 项目支出 (特定目标类).
        for form in overall {
            findings += listedProjects(form, document: document)
        }
        // 项目 forms: their own grids, the 整体 form that lists them, 表10.
        for form in forms where form.kind == .project {
            findings += projectForm(form, lookup: lookup)
        }
        return findings
    }

    /// The 项目支出情况 of an 整体 form: Σ 项目本年度预算 = its 项目支出 (or
    /// 特定目标类项目支出) of the current year.
    func listedProjects(_ form: PerformanceForm, document: Document) -> [Finding] {
        guard let list = form.grid(FormGrid.Key.projects),
              let column = ["year", "total"].first(where: { c in list.rows.contains { $0.amounts[c] != nil } }),
              let target = form.grid(FormGrid.Key.funding).flatMap({ g in
                  ["expenditure.project", "expenditure.specific"].lazy.compactMap { g.row($0) }
                      .first { $0.amounts["current"] != nil } })
        else { return [] }
        let items = list.rows.filter { $0.key != "total" }.compactMap { $0.amounts[column] }
        guard let sum = Amount.sum(items.map(\.amount)), let published = target.amounts["current"] else { return [] }
        let unit = Self.unit(of: items + [published], default: document.sourceUnit)
        let caption = list.columns.first { $0.id == column }?.caption ?? column
        let c = Comparison(rule: id, table: 13, row: "\(form.name)/\(target.key ?? "")", subject: "表13 \(form.name) \(target.label)",
                           column: "current", line: published.line ?? target.line, unit: unit, published: published.amount,
                           expected: sum, expectedLabel: "\(list.title) Σ\(caption)", addends: items.count, blankMatters: false)
        return c.evaluate().map { [$0] } ?? []
    }

    /// A 项目 form: its 资金来源 and 支出明细 合计 = its 当年预算 (else 总预算);
    /// its budget = the row of the 整体 form that lists it, and = the 表10
    /// project it is matched to (`ProjectFormMatch`).
    func projectForm(_ form: PerformanceForm, lookup: CellLookup) -> [Finding] {
        let document = lookup.document
        var findings: [Finding] = []
        let field = form.fields.first { $0.key == FormField.Key.yearBudget && $0.amount != nil }
            ?? form.fields.first { $0.key == FormField.Key.totalBudget && $0.amount != nil }
        guard let field, let figure = field.amount else { return [] }
        let unit = Self.unit(of: [figure], default: document.sourceUnit)
        let subject = "表13 \(form.name) \(field.label)"
        let row = "\(form.name)/\(field.key ?? "")"
        // Its own grids.
        for key in [FormGrid.Key.sources, FormGrid.Key.details] {
            guard let grid = form.grid(key), let total = grid.row("total"),
                  let sum = total.amounts.values.first else { continue }
            let c = Comparison(rule: id, table: 13, row: row, subject: subject, column: "\(key).total",
                               line: figure.line ?? field.line, unit: unit, published: figure.amount, expected: sum.amount,
                               expectedLabel: "\(grid.title) \(total.label)", addends: 1, blankMatters: false)
            if let f = c.evaluate() { findings.append(f) }
        }
        let match = ProjectFormMatch.match(form, in: document)
        // The 整体 form that lists it.
        if let listing = match.listing {
            let column = field.key == FormField.Key.yearBudget ? "year" : "total"
            if let listed = listing.row.amounts[column] ?? listing.row.amounts[column == "year" ? "total" : "year"] {
                let owner = document.table(13).forms[listing.form]
                let c = Comparison(rule: id, table: 13, row: row, subject: subject, column: "projects.\(column)",
                                   line: figure.line ?? field.line, unit: unit, published: figure.amount, expected: listed.amount,
                                   expectedLabel: "表13 \(owner.name) 项目支出情况 \(listing.row.label)",
                                   addends: 1, blankMatters: false)
                if let f = c.evaluate() { findings.append(f) }
            }
        }
        // 表10.
        if case .row(let index) = match.table10 {
            let project = document.table(10).rows[index]
            if let cell = lookup.cell(table: 10, row: project.key, column: "total"), let table = cell.amount,
               let f = compare(figure, field.line, label: subject, row: row, unit: unit, table: table, cell: cell,
                               document: document, tableLabel: "表10 项目 \(project.name) 合计") {
                findings.append(f)
            }
        }
        return findings
    }

    /// A form figure against a table figure rounded to the form's precision.
    func compare(_ figure: Figure, _ line: Int?, label: String, row: String, unit: SourceUnit,
                 table: Amount, cell: Cell, document: Document, tableLabel: String? = nil) -> Finding? {
        let step = unit.fenPerUnit / 100
        let expected = Amount(fen: NarrativeComparison.round(table.fen, to: step))
        return Comparison(rule: id, table: 13, row: row, subject: label, column: "current",
                          line: figure.line ?? line, unit: unit, published: figure.amount, expected: expected,
                          expectedLabel: tableLabel ?? cell.name, addends: cell.figures, blankMatters: false).evaluate()
    }

    /// The unit a form prints its money in, read off its figures: a figure
    /// whose text, read in 万元, is its amount was printed in 万元 (004 prints
    /// its forms in 万元 beside 元 tables, and says so only in a caption line).
    /// `default` when no figure tells (all zero, or the same in both units).
    static func unit(of figures: [Figure], default unit: SourceUnit) -> SourceUnit {
        for f in figures where f.amount != .zero {
            let wan = Amount.parse(f.text, unit: .wanYuan), yuan = Amount.parse(f.text, unit: .yuan)
            if case .success(let a) = wan, a == f.amount { return .wanYuan }
            if case .success(let a) = yuan, a == f.amount { return .yuan }
        }
        return unit
    }
}
