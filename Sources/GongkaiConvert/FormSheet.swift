import Foundation
import GongkaiModel
import GongkaiXLSX

/// The 表13 sheet: every performance form as a printable block, one after
/// another, each starting on a new page: its title, its fields, its small
/// grids (funding with live 合计 formulas, project list, sources of funds),
/// its goals, then its indicator tables with the 一级 and 二级 cells merged
/// over the rows they head.
///
/// Eight columns serve every block:
/// `一级指标 | 二级指标 | 三级指标 | 前年 | 上年 | 指标值 | 确定依据 | 备注`.
extension SheetPlanner {
    static let formWidths: [Double] = [11, 13, 30, 11, 11, 13, 12, 17]
    static let formColumns = formWidths.count

    func planForms(_ table: Table, _ template: TableTemplate, mismatches: inout [Mismatch]) -> SheetPlan {
        guard !table.forms.isEmpty else { return planText(table, template) }
        var plan = basePlan(template, headerDepth: 0, widths: Self.formWidths)
        var layout = FormLayout(plan: plan, unit: unit, sourceUnit: document.sourceUnit)
        for (i, form) in table.forms.enumerated() {
            if i > 0 { layout.pageBreak() }
            layout.form(form, number: i + 1, of: table.forms.count)
            mismatches += layout.resolveFunding(form, index: i)
        }
        plan = layout.plan
        plan.notes = ["说明：本表按原文逐项列示绩效目标表；原文中合并的一级、二级指标单元格在此同样合并。空白表示原文未填。金额单位：\(unit.rawValue)。"]
        return plan
    }
}

/// Lays forms out row by row on a `SheetPlan`.
struct FormLayout {
    var plan: SheetPlan
    let unit: SourceUnit
    let sourceUnit: SourceUnit
    /// Funding cells of the current form, for their formulas.
    var fundingCells: [SheetPlan.Key: Figure] = [:]
    var fundingNames: [String: (String, Int?)] = [:]
    var fundingRows: [String] = []
    var fundingPositions: [SheetPlan.Key] = []
    /// The number of the form being laid out.
    var formNumber = 0
    /// The first row of the page being laid out.
    var pageStart: Int

    static let columns = SheetPlanner.formColumns
    static let widths = SheetPlanner.formWidths

    // Styles of the blocks.
    static let formTitle = CellStyle(fontName: Styles.heading, fontSize: 13, bold: true, horizontalAlignment: .left,
                                     verticalAlignment: .center)
    static let subtitle = CellStyle(fontName: Styles.body, fontSize: 9, fontColor: CellStyle.Color(rgb: 0x555555),
                                    horizontalAlignment: .left, verticalAlignment: .center, wrapsText: true)
    static let section = CellStyle(fontName: Styles.body, fontSize: 10, bold: true, fillColor: CellStyle.Color(rgb: 0xD9E2F0),
                                   border: .thin, horizontalAlignment: .left, verticalAlignment: .center, wrapsText: true)
    static let label = CellStyle(fontName: Styles.body, fontSize: 10, bold: true, fillColor: Styles.headerFill, border: .thin,
                                 horizontalAlignment: .center, verticalAlignment: .center, wrapsText: true)
    static let value = CellStyle(fontName: Styles.body, fontSize: 10, border: .thin, horizontalAlignment: .left,
                                 verticalAlignment: .center, wrapsText: true)
    static let longText = CellStyle(fontName: Styles.body, fontSize: 10, border: .thin, horizontalAlignment: .left,
                                    verticalAlignment: .top, wrapsText: true)
    static let level = CellStyle(fontName: Styles.body, fontSize: 10, border: .thin, horizontalAlignment: .center,
                                 verticalAlignment: .center, wrapsText: true)
    static let centered = CellStyle(fontName: Styles.body, fontSize: 10, border: .thin, horizontalAlignment: .center,
                                    verticalAlignment: .center, wrapsText: true)

    init(plan: SheetPlan, unit: SourceUnit, sourceUnit: SourceUnit) {
        self.plan = plan
        self.unit = unit
        self.sourceUnit = sourceUnit
        pageStart = plan.bodyStart + plan.body.count
    }

    /// The sheet row the next body row will be.
    var nextRow: Int { plan.bodyStart + plan.body.count }

