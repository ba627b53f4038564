import Testing
import GongkaiCheck
import GongkaiModel

@Suite("narrative: figures the 说明 states against the tables")
struct NarrativeFigureRuleTests {
    let rule = NarrativeFigureRule()

    @Test("000: 一般公共预算基本支出 482.30 agrees with 表5 but not with 表6 合计 462.30 (audit 000 #4)")
    func sample000() throws {
        let f = findings(try Samples.document("000"), rule)
        #expect(f.count == 1)
        expectFinding(f, table: 6, row: "total", column: "total", published: "482.30", expected: "462.30",
                      difference: "20.00", severity: .discrepancy, line: 145,
                      message: "说明 第145行 2020年一般公共预算基本支出 482.30 ≠ 表6 合计 total 462.30 (万元)")
    }

    @Test("001: 科学技术支出 18964.9 against 表3 206 18964.91 is rounding over 4 leaves (audit 001 #17)")
    func sample001() throws {
        let f = findings(try Samples.document("001"), rule)
        #expect(f.count == 1)
        expectFinding(f, table: 3, row: "206", column: "total", published: "18964.90", expected: "18964.91",
                      difference: "-0.01", severity: .rounding, line: 933)
    }

    @Test("silent on the repaired samples: every other figure of 000's and 001's 说明 agrees", arguments: ["000", "001"])
    func silent(_ prefix: String) throws {
        let doc = prefix == "000" ? try Repaired.sample000() : try Repaired.sample001()
        #expect(findings(doc, rule).isEmpty)
    }

    /// 004's shape: tables in 元, the 说明 in 万元.
    func yuanDepartment(_ narrative: [String]) -> Document {
        document([
            table(3, columns: ["total", "basic", "project"], rows: [
                ("total", .total, ["total": "21,262,614.31", "basic": "9,167,874.31", "project": "12,094,740.00"]),
            ], unit: .yuan),
            table(10, columns: ["total"], rows: [
                ("category:31", .category, ["total": "12,094,740.00"]),
                ("42010722307T000000104", .project, ["total": "9,800,000.00"]),
                ("42010722307T000000105", .project, ["total": "2,294,740.00"]),
            ], unit: .yuan),
        ], unit: .yuan, narrative: narrative, year: 2022)
    }

    @Test("元 tables quoted in 万元: a correct conversion is silent, a transposition is found (audit 004 F1)")
    func units() {
        var doc = yuanDepartment(["2022 年部门支出预算 2126.26 万元，其中：基本支出 916.79", "万元，占 43.12%；项目支出 1209.47 万元，占 56.88%。"])
        #expect(findings(doc, rule).isEmpty)
        doc = yuanDepartment(["2022 年部门支出预算 2126.26 万元，其中：基本支出 916.79 万元，占 43.12%；项目支出 1209.74 万元，占 56.88%。"])
        let f = findings(doc, rule)
        #expect(f.count == 1)
        expectFinding(f, table: 3, row: "total", column: "project", published: "12,097,400.00", expected: "12,094,700.00",
                      difference: "2,700.00", severity: .discrepancy, unit: .yuan,
                      message: "说明 第1行 项目支出 1,209.74 ≠ 表3 合计 project 1,209.47 (万元)")
    }

    @Test("a project named as in 表10 (audit 004 F2: 1009.40 against 980.00)")
    func project() {
        var doc = yuanDepartment(["(二)项目支出 1209.47 万元。其中：", "科学技术研究与开发资金 1009.40万元，主要用于高新技术企业补贴支出。"])
        var t = doc.table(10)
        t.rows[1].name = "科学技术研究与开发资金"
        doc.setTable(t)
        let f = findings(doc, rule)
        expectFinding(f, table: 10, row: "42010722307T000000104", column: "total", published: "10,094,000.00",
                      expected: "9,800,000.00", difference: "294,000.00", severity: .discrepancy, unit: .yuan)
    }

