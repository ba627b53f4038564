import Foundation

/// An exact amount of money in 元, held as an integer number of 分 (fen).
///
/// Budget figures are published with two decimals in 万元 or 元; both fit
/// exactly in 分 (1 万元 = 1,000,000 分), so no floating point is ever needed.
/// Arithmetic traps on overflow like every Swift integer; code fed by input
/// uses the `adding(_:)` and `sum(_:)` helpers, which report overflow instead.
public struct Amount: Hashable, Comparable, Sendable {
    /// The amount in 分.
    public var fen: Int64

    /// Creates an amount of `fen` 分.
    public init(fen: Int64) { self.fen = fen }

    public static let zero = Amount(fen: 0)

    public static func < (a: Amount, b: Amount) -> Bool { a.fen < b.fen }

    /// `self + other`, or nil on overflow.
    public func adding(_ other: Amount) -> Amount? {
        let (v, o) = fen.addingReportingOverflow(other.fen)
        return o ? nil : Amount(fen: v)
    }

    /// `self - other`, or nil on overflow.
    public func subtracting(_ other: Amount) -> Amount? {
        let (v, o) = fen.subtractingReportingOverflow(other.fen)
        return o ? nil : Amount(fen: v)
    }

    /// The sum of `amounts`, or nil on overflow.
    ///
    /// - Complexity: O(*n*).
    public static func sum<S: Sequence>(_ amounts: S) -> Amount? where S.Element == Amount {
        var total = Amount.zero
        for a in amounts {
            guard let t = total.adding(a) else { return nil }
            total = t
        }
        return total
    }

    /// The absolute value, or nil for the one value that has none.
    public var magnitude: Amount? {
        fen == .min ? nil : Amount(fen: fen < 0 ? -fen : fen)
    }

    /// The amount in 元 with two decimals and no separators: `"38593000.00"`
    /// (the JSON contract's form).
    public var yuanString: String { Amount.format(fen: fen, scale: 2, grouping: false) }

    /// The amount in `unit` with two decimals, grouped by thousands when
    /// `grouping` is set: `3,859.30` for 38,593,000.00 元 in 万元.
    ///
    /// 万元 figures that are not whole 0.01 万元 (an amount computed from 元)
    /// keep every significant digit rather than being rounded.
    public func formatted(in unit: SourceUnit, grouping: Bool = true) -> String {
        switch unit {
        case .yuan: return Amount.format(fen: fen, scale: 2, grouping: grouping)
        case .wanYuan:
            // 1 万元 = 10^6 分: six decimals, trimmed back to at least two.
            var s = Amount.format(fen: fen, scale: 6, grouping: grouping)
            var trimmed = 0
            while trimmed < 4, s.hasSuffix("0") { s.removeLast(); trimmed += 1 }
            return s
        }
    }

    /// The amount as a `Double` in `unit`, for writing into spreadsheet cells
    /// (a spreadsheet stores IEEE doubles; the model never does arithmetic on it).
    public func double(in unit: SourceUnit) -> Double {
        Double(fen) / Double(unit.fenPerUnit)
    }

    static func format(fen: Int64, scale: Int, grouping: Bool) -> String {
        let negative = fen < 0
        let magnitude = fen.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let whole = magnitude / divisor
        let fraction = magnitude % divisor
        var wholeText = String(whole)
        if grouping, wholeText.count > 3 {
            var grouped = ""
            for (i, ch) in wholeText.enumerated() {
                if i > 0, (wholeText.count - i) % 3 == 0 { grouped.append(",") }
                grouped.append(ch)
            }
            wholeText = grouped
        }
        var fractionText = String(fraction)
        while fractionText.count < scale { fractionText = "0" + fractionText }
        return (negative ? "-" : "") + wholeText + (scale > 0 ? "." + fractionText : "")
    }
}

extension Amount: CustomStringConvertible {
    public var description: String { yuanString + " 元" }
}

extension Amount {
    /// Reasons a published number cannot be read.
    public enum ParseError: Error, Equatable, Sendable {
        /// Not a number at all (letters, misplaced separators: `1,2.3`, `2O73O.23`).
        case malformed
        /// More decimals than 分 can hold in this unit.
        case tooPrecise
        /// Larger than the model can hold.
        case tooLarge
    }

