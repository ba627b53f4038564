import Foundation
import GongkaiModel

/// One cell fragment of a line of PDF text: a run of non-space characters
/// (or several single characters printed spaced out, `合 计`).
struct TextToken: Equatable, Sendable {
    /// The text, without its leading U+3000 indentation.
    var text: String
    /// U+3000 characters before the text (the level in 青山's tables).
    var indent: Int
    /// The source line.
    var line: Int
    /// Position among the tokens of its line.
    var index: Int
    /// Whether it is the last token of its line.
    var isLast: Bool

    var isNumber: Bool { TextToken.isNumber(text) }

    /// An amount or count as printed: `1033.90`, `21,262,614.31`, `0`, `0.3`.
    ///
    /// What `numberPattern` matches, read byte by byte: every token of every
    /// line is asked, and the regular expression was a tenth of parsing.
    static func isNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            var i = 0
            let n = b.count
            if n > 0, b[0] == 0x2D { i = 1 }  // -
            else if n >= 3, b[0] == 0xE2, b[1] == 0x88, b[2] == 0x92 { i = 3 }  // −
            func isDigit(_ k: Int) -> Bool { k < n && b[k] &- 0x30 < 10 }
            // The integer part: digits, or groups of three after one to three.
            let start = i
            while isDigit(i) { i += 1 }
            guard i > start else { return false }
            if i < n, b[i] == 0x2C {
                guard i - start <= 3 else { return false }
                while i < n, b[i] == 0x2C {
                    guard isDigit(i + 1), isDigit(i + 2), isDigit(i + 3) else { return false }
                    i += 4
                }
                if isDigit(i) { return false }
            }
            if i < n, b[i] == 0x2E {
                i += 1
                let fraction = i
                while isDigit(i) { i += 1 }
                guard i > fraction else { return false }
            }
            // ICU's `$` also matches before a final line terminator.
            return finalLineTerminatorLength(b[i...]) == n - i
        }
    }

    /// The length in bytes of the line terminator `bytes` ends with, if
    /// any: where ICU's `$` matches too (`\n`, `\r\n`, `\r`, VT, FF, NEL,
    /// U+2028, U+2029).
    static func finalLineTerminatorLength(_ bytes: some BidirectionalCollection<UInt8>) -> Int {
        // The last three bytes, newest last (0 where the text is shorter).
        var (x, y, z) = (UInt8(0), UInt8(0), UInt8(0))
        for b in bytes.suffix(3) { (x, y, z) = (y, z, b) }
        if x == 0xE2, y == 0x80, z == 0xA8 || z == 0xA9 { return 3 }
        if (y == 0x0D && z == 0x0A) || (y == 0xC2 && z == 0x85) { return 2 }
        if !bytes.isEmpty, (0x0A...0x0D).contains(z) { return 1 }
        return 0
    }

    /// The pattern `isNumber` reads by hand (kept for its tests).
    static let numberPattern = #"^[-−]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?$"#

    /// A classification, unit or category code standing alone: `206`,
    /// `2060101`, `307001`, `05`.
    static func isCode(_ text: String) -> Bool {
        text.count >= 2 && text.count <= 7 && text.allSatisfy(\.isASCIIDigitCharacter)
    }

    /// A project code: `42010722307T000000102`, `42011124067700000101`.
    static func isProjectCode(_ text: String) -> Bool {
        text.count >= 12 && text.first?.isASCIIDigitCharacter == true
            && text.allSatisfy { $0.isASCIIDigitCharacter || ("A"..."Z").contains($0) }
    }

    /// The width the text takes when printed: CJK characters count 1, ASCII
    /// characters ½ (wrapping in a PDF cell is by width, not by count).
    static func width(_ text: String, indent: Int = 0) -> Double {
        var w = Double(indent)
        for u in text.unicodeScalars { w += u.value < 0x80 ? 0.5 : 1 }
        return w
    }

    var width: Double { TextToken.width(text, indent: indent) }
}

extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}

/// A line of PDF text split into tokens.
struct TextLine: Sendable {
    var number: Int
    var raw: String
    var tokens: [TextToken]
    /// The line holds only U+3000 indentation (青山 prints one before a
    /// project or purchase row).
    var indentOnly: Bool

    var isBlank: Bool { tokens.isEmpty && !indentOnly }

    /// The text of the line without indentation and outer spaces.
    var trimmed: String { raw.trimmingWhitespace() }

    init(number: Int, raw: String) {
        self.number = number
        self.raw = raw
        let trimmed = raw.trimmingWhitespace()
        indentOnly = trimmed.isEmpty && raw.contains("\u{3000}")
        tokens = TextLine.tokenize(raw, line: number)
    }

    /// Splits on ASCII spaces; each token's leading U+3000 becomes its
    /// indent. Runs of single non-digit characters printed spaced out
    /// (`合 计`, `收    入    总    计`, `其 中 :`) become one token that keeps
    /// the published spacing.
    static func tokenize(_ raw: String, line: Int) -> [TextToken] {
        // (text, start offset, end offset) of each space-separated piece.
        var pieces: [(text: Substring, start: String.Index, end: String.Index)] = []
        var i = raw.startIndex
        while i < raw.endIndex {
            while i < raw.endIndex, raw[i] == " " || raw[i] == "\t" { i = raw.index(after: i) }
            guard i < raw.endIndex else { break }
            let start = i
            while i < raw.endIndex, raw[i] != " " && raw[i] != "\t" { i = raw.index(after: i) }
            pieces.append((raw[start..<i], start, i))
        }
        var tokens: [TextToken] = []
        var p = 0
        func strip(_ s: Substring) -> (String, Int) {
            var indent = 0
            var t = s
            while let f = t.first, f == "\u{3000}" { indent += 1; t = t.dropFirst() }
            while let l = t.last, l == "\u{3000}" { t = t.dropLast() }
            return (String(t), indent)
        }
        func isSpacedChar(_ s: Substring) -> Bool {
            let (t, _) = strip(s)
            return t.count == 1 && !(t.first!.isASCIIDigitCharacter) && !t.first!.isWhitespace
        }
        while p < pieces.count {
            var q = p
            if isSpacedChar(pieces[p].text) {
                while q + 1 < pieces.count, isSpacedChar(pieces[q + 1].text) { q += 1 }
            }
            let (text, indent): (String, Int)
            if q > p {
                let s = strip(raw[pieces[p].start..<pieces[q].end])
                (text, indent) = s
            } else {
                (text, indent) = strip(pieces[p].text)
            }
            if !text.isEmpty {
                tokens.append(TextToken(text: text, indent: indent, line: line, index: tokens.count, isLast: false))
            }
            p = q + 1
        }
        if !tokens.isEmpty { tokens[tokens.count - 1].isLast = true }
        return tokens
    }
}
