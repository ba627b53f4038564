import Testing
import GongkaiCheck
import GongkaiModel

@Suite("cross-table: figures two tables publish for the same thing")
struct CrossTableRuleTests {
    let rule = CrossTableRule()

    @Test("000: 表6 合计 462.30 is not 表5 基本支出 482.30 (audit 000 #3)")
    func sample000() throws {
        let f = findings(try Samples.document("000"), rule)
        #expect(f.count == 1)
        expectFinding(f, table: 6, row: "total", column: "total", published: "462.30", expected: "482.30",
                      difference: "-20.00", severity: .discrepancy, line: 427,
                      message: "表6 合计 total 462.30 ≠ 表5 合计 basic.subtotal 482.30 (万元)")
    }

    @Test("001: class 206 is 18964.90 in 表1/表4 and 18964.91 in 表3/表5, rounding over 4 leaves (audit 001 #15, #16)")
    func sample001() throws {
        let f = findings(try Samples.document("001"), rule)
        #expect(f.count == 2)
        let t1 = expectFinding(f, table: 1, row: "function.206", column: "amount", published: "18964.90", expected: "18964.91",
                               difference: "-0.01", severity: .rounding, line: 130,
                               message: "表1 function.206 amount 18,964.90 ≠ 表3 206 total 18,964.91 (万元)")
        #expect(t1?.addends == 4)
        expectFinding(f, table: 4, row: "function.206", column: "total", published: "18964.90", expected: "18964.91",
                      difference: "-0.01", severity: .rounding, line: 220)
    }

    @Test("silent on the repaired samples and on 002", arguments: ["000", "001", "002"])
    func silent(_ prefix: String) throws {
        let doc = prefix == "000" ? try Repaired.sample000() : prefix == "001" ? try Repaired.sample001()
            : try Samples.document(prefix)
        #expect(findings(doc, rule).isEmpty)
    }

    /// A small consistent department: all money 一般公共预算, 10.00 basic + 20.00 project.
    func department() -> [Table] {
        [
            table(1, columns: ["amount"], rows: [
                ("income.gpb", .item, ["amount": "30.00"]), ("income.current_total", .item, ["amount": "30.00"]),
                ("income.total", .item, ["amount": "30.00"]), ("function.206", .item, ["amount": "30.00"]),
                ("function.208", .item, [:]), ("expenditure.current_total", .item, ["amount": "30.00"]),
                ("expenditure.total", .item, ["amount": "30.00"]),
                ("economic.301", .item, ["amount": "4.00"]), ("economic.399", .item, ["amount": "26.00"]),
            ]),
            table(2, columns: ["total", "current.gpb"], rows: [
                ("total", .total, ["total": "30.00", "current.gpb": "30.00"]),
                ("206", .classification, ["total": "30.00", "current.gpb": "30.00"]),
            ]),
            table(3, columns: ["total", "basic", "project"], rows: [
                ("total", .total, ["total": "30.00", "basic": "10.00", "project": "20.00"]),
                ("206", .classification, ["total": "30.00", "basic": "10.00", "project": "20.00"]),
            ]),
            table(4, columns: ["total", "gpb"], rows: [
                ("income.gpb", .item, ["total": "30.00"]), ("income.total", .item, ["total": "30.00"]),
                ("function.206", .item, ["gpb": "30.00"]), ("expenditure.current_total", .item, ["gpb": "30.00"]),
            ]),
            table(5, columns: ["total", "basic.subtotal", "basic.personnel", "basic.public", "project"], rows: [
                ("total", .total, ["total": "30.00", "basic.subtotal": "10.00", "basic.personnel": "4.00", "basic.public": "6.00", "project": "20.00"]),
                ("206", .classification, ["total": "30.00", "basic.subtotal": "10.00", "basic.personnel": "4.00", "basic.public": "6.00", "project": "20.00"]),
            ]),
            table(6, columns: ["total", "personnel", "public"], rows: [
                ("total", .total, ["total": "10.00", "personnel": "4.00", "public": "6.00"]),
                ("301", .classification, ["total": "4.00", "personnel": "4.00"]),
                ("302", .classification, ["total": "6.00", "public": "6.00"]),
            ]),
            table(8, columns: ["total"], rows: [], status: .empty),
            table(10, columns: ["total", "current.gpb"], rows: [
                ("category:31", .category, ["total": "20.00", "current.gpb": "20.00"]),
                ("P1", .project, ["total": "20.00", "current.gpb": "20.00"]),
            ]),
        ]
    }

