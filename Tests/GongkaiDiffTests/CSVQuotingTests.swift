import Testing
@testable import GongkaiDiff

/// The CSV report's quoting, as a CSV reader sees a field: byte by byte.
@Suite("CSV quoting")
struct CSVQuotingTests {
    /// Reads a quoted field back as a CSV reader does, scalar by scalar;
    /// nil when a quote inside is not doubled.
    static func unquote(_ field: String) -> String? {
        var scalars = Array(field.unicodeScalars)
        guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
        scalars = Array(scalars.dropFirst().dropLast())
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\"" {
                guard i + 1 < scalars.count, scalars[i + 1] == "\"" else { return nil }
                i += 1
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    @Test("Every text of up to four pieces from thirteen is quoted exactly when a reader needs it, and reads back")
    func exhaustive() {
        let pieces = [",", "\"", "\n", "\r", "\r\n", " ", "a", "中", "\u{301}", "e\u{301}", "\u{3000}", "0", "·"]
        var texts = [""]
        var frontier = [""]
        for _ in 0..<4 {
            frontier = frontier.flatMap { t in pieces.map { t + $0 } }
            texts += frontier
        }
        var quoted = 0
        for t in texts {
            let scalars = t.unicodeScalars
            let needed = scalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
                || scalars.first == " " || scalars.last == " "
            let field = CSVReport.escape(t)
            if needed {
                quoted += 1
                #expect(Self.unquote(field) == t, "\(Array(scalars))")
            } else {
                #expect(field == t, "\(Array(scalars))")
            }
        }
        #expect(quoted > 10_000)
    }

    @Test("A CRLF or a comma joined to a combining mark is still quoted")
    func joinedCharacters() {
        #expect(CSVReport.escape("说明\r\n第二行") == "\"说明\r\n第二行\"")
        #expect(CSVReport.escape(",\u{301}") == "\",\u{301}\"")
        #expect(CSVReport.escape("\"\u{301}") == "\"\"\"\u{301}\"")
        #expect(CSVReport.escape("科学技术支出") == "科学技术支出")
    }
}
