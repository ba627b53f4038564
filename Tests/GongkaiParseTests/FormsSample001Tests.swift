import Foundation
import Testing
import GongkaiModel
import GongkaiParse

/// 洪山 2024: 表11 部门整体支出绩效目标申报表 and 表12 four 项目资金绩效目标申报表,
/// cells in `<p>` HTML, long-term and annual indicator tables (audit 001 §5).
@Suite("表13 forms of sample 001 (洪山 2024)")
struct FormsSample001Tests {
    let doc: Document
    init() throws { doc = try Samples.document("001") }

    @Test("one 整体 and four project forms; long-term and annual indicators per form as counted by hand")
    func counts() throws {
        let forms = Forms.forms(doc)
        #expect(forms.map(\.kind) == [.overall, .project, .project, .project, .project])
        #expect(forms.map(\.name) == ["武汉市洪山区科学技术和经济信息化局", "科学技术研究与开发资金", "科技经信管理事务", "科技经信工作管理", "上级转移支付"])
        #expect(forms.map { $0.indicators(.longTerm).count } == [19, 39, 22, 34, 11])
        #expect(forms.map { $0.indicators(.annual).count } == [21, 44, 22, 37, 11])
        #expect(forms.allSatisfy { $0.indicators.allSatisfy { $0.term != nil } })
        // 上级转移支付 publishes empty 二级 placeholders: 5 long-term, 4 annual.
        #expect(forms[4].indicators(.longTerm).filter(\.isPlaceholder).map(\.line) == [887, 888, 892, 894, 895])
        #expect(forms[4].indicators(.annual).filter(\.isPlaceholder).map(\.line) == [903, 904, 910, 911])
        #expect(forms.dropLast().allSatisfy { $0.indicators.allSatisfy { !$0.isPlaceholder } })
    }

    @Test("整体 form: fields, the funding block with its two earlier years, the project list, goals")
    func overall() throws {
        let f = Forms.forms(doc)[0]
        #expect(f.title == "洪山区2024年部门整体支出绩效目标申报表")
        #expect(f.field(FormField.Key.filledBy)?.text == "黄娇艳")
        #expect(f.field(FormField.Key.phone)?.text == "87374508")
        #expect(f.field(FormField.Key.date)?.text == "2024年1月10日")
        let grid = try #require(f.grid(FormGrid.Key.funding))
        #expect(grid.columns.map(\.id) == ["current", "share", "year:2022", "year:2023"])
        #expect(f.funding("income.fiscal")?.amount.yuanString == "207302300.00")
        #expect(f.funding("income.fiscal", column: "year:2022")?.text == "24789.3")
        #expect(grid.row("income.fiscal")?.cells["share"] == "100.00%")
        #expect(f.funding("expenditure.personnel")?.text == "1248.8")
        #expect(f.funding("expenditure.operation")?.text == "132.39")
        #expect(f.funding("expenditure.specific")?.amount.yuanString == "193490400.00")
        #expect(f.funding("expenditure.total", column: "year:2023")?.text == "21225.47")
        let projects = try #require(f.grid(FormGrid.Key.projects))
        #expect(projects.rows.map(\.key) == ["name:科学技术研究与开发资金", "name:科技经信管理事务", "name:科技经信工作管理", "name:上级转移支付"])
        #expect(projects.rows[3].amounts["year"]?.amount.yuanString == "12000000.00")
        #expect(f.valueCaptions == ["yearBefore": "2022年", "lastYear": "2023年", "value": "预期当年实现值"])
        #expect(f.goals.map(\.label) == ["长期目标（截止2026年）", "年度目标", "长期目标1", "年度目标1"])
        #expect(f.goals[2].text.hasPrefix("一是完成洪山区工业经济指标"))
        #expect(f.goals[2].text.contains("\n二是支持高新技术企业做大做强"), "<p> paragraphs become lines")
    }

