import Testing
@testable import GongkaiDiff
import GongkaiModel

@Suite("diff of 表13 forms: fields, amounts, indicators, forms added and removed")
struct FormDiffTests {
    /// 001 with its 表13 forms edited.
    static func edited(_ edit: (inout [PerformanceForm]) -> Void) throws -> (Document, Document) {
        let a = try Samples.document("001")
        var b = a
        var t = b.table(13)
        edit(&t.forms)
        b.setTable(t)
        return (a, b)
    }

    static func formChanges(_ a: Document, _ b: Document) throws -> [Change] {
        try DocumentDiff(a, b).changes.filter { $0.table == 13 }
    }

    @Test("the same forms: no change")
    func same() throws {
        let a = try Samples.document("001")
        #expect(try Self.formChanges(a, a).isEmpty)
    }

    @Test("001 edited: an indicator value, an indicator removed, a form added, a field relabelled, a budget changed, a name respaced")
    func edits() throws {
        let (a, b) = try Self.edited { forms in
            let i = forms.firstIndex { $0.name == "科学技术研究与开发资金" }!
            // 长期 产出指标 / 数量指标 / …: a new value.
            let k = forms[i].indicators.firstIndex { !$0.isPlaceholder && $0.term == .annual }!
            forms[i].indicators[k].value = "≥99家"
            // The last annual indicator removed.
            let gone = forms[i].indicators.lastIndex { !$0.isPlaceholder && $0.term == .annual }!
            forms[i].indicators.remove(at: gone)
            // 项目负责人 printed 负责人; 当年预算 18000 → 18500 万元.
            let m = forms[i].fields.firstIndex { $0.key == FormField.Key.manager }!
            forms[i].fields[m].label = "负责人"
            let y = forms[i].fields.firstIndex { $0.key == FormField.Key.yearBudget }!
            forms[i].fields[y].text = "18500"
            forms[i].fields[y].amount = Figure(amount: Amount(fen: 18_500 * 1_000_000), text: "18500")
            // A name with a space and a full-width letter is the same subject.
            let s = forms.firstIndex { $0.name == "上级转移支付" }!
            forms[s].name = "上级 转移支付"
            // A new form.
            forms.append(PerformanceForm(kind: .project, name: "新增测试项目", fields: [
                FormField(key: FormField.Key.yearBudget, label: "项目当年预算", text: "10",
                          amount: Figure(amount: Amount(fen: 10 * 1_000_000), text: "10")),
            ], indicators: [Indicator(level1: "产出指标", level2: "数量指标", name: "测试", value: "1个")]))
        }
        let changes = try Self.formChanges(a, b)
        let form = "form:project:科学技术研究与开发资金"
        let original = a.table(13).forms.first { $0.name == "科学技术研究与开发资金" }!
        let first = original.indicators.first { !$0.isPlaceholder && $0.term == .annual }!
        let last = original.indicators.last { !$0.isPlaceholder && $0.term == .annual }!

        #expect(changes.count == 5, "\(changes.map(\.detail))")
        #expect(changes[0].row == form && changes[0].detail == .formFieldRenamed(field: "manager", a: "项目负责人", b: "负责人"))
        #expect(changes[1].row == form && changes[1].detail == .formField(
            field: "year_budget", label: "项目当年预算", a: "18000", b: "18500",
            amountA: Amount(fen: 18_000 * 1_000_000), amountB: Amount(fen: 18_500 * 1_000_000)))
        #expect(changes[1].delta == Amount(fen: 500 * 1_000_000) && changes[1].percent == Percent(hundredths: 278))
        #expect(changes[2].detail == .indicatorValue(column: "value", a: first.value, b: "≥99家"))
        #expect(changes[2].indicator == Change.IndicatorRef(first) && changes[2].kind == .changed)
        #expect(changes[3].detail == .indicatorRemoved(last) && changes[3].kind == .removed)
        #expect(changes[4].row == "form:project:新增测试项目" && changes[4].kind == .added)
        #expect(changes[4].detail == .formAdded(budget: Amount(fen: 10_000_000), indicators: 1))
        let counts = try DocumentDiff(a, b).formCounts
        #expect(counts == { var c = FormCounts([]); c.formsAdded = 1; c.fields = 2; c.indicatorsRemoved = 1; c.indicatorValues = 1; return c }())
        #expect(counts.summary == "新增绩效目标表 1 张，栏目或金额变动 2 处，删除指标 1 项，指标值变动 1 处")
        // Form changes are not counted as rows and cells of the tables.
        #expect(try DocumentDiff(a, b).counts.isEmpty)
    }

    @Test("a form removed, an indicator added, a yearly value and a 部门总体资金情况 figure changed (B → A of the edit)")
    func reverse() throws {
        let (a, b) = try Self.edited { forms in
            forms.removeAll { $0.name == "科技经信管理事务" }
            let o = forms.firstIndex { $0.kind == .overall }!
            forms[o].indicators.append(Indicator(level1: "效益指标", level2: "社会效益指标", name: "新增一项", value: "≥1"))
            let k = forms[o].indicators.firstIndex { $0.lastYear != nil }!
            forms[o].indicators[k].lastYear = "999"
            let g = forms[o].grids.firstIndex { $0.key == FormGrid.Key.funding }!
            let r = forms[o].grids[g].rows.firstIndex { $0.key == "expenditure.personnel" }!
            forms[o].grids[g].rows[r].amounts["current"] = Figure(amount: Amount(fen: 1_250_000_000), text: "1250")
        }
        let changes = try Self.formChanges(a, b)
        #expect(changes.map(\.kind) == [.changed, .changed, .added, .removed])
        #expect(changes[0].column == "funding.expenditure.personnel.current")
        #expect(changes[0].delta == Amount(fen: 1_200_000))   // 1250 − 1248.8 万元
        if case .formField(_, let label, _, _, _, _) = changes[0].detail { #expect(label == "部门总体资金情况·人员类项目支出·当年") }
        #expect(changes[1].column == "lastYear" && changes[1].indicator != nil)
        if case .indicatorValue(_, _, let y) = changes[1].detail { #expect(y == "999") }
        #expect(changes[2].indicator?.name == "新增一项")
        #expect(changes[3].detail == .formRemoved(budget: Amount(fen: 58_920_000), indicators: 44))
        #expect(changes[3].form == Change.FormRef(kind: .project, name: "科技经信管理事务", unit: "武汉市洪山区科学技术与经济信息化局"))
    }

    @Test("000 (江汉 2020) against 001 (洪山 2024): the 整体 forms are the department's, every indicator and project differs (counted by hand)")
    func realPair000001() throws {
        let diff = try DocumentDiff(try Samples.document("000"), try Samples.document("001"))
        let c = diff.formCounts
        // 000: 整体 区科经局 + （预下达）科技研究与开发资金, 工业经济信息工作经费, 科学管理事务支出, 民营经济工作专项经费 (audit 000 §5);
        // 001: 整体 + 科学技术研究与开发资金, 科技经信管理事务, 科技经信工作管理, 上级转移支付 (audit 001 §5): no project in common.
        #expect(c.formsRemoved == 4 && c.formsAdded == 4 && c.formsRenamed == 1)
        // 000's 整体 indicators are 项目产出 / 项目效益 (29 rows, audit 000 line 430), 001's 产出指标 / 效益指标 / 满意度指标
        // (19 长期 + 21 年度, audit 001 §5): none in common.
        #expect(c.indicatorsRemoved == 29 && c.indicatorsAdded == 40 && c.indicatorValues == 0)
        let renamed = diff.changes.first { $0.table == 13 && $0.kind == .renamed && $0.column == nil }
        #expect(renamed?.detail == .renamed(a: "区科经局", b: "武汉市洪山区科学技术和经济信息化局"))
        // 部门总体资金情况 财政拨款 当年: 3859.3 → 20730.23 万元.
        let fiscal = diff.changes.first { $0.column == "funding.income.fiscal.current" }
        #expect(fiscal?.amountA == Amount(fen: 3_859_300_000) && fiscal?.delta == Amount(fen: 16_870_930_000))
    }

    @Test("001 against 003 (洪山 and 江岸, both 2024): no form in common — 5 removed, 16 added (2 整体: nothing guessed)",
          .enabled(if: Samples.all.contains("003")))
    func realPair001003() throws {
        let diff = try DocumentDiff(try Samples.document("001"), try Samples.document("003"))
        let c = diff.formCounts
        #expect(c.formsRemoved == 5 && c.formsAdded == 16 && c.total == 21)
        let added = diff.changes.filter { $0.table == 13 && $0.kind == .added }
        #expect(added.filter { $0.form?.kind == .overall }.count == 2)
        // 江岸 科技管理工作经费: 当年预算 20.00 万元, 16 indicators (FormsSample003Tests).
        #expect(added.contains { $0.detail == .formAdded(budget: Amount(fen: 20_000_000), indicators: 16) && $0.name == "科技管理工作经费" })
    }
}
