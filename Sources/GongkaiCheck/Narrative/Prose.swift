import Foundation
import GongkaiModel

/// The narrative (说明) as one text, with the source line of every character.
///
/// PDF text breaks sentences anywhere, even inside `482.30 万` / `元`: a
/// paragraph that does not end a sentence (。；！？：) is joined to the next
/// one directly; after a sentence end a newline separates them. Full-width
/// digits and ％ are made ASCII; everything else is kept.
struct Prose {
    let text: [Character]
    let lines: [Int]

    init(_ narrative: [SourceText]) {
        var text: [Character] = []
        var lines: [Int] = []
        for paragraph in narrative {
            if let last = text.last, !"\n".contains(last) {
                if "。；！？!?;".contains(last) { text.append("\n"); lines.append(lines.last ?? paragraph.line) }
            }
            for ch in paragraph.text {
                text.append(Prose.normalize(ch))
                lines.append(paragraph.line)
            }
        }
        self.text = text
        self.lines = lines
    }

    static func normalize(_ ch: Character) -> Character {
        guard let u = ch.unicodeScalars.first, ch.unicodeScalars.count == 1 else { return ch }
        switch u.value {
        case 0xFF10...0xFF19: return Character(Unicode.Scalar(u.value - 0xFF10 + 0x30)!)
        case 0xFF05: return "%"
        case 0xFF0E: return "."
        case 0x3000: return " "
        default: return ch
        }
    }

    func line(at index: Int) -> Int? {
        lines.isEmpty ? nil : lines[min(max(index, 0), lines.count - 1)]
    }

    func string(_ range: Range<Int>) -> String {
        String(text[max(0, range.lowerBound)..<min(text.count, range.upperBound)])
    }

    /// The depth of parentheses （…） / (…) at every position.
    var parenDepth: [Int] {
        var depth = 0
        return text.map { ch in
            if ch == "（" || ch == "(" { depth += 1; return depth }
            if ch == "）" || ch == ")" { let d = depth; depth = max(0, depth - 1); return d }
            return depth
        }
    }
}

/// An amount the narrative states: `基本支出 482.30 万元`.
struct StatedAmount {
    /// The exact value in 分.
    var amount: Amount
    /// As printed: `482.30`.
    var text: String
    var unit: SourceUnit
    /// Offsets of the number and its unit in the prose.
    var range: Range<Int>
    /// The words before it, back to the previous clause mark: `其中：基本支出`
    /// gives `基本支出`. It may reach into the paragraph before (PDF text
    /// breaks sentences anywhere), but not into a heading (`四、一般公共预算
    /// 基本支出情况` before `2020年一般公共预算基本支出` is cut off).
    var label: String
    var line: Int?

    /// Whether the label makes this a change, a comparison or a prior-year
    /// figure rather than a figure of this budget (`比上年减少`, `较 2019 年增加`).
    func isChange(year: Int?) -> Bool {
        let markers = ["比", "较", "增加", "减少", "增长", "下降", "相比", "持平", "上年", "同比", "增减"]
        if markers.contains(where: label.contains) { return true }
        if let year, Statements.years(in: label).contains(where: { $0 != year }) { return true }
        return false
    }
}

/// A percentage the narrative states: `下降 14.34%`.
struct StatedPercent {
    var value: Decimal
    var text: String
    var decimals: Int
    var range: Range<Int>
    var line: Int?
}

/// Everything numeric the narrative states, in order.
struct Statements {
    let prose: Prose
    let amounts: [StatedAmount]
    let percents: [StatedPercent]

