import Foundation
import GongkaiModel

/// The indicator grid of a form: what each column of its header is, and
/// how a published row — often shifted a field or two against its header
/// by the PDF conversion — maps onto those columns.
struct IndicatorTable {
    /// What a column holds.
    enum Role: Equatable {
        /// 目标名称 / 长期绩效指标: the label column.
        case label
        case level1, level2, category, name
        case yearBefore, lastYear, value
        case basis, note
    }

    /// Roles by column index of the header (nil: no role).
    var roles: [Role?]
    /// The term the header names (长期绩效指标 / 年度绩效指标), if any.
    var term: GoalTerm?
    /// Captions of the value columns, by `Indicator` key path name.
    var captions: [String: String] = [:]
    /// The header cells and sub-header rows the roles were read from.
    var header: [String] = []
    var subHeaders: [[String]] = []

    /// Whether `cells` are an indicator header: 一级 and a name column.
    static func isHeader(_ cells: [String]) -> Bool {
        let keys = cells.map(FormVocabulary.key)
        let hasLevel1 = keys.contains { $0 == "一级指标" || $0 == "一级目标" }
        let hasName = keys.contains { k in
            ["二级指标", "三级指标", "指标名称", "指标内容", "明细指标内容"].contains { k.hasPrefix($0) } || k.hasPrefix("二级指标(")
        }
        return hasLevel1 && hasName
    }

