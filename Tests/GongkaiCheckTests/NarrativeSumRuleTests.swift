import Testing
import GongkaiCheck
import GongkaiModel

@Suite("narrative-sum: X 万元，其中 a + b … does not exceed X")
struct NarrativeSumRuleTests {
    let rule = NarrativeSumRule()

    @Test("silent on the samples: 12.20 = 2.2 + 10 (000), 64.9 = 1.4 + 0 + 63.5 and 1381.19 = 1248.8 + 132.39 (001)",
          arguments: ["000", "001", "002"])
    func samples(_ prefix: String) throws {
        #expect(findings(try Samples.document(prefix), rule).isEmpty)
    }

    @Test("parts that exceed their whole (audit 004 F3: 1209.47 万元 …。其中：基本支出 916.79，项目支出 1209.47)")
    func exceeds() throws {
        let doc = try Samples.document("002").withNarrative([
            " 2022 年部门项目绩效目标实现全覆盖，涉及一般公共预算",
            "本年财政拨款 1209.47 万元，政府性基金预算本年财政拨款 0 万",
            "元。其中：基本支出 916.79 万元，项目支出 1209.47 万元。详",
            "见表 13《2022 年部门整体绩效目标申报表》。",
        ])
        let f = findings(doc, rule)
        #expect(f.count == 1)
        expectFinding(f, table: nil, row: nil, column: nil, published: "1209.47", expected: "2126.26",
                      difference: "-916.79", severity: .discrepancy, line: 3)
    }

    @Test("a complete family must add up: 人员经费 + 公用经费, 货物 + 工程 + 服务")
    func complete() throws {
        let base = try Samples.document("002")
        var f = findings(base.withNarrative(["政府采购预算支出合计 12.20 万元。包括：物类 2.2 万元，服务类 9 万元。"]), rule)
        expectFinding(f, table: nil, row: nil, column: nil, published: "12.20", expected: "11.20",
                      difference: "1.00", severity: .discrepancy)
        f = findings(base.withNarrative(["基本支出 1381.19 万元，占比 6.66%，其中人员经费 1248.8 万元，公用经费 132.38 万元；项目经费 19349.04 万元。"]), rule)
        expectFinding(f, table: nil, row: nil, column: nil, published: "1381.19", expected: "1381.18",
                      difference: "0.01", severity: .rounding)
    }

    @Test("a breakdown naming only its main items may fall short; lists after 如下：, nested parentheses and changes are not parts")
    func partial() throws {
        let doc = try Samples.document("002").withNarrative([
            "部门收入预算 100 万元，其中：一般公共预算财政拨款收入 60 万元，占 60%。",
            "2024 年项目支出 19349.04 万元，其中：一般公共预算本年拨款 19349.04 万元，具体使用情况如下：",
            "1. 科学技术研究与开发资金 18000 万元，主要用于支持工业经济发展。",
            "“三公”经费 4.4 万元。其中：公务用车购置及运行维护费 4.4 万元(公务用车购置费 0 万元，公务用车运行维护费 4.4 万元)；公务接待费 0 万元。",
            "支出预算 20730.23 万元，其中：本年预算 20730.23 万元，与 2023 年相比减少 495.24 万元，下降 2.33%；上年结转 0 万元。",
        ])
        #expect(findings(doc, rule).isEmpty)
    }

    @Test("a list opening a sentence breaks down the main figure of the sentence before (003's 政府采购)")
    func sentenceBefore() throws {
        let base = try Samples.document("002")
        let doc = base.withNarrative([
            "2020 年部门预算中纳入政府采购预算支出合计 1.5 万元，其中，中小微企业预留份额",
            "1.5 万元。包括：",
            "1.货物类 0.9 万元，2.服务类 0.6 万元。",
        ])
        #expect(findings(doc, rule).isEmpty)
        let f = findings(doc.narrative(line: 5, replacing: "0.6 万元", with: "0.7 万元"), rule)
        expectFinding(f, table: nil, row: nil, column: nil, published: "1.50", expected: "1.60",
                      difference: "-0.10", severity: .discrepancy, line: 1)
    }
}