    init(_ narrative: [SourceText]) {
        let prose = Prose(narrative)
        self.prose = prose
        var amounts: [StatedAmount] = []
        var percents: [StatedPercent] = []
        let t = prose.text
        var i = 0
        while i < t.count {
            guard t[i].isASCIIDigitChar, i == 0 || !(t[i - 1].isASCIIDigitChar || t[i - 1] == "." || t[i - 1] == ",") else {
                i += 1; continue
            }
            // A number: digits, thousands separators, one decimal point.
            var j = i
            var seenDot = false
            while j < t.count {
                if t[j].isASCIIDigitChar { j += 1 }
                else if t[j] == ",", !seenDot, Statements.threeDigits(t, from: j + 1) { j += 1 }
                else if t[j] == ".", !seenDot, j + 1 < t.count, t[j + 1].isASCIIDigitChar { seenDot = true; j += 1 }
                else { break }
            }
            let number = String(t[i..<j])
            // What follows: spaces, then 万元 / 元 / %.
            var k = j
            while k < t.count, t[k] == " " { k += 1 }
            if k < t.count, t[k] == "%" {
                let decimals = number.split(separator: ".").dropFirst().first?.count ?? 0
                if let value = Decimal(string: number.replacingOccurrences(of: ",", with: "")) {
                    percents.append(StatedPercent(value: value, text: number + "%", decimals: decimals,
                                                  range: i..<(k + 1), line: prose.line(at: i)))
                }
                i = k + 1
                continue
            }
            var unit: SourceUnit?
            var end = k
            if k < t.count, t[k] == "万" {
                var m = k + 1
                while m < t.count, t[m] == " " { m += 1 }
                if m < t.count, t[m] == "元" { unit = .wanYuan; end = m + 1 }
            } else if k < t.count, t[k] == "元" {
                unit = .yuan; end = k + 1
            }
            if let unit, case .success(let amount) = Amount.parse(number, unit: unit) {
                let label = Statements.display(Statements.label(t, before: i))
                amounts.append(StatedAmount(amount: amount, text: number, unit: unit, range: i..<end,
                                            label: label, line: prose.line(at: i)))
                i = end
            } else {
                i = j
            }
        }
        self.amounts = amounts
        self.percents = percents
    }

    static func threeDigits(_ t: [Character], from i: Int) -> Bool {
        guard i + 2 < t.count else { return false }
        return t[i].isASCIIDigitChar && t[i + 1].isASCIIDigitChar && t[i + 2].isASCIIDigitChar
            && (i + 3 >= t.count || !t[i + 3].isASCIIDigitChar)
    }

    /// Clause marks that end a label going backwards.
    static let clauseMarks: Set<Character> = ["，", ",", "。", "；", ";", "：", ":", "\n", "！", "？", "、", "!", "?"]

    /// The words before offset `i` back to the previous clause mark (at most
    /// 40 characters), spaces and list numbering removed.
    static func label(_ t: [Character], before i: Int) -> String {
        var k = i
        while k > 0, !clauseMarks.contains(t[k - 1]), i - k < 40 { k -= 1 }
        var s = String(t[k..<i]).filter { $0 != " " }
        // `1、` and `- ` are cut by the marks; `(一)` / `（二）` / `(1)` / `1.` prefixes go here.
        while let first = s.first, first == "-" || first == "—" { s.removeFirst() }
        if let r = s.range(of: #"^([（(][一二三四五六七八九十0-9]+[）)]|[0-9]+\.)"#, options: .regularExpression) {
            s.removeSubrange(r)
        }
        return s
    }

    /// `label` without a heading joined before it: cut after the last `情况`
    /// or `说明` that more words follow.
    static func display(_ label: String) -> String {
        var cut = label.startIndex
        for word in ["情况", "说明"] {
            var from = label.startIndex
            while let r = label.range(of: word, range: from..<label.endIndex) {
                if r.upperBound < label.endIndex, r.upperBound > cut { cut = r.upperBound }
                from = r.upperBound
            }
        }
        let rest = String(label[cut...])
        return rest.isEmpty ? label : rest
    }

    /// Four-digit years (19xx, 20xx) in `text`.
    static func years(in text: String) -> [Int] {
        var result: [Int] = []
        let chars = Array(text)
        var i = 0
        while i + 4 <= chars.count {
            let s = String(chars[i..<(i + 4)])
            if (s.hasPrefix("19") || s.hasPrefix("20")), s.allSatisfy(\.isASCIIDigitChar),
               i + 4 == chars.count || !chars[i + 4].isASCIIDigitChar, i == 0 || !chars[i - 1].isASCIIDigitChar,
               let y = Int(s) {
                result.append(y); i += 4
            } else { i += 1 }
        }
        return result
    }

    /// The stated amount ending right before offset `i` (ignoring spaces and
    /// a share clause `，占 12.50%`), if any.
    func amount(endingBefore i: Int) -> StatedAmount? {
        amounts.last { $0.range.upperBound <= i }
    }
}

extension Character {
    var isASCIIDigitChar: Bool { ("0"..."9").contains(self) }
}
