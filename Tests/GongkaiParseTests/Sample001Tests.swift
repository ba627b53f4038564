import Testing
import GongkaiModel

/// 001: 洪山区 2024, TAB-separated, 万元. Figures from Tests/Fixtures/audit/001.md.
@Suite("Sample 001 (洪山区 2024)")
struct Sample001Tests {
    let doc: Document
    init() throws { doc = try Samples.document("001") }

    @Test("metadata")
    func metadata() {
        #expect(doc.district == "洪山区")
        #expect(doc.department?.hasSuffix("洪山区科学技术和经济信息化局") == true)
        #expect(doc.year == 2024)
        #expect(doc.sourceUnit == .wanYuan)
    }

    @Test("status of all 13 tables: its 表11/表12 are performance forms (13), 表10 has no number")
    func statuses() {
        #expect(doc.tables.map(\.status) == [.disclosed, .disclosed, .disclosed, .disclosed, .disclosed, .disclosed, .disclosed,
                                             .empty, .empty, .disclosed, .absent, .absent, .disclosed])
        #expect(doc.table(8).notes.first?.contains("无政府性基金预算收支") == true)
        #expect(doc.table(9).notes.first?.contains("无国有资本经营预算收支") == true)
        #expect(doc.table(10).sourceTitle == "项目支出表")
    }

    @Test("合计 rows")
    func totals() {
        let carry = ["carryover.subtotal", "carryover.gpb", "carryover.fund", "carryover.soe", "carryover.special_account", "carryover.unit_funds"]
        let current0 = ["current.fund", "current.soe", "current.special_account", "current.business", "current.business_operating",
                        "current.higher_subsidy", "current.affiliate", "current.other"]
        var t2 = zeros(carry + current0 + ["unlabeled.20"])
        t2["total"] = "20730.23"; t2["current.subtotal"] = "20730.23"; t2["current.gpb"] = "20730.23"
        expectRow(doc, table: 2, key: "total", t2, line: 167)
        expectRow(doc, table: 2, key: "unit:067001", t2, line: 169, name: "武汉市洪山区科学技术和经济信息化局本级")
        expectRow(doc, table: 3, key: "total", ["total": "20730.23", "basic": "1381.19", "project": "19349.04"], line: 180)
        expectRow(doc, table: 5, key: "total", ["total": "20,730.23", "basic.subtotal": "1,381.19", "basic.personnel": "1,248.80",
                                                "basic.public": "132.39", "project": "19,349.04"], line: 254)
        expectRow(doc, table: 6, key: "total", ["total": "1,381.19", "personnel": "1,248.80", "public": "132.39"], line: 290)
        var t10 = zeros(["current.fund", "current.soe", "carryover.gpb", "carryover.fund", "carryover.soe", "current.special_account"])
        t10["total"] = "19,349.04"; t10["current.gpb"] = "19,349.04"
        expectRow(doc, table: 10, key: "total", t10, line: 370)
    }

    @Test("表2 column 20 has no header: its values are kept and reported")
    func unlabeledColumn() {
        #expect(doc.diagnostics.contains { $0.table == 2 && $0.line == 167 && $0.message.contains("no header") })
    }

    @Test("表1 and 表4 items: classes named without codes are read by name")
    func panels() {
        expectRow(doc, table: 1, key: "income.gpb", ["amount": "20,730.23"], line: 127)
        expectRow(doc, table: 1, key: "income.fund", ["amount": "0.00"], line: 128)
        expectRow(doc, table: 1, key: "function.206", ["amount": "18964.90"], line: 130)
        expectRow(doc, table: 1, key: "expenditure.total", ["amount": "20730.23"], line: 153)
        expectRow(doc, table: 1, key: "income.total", ["amount": "20,730.23"], line: 153)
        expectRow(doc, table: 4, key: "income.current_total", ["total": "20730.23"], line: 216)
        expectRow(doc, table: 4, key: "income.carryover.gpb", [:], line: 221)
        expectRow(doc, table: 4, key: "function.215", ["total": "1200.00"], line: 228)
        expectRow(doc, table: 4, key: "expenditure.carry_forward", [:], line: 241)
        #expect(doc.diagnostics.contains { $0.table == 1 && $0.message.contains("read as class 206") })
    }

    @Test("表7 published as one row of columns becomes item rows")
    func threePublic() {
        expectRow(doc, table: 7, key: "total", ["amount": "4.40"], line: 334)
        expectRow(doc, table: 7, key: "abroad", ["amount": "0.00"])
        expectRow(doc, table: 7, key: "vehicle", ["amount": "4.40"])
        expectRow(doc, table: 7, key: "vehicle.purchase", ["amount": "0.00"])
        expectRow(doc, table: 7, key: "vehicle.operation", ["amount": "4.40"])
        expectRow(doc, table: 7, key: "reception", ["amount": "0.00"])
    }

    @Test("ordinary rows, units, categories and projects")
    func rows() {
        expectRow(doc, table: 3, key: "2060101", ["total": "528.35", "basic": "528.35", "project": "0.00"], line: 183, name: "行政运行")
        expectRow(doc, table: 5, key: "2080501", ["total": "230.69", "basic.subtotal": "230.69", "basic.personnel": "218.27",
                                                  "basic.public": "12.42", "project": "0.00"], line: 264)
        expectRow(doc, table: 6, key: "302", ["total": "132.40", "personnel": "0.00", "public": "132.39"], line: 302)
        let t10 = doc.table(10)
        #expect(t10.rows.count == 24)
        #expect(t10.rows.filter { $0.kind == .project }.count == 20)
        #expect(t10.row("unit:067")?.kind == .unit)
        #expect(t10.row("category:31")?.name == "本级支出项目")
        let project = t10.row("42011124067700000101")
        #expect(project?.values["total"]?.text == "12,078.00")
        #expect(project?.texts["unit"] == "武汉市洪山区科学技术和经济信息化局本级")
        #expect(t10.row("42011124067700000106") == nil)  // not published
    }
}
