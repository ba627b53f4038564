import Foundation
import Testing
@testable import GongkaiModel

@Suite("Model JSON (schema gongkai/1)")
struct ModelJSONTests {
    func sampleDocument() -> Document {
        var doc = Document(district: "江汉区", department: "江汉区科学技术和经济信息化局", year: 2020,
                           sourceUnit: .wanYuan, source: "x.txt")
        var t3 = doc.table(3)
        t3.status = .disclosed
        t3.columns = ["total", "basic", "project"]
        t3.rows = [
            Row(key: "total", kind: .total, name: "合计",
                values: ["total": Figure(amount: Amount(fen: 3_859_300_000), text: "3,859.30"),
                         "basic": Figure(amount: Amount(fen: 0), text: "0.00")], line: 320),
            Row(key: "206", kind: .classification, code: "206", level: 1, name: "科学技术支出",
                values: ["total": Figure(amount: Amount(fen: 3_541_920_000), text: "3,541.92", line: 321)], line: 320),
        ]
        doc.setTable(t3)
        return doc
    }

    @Test("amounts are strings of 元, a blank has no key, 0 is kept")
    func contract() throws {
        let data = try ModelJSON.encode(sampleDocument())
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["schema"] as? String == "gongkai/1")
        let tables = try #require(json["tables"] as? [[String: Any]])
        #expect(tables.count == 13)
        let t3 = try #require(tables.first { $0["id"] as? Int == 3 })
        #expect(t3["status"] as? String == "disclosed")
        let rows = try #require(t3["rows"] as? [[String: Any]])
        let total = try #require(rows.first?["values"] as? [String: String])
        #expect(total == ["total": "38593000.00", "basic": "0.00"])
        #expect(total["project"] == nil)
        let t9 = try #require(tables.first { $0["id"] as? Int == 9 })
        #expect(t9["status"] as? String == "absent")
        let meta = try #require(json["document"] as? [String: Any])
        #expect(meta["sourceUnit"] as? String == "万元")
        #expect(meta["year"] as? Int == 2020)
    }

    @Test("decode(encode(doc)) == doc")
    func roundTrip() throws {
        let doc = sampleDocument()
        #expect(try ModelJSON.decode(ModelJSON.encode(doc)) == doc)
    }

    @Test("bad model JSON is refused with a reason", arguments: [
        #"{"schema": "other/9", "document": {"kind": "budget", "sourceUnit": "万元"}, "tables": [], "narrative": [], "diagnostics": []}"#,
        #"{"schema": "gongkai/1", "document": {"kind": "budget", "sourceUnit": "英镑"}, "tables": [], "narrative": [], "diagnostics": []}"#,
        #"{"schema": "gongkai/1", "document": {"kind": "budget", "sourceUnit": "万元"}, "tables": [{"id": 3, "key": "expenditure", "status": "disclosed", "columns": ["total"], "rows": [{"key": "total", "kind": "total", "name": "合计", "values": {"total": "3,8.5"}}]}], "narrative": [], "diagnostics": []}"#,
        #"{"schema": "gongkai/1""#,
    ])
    func refused(text: String) {
        #expect(throws: ModelJSON.ReadError.self) { try ModelJSON.decode(Data(text.utf8)) }
    }
}
