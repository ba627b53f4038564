import Testing
import GongkaiCheck
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

    @Test("silent on the repaired samples (their forms agree with their tables)", arguments: ["000", "001"])
    func samples(_ prefix: String) throws {
        let doc = prefix == "000" ? try Repaired.sample000() : try Repaired.sample001()
        #expect(findings(doc, rule).isEmpty)
    }
}