    // MARK: - Rows and cells

    /// Appends a row of blank cells styled `style` (or none) and returns its sheet row.
    @discardableResult
    mutating func newRow(_ style: CellStyle? = nil) -> Int {
        let cell = SheetPlan.Cell(content: .blank, style: style ?? Styles.plain)
        plan.body.append(Array(repeating: cell, count: Self.columns))
        return nextRow - 1
    }

    mutating func set(_ row: Int, _ column: Int, _ content: SheetPlan.Content, _ style: CellStyle) {
        plan.body[row - plan.bodyStart][column] = SheetPlan.Cell(content: content, style: style)
    }

    /// Text over columns `from...to` of `rows` (merged when more than one cell).
    mutating func put(_ text: String, rows: ClosedRange<Int>, from: Int, to: Int, _ style: CellStyle) {
        for r in rows { for c in from...to { set(r, c, .blank, style) } }
        if rows.count > 1 || to > from {
            plan.bodyMerges.append((CellRange(firstRow: rows.lowerBound, firstColumn: from, lastRow: rows.upperBound, lastColumn: to), text, style))
        } else {
            set(rows.lowerBound, from, text.isEmpty ? .blank : .text(text), style)
        }
        need(text, rows: rows, from: from, to: to, bold: style.bold, fontSize: style.fontSize ?? 10)
    }

    mutating func put(_ text: String, row: Int, from: Int, to: Int, _ style: CellStyle) {
        put(text, rows: row...row, from: from, to: to, style)
    }

    /// Makes `rows` tall enough for `text` wrapped in columns `from...to`
    /// (merged cells never grow by themselves).
    mutating func need(_ text: String, rows: ClosedRange<Int>, from: Int, to: Int, bold: Bool = false, fontSize: Double = 10) {
        guard !text.isEmpty else { return }
        let width = Self.widths[from...to].reduce(0, +)
        let lines = Self.lineCount(text, width: width * 10 / fontSize * (bold ? 0.92 : 1))
        let lineHeight = fontSize * 1.38
        let total = Double(lines) * lineHeight + 5
        let per = min(409, max(15, total / Double(rows.count)))
        for r in rows where per > (plan.rowHeights[r] ?? 15) { plan.rowHeights[r] = per.rounded(.up) }
    }

    /// How many lines `text` takes in a column `width` characters wide (a
    /// Chinese character takes two).
    static func lineCount(_ text: String, width: Double) -> Int {
        var total = 0
        for paragraph in text.components(separatedBy: "\n") {
            var units = 0.0
            for ch in paragraph { units += ch.unicodeScalars.first.map { $0.value > 0x2E7F ? 1.8 : 1.0 } ?? 1 }
            total += max(1, Int((units / max(4, width)).rounded(.up)))
        }
        return total
    }

    /// A blank row, then a new page (between forms).
    mutating func pageBreak() {
        newRow()
        breakPage()
    }

    /// A new page from the next row on.
    mutating func breakPage() {
        plan.pageBreaks.append(nextRow)
        pageStart = nextRow
    }

    /// The height of row content a printed page holds, in points: A4
    /// landscape, fit to width, prints the eight columns at about 78 % of
    /// their size, so a page holds about 620 points of rows (measured on
    /// LibreOffice's PDF of 004); less a margin of safety, so that the page
    /// breaks gongkai sets come before the ones a spreadsheet would.
    static let pageHeight = 580.0

    /// What a page holds before a spreadsheet breaks it by itself (long
    /// fields and goals run over pages without gongkai's breaks).
    static let printedPage = 620.0

    /// The height of the rows laid out on the current page so far (the
    /// sheet's title and unit line on the first), counting from where the
    /// spreadsheet will have broken a page by itself since gongkai's last break.
    var pageUsed: Double {
        var used = pageStart == plan.bodyStart ? 60.0 : 0
        for r in pageStart..<nextRow {
            let h = plan.rowHeights[r] ?? 15
            used = used + h > Self.printedPage ? h : used + h
        }
        return used
    }

    /// The height `need` gives a row holding `cells` (text, first and last column).
    static func height(_ cells: [(String, Int, Int)]) -> Double {
        cells.reduce(15) { h, cell in
            guard !cell.0.isEmpty else { return h }
            let width = widths[cell.1...cell.2].reduce(0, +)
            return max(h, min(409, (Double(lineCount(cell.0, width: width)) * 10 * 1.38 + 5).rounded(.up)))
        }
    }