    @Test("a consistent department is silent, although 表1's economic panel (4.00 on 301) is not 表6 (不可比)")
    func consistent() {
        #expect(findings(document(department()), rule).isEmpty)
    }

    @Test("each identity fires when broken", arguments: [
        (3, "206", "total", "31.00", 1, "function.206"),         // 表1 class ≠ 表3 类
        (2, "total", "total", "29.00", 1, "income.total"),        // 表1 收入总计 ≠ 表2 合计
        (5, "206", "total", "29.00", 4, "function.206"),          // 表4 class (gpb) ≠ 表5 类
        (6, "total", "public", "5.00", 6, "total"),               // 表6 公用 ≠ 表5 basic.public
        (10, "P1", "total", "21.00", 10, "Σ"),                    // 表10 total ≠ 表3 project
    ])
    func fires(_ table: Int, _ row: String, _ column: String, _ value: String, _ checked: Int, _ checkedRow: String) {
        var doc = document(department())
        doc = doc.setting(table: table, row: row, column: column, to: value)
        if table == 10 { doc = doc.setting(table: 10, row: "category:31", column: "total", to: value) }
        let f = findings(doc, rule)
        #expect(f.contains { $0.table == checked && $0.row == checkedRow && $0.severity == .discrepancy },
                "\(f.map(\.message))")
    }

    @Test("a class 表3 spends on that 表1 leaves blank, and a 表2 row that is not in 表3")
    func missing() {
        var tables = department()
        tables[2].rows.append(Row(key: "208", kind: .classification, code: "208", level: 1, name: "社会保障和就业支出",
                                  values: ["total": Figure(amount: Amount(fen: 1_000_000), text: "1.00")]))
        let f = findings(document(tables), rule)
        expectFinding(f, table: 1, row: "function.208", column: "amount", published: nil, expected: "1.00",
                      difference: "-1.00", severity: .discrepancy)
        expectFinding(f, table: 2, row: "208", column: "total", published: nil, expected: "1.00",
                      difference: "-1.00", severity: .discrepancy, message: "表2 208 total (blank) ≠ 表3 208 total 1.00 (万元)")
    }

    @Test("表3 = 表5 row by row only where all money is 一般公共预算")
    func allGPB() {
        var tables = department()
        tables[2].rows[1].values["basic"] = Figure(amount: Amount(fen: 12_000_000), text: "12.00") // 表3 206 basic
        tables[2].rows[1].values["project"] = Figure(amount: Amount(fen: 18_000_000), text: "18.00")
        var f = findings(document(tables), rule)
        #expect(f.contains { $0.table == 5 && $0.row == "206" && $0.column == "basic.subtotal" })
        // With 事业收入 in 表1, 表3 covers more than 表5: not compared.
        tables[0].rows.append(Row(key: "income.business", kind: .item, name: "事业收入",
                                  values: ["amount": Figure(amount: Amount(fen: 1_000_000), text: "1.00")]))
        f = findings(document(tables), rule)
        #expect(!f.contains { $0.table == 5 && $0.row == "206" })
    }

    @Test("表4's 政府性基金 column against an empty 表8")
    func govFund() {
        var tables = department()
        tables[4] = table(4, columns: ["total", "gpb", "fund"], rows: [
            ("income.gpb", .item, ["total": "30.00"]), ("income.total", .item, ["total": "30.00"]),
            ("function.206", .item, ["gpb": "30.00", "fund": "2.00"]),
            ("expenditure.current_total", .item, ["gpb": "30.00", "fund": "2.00"]),
        ])
        let f = findings(document(tables), rule)
        expectFinding(f, table: 4, row: "function.206", column: "fund", published: "2.00", expected: "0.00",
                      difference: "2.00", severity: .discrepancy, message: "表4 function.206 fund 2.00 ≠ 表8 (empty) 0.00 (万元)")
    }
}