    /// Reads a published number such as `3,859.30`, `20730.23`, `0.00`,
    /// `-12.5` or `（12.50）` (negative in parentheses) in `unit`.
    ///
    /// Thousands separators must group by three; full-width digits and
    /// separators are accepted. Returns the exact amount in 分.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    public static func parse(_ text: String, unit: SourceUnit) -> Result<Amount, ParseError> {
        parsePlain(text, unit: unit) ?? parseAnyForm(text, unit: unit)
    }

    /// `parse` for text of ASCII digits, `,`, `.` and a leading `-` only (nearly
    /// every cell of a table), read byte by byte; nil for any other text,
    /// which `parseAnyForm` reads. The two agree on every input they share
    /// (`AmountTests` compares them).
    ///
    /// - Complexity: O(*n*), without allocating.
    static func parsePlain(_ text: String, unit: SourceUnit) -> Result<Amount, ParseError>? {
        // The bytes where they lie: through `String.UTF8View` the loop cost three times as much.
        var text = text
        return text.withUTF8 { parsePlain(bytes: $0, unit: unit) }
    }

    /// `parsePlain` of UTF-8 bytes.
    private static func parsePlain(bytes: UnsafeBufferPointer<UInt8>, unit: SourceUnit) -> Result<Amount, ParseError>? {
        guard !bytes.isEmpty,
              bytes.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2C || $0 == 0x2E || $0 == 0x2D }) else { return nil }
        var negative = false
        var whole: Int64 = 0, wholeDigits = 0
        // Digits of the whole part's current group, and how many groups.
        var group = 0, groups = 1
        var inFraction = false
        // The fraction up to its last non-zero digit, and the zeros after it
        // (trailing zeros carry no value, whatever the unit's precision).
        var fraction: Int64 = 0, significant = 0, zeros = 0
        for (i, b) in bytes.enumerated() {
            switch b {
            case 0x2D:
                guard i == 0 else { return .failure(.malformed) }
                negative = true
            case 0x2C:
                // Groups of three after the first, which has one to three digits.
                guard !inFraction, group > 0, groups == 1 ? group <= 3 : group == 3 else { return .failure(.malformed) }
                groups += 1
                group = 0
            case 0x2E:
                guard !inFraction else { return .failure(.malformed) }
                inFraction = true
            default:
                let d = Int64(b - 0x30)
                if !inFraction {
                    group += 1
                    wholeDigits += 1
                    if wholeDigits <= 18 { whole = whole * 10 + d }
                } else if d == 0 {
                    zeros += 1
                } else {
                    significant += zeros + 1
                    // Past 18 digits the value no longer matters: it is too precise for any unit.
                    if significant <= 18 {
                        for _ in 0..<zeros { fraction *= 10 }
                        fraction = fraction * 10 + d
                    }
                    zeros = 0
                }
            }
        }
        // The whole part's last group is never empty (`-`, `.5`, `1,` are not numbers) …
        guard group > 0, groups == 1 || group == 3 else { return .failure(.malformed) }
        // … and a `.` has digits after it.
        if inFraction, significant + zeros == 0 { return .failure(.malformed) }
        let scale = unit.decimalDigits
        guard significant <= scale else { return .failure(.tooPrecise) }
        guard wholeDigits + scale <= 18 else { return .failure(.tooLarge) }
        var value = whole
        for _ in 0..<scale { value *= 10 }
        for _ in significant..<scale { fraction *= 10 }
        value += fraction
        return .success(Amount(fen: negative ? -value : value))
    }

    /// `parse` for any published form: full-width digits, spaces around,
    /// `−`, parentheses.
    static func parseAnyForm(_ text: String, unit: SourceUnit) -> Result<Amount, ParseError> {
        var s = Substring(NumberText.halfWidth(text)).trimmingSpaces()
        var negative = false
        if s.hasPrefix("-") || s.hasPrefix("−") { negative = true; s = s.dropFirst() }
        else if s.hasPrefix("("), s.hasSuffix(")"), s.count > 2 {
            negative = true; s = s.dropFirst().dropLast()
        }
        guard !s.isEmpty else { return .failure(.malformed) }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let wholePart = parts.first, !wholePart.isEmpty else {
            return .failure(.malformed)
        }
        let fractionPart = parts.count == 2 ? parts[1] : ""
        if parts.count == 2, fractionPart.isEmpty { return .failure(.malformed) }
        guard fractionPart.allSatisfy(\.isASCIIDigit) else { return .failure(.malformed) }
        // Whole part: plain digits, or groups of three after the first.
        let groups = wholePart.split(separator: ",", omittingEmptySubsequences: false)
        for (i, g) in groups.enumerated() {
            guard !g.isEmpty, g.allSatisfy(\.isASCIIDigit) else { return .failure(.malformed) }
            if groups.count > 1 {
                if i == 0 { guard g.count <= 3 else { return .failure(.malformed) } }
                else { guard g.count == 3 else { return .failure(.malformed) } }
            }
        }
        let digits = groups.joined()
        let scale = unit.decimalDigits
        var fraction = String(fractionPart)
        // Trailing zeros beyond the unit's precision carry no value.
        while fraction.count > scale, fraction.hasSuffix("0") { fraction.removeLast() }
        guard fraction.count <= scale else { return .failure(.tooPrecise) }
        while fraction.count < scale { fraction += "0" }
        guard digits.count + scale <= 18, let value = Int64(digits + fraction) else {
            return .failure(.tooLarge)
        }
        return .success(Amount(fen: negative ? -value : value))
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}

