import Testing
@testable import GongkaiCheck
import GongkaiModel

@Suite("performance-form: the money in the 表13 forms")
struct PerformanceFormRuleTests {
    let rule = PerformanceFormRule()

    /// A 部门总体资金情况 grid in 万元: rows by key, values by column.
    func funding(_ rows: [(String, String, [String: String])]) -> FormGrid {
        FormGrid(key: FormGrid.Key.funding, title: "部门总体资金情况 (万元)",
                 columns: [FormColumn(id: "current", caption: "当年预算"), FormColumn(id: "year:2018", caption: "2018年"),
                           FormColumn(id: "year:2019", caption: "2019年")],
                 rows: rows.enumerated().map { i, r in
                     FormGridRow(key: r.0, label: r.1, cells: r.2, amounts: r.2.mapValues { text in
                         guard case .success(let a) = Amount.parse(text, unit: .wanYuan) else { fatalError(text) }
                         return Figure(amount: a, text: text)
                     }, line: 9 + i)
                 })
    }

    func withForms(_ doc: Document, _ forms: [PerformanceForm]) -> Document {
        var d = doc
        var t = d.table(13)
        t.status = .disclosed
        t.forms = forms
        d.setTable(t)
        return d
    }

    /// 002's funding block (audit 002 §2): 2018 and 2019 expenditure do not add up.
    var form002: PerformanceForm {
        PerformanceForm(kind: .overall, name: "武汉市新洲区科学技术和经济信息化局", grids: [funding([
            ("income.fiscal", "财政拨款", ["current": "867.15", "year:2018": "843.36", "year:2019": "915.6"]),
            ("income.other", "其他资金", ["current": "0.00", "year:2018": "0.00", "year:2019": "0.00"]),
            ("income.total", "合计", ["current": "867.15", "year:2018": "843.36", "year:2019": "915.6"]),
            ("expenditure.basic", "基本支出", ["current": "565.39", "year:2018": "850.36", "year:2019": "739.18"]),
            ("expenditure.project", "项目支出", ["current": "301.76", "year:2018": "93", "year:2019": "175.82"]),
            ("expenditure.total", "合计", ["current": "867.15", "year:2018": "843.36", "year:2019": "915.6"]),
        ])])
    }

    @Test("002's 整体 form: 支出合计 2018 843.36 ≠ 850.36 + 93, 2019 915.6 ≠ 739.18 + 175.82 (audit 002 #1, #2)")
    func sample002() throws {
        let f = findings(withForms(try Samples.document("002"), [form002]), rule)
        #expect(f.count == 2)
        expectFinding(f, table: 13, row: "武汉市新洲区科学技术和经济信息化局/expenditure.total", column: "year:2018",
                      published: "843.36", expected: "943.36", difference: "-100.00", severity: .discrepancy, line: 14)
        expectFinding(f, table: 13, row: "武汉市新洲区科学技术和经济信息化局/expenditure.total", column: "year:2019",
                      published: "915.6", expected: "915.00", difference: "0.60", severity: .discrepancy, line: 14)
    }

    @Test("a form that adds up, and agrees with the tables, is silent")
    func consistent() throws {
        var form = form002
        form.grids[0].rows[3].amounts["year:2018"] = Figure(amount: Amount(fen: 750_360_000), text: "750.36")
        form.grids[0].rows[4].amounts["year:2019"] = Figure(amount: Amount(fen: 176_420_000), text: "176.42")
        #expect(findings(withForms(try Samples.document("002"), [form]), rule).isEmpty)
    }

    /// 001's 整体 form (audit 001 §4.2): 人员类 1248.8 + 运转类 132.39 + 特定目标类 19349.04.
    func form001(personnel: String = "1248.8") -> PerformanceForm {
        PerformanceForm(kind: .overall, name: "洪山区科学技术和经济信息化局", grids: [funding([
            ("income.fiscal", "财政拨款", ["current": "20730.23"]),
            ("income.total", "合计", ["current": "20730.23"]),
            ("expenditure.personnel", "人员类项目支出", ["current": personnel]),
            ("expenditure.operation", "运转类项目支出", ["current": "132.39"]),
            ("expenditure.specific", "特定目标类项目支出", ["current": "19349.04"]),
            ("expenditure.total", "合计", ["current": "20730.23"]),
        ])])
    }

