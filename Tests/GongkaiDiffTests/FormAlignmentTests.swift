import Testing
import GongkaiDiff
import GongkaiModel

@Suite("FormAlignment: 表13 forms by subject, indicators by 一级/二级/三级 — keys only")
struct FormAlignmentTests {
    static func indicator(_ l1: String, _ l2: String, _ name: String, _ value: String? = nil, term: GoalTerm? = nil) -> Indicator {
        Indicator(level1: l1, level2: l2, name: name, value: value, term: term)
    }

    @Test("forms pair by kind and name, spaces and full/half width aside; a kind never pairs with the other")
    func bySubject() {
        let a = [PerformanceForm(kind: .project, name: "科技专项（区级）"), PerformanceForm(kind: .project, name: "党建经费"),
                 PerformanceForm(kind: .overall, name: "测试局")]
        let b = [PerformanceForm(kind: .project, name: "科技专项 (区级)"), PerformanceForm(kind: .overall, name: "党建经费"),
                 PerformanceForm(kind: .overall, name: "测试局")]
        let forms = FormAlignment(a, b).forms
        #expect(forms.map { [$0.a, $0.b] } == [[0, 0], [1, nil], [nil, 1], [2, 2]])
        #expect(forms.map(\.rule) == [.key, .key, .key, .key])
    }

    @Test("left-over forms pair by name without years; the one 整体 form of each side is the same department's")
    func byNameAndSole() {
        let a = [PerformanceForm(kind: .overall, name: "区科经局"), PerformanceForm(kind: .project, name: "2023年科技专项")]
        let b = [PerformanceForm(kind: .overall, name: "武汉市江汉区科学技术和经济信息化局"),
                 PerformanceForm(kind: .project, name: "2024年度科技专项")]
        let forms = FormAlignment(a, b).forms
        #expect(forms.map { [$0.a, $0.b] } == [[0, 0], [1, 1]])
        #expect(forms.map(\.rule) == [.sole, .name])
        // Two 整体 forms on one side (one per unit): nothing is guessed.
        let two = b + [PerformanceForm(kind: .overall, name: "下属中心")]
        #expect(FormAlignment(a, two).forms.filter { $0.a != nil && $0.b != nil }.count == 1)
    }

    @Test("indicators pair by levels and name (a level's printed code aside), then without the term; placeholders are left out")
    func indicators() {
        let a = PerformanceForm(kind: .project, name: "x", indicators: [
            Self.indicator("产出指标", "数量指标", "新增技改项目", "≥7个", term: .annual),
            Self.indicator("产出指标", "数量指标", "", nil),                       // placeholder
            Self.indicator("产出指标", "质量指标", "验收合格率", "100%"),
            Self.indicator("效益指标", "社会效益指标", "带动就业", "100人"),
        ])
        let b = PerformanceForm(kind: .project, name: "x", indicators: [
            Self.indicator("01 产出指标", "数量指标", "新增 技改项目", "≥8个", term: .annual),
            Self.indicator("产出指标", "质量指标", "验收合格率", "100%", term: .annual),
            Self.indicator("满意度指标", "服务对象满意度指标", "企业满意度", "≥90%"),
        ])
        let pairs = FormAlignment([a], [b]).forms[0].indicators
        #expect(pairs.map { [$0.a, $0.b] } == [[0, 0], [2, 1], [3, nil], [nil, 2]])
    }

    @Test("a subject printed twice pairs its occurrences in order")
    func repeated() {
        let a = [PerformanceForm(kind: .project, name: "体检费", unit: "本级"), PerformanceForm(kind: .project, name: "体检费", unit: "中心")]
        let forms = FormAlignment(a, a).forms
        #expect(forms.map { [$0.a, $0.b] } == [[0, 0], [1, 1]])
    }
}
