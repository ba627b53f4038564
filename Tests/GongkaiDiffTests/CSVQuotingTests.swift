import Testing
@testable import GongkaiDiff

/// The CSV report's byte-level shortcut against its Character-level quoting.
@Suite("CSV quoting shortcut")
struct CSVQuotingTests {
    @Test("Every text of up to four pieces from thirteen quotes exactly as the Character-level test says")
    func exhaustive() {
        let pieces = [",", "\"", "\n", "\r", "\r\n", " ", "a", "中", "\u{301}", "e\u{301}", "\u{3000}", "0", "·"]
        var texts = [""]
        var frontier = [""]
        for _ in 0..<4 {
            frontier = frontier.flatMap { t in pieces.map { t + $0 } }
            texts += frontier
        }
        var quoted = 0, skipped = 0
        for t in texts {
            let general = CSVReport.escapeCharacters(t)
            #expect(CSVReport.escape(t) == general, "\(Array(t.unicodeScalars))")
            if general != t { quoted += 1 }
            if !CSVReport.mayNeedQuotes(t) { skipped += 1; #expect(general == t) }
        }
        #expect(quoted > 1_000)
        #expect(skipped > 1_000)
    }
}
