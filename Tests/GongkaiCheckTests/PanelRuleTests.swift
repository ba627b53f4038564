import Testing
import GongkaiCheck
import GongkaiModel

@Suite("panel: the identities inside 表1 and 表4")
struct PanelRuleTests {
    let rule = PanelRule()

    @Test("silent on the samples: every panel of 000 and 001 adds up (audit 000 §4.2, 001 §4.2)", arguments: ["000", "001", "002"])
    func samples(_ prefix: String) throws {
        #expect(findings(try Samples.document(prefix), rule).isEmpty)
    }

    func summary(_ amounts: [String: String]) -> Document {
        let keys = ["income.gpb", "income.fund", "income.current_total", "income.carryover", "income.total",
                    "function.206", "function.208", "expenditure.current_total", "expenditure.carry_forward", "expenditure.total",
                    "economic.301", "economic.302", "economic.current_total", "economic.total"]
        let rows: [(String, RowKind, [String: String])] = keys.map { k in (k, .item, amounts[k].map { ["amount": $0] } ?? [:]) }
        return document([table(1, columns: ["amount"], rows: rows)])
    }

    let consistent = ["income.gpb": "90.00", "income.fund": "10.00", "income.current_total": "100.00", "income.carryover": "5.00",
                      "income.total": "105.00", "function.206": "70.00", "function.208": "30.00",
                      "expenditure.current_total": "100.00", "expenditure.carry_forward": "5.00", "expenditure.total": "105.00",
                      "economic.301": "60.00", "economic.302": "40.00", "economic.current_total": "100.00", "economic.total": "105.00"]

    @Test("a consistent 表1 is silent")
    func silent() {
        #expect(findings(summary(consistent), rule).isEmpty)
    }

    @Test("本年收入合计 ≠ Σ收入; 收入总计 ≠ 本年收入合计 + 上年结转; 支出总计 ≠ 收入总计")
    func fires() {
        var v = consistent
        v["income.current_total"] = "100.20"
        var f = findings(summary(v), rule)
        expectFinding(f, table: 1, row: "income.current_total", column: "amount", published: "100.20", expected: "100.00",
                      difference: "0.20", severity: .discrepancy, message: "表1 income.current_total amount 100.20 ≠ Σ收入项 100.00 (万元)")
        expectFinding(f, table: 1, row: "income.total", column: "amount", published: "105.00", expected: "105.20",
                      difference: "-0.20", severity: .discrepancy)
        #expect(f.count == 2)

        v = consistent
        v["expenditure.total"] = "105.01"
        v["economic.total"] = "105.01"
        f = findings(summary(v), rule)
        // 支出总计 is 0.01 off 本年支出合计 + 结转下年 (2 figures: rounding) and off 收入总计 (1 figure: discrepancy).
        #expect(f.filter { $0.row == "expenditure.total" }.map(\.severity).sorted() == [.rounding, .discrepancy])
    }

    @Test("a blank 本年支出合计 over non-blank classes is a finding")
    func blankTotal() {
        var v = consistent
        v["expenditure.current_total"] = nil
        let f = findings(summary(v), rule)
        expectFinding(f.filter { $0.message.contains("Σ功能分类") }, table: 1, row: "expenditure.current_total",
                      column: "amount", published: nil, expected: "100.00", difference: "-100.00", severity: .discrepancy)
    }

    @Test("表4: the income panel's 预算数 and the expenditure panels' 一般公共预算 column compare as one value")
    func fiscal() {
        let t4 = table(4, columns: ["total", "gpb", "fund"], rows: [
            ("income.gpb", .item, ["total": "8.00"]), ("income.fund", .item, ["total": "2.00"]),
            ("income.current_total", .item, ["total": "10.00"]), ("income.total", .item, ["total": "10.00"]),
            ("function.206", .item, ["gpb": "8.00", "fund": "2.00"]),
            ("expenditure.current_total", .item, ["gpb": "8.00", "fund": "2.00"]),
            ("expenditure.total", .item, ["gpb": "8.00", "fund": "2.00"]),
        ])
        #expect(findings(document([t4]), rule).isEmpty)
        var wrong = t4
        wrong.rows[6].values["fund"] = Figure(amount: Amount(fen: 3_000_000), text: "3.00")
        let f = findings(document([wrong]), rule)
        #expect(f.contains { $0.row == "expenditure.total" && $0.severity == .discrepancy })
    }
}
