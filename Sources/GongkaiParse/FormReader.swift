import Foundation
import GongkaiModel

/// Reads the 表13 performance forms from the source lines the parser kept
/// for them (`Table.raw`): one `PerformanceForm` per 整体 or 项目 form.
///
/// Forms are cut at their titles (a 基本信息表 and the 整体绩效目标表 after it
/// are one form); within a form every row is a field row (`项目名称 │ X`), a
/// row of a small grid (部门总体资金情况, 项目支出情况, 项目资金来源), a goal
/// (`长期目标1: …`) or an indicator row under the indicator header before it.
/// Cells shifted against their header are placed by what they say
/// (`IndicatorTable.assign`). What cannot be placed is reported.
struct FormReader {
    /// The document's unit, for amounts whose form does not name one.
    let unit: SourceUnit
    /// The document so far (its 表10, to name a project form with no name).
    let document: Document

    struct Result {
        var forms: [PerformanceForm] = []
        var diagnostics: [Diagnostic] = []
        /// Lines the parser kept that are prose after the forms, not forms
        /// (they go back to the narrative).
        var prose: Set<Int> = []
    }

    func read(_ raw: [SourceText]) -> Result {
        guard !raw.isEmpty else { return Result() }
        if raw.contains(where: { $0.text.contains("\t") }) {
            var reader = TabFormReader(unit: unit)
            return reader.read(raw)
        }
        var reader = TextFormReader(unit: unit, document: document)
        return reader.read(raw)
    }

