import Foundation
import GongkaiModel
@testable import GongkaiParse
import Testing

@Suite struct SourceLinesTests {
    /// Lines found byte by byte are the lines of the scalar split, on every
    /// text of up to six pieces from line breaks (`\n`, `\r\n`, a lone
    /// `\r`), a combining mark, a tab, ASCII and CJK, read from a file (a
    /// final `\r` dropped) and from decoded text (kept).
    @Test func byteSplitAgreesWithTheCharacterSplit() throws {
        let texts = exhaustiveTexts(["\n", "\r", "\r\n", "a", "表", "\u{301}", "\t"], upTo: 6)
        var multiline = 0, differ = 0
        for text in texts {
            let fromFile = try SourceLines(data: Data(text.utf8), file: "x.txt")
            let expected = SourceLines.generalLines(text, dropFinalCR: true)
            if fromFile.lines != expected { Issue.record("\(text.debugDescription): \(expected)") }
            let fromText = SourceLines(text: text)
            let expectedText = SourceLines.generalLines(text, dropFinalCR: false)
            if fromText.lines != expectedText { Issue.record("\(text.debugDescription) as text: \(expectedText)") }
            if expected.count > 1 { multiline += 1 }
            if expected != expectedText { differ += 1 }
        }
        #expect(texts.count > 130_000)
        #expect(multiline > 50_000 && differ > 1_000)
        #expect(SourceLines.generalLines("a\r\nb\nc\r", dropFinalCR: true) == ["a", "b", "c"])
        #expect(SourceLines.generalLines("a\rb\r\n\r\n", dropFinalCR: false) == ["a\rb", ""])
        #expect(SourceLines(text: "").count == 0 && SourceLines(text: "\r\n").lines == [""])
    }

    /// Every encoding gives the same lines, one at a time as bytes or as a String.
    @Test func linesInEveryEncoding() throws {
        let text = "单位：万元\n合计\t1.00\n\n206\t科学技术支出\r"
        let utf8 = try SourceLines(data: Data(text.utf8), file: "x.txt")
        let bom = try SourceLines(data: Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), file: "x.txt")
        let gb = try SourceLines(data: try #require(text.data(using: TextEncoding.foundationGB18030)), file: "x.txt")
        #expect(utf8.lines == ["单位：万元", "合计\t1.00", "", "206\t科学技术支出"])
        #expect(bom.lines == utf8.lines && gb.lines == utf8.lines && gb.encoding == .gb18030)
        for n in 1...utf8.count {
            #expect(utf8.withUTF8(line: n) { Array($0) } == Array(utf8[n].utf8))
        }
    }
}

@Suite struct TabCellsTests {
    /// Cells cut at TAB bytes are the cells the Character split gave, on
    /// every text of up to six pieces from a TAB, line breaks, a combining
    /// mark (which joins no TAB), spaces, ASCII and CJK.
    @Test func byteSplitAgreesWithTheCharacterSplit() {
        let texts = exhaustiveTexts(["\t", "\r\n", "\u{301}", " ", "a", "表", "\u{3000}"], upTo: 6)
        var rows = 0
        for text in texts {
            var copy = text
            let cells = copy.withUTF8 { DocumentParser.tabCells($0) }
            // (Bytes: Foundation's `contains("\t")` finds no TAB before a combining mark.)
            let expected = text.utf8.contains(0x09) ? text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) : nil
            if cells != expected { Issue.record("\(text.debugDescription): \(String(describing: expected))") }
            if let expected, expected.count > 2 { rows += 1 }
        }
        #expect(texts.count > 130_000 && rows > 10_000)
    }

    /// A code of ASCII digits takes none of the general paths: it is all
    /// numbers, no 合计, and has no name to split off.
    @Test func asciiDigitsShortcut() {
        let texts = exhaustiveTexts(["2", "0", " ", "a", "合", "计", "一", "\u{FF10}"], upTo: 5)
        var codes = 0
        for text in texts where TableReader.isASCIIDigits(text) {
            codes += 1
            #expect(text.allSatisfy(\.isNumber) && !GridRow.isTotalLabel(text))
            #expect((TableReader.splitCode(text)?.name ?? "").isEmpty)
        }
        #expect(codes == 2 + 4 + 8 + 16 + 32)
        #expect(!TableReader.isASCIIDigits("") && !TableReader.isASCIIDigits("２０") && !TableReader.isASCIIDigits("20 1"))
    }
}

