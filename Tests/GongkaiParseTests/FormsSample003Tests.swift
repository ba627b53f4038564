import Foundation
import Testing
import GongkaiModel
import GongkaiParse

/// 江岸 2024, PDF text: two 整体 forms (科经局本级, 工业企业发展服务中心) and 14
/// project forms, merged 一级/二级 cells printed as fragments, wrapped names
/// and values; one form prints no 项目名称 (audit 003 §5).
@Suite("表13 forms of sample 003 (江岸 2024, PDF text)")
struct FormsSample003Tests {
    let doc: Document
    init() throws { doc = try Samples.document("003") }

    @Test("2 整体 and 14 project forms; indicator rows per form as counted in the audit (299 in all)")
    func counts() throws {
        let forms = Forms.forms(doc)
        #expect(forms.filter { $0.kind == .overall }.map(\.name) == ["武汉市江岸区科学技术和经济信息化局", "江岸区工业企业发展服务中心"])
        #expect(forms.map(\.kind) == [.overall] + Array(repeating: .project, count: 6) + [.overall] + Array(repeating: .project, count: 8))
        #expect(forms.filter { $0.kind == .project }.map(\.name) == [
            "科技管理工作经费", "科技专项工作经费", "工业运行工作经费", "园区建设工作经费", "促进新民营经济发展工作经费专项经费",
            "驻村扶贫、信访维稳及部门日常管理经费", "稳定工作经费", "企业改制工作经费", "安全生产经费", "在职人员体检费",
            "老干专项经费", "后勤服务支出—临时人员经费", "离退休干部工作经费", "有色金属中南公司离休干部津补贴经费"])
        #expect(forms.map(\.indicators.count) == [93, 16, 19, 14, 13, 7, 44, 14, 12, 8, 8, 13, 10, 10, 10, 8])
        #expect(forms.map(\.indicators.count).reduce(0, +) == 299)
        // 科经局本级: 5 long-term goals (6 + 7 + 7 + 9 + 8) and 5 annual ones.
        let o = forms[0]
        #expect(o.indicators(.longTerm).count == 37)
        #expect(o.indicators(.annual).count == 56)
        let perGoal = Dictionary(grouping: o.indicators, by: { $0.goal ?? "" }).mapValues(\.count)
        #expect(perGoal == ["长期目标1": 6, "长期目标2": 7, "长期目标3": 7, "长期目标4": 9, "长期目标5": 8,
                            "年度目标1": 7, "年度目标2": 14, "年度目标3": 10, "年度目标4": 16, "年度目标5": 9])
        // 科经局 project forms: annual only; 中心 forms: long-term and annual.
        #expect(forms[1...6].allSatisfy { $0.indicators.allSatisfy { $0.term == .annual } })
        #expect(forms[8...].map { $0.indicators(.longTerm).count } == [6, 4, 4, 7, 5, 5, 5, 4])
        // Every row ends with its 确定依据.
        #expect(forms.allSatisfy { $0.indicators.allSatisfy { $0.basis == "计划数据" } })
    }

    @Test("the form with no 项目名称 is named from 表10 by its budget, and says so")
    func inferredName() throws {
        let f = Forms.forms(doc)[14]
        #expect(f.name == "离退休干部工作经费")
        #expect(f.field(FormField.Key.name) == nil)
        #expect(f.lines?.lowerBound == 5077)
        #expect(f.totalBudget?.amount.yuanString == "17600.00")
        #expect(f.notes.contains { $0.contains("缺“项目名称”") })
        #expect(doc.diagnostics.contains { $0.table == 13 && $0.severity == .warning && $0.line == 5077 && $0.message.contains("离退休干部工作经费") })
    }

    @Test("fields, funding and the project list of the 整体 forms")
    func overall() throws {
        let o = Forms.forms(doc)[0]
        #expect(o.field(FormField.Key.filledBy)?.text == "杨龙坡")
        #expect(o.field(FormField.Key.phone)?.text == "02785320195")
        #expect(o.funding("income.fiscal")?.amount.yuanString == "7738500.00")
        #expect(o.funding("income.fiscal", column: "year:2022")?.text == "1,167.90")
        #expect(o.funding("expenditure.personnel")?.text == "608.02")
        #expect(o.funding("expenditure.operation")?.text == "56.64")
        #expect(o.funding("expenditure.specific")?.text == "109.19")
        #expect(o.funding("expenditure.total")?.amount.yuanString == "7738500.00")
        let projects = try #require(o.grid(FormGrid.Key.projects))
        #expect(projects.rows.count == 12)
        // Names wrapped over two lines are rejoined.
        #expect(projects.rows.map(\.label).contains("后勤服务支出（临时人员经费）"))
        #expect(projects.rows.map(\.label).contains("促进新民营经济发展工作经费"))
        #expect(o.goals.filter { $0.term == .annual }.first?.text == "实施高新技术企业倍增计划，净增高新技术企业数量达到上级下达目标。")
        let c = Forms.forms(doc)[7]
        #expect(c.funding("income.total")?.text == "260.05")
        let list = try #require(c.grid(FormGrid.Key.projects))
        #expect(list.rows.count == 8)
        #expect(list.rows.first?.cells["use"] == "妥善处置企业遗留问题，积极化解信访矛盾")
        #expect(list.rows.map(\.label).contains("有色金属中南公司离休干部津补贴经费"))
    }

    @Test("indicators: merged levels from fragments, wrapped names and values, three years")
    func indicators() throws {
        let forms = Forms.forms(doc)
        let o = forms[0]
        // `服务对象` / `满意度指` / row / `标`: the 二级 completed after its row.
        expectIndicator(try Forms.indicator(o, line: 1803), "满意度指标", "服务对象满意度指标", "服务对象满意度", value: "≥90%", basis: "计划数据", term: .longTerm)
        expectIndicator(try Forms.indicator(o, line: 1794), "效益指标", "经济效益指标", "高新技术产业增加值占 GDP 比重", value: "18%")
        expectIndicator(try Forms.indicator(o, line: 2042), "产出指标", "数量指标", "净增高新技术企业数量", value: "55家",
                        lastYear: "173 家", yearBefore: "65 家", term: .annual)
        // `/` is a blank.
        expectIndicator(try Forms.indicator(o, line: 2040), "产出指标", "数量指标", "高新技术企业培训场次", value: "22场", lastYear: "23 场", yearBefore: nil)
        #expect(o.valueCaptions == ["yearBefore": "前年", "lastYear": "上年", "value": "预期当年实现值"])
        // 驻村 form: levels repeated on every row, values wrapped.
        let z = forms[6]
        expectIndicator(try Forms.indicator(z, line: 3697), "产出指标", "质量指标", "信访案件处理完结率", value: "100%", lastYear: "100%", yearBefore: "100%")
        expectIndicator(try Forms.indicator(z, line: 3706), "产出指标", "时效指标", "信访回复及时性", value: "30个日历日内回复",
                        lastYear: "30个日历日内回复", yearBefore: "30 个日历日内回复")
        expectIndicator(try Forms.indicator(z, line: 3747), "产出指标", "数量指标", "消防安全维保覆盖面积", value: "19763.52㎡",
                        lastYear: "19763.52 ㎡", yearBefore: "19763.52 ㎡")
        #expect(try Forms.indicator(z, line: 3692).goal == "年度绩效目标5")
        // 效益 社会效益 … then `指标 指标` on the next line.
        let s = forms[8]
        expectIndicator(try Forms.indicator(s, line: 4296), "效益指标", "社会效益指标", "解决改制遗留问题", value: "有效解决",
                        lastYear: "有效解决", yearBefore: "有效解决")
        expectIndicator(try Forms.indicator(s, line: 4300), "效益指标", "社会效益指标", "不发生较大影响的进京赴省到市上访事件",
                        value: "不发生", lastYear: "未发生", yearBefore: "未发生")
        // Form 2's row whose 一级 is 效益指标 but 二级 质量指标 stays as published.
        expectIndicator(try Forms.indicator(forms[2], line: 2892), "效益指标", "质量指标", "市级媒体宣传推广启动仪式篇数",
                        value: "2篇", lastYear: "2 篇", yearBefore: nil)
    }

    @Test("project fields and sources of funds")
    func projects() throws {
        let p = Forms.forms(doc)[1]
        #expect(p.field(FormField.Key.department)?.text == "江岸区科经局")
        #expect(p.field(FormField.Key.implementer)?.text == "江岸区科经局")
        #expect(p.field(FormField.Key.manager)?.text == "王亚超、童黎、黄玉")
        #expect(p.totalBudget?.amount.yuanString == "200000.00")
        #expect(p.yearBudget?.text == "20.00")
        #expect(p.grid(FormGrid.Key.sources)?.row("total")?.amounts["amount"]?.text == "20.00")
        #expect(p.field(FormField.Key.budgetChange)?.text == "年度 预算数 执行数 执行率\n2022 40.84 35.85 87.8%\n2023 20.00 13.00 65.0%")
        #expect(Forms.forms(doc)[8].unit == "江岸区工业企业发展服务中心")
        let budgets = Forms.forms(doc).filter { $0.kind == .project }.compactMap { $0.totalBudget?.text }
        #expect(budgets == ["20.00", "7.40", "2.25", "2.00", "5.37", "72.17", "2.5", "0.38", "0.15", "0.96", "0.31", "3.97", "1.76", "10.96"])
    }
}