    /// Whether `text` is a part heading or a sentence of prose: the forms
    /// are over.
    static func isProse(_ text: String) -> Bool {
        let t = text.trimmingWhitespace()
        if t.range(ofPattern: #"^第[一二三四五六七八九十]+部分"#) != nil { return true }
        if FormVocabulary.goalLabel(t) != nil { return false }
        return t.count >= 40 && (t.hasSuffix("。") || t.hasSuffix("：")) && !t.contains("\t")
    }

    /// `(一)`, `表11`, `（表十二）`: a number printed above a title.
    static func isNumberMarker(_ text: String) -> Bool {
        let t = FormVocabulary.key(text)
        return TitleMatcher.isNumberMarker(t)
            || t.range(ofPattern: #"^\(?(表)?[0-9一二三四五六七八九十]+\)?$"#) != nil
    }

    /// The kind a title names (nil: say so by the fields).
    static func kind(ofTitle title: String) -> PerformanceForm.Kind? {
        let t = FormVocabulary.key(title)
        if t.contains("整体") || t.hasSuffix("基本信息表") { return .overall }
        if t.contains("项目") || t.contains("专项") { return .project }
        return nil
    }

    /// The amount in a field's text (`3000 万元`, `18000`, `42.02 万元`), in
    /// the unit it names or `unit`.
    static func amount(in text: String, unit: SourceUnit) -> Figure? {
        let t = FormVocabulary.key(text)
        guard let r = t.range(ofPattern: #"-?[0-9][0-9,]*(\.[0-9]+)?"#) else { return nil }
        let rest = t[r.upperBound...]
        // The number must be the value, not part of a date or a name.
        guard rest.isEmpty || rest.hasPrefix("万元") || rest.hasPrefix("元"), t[..<r.lowerBound].allSatisfy({ !$0.isNumber }) else { return nil }
        let u: SourceUnit = rest.hasPrefix("万元") ? .wanYuan : rest.hasPrefix("元") ? .yuan : unit
        let number = String(t[r])
        guard case .success(let a) = Amount.parse(number, unit: u) else { return nil }
        return Figure(amount: a, text: number)
    }
}

// MARK: - TAB-separated forms

/// Forms whose rows are TAB-separated cells (江汉 2020, 洪山 2024, 新洲 2020).
struct TabFormReader {
    let unit: SourceUnit
    var result = FormReader.Result()

    /// A form being read.
    struct Draft {
        var form: PerformanceForm
        var unit: SourceUnit
        var first: Int
        var last: Int
        var titles: [String] = []
    }

    enum Mode {
        case fields
        case funding
        case projects(roles: [String?])
        case lineGrid(key: String)
        case goalColumns([(column: Int, term: GoalTerm, label: String)])
        case indicators
    }

    var drafts: [Draft] = []
    var mode: Mode = .fields
    var table: IndicatorTable?
    var tableHasRows = false
    var term: GoalTerm?
    var goal: String?
    var previous: Indicator?
    var seenLevel1: Set<String> = []
    var seenLevel2: Set<String> = []
    var fundingGroup = "income"
    /// Where the last TAB row of the forms was.
    var lastRow = 0
    var overflow: [SourceText] = []

    init(unit: SourceUnit) {
        self.unit = unit
    }

    mutating func read(_ raw: [SourceText]) -> FormReader.Result {
        var outside = false
        for line in raw {
            let text = line.text
            let t = text.trimmingWhitespace()
            if outside || (FormReader.isProse(t) && !drafts.isEmpty) {
                // Prose until the next form's title.
                if TitleMatcher.match(t)?.tableID == 13 { outside = false }
                else { outside = true; result.prose.insert(line.line); continue }
            }
            if !text.contains("\t") {
                readLine(t, at: line.line)
            } else {
                readRow(text.components(separatedBy: "\t").map(FormVocabulary.clean), at: line.line)
                lastRow = line.line
            }
        }
        finishOverflow()
        for d in drafts { result.forms.append(finish(d)) }
        return result
    }

    // MARK: Lines without cells

    mutating func readLine(_ t: String, at n: Int) {
        if let m = TitleMatcher.match(t), m.tableID == 13 {
            startForm(title: t, at: n)
            return
        }
        if FormReader.isNumberMarker(t) { return }
        guard !drafts.isEmpty else { startForm(title: nil, at: n); readLine(t, at: n); return }
        if lastRow > 0, drafts[drafts.count - 1].form.indicators.count > 0, !isFormLine(t) {
            // After the last row of the grid: a fragment of a cell that the
            // PDF conversion pushed to the end.
            overflow.append(SourceText(line: n, text: t))
            return
        }
        touch(n)
        let k = FormVocabulary.key(t)
        if k.range(ofPattern: #"^(资金)?单位[:：]"#) != nil {
            if k.contains("万元") { drafts[drafts.count - 1].unit = .wanYuan }
            else if k.hasSuffix("元") { drafts[drafts.count - 1].unit = .yuan }
            return
        }
        if let g = FormVocabulary.goalLabel(t) {
            addGoal(label: g.label, term: g.term, text: g.rest, at: n)
            return
        }
        if let f = FormVocabulary.inlineField(t) {
            addField(label: f.label, value: f.value, at: n)
            return
        }
        current.notes.append(t)
    }

    /// A line that is part of a form even after its grid (a title, a unit, a goal).
    func isFormLine(_ t: String) -> Bool {
        TitleMatcher.match(t)?.tableID == 13 || FormVocabulary.goalLabel(t) != nil || FormVocabulary.inlineField(t) != nil
    }

    // MARK: Rows

    mutating func readRow(_ cells: [String], at n: Int) {
        if drafts.isEmpty { startForm(title: nil, at: n) }
        if !overflow.isEmpty {
            // What looked like overflow was followed by more rows: it is the form's text.
            for o in overflow { current.notes.append(o.text) }
            overflow = []
        }
        touch(n)
        let filled = cells.enumerated().filter { !$0.element.isEmpty }
        guard let first = filled.first else { return }
        let firstKey = FormVocabulary.key(first.element)

        // An indicator header, and the rows that continue it.
        if IndicatorTable.isHeader(cells) {
            var t = IndicatorTable(header: cells, subHeaders: [])
            if t.term == nil { t.term = term }
            table = t
            tableHasRows = false
            previous = nil
            mode = .indicators
            if let tt = t.term { term = tt }
            return
        }
        if case .indicators = mode, !tableHasRows, IndicatorTable.isSubHeader(cells), let t = table {
            var rebuilt = IndicatorTable(header: t.header, subHeaders: t.subHeaders + [cells])
            rebuilt.term = t.term
            table = rebuilt
            for (k, v) in rebuilt.captions { current.valueCaptions[k] = v }
            return
        }
        // Sections.
        if firstKey == "长期绩效目标表" || firstKey == "中期绩效目标表" { term = .longTerm; mode = .fields; table = nil; return }
        if firstKey == "年度绩效目标表" { term = .annual; mode = .fields; table = nil; return }
        if firstKey == "项目绩效总目标" || (firstKey == "名称" && filled.count <= 2) { mode = .fields; return }
        if FormVocabulary.isFiller(first.element) && filled.count == 1 { return }
        if firstKey == "整体绩效目标" {
            var columns: [(Int, GoalTerm, String)] = []
            for (i, c) in cells.enumerated() where i != first.offset {
                if let g = FormVocabulary.goalLabel(c) { columns.append((i, g.term, c.trimmingCharacters(in: CharacterSet(charactersIn: "：: ")))) }
            }
            mode = .goalColumns(columns)
            return
        }
        // A goal: its label and at most one cell of text.
        if let g = FormVocabulary.goalLabel(first.element), filled.count <= 2,
           !(filled.count == 2 && isIndicatorContent(filled[1].element)) {
            let text = ([g.rest] + filled.dropFirst().map(\.element)).filter { !$0.isEmpty }.joined(separator: "\n")
            addGoal(label: g.label, term: g.term, text: text, at: n)
            return
        }
        if case .goalColumns(let columns) = mode {
            var placed = false
            for (i, c) in filled {
                guard let col = columns.min(by: { abs($0.column - i) < abs($1.column - i) }), abs(col.column - i) <= 1 else { continue }
                current.goals.append(FormGoal(term: col.term, label: col.label, text: c, line: n))
                placed = true
            }
            if placed { return }
            mode = .fields
        }
        // The funding block.
        if cells.contains(where: { FormVocabulary.key($0).contains("总体资金情况") }) {
            startFunding(cells, at: n)
            return
        }
        if case .funding = mode {
            if readFundingRow(cells, at: n) { return }
            mode = .fields
        }
        // The project list of an 整体 form.
        if isProjectListHeader(cells) {
            let roles: [String?] = cells.map { c in
                switch FormVocabulary.key(c) {
                case "项目名称": "name"
                case "项目类别": "category"
                case "项目总预算": "total"
                case "项目本年度预算", "项目当年预算", "本年度预算": "year"
                case let k where k.hasPrefix("项目主要支出方向"): "use"
                default: nil
                }
            }
            current.grids.append(FormGrid(key: FormGrid.Key.projects, title: "项目支出情况",
                columns: zip(roles, cells).compactMap { r, c in r.map { FormColumn(id: $0, caption: c) } }))
            mode = .projects(roles: roles)
            return
        }
        if case .projects(let roles) = mode, FormVocabulary.label(first.element) == nil {
            var row = FormGridRow(label: "", line: n)
            for (i, c) in cells.enumerated() where !c.isEmpty {
                guard i < roles.count, let id = roles[i] else { row.group = c; continue }
                row.cells[id] = c
                if id == "total" || id == "year", let f = FormReader.amount(in: c, unit: draftUnit) { row.amounts[id] = f }
            }
            if let name = row.cells["name"] {
                row.label = name
                let bare = name.replacingMatches(ofPattern: #"^项目[0-9一二三四五六七八九十]+[:：]\s*"#, with: "")
                row.key = "name:" + FormVocabulary.key(bare)
                appendGridRow(row)
                return
            }
        }
        // 项目资金来源, 项目支出明细预算.
        if let key = lineGridKey(firstKey) {
            if gridIndex(key) == nil {
                current.grids.append(FormGrid(key: key, title: key == FormGrid.Key.sources ? "项目资金来源" : "项目支出明细预算",
                                              columns: [FormColumn(id: "name", caption: key == FormGrid.Key.sources ? "资金来源项目" : "项目支出明细"),
                                                        FormColumn(id: "amount", caption: "金额")]))
            }
            mode = .lineGrid(key: key)
            let rest = filled.dropFirst(firstKey == "资金来源项目" ? 0 : 1).map(\.element)
            if rest.allSatisfy({ ["资金来源项目", "项目支出明细", "金额"].contains(FormVocabulary.key($0)) }) { return }
            readLineGridRow(Array(rest), key: key, at: n)
            return
        }
        if case .lineGrid(let key) = mode, FormVocabulary.label(first.element) == nil, !isGoalOrSection(firstKey) {
            let texts = filled.map(\.element)
            if texts.allSatisfy({ ["资金来源项目", "项目支出明细", "金额"].contains(FormVocabulary.key($0)) }) { return }
            readLineGridRow(texts, key: key, at: n)
            return
        }
        // Field rows.
        if FormVocabulary.label(first.element) != nil || FormVocabulary.inlineField(first.element) != nil {
            if case .indicators = mode {} else {
                readFields(cells, at: n)
                mode = .fields
                return
            }
        }
        if case .indicators = mode, let t = table {
            readIndicator(cells, table: t, at: n)
            return
        }
        result.diagnostics.append(Diagnostic(.note, line: n, table: 13,
            "表13 form \"\(formName)\": row \"\(filled.map(\.element).joined(separator: " | ").prefix(60))\" is none of the form's fields, grids or indicators; it is kept in raw"))
    }

    func isIndicatorContent(_ text: String) -> Bool {
        FormVocabulary.isLevel1(text) || FormVocabulary.isLevel2(text)
    }

    func isGoalOrSection(_ key: String) -> Bool {
        FormVocabulary.goalLabel(key) != nil || key == "项目绩效总目标"
    }

    func isProjectListHeader(_ cells: [String]) -> Bool {
        let keys = Set(cells.map(FormVocabulary.key))
        return keys.contains("项目名称") && (keys.contains("项目总预算") || keys.contains("项目类别"))
            && cells.filter({ !$0.isEmpty }).count >= 3
    }

    func lineGridKey(_ key: String) -> String? {
        if key.hasPrefix("项目资金来源") || key == "资金来源项目" { return FormGrid.Key.sources }
        if key.hasPrefix("项目支出明细") { return FormGrid.Key.details }
        return nil
    }

    // MARK: Forms

    var current: PerformanceForm {
        get { drafts[drafts.count - 1].form }
        set { drafts[drafts.count - 1].form = newValue }
    }

    var draftUnit: SourceUnit { drafts.last?.unit ?? unit }

    mutating func touch(_ n: Int) {
        guard !drafts.isEmpty else { return }
        drafts[drafts.count - 1].last = max(drafts[drafts.count - 1].last, n)
    }

    mutating func startForm(title: String?, at n: Int) {
        let kind = title.flatMap(FormReader.kind(ofTitle:))
        // 基本信息表 then 整体绩效目标表: one form.
        if let last = drafts.last, kind == .overall, last.form.kind == .overall, last.form.indicators.isEmpty,
           last.titles.contains(where: { FormVocabulary.key($0).hasSuffix("基本信息表") }) {
            if let title { drafts[drafts.count - 1].titles.append(title) }
            touch(n)
            resetBlock()
            return
        }
        var d = Draft(form: PerformanceForm(kind: kind ?? .project, name: ""), unit: unit, first: n, last: n)
        if let title { d.titles = [title] }
        drafts.append(d)
        resetBlock()
        term = nil
        goal = nil
        seenLevel1 = []
        seenLevel2 = []
        fundingGroup = "income"
    }

    mutating func resetBlock() {
        mode = .fields
        table = nil
        previous = nil
    }

    func finish(_ d: Draft) -> PerformanceForm {
        var f = d.form
        f.lines = d.first...d.last
        f.title = (d.titles.first { FormVocabulary.key($0).contains("绩效") } ?? d.titles.first).map {
            FormVocabulary.clean($0.replacingMatches(ofPattern: #"^#+\s*"#, with: ""))
        }
        let unitName = f.field(FormVocabulary.unitKey)?.text
        if f.kind == .project, f.field(FormField.Key.name) == nil, unitName != nil, d.titles.isEmpty || FormReader.kind(ofTitle: d.titles[0]) == nil,
           f.indicators.isEmpty == false, f.fields.contains(where: { $0.key == FormField.Key.functions }) {
            f.kind = .overall
        }
        switch f.kind {
        case .overall:
            f.name = unitName ?? f.field(FormField.Key.name)?.text ?? ""
            f.unit = unitName
        case .project:
            f.name = f.field(FormField.Key.name)?.text ?? ""
            f.unit = unitName ?? f.field(FormField.Key.implementer)?.text
        }
        return f
    }

    // MARK: Fields

    mutating func addField(label: String, value: String, at n: Int) {
        guard let l = FormVocabulary.label(label) else { return }
        // The same field printed again (a form's second page repeats 单位名称).
        if current.fields.contains(where: { $0.key == l.key && $0.text == value }) { return }
        var field = FormField(key: l.key, label: label, text: value, line: n)
        if l.amount { field.amount = FormReader.amount(in: value, unit: draftUnit) }
        current.fields.append(field)
    }

    mutating func readFields(_ cells: [String], at n: Int) {
        var label: String?
        var values: [String] = []
        func flush() {
            if let l = label { addField(label: l, value: values.joined(separator: " "), at: n) }
            label = nil
            values = []
        }
        for c in cells where !c.isEmpty {
            if FormVocabulary.label(c) != nil {
                flush()
                label = c.trimmingCharacters(in: CharacterSet(charactersIn: "：: "))
            } else if let f = FormVocabulary.inlineField(c) {
                flush()
                label = f.label
                values = f.value.isEmpty ? [] : [f.value]
            } else if label != nil {
                values.append(c)
            }
        }
        flush()
    }

    // MARK: Goals

    mutating func addGoal(label: String, term t: GoalTerm, text: String, at n: Int) {
        term = t
        goal = label
        previous = nil
        if !FormVocabulary.isFiller(text) {
            current.goals.append(FormGoal(term: t, label: label, text: text, line: n))
        }
    }

    // MARK: Funding

    mutating func startFunding(_ cells: [String], at n: Int) {
        var columns: [FormColumn] = []
        guard let start = cells.firstIndex(where: { FormVocabulary.key($0).contains("总体资金情况") }) else { return }
        let title = cells[start]
        if title.contains("万元") { drafts[drafts.count - 1].unit = .wanYuan }
        for c in cells.dropFirst(start + 1) where !c.isEmpty {
            let k = FormVocabulary.key(c)
            if k.contains("总体资金情况") { continue }
            if k.hasPrefix("当年") || k == "预算数" { columns.append(FormColumn(id: "current", caption: c)) }
            else if k == "占比" { columns.append(FormColumn(id: "share", caption: c)) }
            else if k.hasPrefix("近两年") || k.hasPrefix("前两年") { columns.append(FormColumn(id: "years", caption: c)) }
            else { columns.append(FormColumn(id: "column:\(columns.count + 1)", caption: c)) }
        }
        current.grids.append(FormGrid(key: FormGrid.Key.funding, title: title, columns: columns))
        fundingGroup = "income"
        mode = .funding
    }

    /// A row of the funding block; false when the row is not one.
    mutating func readFundingRow(_ cells: [String], at n: Int) -> Bool {
        guard let g = gridIndex(FormGrid.Key.funding) else { return false }
        let filled = cells.filter { !$0.isEmpty }
        // Year captions under 近两年收支金额.
        if !filled.isEmpty, filled.allSatisfy({ FormVocabulary.key($0).range(ofPattern: #"^[0-9]{4}年$"#) != nil }) {
            var grid = current.grids[g]
            if let y = grid.columns.firstIndex(where: { $0.id == "years" }) {
                grid.columns.replaceSubrange(y...y, with: filled.map { FormColumn(id: "year:" + FormVocabulary.key($0).dropLast(), caption: $0) })
            } else {
                grid.columns += filled.map { FormColumn(id: "year:" + FormVocabulary.key($0).dropLast(), caption: $0) }
            }
            current.grids[g] = grid
            return true
        }
        var group: String?
        var label: String?
        var values: [String] = []
        for c in filled {
            let k = FormVocabulary.key(c)
            if label == nil, k == "收入构成" || k == "支出构成" { group = c; fundingGroup = k == "收入构成" ? "income" : "expenditure"; continue }
            if label == nil { label = c; continue }
            values.append(c)
        }
        guard let label, let key = fundingKey(label) else { return false }
        var row = FormGridRow(key: key, group: group, label: label, line: n)
        let columns = current.grids[g].columns.filter { $0.id != "years" }
        for (i, v) in values.enumerated() {
            let id = i < columns.count ? columns[i].id : "column:\(i + 1)"
            row.cells[id] = v
            if id != "share", !v.hasSuffix("%"), case .success(let a) = Amount.parse(v, unit: draftUnit) {
                row.amounts[id] = Figure(amount: a, text: v)
            }
        }
        current.grids[g].rows.append(row)
        return true
    }

    mutating func fundingKey(_ label: String) -> String? {
        let k = FormVocabulary.key(label)
        if k.hasPrefix("财政拨款") { fundingGroup = "income"; return "income.fiscal" }
        if k.hasPrefix("其他资金") || k == "其他收入" { return "income.other" }
        if k == "收入合计" { fundingGroup = "expenditure"; return "income.total" }
        if k == "支出合计" { return "expenditure.total" }
        if k == "合计" || k == "总计" {
            if fundingGroup == "income" { fundingGroup = "expenditure"; return "income.total" }
            return "expenditure.total"
        }
        if k.hasPrefix("基本支出") { fundingGroup = "expenditure"; return "expenditure.basic" }
        if k.hasPrefix("项目支出") { fundingGroup = "expenditure"; return "expenditure.project" }
        if k.hasPrefix("人员类") { fundingGroup = "expenditure"; return "expenditure.personnel" }
        if k.hasPrefix("运转类") { fundingGroup = "expenditure"; return "expenditure.operation" }
        if k.hasPrefix("特定目标类") { fundingGroup = "expenditure"; return "expenditure.specific" }
        return nil
    }

    // MARK: Grids

    func gridIndex(_ key: String) -> Int? { current.grids.lastIndex { $0.key == key } }

    mutating func appendGridRow(_ row: FormGridRow) {
        guard let g = current.grids.indices.last else { return }
        current.grids[g].rows.append(row)
    }

    mutating func readLineGridRow(_ texts: [String], key: String, at n: Int) {
        guard let g = gridIndex(key), let label = texts.first else { return }
        var row = FormGridRow(label: label, line: n)
        let k = FormVocabulary.key(label)
        if k == "合计" || k == "总计" { row.key = "total" }
        if texts.count > 1 {
            let amount = texts.dropFirst().joined(separator: " ")
            row.cells["amount"] = amount
            if case .success(let a) = Amount.parse(amount, unit: draftUnit) { row.amounts["amount"] = Figure(amount: a, text: amount) }
        }
        row.cells["name"] = label
        current.grids[g].rows.append(row)
    }

    // MARK: Indicators

    mutating func readIndicator(_ cells: [String], table t: IndicatorTable, at n: Int) {
        let a = t.assign(cells)
        var label = a[.label]
        var level1 = a[.level1], level2 = a[.level2], category = a[.category]
        if FormVocabulary.isLevel1(label), level1.isEmpty { level1 = label; label = "" }
        if t.hasLevel2, level2.isEmpty, !level1.isEmpty {
            let k = FormVocabulary.levelCore(level1)
            if FormVocabulary.isLevel2Only(level1) || (seenLevel2.contains(k) && !seenLevel1.contains(k)) {
                level2 = level1
                level1 = ""
            }
        }
        if level1.isEmpty, !level2.isEmpty, FormVocabulary.isLevel1Only(level2) { level1 = level2; level2 = "" }
        if t.hasCategory, category.isEmpty, !level2.isEmpty, !FormVocabulary.isLevel2(level2) { category = level2; level2 = "" }
        let explicit1 = !level1.isEmpty, explicit2 = !level2.isEmpty
        if let p = previous {
            if level1.isEmpty {
                level1 = p.level1
                if level2.isEmpty { level2 = p.level2; if category.isEmpty { category = p.category ?? "" } }
                else if category.isEmpty, level2 == p.level2 { category = p.category ?? "" }
            } else if level1 == p.level1, level2.isEmpty {
                level2 = p.level2
                if category.isEmpty { category = p.category ?? "" }
            }
        }
        if explicit1, explicit2 { seenLevel1.insert(FormVocabulary.levelCore(level1)) }
        if explicit2 { seenLevel2.insert(FormVocabulary.levelCore(level2)) }
        if !label.isEmpty {
            if let g = FormVocabulary.goalLabel(label), FormVocabulary.key(label).contains("目标") { goal = g.label; term = g.term }
            else if let tt = FormVocabulary.term(label) { term = tt }
        }
        func opt(_ s: String) -> String? { s.isEmpty ? nil : s }
        let indicator = Indicator(level1: level1, level2: level2, name: a[.name], value: opt(a[.value]),
                                  lastYear: opt(a[.lastYear]), yearBefore: opt(a[.yearBefore]), basis: opt(a[.basis]),
                                  note: opt(a[.note]), category: opt(category), term: t.term ?? term, goal: goal, line: n)
        current.indicators.append(indicator)
        previous = indicator
        tableHasRows = true
    }

    // MARK: Overflow

    /// Fragments after the last row: a year caption with one number per
    /// funding row is that column of the funding block (its right-hand
    /// column, cut off the page); anything else is reported.
    mutating func finishOverflow() {
        guard !overflow.isEmpty, !drafts.isEmpty else { return }
        var rest = overflow
        overflow = []
        touch(rest.last!.line)
        if let i = rest.firstIndex(where: { FormVocabulary.key($0.text).range(ofPattern: #"^[0-9]{4}年$"#) != nil }),
           let g = gridIndex(FormGrid.Key.funding) {
            let rows = current.grids[g].rows.count
            let numbers = rest[(i + 1)...].prefix(rows)
            if rows > 0, numbers.count == rows,
               numbers.allSatisfy({ if case .success = Amount.parse($0.text, unit: draftUnit) { true } else { false } }) {
                let caption = FormVocabulary.key(rest[i].text)
                let id = "year:" + caption.dropLast()
                var grid = current.grids[g]
                if !grid.columns.contains(where: { $0.id == id }) {
                    if let y = grid.columns.firstIndex(where: { $0.id == "years" }) { grid.columns.remove(at: y) }
                    grid.columns.append(FormColumn(id: id, caption: caption))
                    for (r, number) in zip(grid.rows.indices, numbers) {
                        let v = number.text.trimmingWhitespace()
                        grid.rows[r].cells[id] = v
                        if case .success(let a) = Amount.parse(v, unit: draftUnit) { grid.rows[r].amounts[id] = Figure(amount: a, text: v, line: number.line) }
                    }
                    current.grids[g] = grid
                    current.notes.append("“\(grid.title)”的\(caption)一栏原文印在表后（第 \(rest[i].line)–\(numbers.last!.line) 行），已归入上表。")
                    result.diagnostics.append(Diagnostic(.note, line: rest[i].line, table: 13,
                        "表13 form \"\(formName)\": the \(caption) column of \(grid.title) was printed after the form (lines \(rest[i].line)–\(numbers.last!.line)); re-attached to its rows"))
                    rest.removeSubrange(i...(i + rows))
                }
            }
        }
        let fragments = rest.compactMap { o -> (Int, String)? in
            let text = FormVocabulary.clean(o.text).replacingOccurrences(of: "\n", with: " / ")
            return text.isEmpty ? nil : (o.line, text)
        }
        if let first = fragments.first, let last = fragments.last {
            current.notes.append("原文表格右侧被截断的文字共 \(fragments.count) 段印在表后（第 \(first.0)–\(last.0) 行），无法确定各属哪个单元格，未并入上表（原文行保留在模型的 raw 中）。")
            let quoted = fragments.prefix(6).map { "\"\($0.1.prefix(16))\($0.1.count > 16 ? "…" : "")\"" }.joined(separator: ", ")
            result.diagnostics.append(Diagnostic(.warning, line: first.0, table: 13,
                "表13 form \"\(formName)\": \(fragments.count) fragments cut off its cells were printed after the form (lines \(first.0)–\(last.0): \(quoted)\(fragments.count > 6 ? " …" : "")); which cells they continue cannot be told, so they are kept in raw only"))
        }
    }

    var formName: String {
        let f = current
        return f.field(FormField.Key.name)?.text ?? f.field(FormVocabulary.unitKey)?.text ?? "?"
    }
}

extension FormReader {
    /// Structures the forms of 表13 (the lines the parser kept in `raw`):
    /// `Table.forms`, diagnostics; prose after the forms leaves `raw` and
    /// `covered` and so returns to the narrative.
    static func readForms(into doc: inout Document, covered: inout DocumentParser.LineSet) {
        var table = doc.table(13)
        guard table.status == .disclosed, !table.raw.isEmpty else { return }
        let read = FormReader(unit: doc.sourceUnit, document: doc).read(table.raw)
        table.forms = read.forms
        if !read.prose.isEmpty {
            covered.subtract(read.prose)
            table.raw.removeAll { read.prose.contains($0.line) }
            if let first = table.raw.first?.line, let last = table.raw.last?.line { table.lines = first...last }
        }
        doc.diagnostics += read.diagnostics
        doc.setTable(table)
    }
}