    // MARK: - A form

    mutating func form(_ form: PerformanceForm, number: Int, of count: Int) {
        fundingCells = [:]
        fundingNames = [:]
        fundingRows = []
        fundingPositions = []
        formNumber = number
        let kind = form.kind == .overall ? "部门整体支出绩效目标表" : "项目支出绩效目标表"
        let r = newRow()
        put("\(number). \(kind)：\(form.name.isEmpty ? "（原文未载明名称）" : form.name)", row: r, from: 0, to: Self.columns - 1, Self.formTitle)
        plan.rowHeights[r] = max(plan.rowHeights[r] ?? 0, 24)
        var about: [String] = []
        if let t = form.title { about.append("原文标题：" + t) }
        if let lines = form.lines { about.append("原文第 \(lines.lowerBound)–\(lines.upperBound) 行") }
        about.append("第 \(number) 张，共 \(count) 张")
        put(about.joined(separator: "　　"), row: newRow(), from: 0, to: Self.columns - 1, Self.subtitle)
        fields(form)
        for grid in form.grids { self.grid(grid, form: form) }
        goals(form)
        indicators(form)
        for note in form.notes where !note.isEmpty {
            let row = newRow()
            put("备注", row: row, from: 0, to: 1, Self.label)
            put(note, row: row, from: 2, to: Self.columns - 1, Self.value)
        }
    }

    // MARK: Fields

    /// Short fields two to a row, long texts on rows of their own (a row
    /// per paragraph, the label merged beside them).
    mutating func fields(_ form: PerformanceForm) {
        let long: Set<String> = [FormField.Key.reason, FormField.Key.content, FormField.Key.budgetChange,
                                 FormField.Key.functions, FormField.Key.organization, FormField.Key.tasks]
        var pending: FormField?
        func isLong(_ f: FormField) -> Bool {
            f.amount == nil && (long.contains(f.key ?? "") || f.text.contains("\n") || f.text.count > 24)
        }
        for f in form.fields {
            if isLong(f) {
                if let p = pending { pair(p, nil); pending = nil }
                longField(f)
            } else if let p = pending {
                pair(p, f)
                pending = nil
            } else {
                pending = f
            }
        }
        if let p = pending { pair(p, nil) }
    }

    mutating func pair(_ left: FormField, _ right: FormField?) {
        let r = newRow()
        put(left.label, row: r, from: 0, to: 1, Self.label)
        value(left, row: r, from: 2, to: 2)
        if let right {
            put(right.label, row: r, from: 3, to: 4, Self.label)
            value(right, row: r, from: 5, to: Self.columns - 1)
        } else {
            put("", row: r, from: 3, to: Self.columns - 1, Self.value)
        }
    }

    mutating func value(_ f: FormField, row: Int, from: Int, to: Int) {
        if let amount = f.amount {
            set(row, from, .amount(amount), Styles.amount())
            if to > from { put("", row: row, from: from + 1, to: to, Self.value) }
        } else {
            put(f.text, row: row, from: from, to: to, Self.value)
        }
    }

    mutating func longField(_ f: FormField) {
        var paragraphs = f.text.components(separatedBy: "\n").filter { !$0.isEmpty }
        // A small table printed as text lines (项目支出明细测算 of a PDF): kept together, a page-sized chunk per row.
        if [FormField.Key.details, FormField.Key.purchases, FormField.Key.budgetChange].contains(f.key ?? "") {
            paragraphs = stride(from: 0, to: paragraphs.count, by: 18).map { paragraphs[$0..<min($0 + 18, paragraphs.count)].joined(separator: "\n") }
        }
        let first = nextRow
        for p in paragraphs.isEmpty ? [""] : paragraphs {
            put(p, row: newRow(), from: 2, to: Self.columns - 1, Self.longText)
        }
        put(f.label, rows: first...(nextRow - 1), from: 0, to: 1, Self.label)
    }

    // MARK: Grids

    mutating func grid(_ grid: FormGrid, form: PerformanceForm) {
        switch grid.key {
        case FormGrid.Key.funding: funding(grid, form: form)
        case FormGrid.Key.projects: projects(grid)
        default: lines(grid)
        }
    }