    @Test("indicator values: the audit's samples, shifted rows, inherited 一级, blank years")
    func indicators() throws {
        let forms = Forms.forms(doc)
        let o = forms[0]
        expectIndicator(try Forms.indicator(o, line: 426), "产出指标", "数量指标", "省级专精特新企业培育数", value: "≥20家", basis: "计划数据", term: .longTerm)
        expectIndicator(try Forms.indicator(o, line: 444), "效益指标", "经济效益指标", "技术合同成交额", value: "≥260亿元", basis: "计划数据", term: .longTerm)
        expectIndicator(try Forms.indicator(o, line: 451), "产出指标", "数量指标", "新增设备数量", value: "≥5台套",
                        lastYear: "≥5台套", yearBefore: "≥5台套", basis: "计划数据", term: .annual)
        expectIndicator(try Forms.indicator(o, line: 464), "效益指标", "经济效益指标", "规上工业总产值", value: "330亿元",
                        lastYear: "318亿元", yearBefore: "379亿元", basis: "计划数据", term: .annual)
        // Shifted rows: 成本指标 two fields left (439) is the 二级 of 产出指标, as on the row above.
        expectIndicator(try Forms.indicator(o, line: 439), "产出指标", "成本指标", "设备购置金额", value: "6%", basis: "计划数据")
        expectIndicator(try Forms.indicator(o, line: 462), "产出指标", "成本指标", "成本控制率", value: "≤100%",
                        lastYear: "≤100%", yearBefore: "≤100%", basis: "计划数据")
        expectIndicator(try Forms.indicator(o, line: 472), "满意度指标", "服务对象满意度指标", "申报企业满意度", value: "95%以上",
                        lastYear: "95%以上", yearBefore: "95%以上", basis: "计划数据")
        // A blank year stays blank.
        expectIndicator(try Forms.indicator(o, line: 465), "效益指标", "经济效益指标", "工业企业融资成本降低", value: "≥300万",
                        lastYear: nil, yearBefore: "500万", basis: "计划数据")

        let p1 = forms[1]
        #expect(p1.valueCaptions == ["yearBefore": "前年", "lastYear": "上年", "value": "预计当年实现"])
        expectIndicator(try Forms.indicator(p1, line: 525), "成本指标", "经济成本指标", "工业企业流动资金贷款成本", value: "降低500万元", term: .longTerm)
        expectIndicator(try Forms.indicator(p1, line: 559), "效益指标", "经济效益指标", "技术合同成交额", value: "≥260亿元", term: .longTerm)
        expectIndicator(try Forms.indicator(p1, line: 569), "成本指标", "经济成本指标", "成本控制率", value: "≤100%",
                        lastYear: "≤100%", yearBefore: "≤100%", term: .annual)
        // Wrapped cells (`经济效益指 标`, `规上工业总 产值`) are rejoined.
        expectIndicator(try Forms.indicator(p1, line: 599), "效益指标", "经济效益指标", "规上工业总产值", value: "330亿元",
                        lastYear: "318亿元", yearBefore: "379亿元", basis: "计划数据", term: .annual)
        // 614 has no 依据 and is shifted one field right.
        expectIndicator(try Forms.indicator(p1, line: 614), "满意度指标", "服务对象满意度指标", "申报企业满意度", value: "95%以上",
                        lastYear: "95%以上", yearBefore: "95%以上")
        #expect(try Forms.indicator(p1, line: 614).basis == nil)
        #expect(try Forms.indicator(p1, line: 525).goal == "长期绩效目标1")

        let p2 = forms[2]
        expectIndicator(try Forms.indicator(p2, line: 663), "成本指标", "经济成本指标", "成本控制率", value: "≤100%", basis: "计划数据")
        expectIndicator(try Forms.indicator(p2, line: 671), "产出指标", "数量指标", "对接帮扶村数量", value: "1个", basis: "计划数据")
        expectIndicator(try Forms.indicator(p2, line: 680), "效益指标", "经济效益指标", "增加帮扶对象集体收入", value: "每年10%")
        #expect(try Forms.indicator(p2, line: 680).basis == nil)
        expectIndicator(try Forms.indicator(p2, line: 681), "效益指标", "社会效益指标", "基层党组织组织力", value: "提升", basis: "计划数据")
        expectIndicator(try Forms.indicator(p2, line: 690), "成本指标", "经济成本指标", "成本控制率", value: "≤100%",
                        lastYear: "≤100%", yearBefore: "≤100%")
        expectIndicator(try Forms.indicator(p2, line: 697), "产出指标", "数量指标", "发展党员人数", value: "2人", lastYear: "1人", yearBefore: "1人")

        let p3 = forms[3]
        expectIndicator(try Forms.indicator(p3, line: 765), "成本指标", "经济成本指标", "成本控制率", value: "≤100%")
        expectIndicator(try Forms.indicator(p3, line: 792), "效益指标", "经济效益指标", "技术合同成交额", value: "90亿元")
        expectIndicator(try Forms.indicator(p3, line: 804), "成本指标", "经济成本指标", "成本控制率", value: "≤100%",
                        lastYear: "≤100%", yearBefore: "≤100%")
        expectIndicator(try Forms.indicator(p3, line: 821), "产出指标", "数量指标", "协助举办科技成果转化对接活动场次",
                        value: "6场", lastYear: "10场", yearBefore: "10场")
        expectIndicator(try Forms.indicator(p3, line: 841), "满意度指标", "服务对象满意度指标", "服务对象满意", value: "≥90%",
                        lastYear: "≥90%", yearBefore: "≥90%", basis: "计划数据")

        let p4 = forms[4]
        expectIndicator(try Forms.indicator(p4, line: 889), "产出指标", "数量指标", "省级专精特新企业培育数", value: "≥60家", basis: "计划数据")
        expectIndicator(try Forms.indicator(p4, line: 896), "满意度指标", "服务对象满意度指标", "企业满意度", value: "≥95%", basis: "计划数据")
        expectIndicator(try Forms.indicator(p4, line: 905), "产出指标", "数量指标", "省级专精特新企业培育数", value: "≥20家",
                        lastYear: "30家", yearBefore: "20家")
        expectIndicator(try Forms.indicator(p4, line: 906), "产出指标", "数量指标", "获批省级资金支持企业项目数", value: "≥8项")
        expectIndicator(try Forms.indicator(p4, line: 887), "成本指标", "社会成本指标", "", value: nil)
    }

