import GongkaiModel
@testable import GongkaiParse
import Testing

@Suite struct GridTests {
    /// The general test of a bare code, as it reads any text.
    static func generalIsCodeLike(_ text: String) -> Bool {
        let t = text.trimmingWhitespace()
        return !t.isEmpty && t.count != 4 && t.allSatisfy(\.isNumber) && !t.contains(".")
            && (t.count <= 7 || t.count >= 12)
    }

    /// The ASCII shortcut says what the general test says: on every string
    /// of digits up to 14 long (the length rules), and on every text of up
    /// to six characters from digits, separators, spaces and a letter.
    @Test func codeLikeShortcutAgreesWithTheGeneralTest() {
        let texts = exhaustiveTexts(["0", "7"], upTo: 14)
            + exhaustiveTexts(["1", ".", ",", " ", "\t", "a", "\r\n", "-"], upTo: 6)
        var codes = 0
        for text in texts {
            let expected = Self.generalIsCodeLike(text)
            if GridRow.isCodeLike(text) != expected { Issue.record("\(text.debugDescription): \(expected)") }
            if expected { codes += 1 }
        }
        #expect(texts.count > 290_000)
        #expect(codes > 10_000)
        #expect(GridRow.isCodeLike("2010101") && GridRow.isCodeLike(" 206 ") && GridRow.isCodeLike("067001"))
        #expect(!GridRow.isCodeLike("2024") && !GridRow.isCodeLike("1,234") && !GridRow.isCodeLike("12.5"))
    }
}
