import Foundation
import Testing
@testable import GongkaiModel
import GongkaiTestSupport

@Suite("ModelJSONWriter: the model JSON written row by row, byte for byte what JSONEncoder writes")
struct ModelJSONWriterTests {
    /// What `ModelJSON.encode` wrote before it streamed: the oracle.
    func foundationJSON(_ doc: Document) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(DocumentJSON(doc))
    }

    func expectSameBytes(_ doc: Document, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let written = try ModelJSON.encode(doc)
        let expected = try foundationJSON(doc)
        // Compare Bools: a failed #expect on two large blobs makes the test library diff them for minutes.
        let same = written == expected
        #expect(same, "\(name): \(Fixtures.firstDifference(written, expected))", sourceLocation: sourceLocation)
    }

    @Test("the five samples (read back from their goldens), 表13 forms and extras included",
          arguments: ["000", "001", "002", "003", "004"])
    func samples(_ prefix: String) throws {
        let doc = try ModelJSON.decode(Data(contentsOf: Fixtures.golden("\(prefix).json")))
        #expect(doc.tables.contains { !$0.rows.isEmpty || !$0.forms.isEmpty })
        try expectSameBytes(doc, prefix)
    }

    /// Keys that plain `<` orders differently from `JSONEncoder` (digits,
    /// case, `_` against letters), and strings that need escaping.
    func awkwardDocument() -> Document {
        func f(_ fen: Int64, _ text: String, line: Int? = nil) -> Figure { Figure(amount: Amount(fen: fen), text: text, line: line) }
        var doc = Document(district: "区\"引号\"", department: "部门\\反斜杠/斜杠", year: 2024, source: "a\tb\nc.txt")
        doc.narrative = [SourceText(line: 1, text: "控制字符\u{01}\u{1F}\u{7F} 和 emoji 🇨🇳 与 U+2028\u{2028}")]
        doc.diagnostics = [Diagnostic(.warning, line: 3, table: 2, "第 3 行：\r\n换行")]
        var t = doc.table(10)
        t.status = .disclosed
        t.columns = ["category.10", "category.2", "carry_forward", "carryover", "Total", "total"]
        t.notes = ["注：\u{0C}换页\u{08}退格"]
        t.rows = [
            Row(key: "name:项目\"甲\"", kind: .project, name: "项目\u{3000}甲",
                values: ["category.10": f(1, "0.01"), "category.2": f(2, "0.02", line: 9), "carry_forward": f(3, "0.03"),
                         "carryover": f(4, "0.04"), "Total": f(5, "0.05"), "total": f(-6, "(0.06)", line: 10)],
                texts: ["unit": "单位/甲", "Unit_2": "x", "unit_10": "y"], line: 8),
            Row(key: "empty", kind: .category, name: "", line: nil),
        ]
        doc.setTable(t)
        doc.extras = [ExtraTable(title: "资产配置预算表", lines: 5...6, grid: [["a", ""], []], gridLines: [5, 6])]
        return doc
    }

    /// Strings without escapes are copied whole and amounts written digit
    /// by digit; both must match `JSONEncoder` and `yuanString`, whatever
    /// the text (every control character, quote, backslash, slash, CJK,
    /// inline and heap strings) and the amount (signs, cents, extremes).
    @Test func copiedStringsAndWrittenAmountsMatchTheGeneralPath() throws {
        var texts = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) + "x" } + ["\"", "\\", "/", "\u{7F}", "", "a", "部门预算",
                     String(repeating: "表", count: 40), String(repeating: "q", count: 15), String(repeating: "q", count: 16)]
        texts += texts.map { "前" + $0 + String(repeating: "后", count: 20) }
        let fens: [Int64] = [0, 1, -1, 9, 10, 99, 100, -100, 101, 12_345, -12_345, 999_999_999, .max, .min, .min + 1]
        var doc = Document()
        var t = doc.table(3)
        t.status = .disclosed
        t.columns = ["total"]
        t.rows = texts.enumerated().map { i, text in
            let fen = fens[i % fens.count]
            return Row(key: text, kind: .classification, code: text, name: text,
                       values: ["total": Figure(amount: Amount(fen: fen), text: text)], texts: ["note": text])
        }
        doc.setTable(t)
        try expectSameBytes(doc, "texts and amounts")
        for fen in fens + (-1000...1000).map(Int64.init) {
            var bytes: [UInt8] = []
            ModelJSONWriter.appendYuan(fen, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Amount(fen: fen).yuanString)
        }
    }

    @Test func awkwardKeysAndStrings() throws {
        try expectSameBytes(awkwardDocument(), "awkward")
        try expectSameBytes(Document(), "empty document")
    }

    @Test("pieces handed to the sink add up to the whole, each at least the chunk size")
    func pieces() throws {
        let doc = try ModelJSON.decode(Data(contentsOf: Fixtures.golden("001.json")))
        var pieces: [[UInt8]] = []
        var writer = ModelJSONWriter(chunkSize: 4096) { pieces.append($0) }
        try writer.write(doc)
        #expect(pieces.count > 10)
        #expect(Data(pieces.joined()) == (try foundationJSON(doc)))
        // A piece is cut after the row that passes the chunk size (表13's forms go whole).
        #expect(pieces.dropLast().allSatisfy { $0.count >= 4096 })
    }
}