    @Test("project forms: code, 总预算 and 当年预算 as amounts, sources and details of funds")
    func projectFields() throws {
        let p = Forms.forms(doc)[1]
        #expect(p.field(FormField.Key.code)?.text == "420111240670030000 100")
        #expect(p.field(FormField.Key.manager)?.text == "李立")
        #expect(p.totalBudget?.amount.yuanString == "180000000.00")
        #expect(p.yearBudget?.amount.yuanString == "180000000.00")
        #expect(p.unit == "武汉市洪山区科学技术与经济信息化局")
        let sources = try #require(p.grid(FormGrid.Key.sources))
        #expect(sources.rows.count == 16)
        #expect(sources.row("total")?.amounts["amount"]?.amount.yuanString == "180000000.00")
        let details = try #require(p.grid(FormGrid.Key.details))
        #expect(details.rows.map { $0.amounts["amount"]?.text } == ["18000", "3480", "12078", "1878", "34", "180", "350"])
        // Form 3 prints its 项目资金来源 without its caption cell.
        #expect(Forms.forms(doc)[3].grid(FormGrid.Key.sources)?.rows.count == 16)
        #expect(Forms.forms(doc)[3].grid(FormGrid.Key.details)?.row("total")?.amounts["amount"]?.text == "90.12")
        #expect(Forms.forms(doc).dropFirst().map { $0.totalBudget?.text } == ["18000", "58.92", "90.12", "1200"])
        #expect(!doc.diagnostics.contains { $0.table == 13 }, "every row of the forms is placed")
    }

    @Test("no HTML remains; the prose after the forms is narrative again")
    func clean() throws {
        for text in Forms.texts(doc) {
            #expect(!text.contains("<p>") && !text.contains("</p>") && !text.contains("<ol"), "\(text.prefix(30))")
        }
        #expect(doc.table(13).raw.last?.line == 913)
        #expect(doc.table(13).lines == 397...913)
        #expect(doc.narrative.contains { $0.line == 921 && $0.text.hasPrefix("按照综合预算的原则") })
    }
}
