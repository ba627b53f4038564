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
