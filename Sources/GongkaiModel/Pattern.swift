import Foundation
import Synchronization

/// Regular expressions compiled once per pattern and shared.
///
/// `range(of:options: .regularExpression)` compiles its pattern on every call;
/// the parser asks the same few dozen patterns of every line, and compiling
/// was a sixth of the time on fuzzed fragments. Compiled expressions are
/// immutable and safe to share across threads (NSRegularExpression is
/// documented thread-safe).
enum Pattern {
    private static let cache = Mutex<[String: NSRegularExpression]>([:])

    /// The compiled expression for `pattern`, from the cache after the first call.
    static func compiled(_ pattern: String, caseInsensitive: Bool = false) -> NSRegularExpression? {
        let key = (caseInsensitive ? "i:" : "c:") + pattern
        if let hit = cache.withLock({ $0[key] }) { return hit }
        guard let regex = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : []) else {
            return nil
        }
        cache.withLock { $0[key] = regex }
        return regex
    }
}

extension StringProtocol {
    /// The range of the first match of the regular expression `pattern`, as
    /// `range(of: pattern, options: .regularExpression)` gives, compiled once.
    ///
    /// - Complexity: the match; compiling happens once per pattern per process.
    public func range(ofPattern pattern: String) -> Range<String.Index>? {
        let text = String(self)
        guard let regex = Pattern.compiled(pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let found = Range(match.range, in: text) else { return nil }
        // Offsets, so that the range is in `self` (a Substring's indices are its base's).
        let lower = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
        let upper = text.utf8.distance(from: text.startIndex, to: found.upperBound)
        return utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)
    }

    /// The text with every match of `pattern` replaced by `template` (`$1` …),
    /// as `replacingOccurrences(of:with:options: .regularExpression)`, compiled once.
    public func replacingMatches(ofPattern pattern: String, with template: String, caseInsensitive: Bool = false) -> String {
        let text = String(self)
        guard let regex = Pattern.compiled(pattern, caseInsensitive: caseInsensitive) else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