    /// Whether `cells` continue a header (`前年 上年 预计当年实现`, `2022年 2023年`).
    static func isSubHeader(_ cells: [String]) -> Bool {
        let keys = cells.map(FormVocabulary.key).filter { !$0.isEmpty }
        guard !keys.isEmpty else { return false }
        return keys.allSatisfy { k in
            k.range(ofPattern: #"^([0-9]{4}年|前年|上年|近两年指标值|近两年|预期当年实现值|预计当年实现|预计当年实现值|当年|指标值)$"#) != nil
        }
    }

    /// The table `header` and its sub-header rows describe.
    init(header: [String], subHeaders: [[String]]) {
        var roles: [Role?] = []
        var term: GoalTerm?
        for cell in header {
            let k = FormVocabulary.key(cell)
            let role: Role?
            switch true {
            case k.isEmpty: role = nil
            case k == "一级指标" || k == "一级目标": role = .level1
            case k.hasPrefix("二级指标"): role = .level2
            case k == "指标类别": role = .category
            case k.hasPrefix("三级指标") || k.hasPrefix("明细指标内容") || k == "指标名称" || k == "指标内容": role = .name
            case k.hasPrefix("指标值确定依据") || k.hasPrefix("绩效标准") || k == "绩效指标" || k == "绩效" || k == "评(计)分标准": role = .basis
            case k.hasPrefix("指标值"): role = .value
            case k == "指标说明" || k.hasPrefix("备注"): role = .note
            case k == "目标名称" || FormVocabulary.isRowLabel(k):
                role = .label
                if let t = FormVocabulary.term(k) { term = t }
            default: role = .note
            }
            roles.append(role)
        }
        // A header cell such as `绩效标准近两年指标值 预期当年实现` is garbled; the plain case:
        // 指标值 spanning blank columns up to the next role: the yearly values.
        if let v = roles.firstIndex(of: .value) {
            var span = [v]
            var i = v + 1
            while i < roles.count, roles[i] == nil { span.append(i); i += 1 }
            let subs = subHeaders.flatMap { $0.map(FormVocabulary.key) }.filter { !$0.isEmpty }
            let years = subs.filter { $0.range(ofPattern: #"^[0-9]{4}年$|^前年$|^上年$"#) != nil }
            let count = min(span.count, max(1, years.count + 1))
            if count == 3 {
                roles[span[0]] = .yearBefore
                roles[span[1]] = .lastYear
                roles[span[2]] = .value
            } else if count == 2 {
                roles[span[0]] = .lastYear
                roles[span[1]] = .value
            }
            if count > 1 {
                let keys = count == 3 ? ["yearBefore", "lastYear"] : ["lastYear"]
                for (k, y) in zip(keys, years.suffix(keys.count)) { captions[k] = y }
                if let expected = subs.first(where: { $0.hasPrefix("预期") || $0.hasPrefix("预计") }) { captions["value"] = expected }
            }
        }
        self.roles = roles
        self.term = term
        self.header = header
        self.subHeaders = subHeaders
    }

    /// The columns of a table whose header is missing: label, 一级, 二级,
    /// name, value, basis.
    static let plain = IndicatorTable(roles: [.label, .level1, .level2, .name, .value, .basis])

    init(roles: [Role?], term: GoalTerm? = nil) {
        self.roles = roles
        self.term = term
    }

    var hasCategory: Bool { roles.contains(.category) }
    var hasLevel2: Bool { roles.contains(.level2) }

    // MARK: - Reading a row

    /// One row's cells by role (several cells may end up in a role: joined).
    struct Assignment {
        var cells: [Role: String] = [:]
        var score: Double = 0

        subscript(_ role: Role) -> String { cells[role] ?? "" }
    }

    /// Assigns `cells` to roles: every shift of the row against the header
    /// is tried, and so is reading its non-blank cells in order; the reading
    /// whose cells best fit their columns wins (ties: the smallest shift).
    func assign(_ cells: [String]) -> Assignment {
        var best: Assignment?
        let n = cells.count
        for shift in -4...4 {
            var a = Assignment()
            var penalty = Double(abs(shift)) * 0.1
            var overflow: [String] = []
            for (i, text) in cells.enumerated() {
                guard !text.isEmpty else { continue }
                let col = i - shift
                if col < 0 || col >= roles.count || roles[col] == nil {
                    if col < 0 && i == 0 && FormVocabulary.isRowLabel(text) { a.cells[.label] = text; continue }
                    if col >= roles.count || (col >= 0 && roles[col] == nil && i == n - 1) { overflow.append(text); continue }
                    penalty += 3
                    continue
                }
                let role = roles[col]!
                a.cells[role] = a.cells[role].map { $0 + " " + text } ?? text
            }
            if !overflow.isEmpty {
                let tails: [Role] = [.note, .basis]
                if let tail = tails.first(where: { r in roles.contains { $0 == r } }) {
                    let before: [String] = a.cells[tail].map { [$0] } ?? []
                    a.cells[tail] = (before + overflow).joined(separator: " ")
                    penalty += 1.0 * Double(overflow.count)
                } else {
                    penalty += 3.0 * Double(overflow.count)
                }
            }
            a.score = fit(a) - penalty
            if best == nil || a.score > best!.score + 1e-9 { best = a }
        }
        // The non-blank cells in reading order.
        var compact = Assignment()
        let texts = cells.filter { !$0.isEmpty }
        var order = roles.compactMap { $0 }.filter { $0 != .label }
        var i = 0
        if let first = texts.first, FormVocabulary.isRowLabel(first) { compact.cells[.label] = first; i = 1 }
        while i < texts.count, !order.isEmpty {
            let text = texts[i]
            let role = order.removeFirst()
            switch role {
            case .level1 where !FormVocabulary.isLevel1(text) && !FormVocabulary.isLevel2(text): continue
            case .level2 where !FormVocabulary.isLevel2(text) && !FormVocabulary.isLevel1(text): continue
            case .category: continue
            default: break
            }
            compact.cells[role] = text
            i += 1
        }
        if i < texts.count { compact.score = -100 } else { compact.score = fit(compact) - 0.35 }
        if let b = best, b.score >= compact.score { return b }
        return compact
    }

    /// How well an assignment's cells fit their roles (higher is better).
    func fit(_ a: Assignment) -> Double {
        var score = 0.0
        let hasValue = [Role.value, .lastYear, .yearBefore].contains { !a[$0].isEmpty }
        for (role, text) in a.cells {
            switch role {
            case .label:
                if !FormVocabulary.isRowLabel(text) { score -= FormVocabulary.isLevel1(text) ? 0.5 : 2 }
            case .level1:
                if FormVocabulary.isLevel1(text) { score += 1 }
                else if FormVocabulary.isLevel2(text) { score += a[.level2].isEmpty ? 0.5 : -1 }
                else if !hasLevel2 { score += text.count <= 12 ? 0.5 : -1 }
                else { score -= 2 }
            case .level2:
                if FormVocabulary.isLevel2(text) { score += 1 }
                else if FormVocabulary.isLevel1(text) { score += a[.level1].isEmpty ? 0 : -1 }
                else if hasCategory && a[.category].isEmpty { score += 0 }
                else { score -= 2 }
            case .category:
                if FormVocabulary.isLevel1(text) || FormVocabulary.isLevel2(text) || FormVocabulary.isStrongValue(text) { score -= 1 }
            case .name:
                if FormVocabulary.isLevel1(text) || FormVocabulary.isLevel2(text) || FormVocabulary.isStrongValue(text)
                    || FormVocabulary.isBasis(text) { score -= 2 }
                else { score += 1 }
            case .value, .lastYear, .yearBefore:
                if FormVocabulary.isBasis(text) || FormVocabulary.isLevel1(text) || FormVocabulary.isLevel2(text) { score -= 2 }
                else if FormVocabulary.isStrongValue(text) { score += 1 }
                else if FormVocabulary.looksLikeValue(text) { score += 0.5 }
            case .basis:
                if FormVocabulary.isBasis(text) { score += 1 }
                else if FormVocabulary.isStrongValue(text) { score -= 1 }
            case .note:
                break
            }
        }
        if a[.name].isEmpty && hasValue { score -= 1.5 }
        return score
    }
}