    /// 部门总体资金情况: group | item | 当年 | 占比 | years; 合计 rows are formulas.
    mutating func funding(_ grid: FormGrid, form: PerformanceForm) {
        let columns = Array(grid.columns.filter { $0.id != "years" }.prefix(5))
        let head = newRow()
        put(grid.title, row: head, from: 0, to: 2, Self.label)
        for (i, c) in columns.enumerated() { put(c.caption, row: head, from: 3 + i, to: 3 + i, Self.label) }
        if columns.count < 5 { put("", row: head, from: 3 + columns.count, to: Self.columns - 1, Self.label) }
        var groupStart: (row: Int, text: String)?
        func closeGroup(_ layout: inout FormLayout, before row: Int) {
            if let g = groupStart, row - 1 >= g.row { layout.put(g.text, rows: g.row...(row - 1), from: 0, to: 0, Self.level) }
            groupStart = nil
        }
        for (i, row) in grid.rows.enumerated() {
            let r = newRow()
            let isTotal = row.key?.hasSuffix(".total") ?? false
            if let g = row.group, g != groupStart?.text { closeGroup(&self, before: r); groupStart = (r, g) }
            else if groupStart == nil { groupStart = (r, row.group ?? "") }
            put(row.label, row: r, from: 1, to: 2, isTotal ? Styles.totalLabel : Self.value)
            let rowKey = "表13-\(formNumber):" + (row.key ?? "row\(i + 1)")
            for (c, column) in columns.enumerated() {
                let key = SheetPlan.Key(row: rowKey, column: column.id)
                if let f = row.amounts[column.id] {
                    set(r, 3 + c, .amount(f), Styles.amount(bold: isTotal))
                    fundingCells[key] = f
                } else {
                    put(row.cells[column.id] ?? "", row: r, from: 3 + c, to: 3 + c, column.id == "share" ? Self.centered : Styles.amount(bold: isTotal))
                }
                if column.id != "share" {
                    plan.positions[key] = CellReference(row: r, column: 3 + c)
                    fundingPositions.append(key)
                }
            }
            if columns.count < 5 { put("", row: r, from: 3 + columns.count, to: Self.columns - 1, Self.value) }
            fundingNames[rowKey] = (row.label, row.line)
            fundingRows.append(rowKey)
        }
        closeGroup(&self, before: nextRow)
    }

    /// 合计 rows of the funding grid as formulas over their items:
    /// income.total = the income rows, expenditure.total = the expenditure rows.
    mutating func resolveFunding(_ form: PerformanceForm, index: Int) -> [SheetPlanner.Mismatch] {
        guard !fundingCells.isEmpty else { return [] }
        var addends: [String: [String]] = [:]
        var items: [String] = []
        for key in fundingRows {
            let id = String(key.split(separator: ":", maxSplits: 1).last ?? "")
            guard id.contains(".") else { items = []; continue }
            if id.hasSuffix(".total") {
                addends[key] = items
                items = []
            } else if id.hasPrefix("income.") || id.hasPrefix("expenditure.") {
                items.append(key)
            }
        }
        let cells = fundingCells
        let resolved = SheetPlanner.resolve(cells: cells, positions: plan.positions) { key in
            addends[key.row].map { $0.map { SheetPlan.Key(row: $0, column: key.column) } }
        }
        var found: [SheetPlanner.Mismatch] = []
        let totals = Set(addends.keys)
        SheetPlanner.fill(&plan, contents: resolved.contents, bold: totals, table: 13,
                          rowNames: fundingNames.mapValues { ("\(form.name) \($0.0)", $0.1) }, mismatches: &found)
        for key in fundingPositions { plan.positions[key] = nil }
        fundingCells = [:]
        return found
    }

