import GongkaiModel
import Testing

@Suite struct TrimmingTests {
    /// A String's trim, which answers with the text itself when there is
    /// nothing to trim, gives what trimming it as a Substring gives: on every
    /// text of up to five pieces from spaces (ASCII, U+3000, U+00A0), a tab,
    /// line breaks, a combining mark, ASCII and CJK.
    @Test func stringTrimAgreesWithSubstringTrim() {
        let alphabet = [" ", "\u{3000}", "\u{A0}", "\t", "\n", "\r\n", "\u{301}", "a", "表"]
        var layer = [""], texts: [String] = []
        for _ in 0..<5 {
            layer = layer.flatMap { t in alphabet.map { t + $0 } }
            texts += layer
        }
        var untouched = 0
        for text in texts {
            let expected = text[...].trimmingWhitespace()
            if text.trimmingWhitespace() != expected { Issue.record("\(text.debugDescription): \(expected.debugDescription)") }
            if expected == text { untouched += 1 }
        }
        #expect(texts.count > 60_000)
        #expect(untouched > 10_000 && untouched < texts.count / 2)
    }
}
