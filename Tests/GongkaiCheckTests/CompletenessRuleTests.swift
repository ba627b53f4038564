import Testing
import GongkaiCheck
import GongkaiModel

@Suite("completeness: the canonical tables a document does not disclose")
struct CompletenessRuleTests {
    let rule = CompletenessRule()

    @Test("which tables each sample leaves out", arguments: [
        ("000", [9, 10, 11, 12]),   // 表8 is published empty: disclosed
        ("001", [11, 12]),          // 表8/表9 empty; 11/12 only in the narrative
        ("002", Array(1...12)),     // only the 整体 form
    ])
    func samples(_ prefix: String, _ absent: [Int]) throws {
        let f = findings(try Samples.document(prefix), rule)
        #expect(f.map(\.table) == absent)
        #expect(f.allSatisfy { $0.severity == .note && $0.rule == "completeness" })
    }

    @Test("notes are not discrepancies: a document that only leaves tables out passes")
    func notes() throws {
        // 002 without its form (whose money does not add up, see SampleFindingsTests).
        var doc = try Samples.document("002")
        var forms = doc.table(13)
        forms.forms = []
        doc.setTable(forms)
        let report = Checker().check(doc)
        let hasDiscrepancies = report.hasDiscrepancies
        #expect(!hasDiscrepancies)
        #expect(report.reconciliation.map(\.message) == [])
        #expect(report.notes.count == 12)
    }

    @Test("a document disclosing all 13 has no note")
    func complete() {
        var doc = Document()
        for id in 1...13 { doc.setTable(Table(id: id, key: Catalog.shared.table(id)!.key, status: id == 9 ? .empty : .disclosed)) }
        #expect(findings(doc, rule).isEmpty)
    }
}