    /// 项目支出情况 of an 整体 form.
    mutating func projects(_ grid: FormGrid) {
        let head = newRow()
        let spans: [String: (Int, Int)] = ["name": (0, 2), "category": (3, 3), "total": (4, 4), "year": (5, 5), "use": (6, 7)]
        put(grid.title, row: head, from: 0, to: Self.columns - 1, Self.section)
        let caps = newRow()
        for id in ["name", "category", "total", "year", "use"] {
            let (a, b) = spans[id]!
            put(grid.columns.first { $0.id == id }?.caption ?? "", row: caps, from: a, to: b, Self.label)
        }
        for row in grid.rows {
            let r = newRow()
            for id in ["name", "category", "total", "year", "use"] {
                let (a, b) = spans[id]!
                if let f = row.amounts[id] { set(r, a, .amount(f), Styles.amount()) }
                else { put(row.cells[id] ?? "", row: r, from: a, to: b, id == "name" || id == "use" ? Self.value : Self.centered) }
            }
        }
    }

    /// 项目资金来源, 项目支出明细预算: a label and an amount per row.
    mutating func lines(_ grid: FormGrid) {
        let first = nextRow
        let head = newRow()
        put(grid.columns.first?.caption ?? "", row: head, from: 1, to: 4, Self.label)
        put(grid.columns.last?.caption ?? "金额", row: head, from: 5, to: 5, Self.label)
        put("", row: head, from: 6, to: Self.columns - 1, Self.label)
        for row in grid.rows {
            let r = newRow()
            let isTotal = row.key == "total"
            put(row.label, row: r, from: 1, to: 4, isTotal ? Styles.totalLabel : Self.value)
            if let f = row.amounts["amount"] { set(r, 5, .amount(f), Styles.amount(bold: isTotal)) }
            else { put(row.cells["amount"] ?? "", row: r, from: 5, to: 5, Self.centered) }
            put("", row: r, from: 6, to: Self.columns - 1, Self.value)
        }
        put(grid.title, rows: first...(nextRow - 1), from: 0, to: 0, Self.label)
    }

    // MARK: Goals

    mutating func goals(_ form: PerformanceForm) {
        guard !form.goals.isEmpty else { return }
        put("绩效目标", row: newRow(), from: 0, to: Self.columns - 1, Self.section)
        for g in form.goals {
            let label = g.label ?? (g.term == .longTerm ? "长期目标" : g.term == .annual ? "年度目标" : "目标")
            let paragraphs = g.text.components(separatedBy: "\n").filter { !$0.isEmpty }
            let first = nextRow
            for p in paragraphs.isEmpty ? [""] : paragraphs { put(p, row: newRow(), from: 2, to: Self.columns - 1, Self.longText) }
            put(label, rows: first...(nextRow - 1), from: 0, to: 1, Self.label)
        }
    }

    // MARK: Indicators

    /// One table per (term, goal) block, in source order.
    mutating func indicators(_ form: PerformanceForm) {
        var blocks: [(term: GoalTerm?, goal: String?, rows: [Indicator])] = []
        for i in form.indicators {
            if let last = blocks.last, last.term == i.term, last.goal == i.goal { blocks[blocks.count - 1].rows.append(i) }
            else { blocks.append((i.term, i.goal, [i])) }
        }
        for block in blocks { indicatorBlock(block.rows, term: block.term, goal: block.goal, captions: form.valueCaptions) }
    }

