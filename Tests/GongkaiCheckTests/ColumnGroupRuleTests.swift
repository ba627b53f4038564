import Testing
import GongkaiCheck
import GongkaiModel

@Suite("column-group: column sums of the catalog in every row")
struct ColumnGroupRuleTests {
    let rule = ColumnGroupRule()

    @Test("000: 表6 合计 total 462.30 is not personnel + public 482.30 (audit 000 #2)")
    func sample000() throws {
        let f = findings(try Samples.document("000"), rule)
        #expect(f.count == 1)
        expectFinding(f, table: 6, row: "total", column: "total", published: "462.30", expected: "482.30",
                      difference: "-20.00", severity: .discrepancy, line: 427,
                      message: "表6 合计 total 462.30 ≠ personnel + public 482.30 (万元)")
    }

    @Test("001: basic.subtotal and 表6 302 are 0.01 off their parts, at the limit of rounding (audit 001 #9, #10, #14)")
    func sample001() throws {
        let f = findings(try Samples.document("001"), rule)
        #expect(f.count == 3)
        let at206 = expectFinding(f, table: 5, row: "206", column: "basic.subtotal", published: "815.87", expected: "815.86",
                                  difference: "0.01", severity: .rounding, line: 255)
        #expect(at206?.bound == 100)  // 2 × 0.005 万元 = 100 元
        expectFinding(f, table: 5, row: "20601", column: "basic.subtotal", published: "815.87", expected: "815.86",
                      difference: "0.01", severity: .rounding, line: 256)
        expectFinding(f, table: 6, row: "302", column: "total", published: "132.40", expected: "132.39",
                      difference: "0.01", severity: .rounding, line: 302)
    }

    @Test("silent on the repaired samples and on 002", arguments: ["000", "001", "002"])
    func silent(_ prefix: String) throws {
        let doc = prefix == "000" ? try Repaired.sample000() : prefix == "001" ? try Repaired.sample001()
            : try Samples.document(prefix)
        #expect(findings(doc, rule).isEmpty)
    }

    @Test("an unpublished addend is replaced by its own addends (表2 without 本年收入小计)")
    func expansion() {
        let t2 = table(2, columns: ["total", "current.gpb", "current.other", "carryover.subtotal"], rows: [
            ("total", .total, ["total": "12.00", "current.gpb": "10.00", "current.other": "1.00", "carryover.subtotal": "1.00"]),
        ])
        #expect(findings(document([t2]), rule).isEmpty)
        var wrong = t2
        wrong.rows[0].values["current.other"] = Figure(amount: Amount(fen: 3_000_000), text: "3.00")
        let f = findings(document([wrong]), rule)
        expectFinding(f, table: 2, row: "total", column: "total", published: "12.00", expected: "14.00",
                      difference: "-2.00", severity: .discrepancy,
                      message: "表2 合计 total 12.00 ≠ current.gpb + current.other + carryover.subtotal 14.00 (万元)")
    }

    @Test("表4: a panel's blank column is layout, not an omission; a wrong total is found")
    func fiscal() {
        let t4 = table(4, columns: ["total", "gpb"], rows: [
            ("income.gpb", .item, ["total": "5.00"]),
            ("function.206", .item, ["gpb": "5.00"]),
        ])
        #expect(findings(document([t4]), rule).isEmpty)
        let t4b = table(4, columns: ["total", "gpb", "fund"], rows: [
            ("function.206", .item, ["total": "5.00", "gpb": "4.00", "fund": "0.50"]),
        ])
        let f = findings(document([t4b]), rule)
        expectFinding(f, table: 4, row: "function.206", column: "total", published: "5.00", expected: "4.50",
                      difference: "0.50", severity: .discrepancy)
    }

    @Test("in a classification table a blank total over non-zero parts is a finding; all-blank parts are not compared")
    func blanks() {
        let t6 = table(6, columns: ["total", "personnel", "public"], rows: [
            ("301", .classification, ["personnel": "2.00"]),
            ("302", .classification, ["total": "1.00"]),
        ])
        let f = findings(document([t6]), rule)
        #expect(f.count == 1)
        expectFinding(f, table: 6, row: "301", column: "total", published: nil, expected: "2.00",
                      difference: "-2.00", severity: .discrepancy)
    }
}
