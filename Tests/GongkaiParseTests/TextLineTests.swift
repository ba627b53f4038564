@testable import GongkaiParse
import Testing

@Suite struct TextLineTests {
    /// The byte reader accepts exactly what the regular expression does, on
    /// every text of up to five characters from an alphabet of digits, the
    /// separators, both minus signs, a letter and line ends (> 250,000 texts).
    @Test func isNumberAgreesWithItsPattern() throws {
        let alphabet = ["0", "7", ",", ".", "-", "−", "a", "\n", "\r", "\r\n", "\u{0B}", "\u{85}", "\u{2028}"]
        let (compared, numbers) = try expectAgreement(of: TextToken.isNumber, withPattern: TextToken.numberPattern,
                                                      on: exhaustiveTexts(alphabet, upTo: 5))
        #expect(compared > 250_000)
        #expect(numbers > 500)
        for text in ["21,262,614.31", "1033.90", "−1,234", "0.3", "1,234,567"] { #expect(TextToken.isNumber(text), "\(text)") }
        for text in ["1,23", "12,3456", "1234,567", ".5", "5.", "１２", "1 234", "--1"] { #expect(!TextToken.isNumber(text), "\(text)") }
    }
}
