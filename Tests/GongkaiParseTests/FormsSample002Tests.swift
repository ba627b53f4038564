import Foundation
import Testing
import GongkaiModel
import GongkaiParse

/// 新洲 2020: one 部门整体支出绩效目标申报表, its right-hand column cut off
/// the page and printed after it (audit 002 §5).
@Suite("表13 forms of sample 002 (新洲 2020)")
struct FormsSample002Tests {
    let doc: Document
    init() throws { doc = try Samples.document("002") }

    @Test("one 整体 form, 95 indicator rows: 3 long-term goals (29) and 4 annual goals (66)")
    func counts() throws {
        let forms = Forms.forms(doc)
        #expect(forms.count == 1)
        let f = try #require(forms.first)
        #expect(f.kind == .overall)
        #expect(f.name == "武汉市新洲区科学技术和经济信息化局")
        #expect(f.title == "新洲区科学技术和经济信息化局 2020年部门整体支出绩效目标申报表")
        #expect(f.indicators.count == 95)
        #expect(f.indicators(.longTerm).count == 29)
        #expect(f.indicators(.annual).count == 66)
        let perGoal = Dictionary(grouping: f.indicators, by: { $0.goal ?? "" }).mapValues(\.count)
        #expect(perGoal == ["长期目标1": 10, "长期目标2": 9, "长期目标3": 10, "年度目标1": 9, "年度目标2": 11, "年度目标3": 13, "年度目标4": 33])
        // Rows whose indicator is 无 are published rows too.
        #expect(f.indicators.filter { $0.name == "无" }.count == 22)
        #expect(f.goals.compactMap(\.label) == ["年度目标", "长期目标1", "长期目标2", "长期目标3", "年度目标1", "年度目标2", "年度目标3", "年度目标4"])
        #expect(f.goals.first { $0.label == "年度目标3" }?.text == "全面、细化地排查生产企业的安全生产情况，开展安全教育培训、消除安全隐患。")
    }

    @Test("irregular columns are read by what the cells say")
    func shifted() throws {
        let f = Forms.forms(doc)[0]
        expectIndicator(try Forms.indicator(f, line: 22), "产出指标", "数量指标", "组织入党积极分子培训", value: "10人/年", basis: "根据实际参与培统计")
        // 满意度指标 in field 0.
        expectIndicator(try Forms.indicator(f, line: 31), "满意度指标", "", "党员满意度", value: "100%")
        // 经济效益指标 in the 一级 column.
        expectIndicator(try Forms.indicator(f, line: 38), "产出指标", "经济效益指标", "贫困户脱贫致富动力", value: "提升")
        // Header 84 and its rows are one field left of the others.
        expectIndicator(try Forms.indicator(f, line: 85), "产出指标", "数量指标", "生产企业隐患排查", value: "300家/年")
        expectIndicator(try Forms.indicator(f, line: 90), "产出指标", "质量指标", "隐患整改到位率", value: "100%")
        expectIndicator(try Forms.indicator(f, line: 93), "效益指标", "经济效益指标", "无", value: nil)
        // 102–105: no 一级 / 二级 at all.
        expectIndicator(try Forms.indicator(f, line: 102), "", "", "规上工业总产值", value: "260亿元")
        expectIndicator(try Forms.indicator(f, line: 104), "", "", "近三年每年新增高新技术企业数量", value: "84家")
        #expect(try Forms.indicator(f, line: 104).note == "与上年同期高企")
        // 118: the indicator two fields right; 119: one field left.
        expectIndicator(try Forms.indicator(f, line: 118), "产出指标", "质量指标", "我区企业通过国家两化融合贯标评定企业总数", value: "8家")
        expectIndicator(try Forms.indicator(f, line: 119), "产出指标", "质量指标", "我区企业获得省级智能制造项目总数", value: "4家")
        expectIndicator(try Forms.indicator(f, line: 121), "产出指标", "质量指标", "科技创新指标在湖北省县区科技创新能力排名排在前列", value: "目标前三甲")
        // 128: the name in field 0 and its value in field 3.
        expectIndicator(try Forms.indicator(f, line: 128), "效益指标", "经济效益指标", "工业企业总产值", value: "提升10%")
        expectIndicator(try Forms.indicator(f, line: 131), "效益指标", "社会效益指标", "带动社会就业", value: "高于上年水平")
        // Cells wrapped with a space are rejoined.
        #expect(try Forms.indicator(f, line: 46).name == "支持大学之城创建活动开展宣传工作")
    }

    @Test("the 2019年 column printed after the form is re-attached; the other fragments are reported")
    func overflow() throws {
        let f = Forms.forms(doc)[0]
        let grid = try #require(f.grid(FormGrid.Key.funding))
        #expect(grid.columns.map(\.id) == ["current", "share", "year:2018", "year:2019"])
        #expect(f.funding("income.fiscal", column: "year:2019")?.text == "915.6")
        #expect(f.funding("income.fiscal", column: "year:2019")?.line == 139)
        #expect(f.funding("expenditure.basic", column: "year:2019")?.amount.yuanString == "7391800.00")
        #expect(f.funding("expenditure.project", column: "year:2019")?.text == "175.82")
        #expect(f.funding("expenditure.total", column: "year:2019")?.line == 144)
        #expect(f.funding("expenditure.basic")?.amount.yuanString == "5653900.00")
        let warnings = doc.diagnostics.filter { $0.table == 13 && $0.severity == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 145)
        #expect(warnings.first?.message.contains("26 fragments") == true)
        #expect(f.notes.count == 2)
        // Every line stays in raw.
        #expect(doc.table(13).raw.last?.line == 192)
    }

    @Test("no HTML remains")
    func clean() throws {
        for text in Forms.texts(doc) { #expect(!text.contains("<p") && !text.contains("</p>") && !text.contains("&amp;"), "\(text.prefix(30))") }
        #expect(Forms.forms(doc)[0].field(FormField.Key.tasks)?.text.contains("全社会研发费用(R&D)") == true)
    }
}