    @Test("one 整体 form against the tables: silent on 001's, a wrong 人员类 is found")
    func againstTables() throws {
        #expect(findings(withForms(try Repaired.sample001(), [form001()]), rule).isEmpty)
        let f = findings(withForms(try Repaired.sample001(), [form001(personnel: "1258.8")]), rule)
        expectFinding(f, table: 13, row: "洪山区科学技术和经济信息化局/expenditure.personnel", column: "current",
                      published: "1258.80", expected: "1248.80", difference: "10.00", severity: .discrepancy)
        // …and the form's own sum: 1258.8 + 132.39 + 19349.04 ≠ 20730.23.
        #expect(f.contains { $0.row == "洪山区科学技术和经济信息化局/expenditure.total" })
        // Two 整体 forms (one per unit) are parts of the tables: not compared with them.
        var other = form001(personnel: "1258.8")
        other.name = "下属单位"
        let two = findings(withForms(try Repaired.sample001(), [form001(), other]), rule)
        #expect(!two.contains { $0.row?.hasSuffix("expenditure.personnel") == true })
    }

    @Test("a 项目 form's budget against the 表10 project of that name (audit 004 F2b: 1009.40 万元 against 980.00)")
    func project() {
        let t10 = table(10, columns: ["total"], rows: [
            ("category:31", .category, ["total": "9,800,000.00"]),
            ("42010722307T000000104", .project, ["total": "9,800,000.00"]),
        ], unit: .yuan)
        var doc = document([t10], unit: .yuan)
        var t = doc.table(10)
        t.rows[1].name = "科学技术研究与开发资金"
        doc.setTable(t)
        let field = { (text: String, fen: Int64) in
            FormField(key: FormField.Key.yearBudget, label: "当年资金总额（万元）", text: text,
                      amount: Figure(amount: Amount(fen: fen), text: text), line: 721)
        }
        let wrong = PerformanceForm(kind: .project, name: "科学技术研究与开发资金", fields: [field("1009.40", 1_009_400_000)])
        let f = findings(withForms(doc, [wrong]), rule)
        expectFinding(f, table: 13, row: "科学技术研究与开发资金/year_budget", column: "current", published: "10,094,000.00",
                      expected: "9,800,000.00", difference: "294,000.00", severity: .discrepancy, line: 721, unit: .yuan)
        let right = PerformanceForm(kind: .project, name: "科学技术研究与开发资金", fields: [field("980", 980_000_000)])
        #expect(findings(withForms(doc, [right]), rule).isEmpty)
    }

    /// 003 with one figure of a form changed.
    func sample003(_ edit: (inout [PerformanceForm]) -> Void) throws -> [Finding] {
        let doc = try Samples.document("003")
        var forms = doc.table(13).forms
        edit(&forms)
        return findings(withForms(doc, forms), rule)
    }

    static func wan(_ text: String) -> Figure {
        guard case .success(let a) = Amount.parse(text, unit: .wanYuan) else { fatalError(text) }
        return Figure(amount: a, text: text, line: 4635)
    }

    @Test("003 as published: only the 整体 form's 2022/2023 合计, 0.01 within rounding (audit 003 #2, #3)",
          .enabled(if: Samples.parses("003")))
    func sample003AsPublished() throws {
        let f = try sample003 { _ in }
        #expect(f.map(\.column) == ["year:2022", "year:2023"])
        #expect(f.allSatisfy { $0.severity == .rounding && $0.differenceAmount == Amount(fen: -10_000) })
        #expect(f.first?.message == "表13 武汉市江岸区科学技术和经济信息化局 合计（2022年） 1,167.90 ≠ 人员类项目支出 + 运转类项目支出 + 特定目标类项目支出 1,167.91 (万元)")
    }

