import Testing
import GongkaiCheck
import GongkaiModel

@Suite("row-tree: 合计 = Σ类, 类 = Σ款, 款 = Σ项, units and projects")
struct RowTreeRuleTests {
    let rule = RowTreeRule()

    @Test("000: 表6 合计 total 462.30 is not Σ类 482.30 (audit 000 #1)")
    func sample000() throws {
        let f = findings(try Samples.document("000"), rule)
        #expect(f.count == 1)
        expectFinding(f, table: 6, row: "total", column: "total", published: "462.30", expected: "482.30",
                      difference: "-20.00", severity: .discrepancy, line: 427,
                      message: "表6 合计 total 462.30 ≠ Σ类 482.30 (万元)")
        #expect(f.first?.addends == 3)
    }

    @Test("001: the 0.01 subtotals of 表3, 表5 and 表6 are rounding (audit 001 #1–#8, #11–#13)")
    func sample001() throws {
        let f = findings(try Samples.document("001"), rule)
        #expect(f.count == 11)
        #expect(f.allSatisfy { $0.severity == .rounding })
        for t in [3, 5] {
            let basic = t == 3 ? "basic" : "basic.subtotal"
            let line = t == 3 ? 180 : 254
            expectFinding(f, table: t, row: "total", column: "total", published: "20730.23", expected: "20730.24",
                          difference: "-0.01", severity: .rounding, line: line)
            expectFinding(f, table: t, row: "total", column: basic, published: "1381.19", expected: "1381.20",
                          difference: "-0.01", severity: .rounding, line: line)
            expectFinding(f, table: t, row: "20601", column: "total", published: "964.91", expected: "964.90",
                          difference: "0.01", severity: .rounding, line: line + 2)
            expectFinding(f, table: t, row: "20601", column: basic, published: "815.87", expected: "815.86",
                          difference: "0.01", severity: .rounding, line: line + 2)
        }
        expectFinding(f, table: 6, row: "total", column: "total", published: "1381.19", expected: "1381.20",
                      difference: "-0.01", severity: .rounding, line: 290)
        let t302 = expectFinding(f, table: 6, row: "302", column: "total", published: "132.40", expected: "132.41",
                                 difference: "-0.01", severity: .rounding, line: 302)
        #expect(t302?.bound == 700)  // 14 × 0.005 万元 = 700 元
        expectFinding(f, table: 6, row: "302", column: "public", published: "132.39", expected: "132.41",
                      difference: "-0.02", severity: .rounding, line: 302)
    }

    @Test("silent on the repaired samples and on 002", arguments: ["000", "001", "002"])
    func silent(_ prefix: String) throws {
        let doc = prefix == "000" ? try Repaired.sample000() : prefix == "001" ? try Repaired.sample001()
            : try Samples.document(prefix)
        #expect(findings(doc, rule).isEmpty)
    }

    @Test("beyond n × 0.005 is a discrepancy; a blank subtotal over non-zero rows is a finding")
    func constructed() {
        let t3 = table(3, columns: ["total", "basic", "project"], rows: [
            ("total", .total, ["total": "10.00", "basic": "4.00", "project": "6.00"]),
            ("206", .classification, ["total": "10.00", "basic": "4.00", "project": "6.00"]),
            ("20601", .classification, ["total": "10.04", "project": "6.00"]),
            ("2060101", .classification, ["total": "4.02", "basic": "4.02"]),
            ("2060102", .classification, ["total": "6.00", "project": "6.00"]),
        ])
        let f = findings(document([t3]), rule)
        // 206 total 10.00 vs 20601 10.04: n = 1, bound 0.005.
        expectFinding(f, table: 3, row: "206", column: "total", published: "10.00", expected: "10.04",
                      difference: "-0.04", severity: .discrepancy)
        // 20601 total 10.04 vs 4.02 + 6.00 = 10.02: n = 2.
        expectFinding(f, table: 3, row: "20601", column: "total", published: "10.04", expected: "10.02",
                      difference: "0.02", severity: .discrepancy)
        // 20601 basic blank, its 项 4.02: the blank is a finding.
        expectFinding(f, table: 3, row: "20601", column: "basic", published: nil, expected: "4.02",
                      difference: "-4.02", severity: .discrepancy)
        // 206 basic 4.00 vs 20601 basic blank: all addends blank, not compared.
        #expect(!f.contains { $0.row == "206" && $0.column == "basic" })
        #expect(f.count == 3)
    }

    @Test("a blank subtotal over rows that are all 0.00 is silent; so is a column nobody fills")
    func blanks() {
        let t5 = table(5, columns: ["total", "basic.subtotal", "project"], rows: [
            ("total", .total, ["total": "3.00", "basic.subtotal": "3.00"]),
            ("201", .classification, ["total": "3.00", "basic.subtotal": "3.00", "project": "0.00"]),
        ])
        #expect(findings(document([t5]), rule).isEmpty)
    }

    @Test("units, categories and projects (表10)")
    func projects() {
        let rows: [(String, RowKind, [String: String])] = [
            ("total", .total, ["total": "30.00", "current.gpb": "30.00"]),
            ("unit:067", .unit, ["total": "30.00", "current.gpb": "30.00"]),
            ("unit:067001", .unit, ["total": "30.00", "current.gpb": "30.00"]),
            ("category:31", .category, ["total": "30.00", "current.gpb": "30.00"]),
            ("P1", .project, ["total": "10.00", "current.gpb": "10.00"]),
            ("P2", .project, ["total": "20.00", "current.gpb": "20.00"]),
        ]
        #expect(findings(document([table(10, columns: ["total", "current.gpb"], rows: rows)]), rule).isEmpty)
        var wrong = rows
        wrong[3].2["total"] = "31.00"
        let f = findings(document([table(10, columns: ["total", "current.gpb"], rows: wrong)]), rule)
        // category 31.00 ≠ Σ项目 30.00, and unit 30.00 ≠ Σ项目类别 31.00.
        expectFinding(f, table: 10, row: "category:31", column: "total", published: "31.00", expected: "30.00",
                      difference: "1.00", severity: .discrepancy, message: "表10 category:31 total 31.00 ≠ Σ项目 30.00 (万元)")
        expectFinding(f, table: 10, row: "unit:067001", column: "total", published: "30.00", expected: "31.00",
                      difference: "-1.00", severity: .discrepancy)
        #expect(f.count == 2)
    }
}
