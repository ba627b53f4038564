import GongkaiModel

/// A figure the narrative breaks down: `支出 3859.30 万元，其中：基本支出
/// 482.30 万元 …；项目支出 3377 万元 …。`
///
/// The whole is the amount right before `其中` / `包括` (a share clause
/// `，占 12.50%` may stand between), or — when the marker opens a sentence
/// (`合计 12.20 万元。包括：`) — the largest amount of the sentence before. The parts are the amounts after the marker up to the end of the
/// sentence, at the same depth of parentheses, before any nested marker,
/// changes (`比上年减少 …`) left out. When the first part belongs to a family
/// of complementary items (basic/project spending, 人员/公用经费, 货物/工程/
/// 服务), the parts end where the family ends.
struct Enumeration {
    enum Family: Equatable {
        /// 基本支出, 项目支出 … (spending by nature).
        case nature
        /// 人员经费 + 公用经费 = 基本支出.
        case basic
        /// 货物 + 工程 + 服务 = 政府采购.
        case procurement

        init?(label: String) {
            if ["人员经费", "公用经费"].contains(where: label.contains) { self = .basic }
            else if ["货物", "物类", "工程", "服务类", "采购服务", "拟购买服务"].contains(where: label.contains) { self = .procurement }
            else if ["基本支出", "项目支出", "项目经费", "事业单位经营支出", "上缴上级支出", "对附属单位补助支出"]
                .contains(where: label.contains) { self = .nature }
            else { return nil }
        }

        /// Whether the members of this family listed together make up the whole.
        var isComplete: Bool { self != .nature }
    }

    var whole: Amount
    var wholeText: String
    var wholeUnit: SourceUnit
    var line: Int?
    var parts: [StatedAmount]
    var family: Family?

    /// Whether the whole must equal the parts (a complete family of at least
    /// two), rather than merely not be exceeded by them.
    var isComplete: Bool { (family?.isComplete ?? false) && parts.count >= 2 }

    static func all(in s: Statements, year: Int?) -> [Enumeration] {
        let t = s.prose.text
        let depth = s.prose.parenDepth
        var markers: [Int] = []
        var i = 0
        while i + 1 < t.count {
            let two = String(t[i...(i + 1)])
            if two == "其中" || two == "包括" { markers.append(i) }
            i += 1
        }
        var result: [Enumeration] = []
        let amounts = s.amounts.filter { !$0.isChange(year: year) }
        for (index, m) in markers.enumerated() {
            // The whole.
            var k = m
            while k > 0, t[k - 1] == " " || t[k - 1] == "\n" { k -= 1 }
            var whole: (amount: Amount, text: String, unit: SourceUnit, line: Int?)?
            if k > 0, t[k - 1] == "。" {
                // `…合计 12.20 万元。包括：` — the main (largest) figure of the sentence before.
                var start = k - 1
                while start > 0, t[start - 1] != "。", t[start - 1] != "\n" { start -= 1 }
                let sentence = amounts.filter { $0.range.lowerBound >= start && $0.range.upperBound <= k - 1 }
                // The first of equal largest figures: `合计 1.5 万元，其中，预留份额 1.5 万元。包括：`.
                let main = sentence.reduce(nil as StatedAmount?) { best, a in
                    best.map { a.amount > $0.amount ? a : $0 } ?? a
                }
                if let main {
                    whole = (main.amount, main.text, main.unit, main.line)
                }
            } else if let a = s.amounts.last(where: { $0.range.upperBound <= m }) {
                let between = s.prose.string(a.range.upperBound..<m)
                if !a.isChange(year: year),
                   between.range(of: #"^[，,；;\s]*((占比|占)[\s0-9.]+%[，,；;\s]*)?$"#, options: .regularExpression) != nil {
                    whole = (a.amount, a.text, a.unit, a.line)
                }
            }
            guard let whole else { continue }
            // The parts.
            var end = m + 2
            let next = index + 1 < markers.count ? markers[index + 1] : t.count
            // …up to the end of the sentence, a nested marker, or a colon opening another list (`如下：`).
            while end < t.count, end < next, t[end] != "。", t[end] != "\n",
                  !(end > m + 2 && (t[end] == "：" || t[end] == ":")) { end += 1 }
            var parts = amounts.filter {
                $0.range.lowerBound > m + 1 && $0.range.upperBound <= end && depth[$0.range.lowerBound] == depth[m]
            }
            guard let first = parts.first else { continue }
            let family = Family(label: first.label)
            if let family {
                parts = Array(parts.prefix { Family(label: $0.label) == family })
            }
            result.append(Enumeration(whole: whole.amount, wholeText: whole.text, wholeUnit: whole.unit,
                                      line: whole.line, parts: parts, family: family))
        }
        return result
    }
}