    @Test("003: the 中心's 在职人员体检费 form is compared with the 中心's 项目支出情况 (0.96), never with 本级's 表九 project (1.84)",
          .enabled(if: Samples.parses("003")))
    func ambiguousName() throws {
        let f = try sample003 { forms in
            let i = forms.firstIndex { $0.name == "在职人员体检费" }!
            let j = forms[i].fields.firstIndex { $0.key == FormField.Key.yearBudget }!
            forms[i].fields[j].amount = Self.wan("1.00")
        }
        let row = "在职人员体检费/year_budget"
        expectFinding(f, table: 13, row: row, column: "projects.year", published: "1.00", expected: "0.96",
                      difference: "0.04", severity: .discrepancy, line: 4635)
        // …and with its own 项目当年资金来源 合计 (0.96), but not with 表10.
        #expect(f.filter { $0.row == row }.compactMap(\.column).sorted() == ["projects.year", "sources.total"])
        #expect(!f.contains { $0.message.contains("表10") })
    }

    @Test("003: a 项目 form matched to 表九 (科技管理工作经费 20.00, line 964) is compared with it", .enabled(if: Samples.parses("003")))
    func matchedProject() throws {
        let f = try sample003 { forms in
            let i = forms.firstIndex { $0.name == "科技管理工作经费" }!
            let j = forms[i].fields.firstIndex { $0.key == FormField.Key.yearBudget }!
            forms[i].fields[j].amount = Self.wan("21.00")
        }
        let hits = f.filter { $0.row == "科技管理工作经费/year_budget" }
        #expect(hits.compactMap(\.column).sorted() == ["current", "projects.year", "sources.total"])
        #expect(hits.allSatisfy { $0.differenceAmount == Amount(fen: 1_000_000) && $0.severity == .discrepancy })
        #expect(hits.contains { $0.message == "表13 科技管理工作经费 项目当年预算 21.00 ≠ 表10 项目 科技管理工作经费 合计 20.00 (万元)" })
    }

    @Test("003: the projects an 整体 form lists add up to its 特定目标类 (中心: Σ8 = 20.99)", .enabled(if: Samples.parses("003")))
    func listedProjects() throws {
        let f = try sample003 { forms in
            let i = forms.firstIndex { $0.kind == .overall && $0.name == "江岸区工业企业发展服务中心" }!
            let g = forms[i].grids.firstIndex { $0.key == FormGrid.Key.projects }!
            forms[i].grids[g].rows[0].amounts["year"] = Self.wan("3.50")   // 稳定工作经费 2.50
        }
        expectFinding(f, table: 13, row: "江岸区工业企业发展服务中心/expenditure.specific", column: "current",
                      published: "20.99", expected: "21.99", difference: "-1.00", severity: .discrepancy)
    }

    @Test("a form printed in 万元 beside 元 tables is read in 万元 from its figures (004: 2126.26 = 21,262,614.31 元 to 0.01 万元)",
          .enabled(if: Samples.parses("004")))
    func unitFromFigures() throws {
        let f = findings(try Samples.document("004"), rule)
        // Only F2b (audit 004): 科学技术研究与开发资金 1009.40 万元 against the 表10 project of 980.00.
        #expect(f.count == 1)
        expectFinding(f, table: 13, row: "科学技术研究与开发资金/year_budget", column: "current", published: "1,009.40",
                      expected: "980.00", difference: "29.40", severity: .discrepancy, line: 719, unit: .wanYuan)
        #expect(PerformanceFormRule.unit(of: [Figure(amount: Amount(fen: 2_126_260_000), text: "2126.26")], default: .yuan) == .wanYuan)
        #expect(PerformanceFormRule.unit(of: [Figure(amount: Amount(fen: 212_626), text: "2,126.26")], default: .wanYuan) == .yuan)
        #expect(PerformanceFormRule.unit(of: [Figure(amount: .zero, text: "0")], default: .yuan) == .yuan)
    }

    @Test("silent on the repaired samples (their forms agree with their tables)", arguments: ["000", "001"])
    func samples(_ prefix: String) throws {
        let doc = prefix == "000" ? try Repaired.sample000() : try Repaired.sample001()
        #expect(findings(doc, rule).isEmpty)
    }
}