/// Helpers for text that holds numbers.
public enum NumberText {
    /// Full-width digits, separators and parentheses made ASCII.
    public static func halfWidth(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars { out.append(halfWidth(u)) }
        return String(out)
    }

    /// The ASCII form of a full-width digit, `，`, `．`, `（`, `）` or `－`; any other scalar unchanged.
    public static func halfWidth(_ u: Unicode.Scalar) -> Unicode.Scalar {
        switch u.value {
        case 0xFF10...0xFF19: Unicode.Scalar(u.value - 0xFF10 + 0x30)!
        case 0xFF0C: ","
        case 0xFF0E: "."
        case 0xFF08: "("
        case 0xFF09: ")"
        case 0xFF0D: "-"
        default: u
        }
    }

    /// Whether `text` is shaped like a number (digits, separators, a sign),
    /// even a malformed one: such a cell in an amount column is a number
    /// that must be read or reported, never taken for a name.
    public static func looksNumeric(_ text: String) -> Bool {
        var bytes = text
        if let ascii = bytes.withUTF8(looksNumericASCII) { return ascii }
        // A name: its first character starts no number (and is no space to
        // trim), so the answer needs no copy of the text.
        if let u = text.unicodeScalars.first, u.value >= 0x80, !HeaderText.isWhitespace(u) {
            switch u.value {
            case 0xFF10...0xFF19, 0xFF0D, 0xFF08: break
            default: return false
            }
        }
        let s = halfWidth(text).trimmingWhitespace()
        guard let first = s.first, first.isASCIIDigit || first == "-" || first == "(" else { return false }
        var digits = 0, other = 0
        for ch in s {
            if ch.isASCIIDigit { digits += 1 }
            else if ",.-()".contains(ch) { continue }
            else { other += 1 }
        }
        // `2O73O.23`: a letter O among digits is a misread number, not a name.
        return digits > 0 && other <= digits / 2 && !s.contains(where: { $0.isLetter && !"Oo".contains($0) })
    }

    /// `looksNumeric` for ASCII text, byte by byte (it runs on every cell);
    /// nil when the text has other characters, for the general path.
    ///
    /// - Complexity: O(n), no allocation.
    static func looksNumericASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while end > start, case let b = bytes[bytes.index(before: end)], b == 0x20 || b == 0x09 { end = bytes.index(before: end) }
        guard start < end else { return bytes.allSatisfy { $0 < 0x80 } ? false : nil }
        var digits = 0, other = 0, letter = false
        for b in bytes[start..<end] {
            switch b {
            case 0x80..., 0x0D: return nil  // and "\r\n", one Character
            case 0x30...0x39: digits += 1
            case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"): continue
            case UInt8(ascii: "O"), UInt8(ascii: "o"): other += 1
            case 0x41...0x5A, 0x61...0x7A: other += 1; letter = true
            default: other += 1
            }
        }
        let first = bytes[start]
        guard (0x30...0x39).contains(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: "(") else { return false }
        return digits > 0 && other <= digits / 2 && !letter
    }
}
