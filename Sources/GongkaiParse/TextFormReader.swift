import Foundation
import GongkaiModel

/// Forms in text extracted from a PDF (江岸 2024, 青山 2022): no TABs, a
/// row's cells in reading order separated by spaces, long cells wrapped over
/// several lines, merged cells (一级 / 二级指标) printed as fragments on
/// lines of their own (`产出` / `指标`, `服务对象` / `满意度指` / `标`).
///
/// The reader walks the lines with a small state machine: fields
/// (`项目名称 X 项目代码 Y`, labels found among the tokens, wrapped labels and
/// values rejoined), the funding block, the project list, sources of funds,
/// goals, and indicator blocks. An indicator row ends with its 确定依据
/// (`计划数据`, `市目标` …) or, in forms without that column, with its value;
/// the text before is split into the indicator's name and its one or three
/// values by what the tokens look like.
struct TextFormReader {
    let unit: SourceUnit
    let document: Document
    var result = FormReader.Result()

    init(unit: SourceUnit, document: Document) {
        self.unit = unit
        self.document = document
    }

    struct Draft {
        var form: PerformanceForm
        var unit: SourceUnit
        var first: Int
        var last: Int
        var titles: [String] = []
        /// Whether anything but titles has been read.
        var started = false
    }

    enum Mode: Equatable {
        case fields
        case funding
        case projects
        case sources
        case textField(Int)
        case goals
        case indicators
        case note
    }

    var drafts: [Draft] = []
    var mode: Mode = .fields
    var term: GoalTerm?
    var goal: String?
    /// A label cut at the end of a line (`其中：当年财政拨` / `款`).
    var pendingLabel: String?
    /// Goals listed under 整体绩效目标 / 总体目标: the numbering restarts for the annual ones.
    var goalListTerm: GoalTerm = .longTerm
    var goalListSeen = Set<String>()
    var projectName: [String] = []
    var useOpen = false
    var block = Block()
    var fundingGroup = "income"
    var fundingYears: [String] = []

    /// An indicator table being read.
    struct Block {
        var inHeader = false
        var years = false
        var hasBasis = true
        var level1 = ""
        var level2 = ""
        /// Whether the last level set was 一级 (a trailing `指标` completes it).
        var lastLevel = 0
        var fragment = ""
        var tokens: [(text: String, newLine: Bool)] = []
        var rowLine: Int?
        var headerWords: [String] = []
        /// Indices of the indicators read under the current levels.
        var run: [Int] = []
    }

    // MARK: - Reading

    mutating func read(_ raw: [SourceText]) -> FormReader.Result {
        var outside = false
        for line in raw {
            let t = line.text.replacingOccurrences(of: "\u{3000}", with: " ").trimmingWhitespace()
            guard !t.isEmpty else { continue }
            if outside || (Self.isPartHeading(t) && !drafts.isEmpty) {
                if isTitle(t) { outside = false } else { outside = true; result.prose.insert(line.line); continue }
            }
            readLine(t, at: line.line)
        }
        finishRow()
        for d in drafts { result.forms.append(finish(d)) }
        return result
    }