    @Test("changes, prior years and shares are not figures of this budget; a stated 0 against a blank cell is silent")
    func notFigures() throws {
        let doc = try Repaired.sample000().withNarrative([
            "2020 年部门总预算 3859.30 万元，比 2019 年预算减少 553.54 万元。",
            "2019 年预算 4412.84 万元。",
            "“三公”经费预算 0.2 万元，比上年预算减少 5 万元。",
            "预算控制数为 0 万元。", "（一）因公出国（境）费 0 万元。",
            "公务用车运行维护费 0 万元。",
        ])
        #expect(findings(doc, rule).isEmpty)
        let wrong = doc.withNarrative(["（一）因公出国（境）费 1 万元。", "“三公”经费预算 0.3 万元。"])
        let f = findings(wrong, rule)
        expectFinding(f, table: 7, row: "abroad", column: "amount", published: "1.00", expected: "0.00",
                      difference: "1.00", severity: .discrepancy)
        expectFinding(f, table: 7, row: "total", column: "amount", published: "0.30", expected: "0.20",
                      difference: "0.10", severity: .discrepancy)
    }

    @Test("each figure goes to its table", arguments: [
        ("部门预算收入 3859.31 万元。", 1, "income.total"),
        ("一般公共预算财政拨款收入 3859.31 万元。", 1, "income.gpb"),
        ("一般公共预算安排支出 3859.31 万元。", 5, "total"),
        ("基本支出 482.31 万元。", 3, "total"),
        ("项目支出 3377.01 万元。", 3, "total"),
        ("人员经费 423.66 万元。", 6, "total"),
        ("公用经费 58.66 万元。", 6, "total"),
        ("机关运行经费 58.66 万元。", 6, "total"),
        ("2、社会保障和就业支出 97.75 万元；", 3, "208"),
        ("工资福利支出 332.92 万元。", 6, "301"),
        ("3、对个人和家庭补助支出 90.75 万元，主要用于退休费。", 6, "303"),
        ("公务接待费 0.3 万元。", 7, "reception"),
    ])
    func routing(_ sentence: String, _ table: Int, _ row: String) throws {
        let f = findings(try Repaired.sample000().withNarrative([sentence]), rule)
        #expect(f.count == 1)
        #expect(f.first?.table == table && f.first?.row == row, "\(f.map(\.message))")
    }

    @Test("words the tables do not publish are not read (采购 without 表11, project groups, counts)")
    func unread() throws {
        let doc = try Repaired.sample000().withNarrative([
            "2020年部门预算中纳入政府采购预算支出合计 99.20 万元。包括：物类 2.2 万元。",
            "1、一般行政管理事务（科学技术）999 万元，主要是用于…",
            "涉及一般公共预算 3377 万元，共设立项目绩效指标 23 条。",
            "部门房屋面积共有 1248 平方米。",
        ])
        #expect(findings(doc, rule).isEmpty)
    }

    @Test("a heading the sentence runs into does not name the figure; a unit's 项目经费 is not the department's (003)")
    func headings() throws {
        let doc = try Repaired.sample000().withNarrative([
            "二、一般公共预算支出安排情况",
            "2024 年财政拨款预算数 1033.9 万元，比 2023 年预算减少 418.75 万元。",
            "5、工业企业发展服务中心项目经费 20.99 万元。主要用于维稳重点企业。",
            "四、一般公共预算基本支出情况",
            "2020年一般公共预算基本支出482.30万元，（按经济分类到款级详见公开表6）。",
        ])
        #expect(findings(doc, rule).isEmpty)
        let f = findings(doc.narrative(line: 9, replacing: "482.30", with: "482.40"), rule)
        // 一般公共预算基本支出 is both 表6's 合计 and 表5's 基本支出: one finding for each.
        #expect(f.map(\.message).sorted() == [
            "说明 第9行 2020年一般公共预算基本支出 482.40 ≠ 表5 合计 basic.subtotal 482.30 (万元)",
            "说明 第9行 2020年一般公共预算基本支出 482.40 ≠ 表6 合计 total 482.30 (万元)",
        ])
    }
}
