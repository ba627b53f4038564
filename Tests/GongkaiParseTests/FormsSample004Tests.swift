import Foundation
import Testing
import GongkaiModel
import GongkaiParse

/// 青山 2022, PDF text: four 部门专项(绩效目标)申报表 and the 附件3 整体 form
/// (audit 004 §5).
@Suite("表13 forms of sample 004 (青山 2022, PDF text)")
struct FormsSample004Tests {
    let doc: Document
    init() throws { doc = try Samples.document("004") }

    @Test("four 专项 forms and one 整体 form: 4 + 4 + 4 + 6 and 6 indicator rows")
    func counts() throws {
        let forms = Forms.forms(doc)
        #expect(forms.map(\.kind) == [.project, .project, .project, .project, .overall])
        #expect(forms.map(\.name) == ["基层党建经费", "经济运行经费", "科学技术研究与开发资金", "维稳经费", "武汉市青山区科学技术和经济信息化局"])
        #expect(forms.map(\.indicators.count) == [4, 4, 4, 6, 6])
        #expect(forms[4].indicators(.longTerm).count == 2)
        #expect(forms[4].indicators(.annual).count == 4)
        #expect(forms[4].lines?.lowerBound == 851)
    }

    @Test("专项 fields: wrapped labels and values rejoined, amounts in 万元")
    func projectFields() throws {
        let forms = Forms.forms(doc)
        let p = forms[0]
        #expect(p.field(FormField.Key.department)?.text == "区科经局")
        #expect(p.field(FormField.Key.implementer)?.text == "青山区科学技术和经济信息化局")
        #expect(p.field(FormField.Key.attribute)?.text == "常年性项目")
        #expect(p.totalBudget?.amount.yuanString == "420200.00")
        #expect(p.field(FormField.Key.yearFiscalFunds)?.amount?.amount.yuanString == "420200.00")
        #expect(forms.prefix(4).map { $0.totalBudget?.text } == ["42.02", "140.05", "1009.40", "18"])
        #expect(forms[3].field(FormField.Key.implementer)?.text == "青山区中小企业服务中心")
        // 中期目标 then 年度目标, each numbered from 1.
        #expect(p.goals.map(\.term) == [.longTerm, .longTerm, .longTerm, .annual, .annual, .annual])
        #expect(p.goals[3].text == "开展发展党员对象培训 3次；")
    }

    @Test("indicator values as the audit reads them")
    func indicators() throws {
        let forms = Forms.forms(doc)
        expectIndicator(try Forms.indicator(forms[0], line: 582), "产出指标", "数量指标", "发展预备党员", value: "25 名")
        expectIndicator(try Forms.indicator(forms[0], line: 584), "产出指标", "数量指标", "预备党员转正", value: "45 名")
        // A wrapped name then a wrapped value, with no figure to tell them apart.
        expectIndicator(try Forms.indicator(forms[0], line: 587), "效益指标", "社会效益指标", "不断加强非公企业党的基层组织建设项目",
                        value: "非公企业党的基层组织战斗堡垒作用进一步增强")
        expectIndicator(try Forms.indicator(forms[0], line: 599), "满意度指标", "服务对象满意度指标", "基层党建满意度", value: "≥95%")
        expectIndicator(try Forms.indicator(forms[1], line: 667), "产出指标", "数量指标", "工业投资", value: "增幅 12%")
        expectIndicator(try Forms.indicator(forms[1], line: 671), "效益指标", "经济效益指标", "规上工业增加值", value: "同比增长 5.5%")
        expectIndicator(try Forms.indicator(forms[1], line: 678), "满意度指标", "服务对象满意度指标", "全区规模以上工业企业满意度", value: "≥95%")
        expectIndicator(try Forms.indicator(forms[2], line: 753), "效益指标", "经济效益指标", "高新技术企业增加值同比增长", value: "8%", term: .longTerm)
        expectIndicator(try Forms.indicator(forms[3], line: 839), "效益指标", "社会效益指标", "确保区属集体工业企业“五个不发生”", value: "100%")
        expectIndicator(try Forms.indicator(forms[3], line: 845), "满意度指标", "服务对象满意度", "信访维稳群众满意度", value: "≥75%")
        let o = forms[4]
        expectIndicator(try Forms.indicator(o, line: 1009), "效益指标", "经济指标", "规上工业增加值", value: "增速5.5%", basis: "省市区目标", term: .longTerm)
        expectIndicator(try Forms.indicator(o, line: 1045), "产出指标", "经济指标", "工业投资", value: "80亿元", lastYear: "72.8亿元",
                        yearBefore: "59.9亿元", basis: "区目标", term: .annual)
        expectIndicator(try Forms.indicator(o, line: 1074), "效益指标", "质量指标", "净增高新技术企业", value: "50", lastYear: "56",
                        yearBefore: "16", basis: "市区目标")
        #expect(o.valueCaptions == ["yearBefore": "2020年", "lastYear": "2021年", "value": "预期当年实现值"])
    }

    @Test("整体 form: funding in 万元 beside tables in 元, goals, the 备注")
    func overall() throws {
        let o = Forms.forms(doc)[4]
        #expect(doc.sourceUnit == .yuan)
        #expect(o.field(FormField.Key.filledBy)?.text == "马超")
        #expect(o.field(FormField.Key.phone)?.text == "86862618")
        let grid = try #require(o.grid(FormGrid.Key.funding))
        #expect(grid.columns.map(\.id) == ["current", "share", "year:2021", "year:2020"])
        #expect(o.funding("income.fiscal")?.amount.yuanString == "21262600.00")
        #expect(o.funding("expenditure.basic", column: "year:2020")?.text == "855.94")
        #expect(o.funding("expenditure.project")?.text == "1209.47")
        #expect(o.goals.filter { $0.term == .annual }.prefix(5).map(\.text) == ["规上工业增加值增幅5.5%", "工业投资增幅12%", "高新技术产业增加值增速8%", "净增高新技术企业50家", "“小进规”完成10家"])
        #expect(o.notes.first?.hasPrefix("备注：1.“整体绩效目标”") == true)
    }
}