    /// `第三部分 …`: the forms are over (PDF text has long sentences inside forms, so nothing else ends them).
    static func isPartHeading(_ t: String) -> Bool {
        t.range(ofPattern: #"^第[一二三四五六七八九十]+部分"#) != nil
    }

    func isTitle(_ t: String) -> Bool {
        let k = FormVocabulary.key(t)
        if blockMarker(k) != nil { return false }
        if TitleMatcher.match(t)?.tableID == 13 { return true }
        return k.hasSuffix("(绩效目标)申报表") || k.hasSuffix("绩效目标申报表") || (k.hasSuffix("部门专项") && k.count <= 20)
    }

    mutating func readLine(_ t: String, at n: Int) {
        let k = FormVocabulary.key(t)
        if isTitle(t) {
            finishRow()
            startForm(title: t, at: n)
            return
        }
        if drafts.isEmpty { startForm(title: nil, at: n) }
        if FormReader.isNumberMarker(t) || k.range(ofPattern: #"^附件[0-9一二三四五六七八九十]+[:：]?$"#) != nil { return }
        touch(n)
        if k.range(ofPattern: #"^[(（]?[0-9]{4}年度?[)）]?$"#) != nil { return }
        // Units.
        if k.contains("单位:万元") || k.contains("单位：万元") || k == "(万元)" { drafts[drafts.count - 1].unit = .wanYuan }
        if k.range(ofPattern: #"^(资金)?单位[:：](万元|元)$"#) != nil {
            if k.hasSuffix(":元") || k.hasSuffix("：元") { drafts[drafts.count - 1].unit = .yuan }
            return
        }

        // Indicator blocks.
        if let marker = blockMarker(k) {
            finishRow()
            startBlock(term: marker)
            return
        }
        if mode == .indicators, block.inHeader {
            if isHeaderLine(t) {
                block.headerWords += t.split(separator: " ").map(String.init)
                let words = block.headerWords.joined()
                if words.contains("前年") || words.contains("上年") || words.contains("近两年") {
                    block.years = true
                    let years = words.matches(of: /([0-9]{4})年/).map { String($0.1) + "年" }
                    current.valueCaptions["yearBefore"] = years.count == 2 ? years[0] : "前年"
                    current.valueCaptions["lastYear"] = years.count == 2 ? years[1] : "上年"
                    current.valueCaptions["value"] = words.contains("预期") ? "预期当年实现值" : "预计当年实现"
                }
                if words.contains("(长期)") || words.contains("（长期）") { term = .longTerm }
                return
            }
            block.inHeader = false
            block.hasBasis = block.headerWords.joined().contains("依据") || block.headerWords.joined().contains("绩效标准")
        }
        // Remarks printed under the form (`备注：1. …`).
        if k.hasPrefix("备注:") || k.hasPrefix("注:") {
            finishRow()
            current.notes.append(t)
            mode = .note
            return
        }
        if mode == .note, let last = current.notes.indices.last {
            current.notes[last] = Self.append(current.notes[last], t)
            return
        }
        // The column heads of a goal list (`长期目标(截止 年) 年度目标`).
        if mode == .goals, Self.isGoalListHeader(k) { return }
        // Goals (`长期目标 1: …`, `年度目标1：`).
        if let g = FormVocabulary.goalLabel(t), !(mode == .indicators && k.range(ofPattern: #"^(年度|长期|中期)绩效(目标)?[0-9]*$"#) != nil) {
            finishRow()
            addGoal(label: g.label, term: g.term, text: g.rest, at: n)
            if mode != .goals { mode = .fields }
            return
        }
        if mode == .indicators {
            if readIndicatorLine(t, at: n) { return }
            finishRow()
            mode = .fields
        }
        // Sections.
        if let section = section(k) {
            finishRow()
            enter(section, t, at: n)
            return
        }
        switch mode {
        case .funding:
            if readFundingLine(t, at: n) { return }
            mode = .fields
        case .projects:
            if readProjectLine(t, at: n) { return }
            mode = .fields
        case .sources:
            if readSourceLine(t, at: n) { return }
            mode = .fields
        case .goals:
            if readGoalListLine(t, at: n) { return }
            mode = .fields
        default:
            break
        }
        drafts[drafts.count - 1].started = true
        if readFields(t, at: n) { return }
        // A line with no label: the rest of a wrapped value or of a long text.
        if case .textField(let i) = mode, i < current.fields.count {
            let f = current.fields[i]
            // The rest of a label wrapped onto the next line (`项目前两年预算及当年预` / `算变动情况`).
            if f.text.isEmpty, FormVocabulary.key(f.label).contains(k), k.count < FormVocabulary.key(f.label).count { return }
            if [FormField.Key.details, FormField.Key.purchases, FormField.Key.budgetChange].contains(f.key ?? "") {
                current.fields[i].text = f.text.isEmpty ? t : f.text + "\n" + t
            } else {
                current.fields[i].text = Self.append(f.text, t)
            }
            return
        }
        if let last = current.fields.indices.last, current.fields[last].amount == nil,
           current.fields[last].text.isEmpty || t.count <= 3 {
            current.fields[last].text = Self.append(current.fields[last].text, t, paragraphs: false)
            reparseAmount(last)
            return
        }
        current.notes.append(t)
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
        // A title printed over two lines (`青山区部门预算部门专项` / `(绩效目标)申报表`).
        if let title, let last = drafts.last, !last.started {
            drafts[drafts.count - 1].titles.append(title)
            touch(n)
            return
        }
        let kind = title.flatMap(FormReader.kind(ofTitle:))
        var d = Draft(form: PerformanceForm(kind: kind ?? .project, name: ""), unit: unit, first: n, last: n)
        if let title { d.titles = [title] }
        // A unit named in the title (`江岸区工业企业发展服务中心 2024 年项目支出绩效目标表`).
        if let title, kind == .project,
           let r = title.range(ofPattern: #"^\S+(中心|局|办公室|所|站|院)(?=\s*[0-9]{4}\s*年)"#) {
            d.form.unit = String(title[r])
        }
        drafts.append(d)
        mode = .fields
        term = nil
        goal = nil
        pendingLabel = nil
        block = Block()
        goalListTerm = .longTerm
        goalListSeen = []
        fundingGroup = "income"
        fundingYears = []
        projectName = []
    }

    mutating func finish(_ d: Draft) -> PerformanceForm {
        var f = d.form
        f.lines = d.first...d.last
        let title = d.titles.joined()
        f.title = title.isEmpty ? nil : FormVocabulary.clean(title.replacingMatches(ofPattern: #"[(（]表[一二三四五六七八九十0-9]+[)）]\s*$"#, with: ""))
        if d.titles.count > 1 { f.title = FormVocabulary.clean(d.titles.joined()) }
        let unitName = f.field(FormVocabulary.unitKey)?.text
        switch f.kind {
        case .overall:
            f.name = unitName ?? f.field(FormField.Key.name)?.text ?? ""
            f.unit = unitName
        case .project:
            f.name = f.field(FormField.Key.name)?.text ?? ""
            f.unit = f.unit ?? f.field(FormField.Key.implementer)?.text ?? unitName
            if f.name.isEmpty, let inferred = inferName(f) {
                f.name = inferred.name
                f.notes.append("原文此表缺“项目名称”一行；名称“\(inferred.name)”由\(inferred.how)推定。")
                result.diagnostics.append(Diagnostic(.warning, line: d.first, table: 13,
                    "表13 project form at line \(d.first) has no 项目名称; named \"\(inferred.name)\" because \(inferred.why)"))
            }
        }
        return f
    }

    /// The name of a project form that prints none: the one 表10 project
    /// with the same budget (and, when there are several, the one no other
    /// form names).
    func inferName(_ f: PerformanceForm) -> (name: String, how: String, why: String)? {
        guard let budget = f.yearBudget ?? f.totalBudget else { return nil }
        let named = Set(drafts.compactMap { $0.form.field(FormField.Key.name)?.text }.map(FormVocabulary.key))
        let projects = document.table(10).rows.filter { $0.kind == .project && $0.values["total"]?.amount == budget.amount }
        let candidates = projects.filter { !named.contains(FormVocabulary.key($0.name)) }
        guard candidates.count == 1, let p = candidates.first else { return nil }
        return (p.name, "表10中预算相同（\(budget.text)）的项目",
                "it is the only 表10 project with the same budget (\(budget.text)) that no other form names (line \(p.line ?? 0))")
    }

    // MARK: Fields

    /// Reads the labelled fields of a line; false when it has none.
    mutating func readFields(_ t: String, at n: Int) -> Bool {
        var tokens = t.split(separator: " ").map(String.init)
        if let p = pendingLabel {
            // `其中：当年财政拨` then `款 42.02 万元`.
            tokens[0] = p + tokens[0]
            pendingLabel = nil
        }
        var found: [(label: String, start: Int, end: Int, inline: String?)] = []
        var i = 0
        while i < tokens.count {
            var best: (label: String, end: Int, inline: String?)?
            var joined = ""
            for j in i..<min(tokens.count, i + 8) {
                joined += tokens[j]
                let k = FormVocabulary.key(joined).replacingOccurrences(of: "：", with: ":")
                if FormVocabulary.label(k) != nil { best = (joined.trimmingCharacters(in: CharacterSet(charactersIn: "：: ")), j + 1, nil) }
                else if let r = k.range(of: ":"), FormVocabulary.label(String(k[..<r.lowerBound])) != nil {
                    let inline = String(k[r.upperBound...])
                    best = (String(k[..<r.lowerBound]), j + 1, inline.isEmpty ? nil : inline)
                    if !inline.isEmpty { break }
                }
            }
            if let b = best {
                found.append((b.label, i, b.end, b.inline))
                i = b.end
            } else {
                i += 1
            }
        }
        guard let firstLabel = found.first else {
            // The start of a label cut by the line's end.
            let k = FormVocabulary.key(t).replacingOccurrences(of: "：", with: ":")
            if k.count >= 3, !t.contains(" "), FormVocabulary.labels.contains(where: { $0.text.hasPrefix(k) && $0.text != k }) {
                pendingLabel = t
                return true
            }
            // `及编码` completing the label `主管部门` of an empty field.
            if let last = current.fields.indices.last, current.fields[last].text.isEmpty, !t.contains(" "),
               let l = FormVocabulary.label(current.fields[last].label + t) {
                current.fields[last].label += t
                current.fields[last].key = l.key
                return true
            }
            return false
        }
        // Text before the first label continues the previous field (`区科经局 实施单位`).
        if firstLabel.start > 0, let last = current.fields.indices.last {
            current.fields[last].text = Self.append(current.fields[last].text, tokens[0..<firstLabel.start].joined(separator: " "), paragraphs: false)
            reparseAmount(last)
        }
        for (index, f) in found.enumerated() {
            let end = index + 1 < found.count ? found[index + 1].start : tokens.count
            var value = tokens[f.end..<end].joined(separator: " ")
            if let inline = f.inline { value = value.isEmpty ? inline : inline + " " + value }
            addField(label: f.label, value: value, at: n)
        }
        // A field whose value is on the lines below.
        if let last = current.fields.indices.last, let key = current.fields[last].key, Self.longFields.contains(key) {
            mode = .textField(last)
        } else {
            mode = .fields
        }
        return true
    }

    static let longFields: Set<String> = [FormField.Key.reason, FormField.Key.content, FormField.Key.budgetChange,
                                          FormField.Key.functions, FormField.Key.organization, FormField.Key.tasks, FormField.Key.details, FormField.Key.purchases]

    mutating func addField(label: String, value: String, at n: Int) {
        let l = FormVocabulary.label(label)
        let text = FormVocabulary.clean(value.replacingMatches(ofPattern: #"\s*单位[:：]\s*万?元$"#, with: ""))
        if let key = l?.key, current.fields.contains(where: { $0.key == key && $0.text == text && !text.isEmpty }) { return }
        var field = FormField(key: l?.key, label: FormVocabulary.clean(label), text: text, line: n)
        if l?.amount == true { field.amount = FormReader.amount(in: text, unit: draftUnit) }
        current.fields.append(field)
    }

    mutating func reparseAmount(_ i: Int) {
        guard let key = current.fields[i].key, let l = FormVocabulary.labels.first(where: { $0.key == key }), l.amount else { return }
        current.fields[i].amount = FormReader.amount(in: current.fields[i].text, unit: draftUnit)
    }

    /// `a` and `b` as one text: a line that starts a numbered item starts a
    /// new paragraph; otherwise the wrap is undone (a space only between
    /// two Latin letters or digits).
    static func append(_ a: String, _ b: String, paragraphs: Bool = true) -> String {
        guard !a.isEmpty else { return b }
        if paragraphs, b.range(ofPattern: #"^([0-9]+[.、．]|[（(][一二三四五六七八九十0-9]+[)）]|[一二三四五六七八九十]+、)"#) != nil {
            return a + "\n" + b
        }
        let needsSpace = (a.last.map { $0.isASCII && ($0.isLetter || $0.isNumber) } ?? false)
            && (b.first.map { $0.isASCII && ($0.isLetter || $0.isNumber) } ?? false)
        return a + (needsSpace ? " " : "") + b
    }

    // MARK: Sections

    enum Section {
        case funding, projects, goals, sources, details, purchases, budgetChange, skip
    }

    func section(_ k: String) -> Section? {
        switch k {
        case "部门总体", "部门总体资金", "部门总体资金情况", "部门总体资金情况(万元)": return .funding
        case "项目支出情况": return .projects
        case "整体绩效", "整体绩效目标", "总体目标", "项目绩效总目标": return .goals
        case "项目当年资金来源", "项目当年资金来": return .sources
        case "项目支出明细测算": return .details
        case "项目采购": return .purchases
        case "项目基本信息", "项目资金": return .skip
        default:
            if k.hasPrefix("项目前两年预算") { return .budgetChange }
            return nil
        }
    }

    mutating func enter(_ section: Section, _ t: String, at n: Int) {
        drafts[drafts.count - 1].started = true
        switch section {
        case .funding:
            if gridIndex(FormGrid.Key.funding) == nil {
                current.grids.append(FormGrid(key: FormGrid.Key.funding, title: "部门总体资金情况", columns: [FormColumn(id: "current", caption: "当年金额")]))
            }
            fundingGroup = "income"
            mode = .funding
        case .projects:
            current.grids.append(FormGrid(key: FormGrid.Key.projects, title: "项目支出情况", columns: [
                FormColumn(id: "name", caption: "项目名称"), FormColumn(id: "category", caption: "支出项目类别"),
                FormColumn(id: "total", caption: "项目总预算"), FormColumn(id: "year", caption: "项目本年度预算"),
                FormColumn(id: "use", caption: "项目主要支出方向和用途")]))
            projectName = []
            useOpen = false
            mode = .projects
        case .goals:
            goalListTerm = .longTerm
            goalListSeen = []
            mode = .goals
        case .sources:
            current.grids.append(FormGrid(key: FormGrid.Key.sources, title: "项目当年资金来源",
                                          columns: [FormColumn(id: "name", caption: "来源项目"), FormColumn(id: "amount", caption: "金额")]))
            mode = .sources
        case .details, .purchases, .budgetChange:
            let label = section == .details ? "项目支出明细测算" : section == .purchases ? "项目采购" : "项目前两年预算及当年预算变动情况"
            let key = section == .details ? FormField.Key.details : section == .purchases ? FormField.Key.purchases : FormField.Key.budgetChange
            current.fields.append(FormField(key: key, label: label, text: "", line: n))
            mode = .textField(current.fields.count - 1)
        case .skip:
            mode = .fields
        }
    }

    func gridIndex(_ key: String) -> Int? { current.grids.lastIndex { $0.key == key } }

    // MARK: Funding

    mutating func readFundingLine(_ t: String, at n: Int) -> Bool {
        guard let g = gridIndex(FormGrid.Key.funding) else { return false }
        let k = FormVocabulary.key(t)
        let tokens = t.split(separator: " ").map(String.init)
        var probe = fundingGroup
        if FormVocabulary.label(k) != nil, Self.fundingKey(FormVocabulary.key(tokens[0]), group: &probe) == nil { return false }
        if k.contains("万元") { drafts[drafts.count - 1].unit = .wanYuan }
        // Header words and the years of 近两年收支.
        let years = tokens.joined(separator: " ").matches(of: /([0-9]{4})\s*年/).map { String($0.1) }
        if !years.isEmpty, tokens.allSatisfy({ $0.range(ofPattern: #"^([0-9]{4}年?|年)$"#) != nil }) {
            var grid = current.grids[g]
            for y in years where !grid.columns.contains(where: { $0.id == "year:" + y }) {
                grid.columns.append(FormColumn(id: "year:" + y, caption: y + "年"))
            }
            current.grids[g] = grid
            return true
        }
        if ["情况", "资金情况", "(万元)", "总体资金情况", "当年金额", "当年预算", "收支", "占比", "近两年收支金额", "近两年收支情况", "收入", "构成", "支出"]
            .contains(where: { k == $0 }) || k.hasPrefix("总体资金情况") {
            if k.contains("占比"), !current.grids[g].columns.contains(where: { $0.id == "share" }) {
                current.grids[g].columns.insert(FormColumn(id: "share", caption: "占比"), at: 1)
            }
            if k == "占比", !current.grids[g].columns.contains(where: { $0.id == "share" }) {
                current.grids[g].columns.insert(FormColumn(id: "share", caption: "占比"), at: 1)
            }
            if k == "收入" { fundingGroup = "income" }
            if k == "支出" { fundingGroup = "expenditure" }
            return true
        }
        // A row: its label, then its figures.
        guard let v = tokens.firstIndex(where: { Self.isFigure($0) }) ?? (tokens.count == 1 ? tokens.count : nil), v > 0 else { return false }
        let label = FormVocabulary.clean(tokens[0..<v].joined(separator: " "))
        guard let key = fundingKey(label) else { return false }
        var row = FormGridRow(key: key, group: key.hasPrefix("income") ? "收入构成" : "支出构成", label: label, line: n)
        let columns = current.grids[g].columns
        for (i, value) in tokens[v...].enumerated() {
            let id = i < columns.count ? columns[i].id : "column:\(i + 1)"
            row.cells[id] = value
            if id != "share", !value.hasSuffix("%"), case .success(let a) = Amount.parse(value, unit: draftUnit) {
                row.amounts[id] = Figure(amount: a, text: value)
            }
        }
        current.grids[g].rows.append(row)
        return true
    }

    static func isFigure(_ token: String) -> Bool {
        token == "/" || token.range(ofPattern: #"^-?[0-9][0-9,]*(\.[0-9]+)?%?$"#) != nil
    }

    mutating func fundingKey(_ label: String) -> String? {
        Self.fundingKey(FormVocabulary.key(label), group: &fundingGroup)
    }

    static func fundingKey(_ k: String, group fundingGroup: inout String) -> String? {
        if k.hasPrefix("财政拨款") { fundingGroup = "income"; return "income.fiscal" }
        if k.hasPrefix("财政专户") { return "income.special_account" }
        if k == "单位资金" { return "income.unit_funds" }
        if k.hasPrefix("其他资金") || k == "其他收入" { return "income.other" }
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

    // MARK: Project list

    mutating func readProjectLine(_ t: String, at n: Int) -> Bool {
        let k = FormVocabulary.key(t)
        if FormVocabulary.label(k) != nil { return false }
        let header = "项目名称支出项目类别项目总预算项目本年度预算项目主要支出方向和用途"
        let tokens = t.split(separator: " ").map(String.init)
        if current.grids.last?.rows.isEmpty != false, tokens.allSatisfy({ header.contains(FormVocabulary.key($0)) }) { return true }
        guard let g = gridIndex(FormGrid.Key.projects) else { return false }
        // `[name] category total year use`: the category is followed by two figures.
        if let c = tokens.indices.first(where: { $0 + 2 < tokens.count && Self.isFigure(tokens[$0 + 1]) && Self.isFigure(tokens[$0 + 2]) }) {
            let name = FormVocabulary.clean((projectName + [tokens[0..<c].joined(separator: " ")]).filter { !$0.isEmpty }.joined())
            var row = FormGridRow(key: "name:" + FormVocabulary.key(name), label: name, line: n)
            row.cells = ["name": name, "category": tokens[c], "total": tokens[c + 1], "year": tokens[c + 2]]
            if c + 3 < tokens.count { row.cells["use"] = tokens[(c + 3)...].joined(separator: " ") }
            for id in ["total", "year"] {
                if case .success(let a) = Amount.parse(row.cells[id]!, unit: draftUnit) { row.amounts[id] = Figure(amount: a, text: row.cells[id]!) }
            }
            current.grids[g].rows.append(row)
            projectName = []
            useOpen = row.cells["use"] == nil
            return true
        }
        // A wrapped 用途 of the row above (printed after it), or the wrapped name of the next row.
        if useOpen, let r = current.grids[g].rows.indices.last {
            current.grids[g].rows[r].cells["use"] = Self.append(current.grids[g].rows[r].cells["use"] ?? "", t, paragraphs: false)
            return true
        }
        if tokens.count == 1, t.count <= 14 { projectName.append(t); return true }
        return false
    }

    // MARK: Sources of funds

    mutating func readSourceLine(_ t: String, at n: Int) -> Bool {
        let k = FormVocabulary.key(t)
        if k == "源" || k == "来源项目金额" { return true }
        if section(k) != nil || FormVocabulary.label(k) != nil { return false }
        guard let g = gridIndex(FormGrid.Key.sources) else { return false }
        var tokens = t.split(separator: " ").map(String.init)
        var row = FormGridRow(label: "", line: n)
        if let last = tokens.last, tokens.count > 1, Self.isFigure(last) {
            tokens.removeLast()
            row.cells["amount"] = last
            if case .success(let a) = Amount.parse(last, unit: draftUnit) { row.amounts["amount"] = Figure(amount: a, text: last) }
        }
        row.label = FormVocabulary.clean(tokens.joined(separator: " "))
        row.cells["name"] = row.label
        if FormVocabulary.key(row.label) == "合计" { row.key = "total" }
        current.grids[g].rows.append(row)
        return true
    }

    // MARK: Goals

    mutating func addGoal(label: String, term t: GoalTerm, text: String, at n: Int) {
        term = t
        goal = label
        if !FormVocabulary.isFiller(text) {
            current.goals.append(FormGoal(term: t, label: label, text: FormVocabulary.clean(text), line: n))
        }
    }

    static func isGoalListHeader(_ k: String) -> Bool {
        k == "名称目标说明" || k.hasPrefix("长期目标(") || k == "长期目标年度目标" || k == "中期目标年度目标" || k == "总目标"
    }

    /// The goals listed under 整体绩效目标 / 总体目标: `目标 1：…` or `1、…`,
    /// long-term ones first; the numbering starting again begins the annual ones.
    mutating func readGoalListLine(_ t: String, at n: Int) -> Bool {
        let k = FormVocabulary.key(t)
        if Self.isGoalListHeader(k) { return true }
        if FormVocabulary.label(k) != nil || section(k) != nil { return false }
        if let m = t.firstMatch(of: /^(?:目标\s*([0-9]*)\s*[:：]|([0-9]+)[、.．])\s*(.*)$/) {
            let number = String(m.1 ?? m.2 ?? "")
            // The numbering starting again, or an unnumbered goal after numbered ones: the annual column.
            if goalListSeen.contains(number) || (number.isEmpty && !goalListSeen.isEmpty) { goalListTerm = .annual; goalListSeen = [] }
            goalListSeen.insert(number)
            let label = (goalListTerm == .longTerm ? "长期目标" : "年度目标") + number
            current.goals.append(FormGoal(term: goalListTerm, label: label, text: FormVocabulary.clean(String(m.3)), line: n))
            return true
        }
        if let last = current.goals.indices.last, current.goals[last].line ?? 0 >= (drafts.last?.first ?? 0) {
            current.goals[last].text = Self.append(current.goals[last].text, t, paragraphs: false)
            return true
        }
        return false
    }

    // MARK: Indicators

    /// `长期绩效指标`, `年度绩效目标表`, `绩效项目指标表` …: an indicator table starts (its term, if it says).
    func blockMarker(_ k: String) -> GoalTerm?? {
        switch k {
        case "长期绩效指标", "长期绩效目标表", "中期绩效目标表": return .some(.longTerm)
        case "年度绩效指标", "年度绩效目标表": return .some(.annual)
        case "绩效项目指标表", "绩效指标表", "项目绩效指标表": return .some(nil)
        default: return nil
        }
    }

    mutating func startBlock(term t: GoalTerm?) {
        if let t { term = t }
        block = Block()
        block.inHeader = true
        mode = .indicators
        drafts[drafts.count - 1].started = true
    }

    static let headerWords: Set<String> = [
        "一级", "一级指", "一级指标", "标", "指标", "二级", "二级指", "二级指标", "二级指标(长期)", "三级", "三级指", "三级指标", "三级指标(长期)",
        "指标值", "指标值确", "指标值确定", "指标值确定依据", "确定", "依据", "定依据", "定依据前年", "前年", "上年", "预计当年", "实现",
        "预计当年实现", "预期当年", "实现值", "实现值前年", "近两年指标值", "目标名称", "指标名称", "指标内容", "绩效标准", "备", "注", "备注",
        "绩效标准近两年指标值", "预期当年实现", "值", "预期当年实现值", "目标名", "称", "指标值确定依据前年", "近两年指标值预期当年",
    ]

    /// Every header word run together: a wrapped header prints pieces of them.
    static let headerText = "目标名称一级指标二级指标三级指标指标值确定依据前年上年预计当年实现近两年指标值预期当年实现值绩效标准指标名称指标内容备注"

    func isHeaderLine(_ t: String) -> Bool {
        t.split(separator: " ").allSatisfy { w in
            let k = FormVocabulary.key(String(w))
            return Self.headerWords.contains(k) || k.range(ofPattern: #"^值?[0-9]{4}年$"#) != nil
                || (k.count <= 8 && Self.headerText.contains(k))
        }
    }

    /// Level words the fragments of a merged cell may build.
    static let levelWords: [String] = {
        var words = Array(FormVocabulary.level1Words) + Array(FormVocabulary.level2Words)
        words += ["数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标", "环境效益指标",
                  "可持续影响指标", "可持续性影响指标", "服务对象满意度指标", "满意度指标", "经济成本指标", "社会成本指标",
                  "生态环境成本指标", "经济指标", "效益指标", "产出指标"]
        return words
    }()

    static func isLevelPrefix(_ s: String) -> Bool { !s.isEmpty && levelWords.contains { $0.hasPrefix(s) && $0 != s } }
    static func isLevelWord(_ s: String) -> Bool {
        levelWords.contains(s) || (FormVocabulary.isLevel2(s) && !s.hasSuffix("指标指标"))
    }

    /// One line of an indicator table; false when the line is none (the table is over).
    mutating func readIndicatorLine(_ t: String, at n: Int) -> Bool {
        let k = FormVocabulary.key(t)
        if FormVocabulary.label(k) != nil || section(k) != nil { return false }
        // The label column: `年度绩效` / `目标 1`, `长期绩效目标`.
        if k.range(ofPattern: #"^(年度|长期|中期)绩效(目标)?([0-9]+)?$"#) != nil {
            finishRow()
            if let g = FormVocabulary.goalLabel(t) { goal = g.label; term = g.term } else if let tt = FormVocabulary.term(k) { term = tt }
            if !k.hasSuffix("绩效") { goal = k }
            return true
        }
        if k == "绩效", block.tokens.isEmpty { return true }
        if k.range(ofPattern: #"^(效)?目标[0-9]*$"#) != nil, block.tokens.isEmpty {
            goal = (term == .longTerm ? "长期绩效" : "年度绩效") + (k.hasPrefix("效") ? String(k.dropFirst()) : k)
            return true
        }
        // `长期绩` / `效目标`.
        if k.range(ofPattern: #"^(年度|长期|中期)绩?$"#) != nil, block.tokens.isEmpty {
            finishRow()
            term = FormVocabulary.term(k)
            return true
        }
        var tokens = t.split(separator: " ").flatMap { w -> [String] in
            // `指标指标`: two halves printed together.
            w == "指标指标" ? ["指标", "指标"] : [String(w)]
        }
        // `指标 指标`: the second halves of 一级 and 二级 printed on the next row.
        while block.fragment.isEmpty, let first = tokens.first, FormVocabulary.key(first) == "指标", block.tokens.isEmpty || !tokens.dropFirst().isEmpty {
            if completeLevel(with: "指标") { tokens.removeFirst() } else { break }
        }
        // Leading whole level words: `…指标`, or a short 一级 before another level word (`效益 社会效益`).
        var consumedLevel1 = false
        while block.fragment.isEmpty, let first = tokens.first.map(FormVocabulary.key), Self.isLevelWord(first) || FormVocabulary.isLevel1(first),
              tokens.count > 1 || block.tokens.isEmpty,
              first.hasSuffix("指标") || consumedLevel1
                || (FormVocabulary.isLevel1(first) && tokens.count > 1 && Self.isLevelWord(FormVocabulary.key(tokens[1]))) {
            if !block.tokens.isEmpty { finishRow() }
            setLevel(first)
            consumedLevel1 = block.lastLevel == 1
            tokens.removeFirst()
        }
        guard !tokens.isEmpty else { return true }
        // A fragment of a merged level cell.
        if tokens.count == 1, block.tokens.isEmpty || !block.hasBasis {
            let f = FormVocabulary.key(tokens[0])
            if Self.isLevelPrefix(block.fragment + f) || Self.isLevelWord(block.fragment + f) {
                if !block.tokens.isEmpty { finishRow() }
                block.fragment += f
                if Self.isLevelWord(block.fragment) && !Self.isLevelPrefix(block.fragment) {
                    setLevel(block.fragment)
                    block.fragment = ""
                }
                return true
            }
            if block.tokens.isEmpty, completeLevel(with: f) { return true }
        }
        if tokens.count == 1, block.tokens.isEmpty, block.fragment.isEmpty, completeLevel(with: FormVocabulary.key(tokens[0])) { return true }
        // Data.
        if !block.fragment.isEmpty {
            setLevel(block.fragment)
            block.fragment = ""
        }
        if block.rowLine == nil { block.rowLine = n }
        for (i, tok) in tokens.enumerated() { block.tokens.append((tok, i == 0)) }
        if block.hasBasis {
            if let last = block.tokens.last, FormVocabulary.isBasis(last.text) { finishRow() }
        } else if tokens.contains(where: { FormVocabulary.looksLikeValue($0) }) {
            finishRow()
        }
        return true
    }

    /// Sets 一级 or 二级 from a whole level word.
    mutating func setLevel(_ word: String) {
        let isL1: Bool
        if FormVocabulary.isLevel1Only(word) { isL1 = true }
        else if FormVocabulary.isLevel2Only(word) || !FormVocabulary.isLevel1(word) { isL1 = false }
        // 成本指标, 满意度指标: 二级 right after its 一级, else 一级.
        else { isL1 = !(block.lastLevel == 1 && !block.level1.isEmpty && block.run.isEmpty) }
        if isL1 {
            block.level1 = word
            block.level2 = ""
            block.lastLevel = 1
        } else {
            block.level2 = word
            block.lastLevel = 2
        }
        block.run = []
    }

    /// `指标` or `标` after an incomplete level word: completes it, on the rows read under it too.
    mutating func completeLevel(with f: String) -> Bool {
        let candidates: [Int] = block.lastLevel == 2 ? [2, 1] : [1, 2]
        for level in candidates {
            let old = level == 1 ? block.level1 : block.level2
            guard !old.isEmpty else { continue }
            let new = old + f
            guard Self.isLevelWord(new) || Self.isLevelPrefix(new) else { continue }
            if level == 1 { block.level1 = new } else { block.level2 = new }
            for i in block.run where i < current.indicators.count {
                if level == 1, current.indicators[i].level1 == old { current.indicators[i].level1 = new }
                if level == 2, current.indicators[i].level2 == old { current.indicators[i].level2 = new }
            }
            return true
        }
        return false
    }

    /// Ends the row being read: splits its text into name and values.
    mutating func finishRow() {
        guard mode == .indicators || !block.tokens.isEmpty else { return }
        var tokens = block.tokens
        guard !tokens.isEmpty else { return }
        var basis: String?
        if let last = tokens.last, FormVocabulary.isBasis(last.text) { basis = last.text; tokens.removeLast() }
        let split = Self.split(tokens, values: block.years ? 3 : 1)
        var i = Indicator(level1: block.level1, level2: block.level2, name: split.name, basis: basis,
                          term: term, goal: goal, line: block.rowLine)
        if block.years {
            let v = split.values + Array(repeating: nil, count: max(0, 3 - split.values.count))
            i.yearBefore = v[0]; i.lastYear = v[1]; i.value = v[2]
        } else {
            i.value = split.values.first ?? nil
        }
        current.indicators.append(i)
        block.run.append(current.indicators.count - 1)
        block.tokens = []
        block.rowLine = nil
    }

    /// Name and values of a row's tokens.
    static func split(_ tokens: [(text: String, newLine: Bool)], values count: Int) -> (name: String, values: [String?]) {
        func join(_ ts: ArraySlice<(text: String, newLine: Bool)>) -> String {
            var s = ""
            for t in ts { s = s.isEmpty ? t.text : (t.newLine ? append(s, t.text, paragraphs: false) : s + " " + t.text) }
            return FormVocabulary.clean(s)
        }
        guard tokens.count > 1 else { return (join(tokens[...]), []) }
        if count == 1 {
            if let v = tokens.indices.dropFirst().first(where: { isValueStart(tokens[$0].text) }) {
                return (join(tokens[..<v]), [join(tokens[v...])])
            }
            // No token looks like a value: the lines split in half (a wrapped name, then a wrapped value).
            let starts = tokens.indices.filter { tokens[$0].newLine }
            if starts.count >= 2 {
                let v = starts[starts.count / 2]
                return (join(tokens[..<v]), [join(tokens[v...])])
            }
            return (tokens[0].text, [join(tokens[1...])])
        }
        var best: (k: Int, groups: [String])?
        if let k = (1..<tokens.count).first(where: { isValueStart(tokens[$0].text) }), group(tokens[k...]).count >= count {
            best = (k, group(tokens[k...]))
        } else {
            for k in 1..<tokens.count {
                let groups = group(tokens[k...])
                if groups.count == count { best = (k, groups); break }
            }
        }
        guard var (k, groups) = best else { return (join(tokens[...]), []) }
        // Too many groups: rejoin a value wrapped onto the next line.
        while groups.count > count {
            guard let j = (1..<groups.count).last(where: { !groups[$0].contains(where: \.isNumber) }) else { break }
            groups[j - 1] = append(groups[j - 1], groups[j], paragraphs: false)
            groups.remove(at: j)
        }
        while groups.count > count { groups[groups.count - 2] += " " + groups.removeLast() }
        k = max(1, k)
        return (join(tokens[..<k]), groups.map { $0 == "/" ? nil : FormVocabulary.clean($0) })
    }

    /// Value tokens grouped: a number or `/` starts a value; a unit after a bare number belongs to it.
    static func group(_ tokens: ArraySlice<(text: String, newLine: Bool)>) -> [String] {
        var groups: [String] = []
        var bare = false
        for t in tokens {
            if let last = groups.indices.last, bare, !isValueStart(t.text), t.text != "/" {
                groups[last] += " " + t.text
                bare = false
                continue
            }
            groups.append(t.text)
            bare = t.text.range(ofPattern: #"^[≥≤><＞＜约]?[0-9][0-9.,]*$"#) != nil
        }
        return groups
    }

    /// A token that begins a value: a number, `/`, a comparison, or words such as 每年, 不少于, 增幅.
    static func isValueStart(_ t: String) -> Bool {
        let k = FormVocabulary.key(t)
        if k == "/" { return true }
        if k.range(ofPattern: #"^[≥≤><＞＜≧≦=±+\-]?[0-9]"#) != nil { return true }
        if k.range(ofPattern: #"^[≥≤><＞＜≧≦]"#) != nil { return true }
        return ["每年", "不少于", "不低于", "不超过", "不高于", "约", "增幅", "增速", "同比", "达到", "大于", "小于", "高于", "低于", "超过", "完成"]
            .contains { k.hasPrefix($0) }
    }
}
