import Testing
import GongkaiCheck
import GongkaiModel

@Suite("line-sum: 表11/表12 合计 = Σ lines")
struct LineSumRuleTests {
    let rule = LineSumRule()

    /// 004's 政府采购预算表 (audit 004 §4c): 12900 + 17200 + 512860 = 542960 元, under a 科室 and a 部门 row.
    func procurement(total: String) -> Document {
        document([table(11, columns: ["quantity", "total", "gpb"], rows: [
            ("total", .total, ["total": total, "gpb": "542,960.00"]),
            ("unit:05", .unit, ["total": "542,960.00", "gpb": "542,960.00"]),
            ("unit:307", .unit, ["total": "542,960.00", "gpb": "542,960.00"]),
            ("name:A", .line, ["total": "12,900.00", "gpb": "12,900.00"]),
            ("name:B", .line, ["total": "17,200.00", "gpb": "17,200.00"]),
            ("name:C", .line, ["total": "512,860.00", "gpb": "512,860.00"]),
        ], unit: .yuan)], unit: .yuan)
    }

    @Test("lines that add up are silent, group rows are not counted twice")
    func silent() {
        #expect(findings(procurement(total: "542,960.00"), rule).isEmpty)
    }

    @Test("a 合计 that is not the sum of the lines")
    func fires() {
        let f = findings(procurement(total: "513,290.00"), rule)
        #expect(f.count == 1)
        expectFinding(f, table: 11, row: "total", column: "total", published: "513,290.00", expected: "542,960.00",
                      difference: "-29,670.00", severity: .discrepancy, unit: .yuan)
    }

    @Test("silent on the samples (no 表11/表12 in 000–002)", arguments: ["000", "001", "002"])
    func samples(_ prefix: String) throws {
        #expect(findings(try Samples.document(prefix), rule).isEmpty)
    }
}
