import Foundation
import Testing
import GongkaiCheck
import GongkaiModel

@Suite("JSON report: DESIGN §3 findings, notes apart")
struct ReportJSONTests {
    func object(_ report: Report) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: ReportJSON.encode(report)) as? [String: Any])
    }

    @Test("000: document, findings with amounts as 元 strings, notes, summary")
    func sample000() throws {
        let json = try object(Checker().check(try Samples.document("000")))
        #expect(json["schema"] as? String == "gongkai-check/1")
        let document = try #require(json["document"] as? [String: Any])
        #expect(document["district"] as? String == "江汉区")
        #expect(document["source"] as? String == "000_a71e29afdd43a94e.txt")
        #expect(document["sourceUnit"] as? String == "万元")
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count == 7)
        let tree = try #require(findings.first { $0["rule"] as? String == "row-tree" })
        #expect(tree["severity"] as? String == "discrepancy")
        #expect(tree["table"] as? Int == 6)
        #expect(tree["row"] as? String == "total")
        #expect(tree["column"] as? String == "total")
        #expect(tree["published"] as? String == "4623000.00")
        #expect(tree["expected"] as? String == "4823000.00")
        #expect(tree["difference"] as? String == "-200000.00")
        #expect(tree["bound"] as? String == "150.00")
        #expect(tree["addends"] as? Int == 3)
        #expect(tree["unit"] as? String == "元")
        #expect(tree["line"] as? Int == 427)
        #expect(tree["message"] as? String == "表6 合计 total 462.30 ≠ Σ类 482.30 (万元)")
        // A narrative-alone finding: table null, percentages as decimal strings.
        let change = try #require(findings.first { $0["line"] as? Int == 109 })
        #expect(change["table"] is NSNull)
        #expect(change["row"] is NSNull)
        #expect(change["unit"] as? String == "%")
        #expect(change["published"] as? String == "14.34")
        #expect(change["expected"] as? String == "12.54")
        #expect(change["difference"] as? String == "1.80")
        // Severities keep to the contract; completeness is in notes.
        #expect(findings.allSatisfy { ["rounding", "discrepancy"].contains($0["severity"] as? String ?? "") })
        let notes = try #require(json["notes"] as? [[String: Any]])
        #expect(notes.map { $0["table"] as? Int } == [9, 10, 11, 12])
        #expect(notes.allSatisfy { $0["rule"] as? String == "completeness" })
        #expect(json["summary"] as? [String: Int] == ["discrepancy": 7, "rounding": 0, "notes": 4])
    }

    @Test("every key is present; a blank published cell is null")
    func blank() throws {
        let t6 = table(6, columns: ["total", "personnel", "public"], rows: [("301", .classification, ["personnel": "2.00"])])
        let json = try object(Checker(rules: [ColumnGroupRule()]).check(document([t6])))
        let finding = try #require((json["findings"] as? [[String: Any]])?.first)
        #expect(Set(finding.keys) == ["rule", "severity", "table", "row", "column", "published", "expected", "difference",
                                      "bound", "addends", "unit", "line", "message"])
        #expect(finding["published"] is NSNull)
        #expect(finding["expected"] as? String == "20000.00")
    }

    @Test("a 元 document states its bound to the half 分")
    func yuanBound() throws {
        let t3 = table(3, columns: ["total"], rows: [
            ("total", .total, ["total": "3.01"]), ("201", .classification, ["total": "1.00"]),
            ("203", .classification, ["total": "1.00"]), ("204", .classification, ["total": "1.00"]),
        ], unit: .yuan)
        let json = try object(Checker(rules: [RowTreeRule()]).check(document([t3], unit: .yuan)))
        let finding = try #require((json["findings"] as? [[String: Any]])?.first)
        #expect(finding["bound"] as? String == "0.015")
        #expect(finding["severity"] as? String == "rounding")
    }

    @Test("several reports are an array")
    func several() throws {
        let reports = try ["000", "002"].map { Checker().check(try Samples.document($0)) }
        let json = try JSONSerialization.jsonObject(with: ReportJSON.encode(reports)) as? [[String: Any]]
        #expect(json?.count == 2)
    }
}