@Suite struct LinePrefilterTests {
    /// The byte tests before the number-marker and part-heading
    /// expressions answer as the expressions do, on every text of up to
    /// four pieces from what they match and what comes near.
    @Test func prefiltersAgreeWithTheExpressions() {
        let texts = exhaustiveTexts(["表", "公开", "附", "预算", "1", "十", "-", " ", "第", "部分", "\u{301}", "\u{3000}"], upTo: 4)
        var markers = 0, headings = 0
        for text in texts {
            let s = HeaderText.normalize(text)
            let marker = s.range(ofPattern: #"^(公开|附)?表[0-9一二三四五六七八九十]+([-－][0-9]+)?$"#) != nil
                || s.range(ofPattern: #"^预算[0-9]+表$"#) != nil
                || s.range(ofPattern: #"^公开[0-9]+表[:：]?$"#) != nil
            let heading = s.hasPrefix("第") && s.range(ofPattern: #"^第[一二三四五六七八九十]+部分"#) != nil
            if TitleMatcher.isNumberMarker(text) != marker { Issue.record("\(text.debugDescription): marker \(marker)") }
            if TextTableLocator.endsTable(text) != heading { Issue.record("\(text.debugDescription): heading \(heading)") }
            if marker { markers += 1 }
            if heading { headings += 1 }
        }
        #expect(texts.count > 20_000 && markers > 100 && headings > 10)
    }
}

@Suite struct EmptyNotePrefilterTests {
    /// The byte test before `isEmptyNote`'s searches answers as the searches
    /// do, on every text of up to four pieces from what they look for and
    /// what comes near (a combining mark, which Foundation's search minds).
    @Test func prefilterAgreesWithTheSearch() {
        func general(_ text: String) -> Bool {
            let s = HeaderText.normalize(text)
            return (s.contains("无") || s.contains("没有") || s.contains("未安排"))
                && ["本单位", "本部门", "本级", "我单位", "我部门"].contains { s.contains($0) }
        }
        let texts = exhaustiveTexts(["无", "没有", "未安排", "本单位", "我部门", "本级", "没", "\u{301}", " ", "支出"], upTo: 4)
        var notes = 0
        for text in texts {
            let expected = general(text)
            if TextTableLocator.isEmptyNote(text) != expected { Issue.record("\(text.debugDescription): \(expected)") }
            if expected { notes += 1 }
        }
        #expect(texts.count > 10_000 && notes > 500)
    }

    /// No scalar but 无, 没 and 未 themselves is canonically equivalent to
    /// them (the CJK compatibility ideographs are to others), so a text
    /// without their bytes holds none of them for Foundation's search either.
    @Test func noOtherScalarIsThem() {
        var decomposing = 0
        for value in UInt32(0x80)...0x10FFFF {
            guard let u = Unicode.Scalar(value), !["无", "没", "未"].contains(u) else { continue }
            // String equality is canonical equivalence.
            let text = String(u)
            if text == "无" || text == "没" || text == "未" { Issue.record("U+\(String(value, radix: 16))") }
            if (0xF900...0xFAFF).contains(value), Array(text.decomposedStringWithCanonicalMapping.unicodeScalars) != [u] {
                decomposing += 1
            }
        }
        #expect(decomposing > 300)
        #expect(Array("\u{F9B8}".decomposedStringWithCanonicalMapping.unicodeScalars) == ["\u{96B8}"])
    }
}
