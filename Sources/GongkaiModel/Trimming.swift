import Foundation
/// Trimming of spaces without Foundation's `NSString` bridge.
///
/// `trimmingWhitespace()` converts the string to UTF-16 and
/// back on every call; on a 1,000,000-row table it was a quarter of the
/// parse. These trim the same scalars, natively.
extension Substring {
    /// The text without leading and trailing spaces and tabs (Unicode Zs,
    /// which includes U+3000 and U+00A0) — what `.whitespaces` trims.
    ///
    /// - Complexity: O(k), k the number of scalars trimmed (plus a copy).
    public func trimmingWhitespace() -> String {
        trimming(\.isSpaceOrTab)
    }

    /// The text without leading and trailing spaces, tabs and line breaks —
    /// what `.whitespacesAndNewlines` trims.
    public func trimmingWhitespaceAndNewlines() -> String {
        trimming { $0.isSpaceOrTab || $0.isLineBreak }
    }

    private func trimming(_ trimmed: (Unicode.Scalar) -> Bool) -> String {
        let text = self
        // Most cells have nothing to trim: a visible ASCII character at both ends.
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return String(text)
        }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, trimmed(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard trimmed(scalars[before]) else { break }
            end = before
        }
        return String(text[start..<end])
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs (Unicode Zs).
    public func trimmingWhitespace() -> String {
        // Nothing to trim (nearly every cell): the text itself, not a copy.
        if isEmpty { return self }
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !first.isSpaceOrTab, !last.isSpaceOrTab {
            return self
        }
        return self[...].trimmingWhitespace()
    }

    /// The text without leading and trailing spaces, tabs and line breaks.
    public func trimmingWhitespaceAndNewlines() -> String { self[...].trimmingWhitespaceAndNewlines() }
}

extension Unicode.Scalar {
    /// Tab or a space separator (Zs): the members of `CharacterSet.whitespaces`.
    var isSpaceOrTab: Bool {
        switch value {
        case 0x20, 0x09: true
        case 0..<0x80: false
        default: properties.generalCategory == .spaceSeparator
        }
    }

    /// U+000A–U+000D, U+0085, U+2028, U+2029: the newlines of `CharacterSet.newlines`.
    var isLineBreak: Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}

extension String {
    /// Whether `needle` occurs in the text, byte for byte (UTF-8), without
    /// Foundation's `NSString` bridge; false for an empty needle, as
    /// Foundation's `contains` answers.
    ///
    /// The header search asks this thousands of times per table.
    /// - Complexity: O(n · m) worst case; headers are short.
    public func includes(_ needle: String) -> Bool {
        guard !needle.isEmpty else { return false }
        var haystack = self, needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard n.count <= h.count else { return false }
                let first = n[0]
                for i in 0...(h.count - n.count) where h[i] == first {
                    var j = 1
                    while j < n.count && h[i + j] == n[j] { j += 1 }
                    if j == n.count { return true }
                }
                return false
            }
        }
    }
}
