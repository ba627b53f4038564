import Foundation
import Testing
import GongkaiModel
import GongkaiParse

/// 江汉 2020: 基本信息表 + 整体预算绩效目标表 (one 整体 form) and four
/// 项目支出绩效目标评价指标表 (audit 000 §5).
@Suite("表13 forms of sample 000 (江汉 2020)")
struct FormsSample000Tests {
    let doc: Document
    init() throws { doc = try Samples.document("000") }

    @Test("one 整体 form (基本信息表 and 整体预算绩效目标表 together) and four project forms")
    func counts() throws {
        let forms = Forms.forms(doc)
        #expect(forms.map(\.kind) == [.overall, .project, .project, .project, .project])
        #expect(forms.map(\.name) == ["区科经局", "（预下达）科技研究与开发资金", "工业经济信息工作经费", "科学管理事务支出", "民营经济工作专项经费"])
        // The audit counts 19 for form (四), ending at line 611; the file has a
        // line 612 without a final newline (09 服务对象满意度 │ 全区基层站所满意度测评): 20.
        #expect(forms.map(\.indicators.count) == [29, 10, 7, 9, 20])
        #expect(forms[0].lines == 484...537)
        #expect(forms[4].indicators.last?.line == 612)
        // 2020 forms say nothing of long-term or annual.
        #expect(forms.allSatisfy { $0.indicators.allSatisfy { $0.term == nil } })
    }

    @Test("整体 form: fields, funding (amounts in 元), 29 indicators under 项目产出 (19) and 项目效益 (10)")
    func overall() throws {
        let f = Forms.forms(doc)[0]
        #expect(f.field(FormField.Key.manager)?.text == "李玮锦")
        #expect(f.field(FormField.Key.financeManager)?.text == "高阳")
        #expect(f.field(FormField.Key.phone)?.text == "85623540")
        #expect(f.field(FormField.Key.tasks)?.label == "2020年主要工作任务")
        #expect(f.fields.filter { $0.key == "unit" }.count == 1, "单位名称 printed twice is one field")
        #expect(f.funding("income.fiscal")?.amount.yuanString == "38593000.00")
        #expect(f.funding("income.other") == nil)
        #expect(f.funding("income.total")?.text == "3859.3")
        #expect(f.funding("expenditure.basic")?.amount.yuanString == "4823000.00")
        #expect(f.funding("expenditure.project")?.amount.yuanString == "33770000.00")
        // Line 497 prints 合 计 one field left of the others.
        #expect(f.funding("expenditure.total")?.amount.yuanString == "38593000.00")
        #expect(f.grid(FormGrid.Key.funding)?.row("expenditure.total")?.line == 497)
        #expect(f.indicators.filter { $0.level1 == "项目产出" }.count == 19)
        #expect(f.indicators.filter { $0.level1 == "项目效益" }.count == 10)
        #expect(f.indicators.filter { $0.level2 == "产出数量" }.count == 8)
        #expect(f.indicators.filter { $0.level2 == "产出质量" }.count == 8)
        var i = try Forms.indicator(f, line: 507)
        expectIndicator(i, "项目产出", "产出数量", "科技项目立项", value: "2项", basis: "历史标准")
        #expect(i.category == "科技研究与开发资金")
        // A merged 指标类别 cell: the row below inherits it.
        #expect(try Forms.indicator(f, line: 508).category == "科技研究与开发资金")
        // Line 515 is shifted one field right, 522 one field left, 517 puts 指标类别 under 二级.
        i = try Forms.indicator(f, line: 515)
        expectIndicator(i, "项目产出", "产出质量", "结对共建和精准扶贫", value: "达标", basis: "市目标")
        #expect(i.category == "科学管理事务支出")
        i = try Forms.indicator(f, line: 517)
        expectIndicator(i, "项目产出", "产出质量", "安全生产责任事故", value: "0户", basis: "市目标")
        #expect(i.category == "民营经济工作专项")
        i = try Forms.indicator(f, line: 522)
        expectIndicator(i, "项目产出", "产出质量", "申报成功省市级政策资金扶持中小企业", value: "2户", basis: "经验标准")
        #expect(i.category == "民营经济工作专项")
        i = try Forms.indicator(f, line: 537)
        expectIndicator(i, "项目效益", "服务对象满意度", "扶贫对象满意度", value: "≥90%", basis: "经验标准")
        #expect(i.note?.hasPrefix("调查扶贫村委会或村民满意数") == true)
        // After the page break (header repeated on 527) a new 一级 starts.
        expectIndicator(try Forms.indicator(f, line: 528), "项目效益", "经济效益", "名优展销会现场销售额", value: "≥80万元")
    }

    @Test("project forms: 项目总预算 as an amount, indicators under 一级目标")
    func projects() throws {
        let forms = Forms.forms(doc)
        #expect(forms.dropFirst().map { $0.totalBudget?.amount.yuanString } == ["30000000.00", "470000.00", "2100000.00", "720000.00"])
        #expect(forms[1].field(FormField.Key.totalBudget)?.text == "3000 万元")
        #expect(forms[1].matchKey == FormKey(kind: .project, name: "科技研究与开发资金"))
        let i = try Forms.indicator(forms[1], line: 546)
        expectIndicator(i, "02 产出数量", "", "高新技术企业数量", value: "≥96 家")
        #expect(i.matchKey.level1 == "产出数量", "the level's code does not count for matching")
        expectIndicator(try Forms.indicator(forms[3], line: 578), "03 成本控制", "", "预算支出与实际支出保持一致", value: "100%")
        #expect(try Forms.indicator(forms[3], line: 578).note == "实际支出 / 预算支出 × 100%")
        // An empty 指标值 stays empty.
        #expect(try Forms.indicator(forms[2], line: 563).value == nil)
        // The LaTeX artefact of line 603 is kept as published.
        #expect(try Forms.indicator(forms[4], line: 603).value == "全年零伤亡，零死亡，稳定率 $\\geq 95\\%$ 。")
    }

    @Test("no HTML remains; raw keeps every line")
    func clean() throws {
        for text in Forms.texts(doc) { #expect(!text.contains("<p>") && !text.contains("</p>"), "\(text.prefix(30))") }
        #expect(Forms.forms(doc)[0].field(FormField.Key.functions)?.text.hasPrefix("主要职责是：\n(一) 贯彻落实") == true)
        #expect(doc.table(13).raw.first?.line == 484)
        #expect(doc.table(13).raw.last?.line == 612)
    }
}
