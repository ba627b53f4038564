import Testing
import GongkaiCheck
import GongkaiModel

@Suite("item-sum: 表7 合计 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运行维护")
struct ItemSumRuleTests {
    let rule = ItemSumRule()

    func threePublic(_ values: [String: String?], prior: [String: String] = [:]) -> Document {
        let keys = ["total", "abroad", "vehicle", "vehicle.purchase", "vehicle.operation", "reception"]
        let rows: [(String, RowKind, [String: String])] = keys.map { key in
            var v: [String: String] = [:]
            if let a = values[key] ?? nil { v["amount"] = a }
            if let p = prior[key] { v["prior"] = p }
            return (key, key == "total" ? .total : .item, v)
        }
        return document([table(7, columns: prior.isEmpty ? ["amount"] : ["amount", "prior"], rows: rows)])
    }

    @Test("silent on the samples (000: 0.20 = blank + blank + 0.20; 001: 4.40 = 0 + 4.40 + 0)", arguments: ["000", "001", "002"])
    func samples(_ prefix: String) throws {
        #expect(findings(try Samples.document(prefix), rule).isEmpty)
    }

    @Test("a total that is not the sum of its items, in 本年 and 上年")
    func fires() {
        let doc = threePublic(["total": "5.00", "abroad": "1.00", "vehicle": "3.00", "vehicle.purchase": "1.00",
                               "vehicle.operation": "1.50", "reception": "0.50"],
                              prior: ["total": "4.00", "abroad": "1.00", "vehicle": "2.00", "reception": "1.00"])
        let f = findings(doc, rule)
        expectFinding(f.filter { $0.column == "amount" }, table: 7, row: "total", column: "amount", published: "5.00",
                      expected: "4.50", difference: "0.50", severity: .discrepancy)
        expectFinding(f, table: 7, row: "vehicle", column: "amount", published: "3.00", expected: "2.50",
                      difference: "0.50", severity: .discrepancy)
        #expect(!f.contains { $0.column == "prior" })
        #expect(f.count == 2)
    }

    @Test("a missing 公务用车 row is replaced by its parts; all-blank parts are not compared")
    func missingRow() {
        var doc = threePublic(["total": "2.00", "vehicle.purchase": "0.50", "vehicle.operation": "1.00", "reception": "0.50"])
        var t = doc.table(7)
        t.rows.removeAll { $0.key == "vehicle" }
        doc.setTable(t)
        #expect(findings(doc, rule).isEmpty)
        #expect(findings(threePublic(["total": "0.20", "reception": "0.20"]), rule).isEmpty)
    }
}