    mutating func indicatorBlock(_ rows: [Indicator], term: GoalTerm?, goal: String?, captions: [String: String]) {
        let termText = term == .longTerm ? "长期绩效指标" : term == .annual ? "年度绩效指标" : "绩效指标"
        let goalText = goal.map { "（\($0)）" } ?? ""
        let years = rows.contains { $0.yearBefore != nil || $0.lastYear != nil }
        let categories = rows.contains { $0.category != nil }
        let level2 = rows.contains { !$0.level2.isEmpty }
        let notes = rows.contains { $0.note != nil } || (years && categories)
        // A block that fits a page is not split: it starts a new page when
        // the rest of this one is too short; a longer block starts here if
        // its head and first rows fit.
        let heights = rows.map { Self.height(cells($0, years: years, categories: categories, notes: notes)) }
        let whole = 18 + 28 + heights.reduce(0, +), opening = 18 + 28 + heights.prefix(2).reduce(0, +)
        let room = Self.pageHeight - pageUsed
        if nextRow > pageStart + 2, whole <= Self.pageHeight ? whole > room : opening > room { breakPage() }
        put(termText + goalText + "　共 \(rows.count) 项", row: newRow(), from: 0, to: Self.columns - 1, Self.section)
        header(years: years, categories: categories, level2: level2, notes: notes, captions: captions)
        // Rows, 一级 and 二级 merged over their runs on each page; a block
        // that goes on over a page break repeats its header there.
        var segment: [Indicator] = []
        var first = nextRow
        func closeSegment(_ layout: inout FormLayout) {
            guard !segment.isEmpty else { return }
            if level2 {
                layout.mergeRuns(segment.map(\.level1), firstRow: first, column: 0)
                layout.mergeRuns(segment.map { $0.level1 + "\u{1}" + $0.level2 }, firstRow: first, column: 1, shown: segment.map(\.level2))
            } else {
                layout.mergeRuns(segment.map(\.level1), firstRow: first, column: 0, through: 1)
            }
            segment = []
        }
        for i in rows {
            let cells = cells(i, years: years, categories: categories, notes: notes)
            if !segment.isEmpty, pageUsed + Self.height(cells) > Self.pageHeight {
                closeSegment(&self)
                breakPage()
                put(termText + goalText + "（续）", row: newRow(), from: 0, to: Self.columns - 1, Self.section)
                header(years: years, categories: categories, level2: level2, notes: notes, captions: captions)
                first = nextRow
            }
            let r = newRow()
            for (text, from, to) in cells {
                put(text, row: r, from: from, to: to, from == 2 || (from == 7 && notes) ? Self.value : Self.centered)
            }
            segment.append(i)
        }
        closeSegment(&self)
    }

    /// The header row of an indicator table.
    mutating func header(years: Bool, categories: Bool, level2: Bool, notes: Bool, captions: [String: String]) {
        let h = newRow()
        if level2 {
            put("一级指标", row: h, from: 0, to: 0, Self.label)
            put("二级指标", row: h, from: 1, to: 1, Self.label)
        } else {
            put("一级指标", row: h, from: 0, to: 1, Self.label)
        }
        put("三级指标", row: h, from: 2, to: 2, Self.label)
        if years {
            put(captions["yearBefore"] ?? "前年", row: h, from: 3, to: 3, Self.label)
            put(captions["lastYear"] ?? "上年", row: h, from: 4, to: 4, Self.label)
            put(captions["value"] ?? "当年指标值", row: h, from: 5, to: 5, Self.label)
        } else if categories {
            put("指标类别", row: h, from: 3, to: 3, Self.label)
            put("指标值", row: h, from: 4, to: 5, Self.label)
        } else {
            put("指标值", row: h, from: 3, to: 5, Self.label)
        }
        if notes {
            put("指标值确定依据", row: h, from: 6, to: 6, Self.label)
            put(years && categories ? "指标类别／备注" : "备注", row: h, from: 7, to: 7, Self.label)
        } else {
            put("指标值确定依据", row: h, from: 6, to: 7, Self.label)
        }
    }

    /// The cells of an indicator's row after 一级 and 二级: (text, first column, last column).
    func cells(_ i: Indicator, years: Bool, categories: Bool, notes: Bool) -> [(String, Int, Int)] {
        var out: [(String, Int, Int)] = [(i.name, 2, 2)]
        if years {
            out += [(i.yearBefore ?? "", 3, 3), (i.lastYear ?? "", 4, 4), (i.value ?? "", 5, 5)]
        } else if categories {
            out += [(i.category ?? "", 3, 3), (i.value ?? "", 4, 5)]
        } else {
            out += [(i.value ?? "", 3, 5)]
        }
        if notes {
            let note = years && categories ? [i.category, i.note].compactMap { $0 }.joined(separator: "；") : (i.note ?? "")
            out += [(i.basis ?? "", 6, 6), (note, 7, 7)]
        } else {
            out += [(i.basis ?? "", 6, 7)]
        }
        return out
    }

    /// Merges vertical runs of equal `keys` in `column` (showing `shown`).
    mutating func mergeRuns(_ keys: [String], firstRow: Int, column: Int, through: Int? = nil, shown: [String]? = nil) {
        let texts = shown ?? keys
        var start = 0
        while start < keys.count {
            var end = start
            while end + 1 < keys.count, keys[end + 1] == keys[start] { end += 1 }
            put(texts[start], rows: (firstRow + start)...(firstRow + end), from: column, to: through ?? column, Self.level)
            start = end + 1
        }
    }
}
