import Foundation
import GongkaiModel

/// The words of the 表13 forms: cell text cleaning, field labels, the
/// vocabulary of indicator levels and of 指标值确定依据.
enum FormVocabulary {
    // MARK: - Cell text

    /// A cell's text as the form means it: HTML markup removed (`<p>`
    /// paragraphs become lines, entities decoded), white space trimmed, and
    /// a space left between two Chinese characters by a wrapped cell removed
    /// (`经济效益指 标` → `经济效益指标`; `2020 年` is kept).
    static func clean(_ raw: String) -> String {
        var s = raw
        if s.contains("<") || s.contains("&") {
            s = s.replacingMatches(ofPattern: #"</p>\s*<p[^<>]*>"#, with: "\n")
            s = s.replacingMatches(ofPattern: #"<br\s*/?>"#, with: "\n", caseInsensitive: true)
            s = s.replacingMatches(ofPattern: #"</?[A-Za-z][^<>]*>"#, with: "")
            // A tag cut off by the end of a cell (`<p` at the right edge).
            s = s.replacingMatches(ofPattern: #"</?[A-Za-z][^<>]*$"#, with: "")
            for (entity, char) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
                s = s.replacingOccurrences(of: entity, with: char)
            }
        }
        let lines = s.components(separatedBy: "\n").map { joinWrapped($0.trimmingWhitespace()) }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Removes runs of spaces between two Chinese characters (or a Chinese
    /// character and Chinese punctuation): the trace of a wrapped cell.
    static func joinWrapped(_ text: String) -> String {
        guard text.contains(" ") || text.contains("\u{3000}") else { return text }
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\u{3000}" {
                var j = i
                while j < chars.count, chars[j] == " " || chars[j] == "\u{3000}" { j += 1 }
                let before = out.last
                let after = j < chars.count ? chars[j] : nil
                if let b = before, let a = after, isCJK(b), isCJK(a) { i = j; continue }
                out.append(contentsOf: chars[i..<j])
                i = j
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// A Chinese character or Chinese (full-width) punctuation.
    static func isCJK(_ c: Character) -> Bool {
        guard let u = c.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(u) || (0x3400...0x4DBF).contains(u) || (0x3000...0x303F).contains(u)
            || (0xFF01...0xFF0F).contains(u) || (0xFF1A...0xFF20).contains(u) || u == 0x201C || u == 0x201D
    }

    /// Compared text: no spaces, half-width.
    static func key(_ text: String) -> String { FormText.matchable(text) }

    /// Whether the text says nothing (`……`, `.....`, `无` is something).
    static func isFiller(_ text: String) -> Bool {
        let s = key(text)
        return s.isEmpty || s.allSatisfy { ".…。·-—_".contains($0) }
    }

    // MARK: - Field labels

    struct Label {
        var key: String?
        var isAmount: Bool
    }

    /// Field labels, compared without spaces and punctuation; the first
    /// match wins, so longer labels come first.
    static let labels: [(text: String, key: String?, amount: Bool)] = [
        ("申报项目名称", FormField.Key.name, false),
        ("项目名称", FormField.Key.name, false),
        ("项目代码", FormField.Key.code, false),
        ("项目编码", FormField.Key.code, false),
        ("部门(单位)名称", unitKey, false),
        ("部门名称", unitKey, false),
        ("单位名称", unitKey, false),
        ("编报单位(印章)", unitKey, false),
        ("编报单位", unitKey, false),
        ("项目主管部门", FormField.Key.department, false),
        ("主管部门及编码", FormField.Key.department, false),
        ("主管部门", FormField.Key.department, false),
        ("项目执行单位", FormField.Key.implementer, false),
        ("项目实施单位", FormField.Key.implementer, false),
        ("实施单位", FormField.Key.implementer, false),
        ("执行单位", FormField.Key.implementer, false),
        ("项目负责人", FormField.Key.manager, false),
        ("部门负责人(签字)", FormField.Key.manager, false),
        ("部门负责人", FormField.Key.manager, false),
        ("单位负责人", FormField.Key.manager, false),
        ("财务负责人", FormField.Key.financeManager, false),
        ("填报人", FormField.Key.filledBy, false),
        ("联系电话", FormField.Key.phone, false),
        ("填报日期", FormField.Key.date, false),
        ("编报时间", FormField.Key.date, false),
        ("项目属性", FormField.Key.attribute, false),
        ("项目起止时间", FormField.Key.period, false),
        ("项目类别", FormField.Key.category, false),
        ("支出项目类别", FormField.Key.category, false),
        ("单位地址", FormField.Key.address, false),
        ("邮政编码", FormField.Key.postcode, false),
        ("起始年度", FormField.Key.startYear, false),
        ("终止年度", FormField.Key.endYear, false),
        ("项目总预算", FormField.Key.totalBudget, true),
        ("资金总额", FormField.Key.totalBudget, true),
        ("项目当年预算", FormField.Key.yearBudget, true),
        ("当年资金总额", FormField.Key.yearBudget, true),
        ("其中:当年财政拨款", FormField.Key.yearFiscalFunds, true),
        ("当年财政拨款", FormField.Key.yearFiscalFunds, true),
        ("其中:财政拨款", FormField.Key.fiscalFunds, true),
        ("当年其他资金", FormField.Key.yearOtherFunds, true),
        ("其他资金", FormField.Key.otherFunds, true),
        ("项目申请理由", FormField.Key.reason, false),
        ("项目主要内容", FormField.Key.content, false),
        ("项目前两年预算及当年预算变动情况", FormField.Key.budgetChange, false),
        ("部门(单位)职能概述", FormField.Key.functions, false),
        ("部门职能概述", FormField.Key.functions, false),
        ("单位职能概述", FormField.Key.functions, false),
        ("单位机构设置、编制、实有在职及离退休人员情况", FormField.Key.organization, false),
        ("年度主要工作任务", FormField.Key.tasks, false),
        ("年度工作任务", FormField.Key.tasks, false),
        ("主要工作任务", FormField.Key.tasks, false),
    ]

    static let unitKey = "unit"

    /// The label `text` is (the whole cell, possibly with a trailing colon,
    /// a unit in parentheses or a year in front: `2020年主要工作任务`).
    static func label(_ text: String) -> (text: String, key: String?, amount: Bool)? {
        var s = key(text).replacingOccurrences(of: "：", with: ":")
        while s.hasSuffix(":") { s.removeLast() }
        s = s.replacingMatches(ofPattern: #"[(（]万元[)）]$"#, with: "")
        s = s.replacingMatches(ofPattern: #"^[0-9]{4}年"#, with: "")
        s = s.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
        guard !s.isEmpty else { return nil }
        return labels.first { $0.text == s }
    }

    /// `项目名称：X` within one cell: the label and the value.
    static func inlineField(_ text: String) -> (label: String, value: String)? {
        guard let r = text.range(ofPattern: #"^[^：:]{2,20}[：:]"#) else { return nil }
        let label = String(text[r]).trimmingCharacters(in: CharacterSet(charactersIn: "：: "))
        guard Self.label(label) != nil else { return nil }
        return (label, String(text[r.upperBound...]).trimmingWhitespace())
    }

    // MARK: - Indicator levels

    /// 一级指标 names.
    static let level1Words: Set<String> = ["产出指标", "效益指标", "满意度指标", "成本指标", "项目产出", "项目效益", "项目成本",
                                           "产出", "效益", "满意度", "成本"]
    /// 二级指标 names beyond `…指标`.
    static let level2Words: Set<String> = ["产出数量", "产出质量", "产出时效", "产出成本", "成本控制", "完成时效", "经济效益",
                                           "社会效益", "环境效益", "生态效益", "可持续影响", "服务对象满意度"]

    /// The text of a level cell without a leading code (`01 产出数量`).
    static func levelCore(_ text: String) -> String {
        key(text).replacingMatches(ofPattern: #"^[0-9]{1,2}[.、]?"#, with: "")
    }

    static func isLevel1(_ text: String) -> Bool { level1Words.contains(levelCore(text)) }

    static func isLevel2(_ text: String) -> Bool {
        let s = levelCore(text)
        guard !s.isEmpty, !["产出指标", "效益指标"].contains(s) else { return false }
        if level2Words.contains(s) { return true }
        return s.hasSuffix("指标") && s.count <= 12 && s.count >= 4
    }

    /// A 一级 name that is never a 二级 one.
    static func isLevel1Only(_ text: String) -> Bool { isLevel1(text) && !isLevel2(text) }
    /// A 二级 name that is never a 一级 one.
    static func isLevel2Only(_ text: String) -> Bool { isLevel2(text) && !isLevel1(text) }

    /// `指标值确定依据` words: 计划数据, 历史标准, 市目标 …
    static func isBasis(_ text: String) -> Bool {
        let s = key(text)
        guard !s.isEmpty, s.count <= 8 else { return false }
        return s.hasSuffix("标准") || (s.hasSuffix("目标") && s.count >= 3) || s.hasSuffix("数据") || s == "其他" || s == "调查问卷"
    }

    /// A value and nothing else: `100%`, `≥5台套`, `2户`, `0.05`, `约1500家`.
    static func isStrongValue(_ text: String) -> Bool {
        let s = key(text)
        guard !s.isEmpty, s.count <= 12 else { return false }
        if s.range(ofPattern: #"^[≥≤≧≦＞＜><=约不超过低于高于]{0,4}[0-9][0-9.,，%‰]*(%|‰)?[^0-9]{0,4}(/[^0-9]{1,2})?$"#) != nil { return true }
        return false
    }

    /// A cell that could be a value (has a digit, a percent or a comparison).
    static func looksLikeValue(_ text: String) -> Bool {
        let s = key(text)
        return s.range(ofPattern: #"[0-9%≥≤≧≦＞＜<>]"#) != nil
    }

    /// The label cell of an indicator table (`长期绩效指标`, `年度绩效 目标1`,
    /// `目标名称`, `长期目标1`).
    static func isRowLabel(_ text: String) -> Bool {
        let s = key(text)
        return s.range(ofPattern: #"^(长期|中期|年度)(绩效)?(目标|指标)[0-9一二三四五六七八九十]*[:：]?$"#) != nil
            || s == "目标名称"
    }

    /// The term a label names, if any.
    static func term(_ text: String) -> GoalTerm? {
        let s = key(text)
        if s.hasPrefix("长期") || s.hasPrefix("中期") { return .longTerm }
        if s.hasPrefix("年度") { return .annual }
        return nil
    }

    /// `长期目标1:`, `年度绩效目标1`, `年度目标3: …` — a goal's label, and the
    /// text that follows it in the same cell.
    static func goalLabel(_ text: String) -> (label: String, term: GoalTerm, rest: String)? {
        let t = text.trimmingWhitespace()
        guard let r = t.range(ofPattern: #"^(长期|中期|年度)(绩效)?\s*目标\s*[0-9一二三四五六七八九十]*\s*[:：]?"#),
              let term = term(String(t[r])) else { return nil }
        var label = key(String(t[r]))
        while label.hasSuffix(":") || label.hasSuffix("：") { label.removeLast() }
        return (label, term, String(t[r.upperBound...]).trimmingWhitespace())
    }
}
