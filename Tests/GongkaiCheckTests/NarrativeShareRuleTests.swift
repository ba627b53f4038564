import Testing
import GongkaiCheck
import GongkaiModel

@Suite("narrative-share: X 万元，占 p% is X over its whole")
struct NarrativeShareRuleTests {
    let rule = NarrativeShareRule()

    @Test("silent on the samples: 12.50%/87.50% (000), 6.66%/93.34% (001)", arguments: ["000", "001", "002"])
    func samples(_ prefix: String) throws {
        #expect(findings(try Samples.document(prefix), rule).isEmpty)
    }

    @Test("a share that neither the narrative's figures nor the tables explain")
    func fires() throws {
        let doc = try Repaired.sample000().withNarrative([
            "2020 年部门预算支出 3859.30 万元，其中：基本支出 482.30 万元，占 13.50%；项目支出 3377 万元，占 87.50%。",
        ])
        let f = findings(doc, rule)
        #expect(f.count == 1)
        #expect(f.first?.published == .percent(13.5, decimals: 2))
        #expect(f.first?.expected == .percent(12.5, decimals: 2))
        #expect(f.first?.severity == .discrepancy)
        #expect(f.first?.table == nil)
    }

    @Test("a right share beside a wrong figure is the narrative rule's finding, not this one's (audit 004 F1)")
    func wrongFigure() throws {
        let doc = try Repaired.sample001().withNarrative([
            "部门支出预算 20730.23 万元，其中：基本支出 1381.19 万元，占比 6.66%；项目支出 19394.04 万元，占比 93.34%。",
        ])
        #expect(findings(doc, rule).isEmpty)
    }

    @Test("shares of 0 and of 100%")
    func edges() throws {
        let doc = try Repaired.sample000().withNarrative([
            "部门收入预算 3859.30 万元，其中：一般公共预算 3859.30 万元，占 100%；政府性基金预算 0 万元，占 0%。",
        ])
        #expect(findings(doc, rule).isEmpty)
    }
}
