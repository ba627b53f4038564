import Testing
import GongkaiModel

/// 000: 江汉区 2020, TAB-separated, 万元. Figures from Tests/Fixtures/audit/000.md,
/// checked against the source by hand.
@Suite("Sample 000 (江汉区 2020)")
struct Sample000Tests {
    let doc: Document
    init() throws { doc = try Samples.document("000") }

    @Test("metadata is read from the document")
    func metadata() {
        #expect(doc.district == "江汉区")
        #expect(doc.department == "江汉区科学技术和经济信息化局")
        #expect(doc.year == 2020)
        #expect(doc.sourceUnit == .wanYuan)
        #expect(doc.kind == "budget")
    }

    @Test("status of all 13 tables")
    func statuses() {
        let status = doc.tables.map(\.status)
        #expect(status == [.disclosed, .disclosed, .disclosed, .disclosed, .disclosed, .disclosed, .disclosed,
                           .empty, .absent, .absent, .absent, .absent, .disclosed])
        #expect(doc.table(8).notes == ["注：本部门无政府性基金财政拨款支出。"])
        #expect(doc.table(1).sourceTitle == "2020年部门收支预算总表")
        #expect(doc.table(7).sourceTitle == "2020年财政拨款“三公”经费支出表")
    }

    @Test("row counts")
    func rowCounts() {
        // 合计 + 5 类 + 8 款 + 14 项
        for id in [2, 3, 5] { #expect(doc.table(id).rows.count == 28, "表\(id)") }
        #expect(doc.table(6).rows.count == 27)  // 合计 + 3 类 + 23 款
        #expect(doc.table(7).rows.count == 6)
        // 表1: 11 income items, 26 classes + 3 totals, 10 economic classes + 3 totals
        #expect(doc.table(1).rows.count == 53)
    }

    @Test("表1 panels")
    func summary() {
        expectRow(doc, table: 1, key: "income.gpb", ["amount": "3,859.30"], line: 248)
        expectRow(doc, table: 1, key: "income.fund", [:], line: 249)
        expectRow(doc, table: 1, key: "income.current_total", ["amount": "3,859.30"], line: 274)
        expectRow(doc, table: 1, key: "income.total", ["amount": "3,859.30"], line: 277)
        expectRow(doc, table: 1, key: "function.206", ["amount": "3,541.92"], line: 252, name: "科学技术支出")
        expectRow(doc, table: 1, key: "function.201", [:], line: 248)
        expectRow(doc, table: 1, key: "expenditure.total", ["amount": "3,859.30"], line: 277)
        expectRow(doc, table: 1, key: "economic.399", ["amount": "3,128.00"], line: 258)
        expectRow(doc, table: 1, key: "economic.current_total", ["amount": "3,859.30"], line: 274)
    }

    @Test("合计 rows of the code tables")
    func totals() {
        expectRow(doc, table: 2, key: "total", ["total": "3,859.30", "current.gpb": "3,859.30"], line: 286)
        expectRow(doc, table: 3, key: "total", ["total": "3,859.30", "basic": "482.30", "project": "3,377.00"], line: 320)
        expectRow(doc, table: 5, key: "total", ["total": "3,859.30", "basic.subtotal": "482.30", "project": "3,377.00"], line: 392)
        // Published wrong (Σ = 482.30) and kept as published.
        expectRow(doc, table: 6, key: "total", ["total": "462.30", "personnel": "423.65", "public": "58.65"], line: 427)
    }

    @Test("ordinary rows")
    func ordinaryRows() {
        expectRow(doc, table: 2, key: "206", ["total": "3,541.92", "current.gpb": "3,541.92"], line: 287, name: "科学技术支出")
        expectRow(doc, table: 2, key: "2101103", ["total": "37.17", "current.gpb": "37.17"], line: 301)
        expectRow(doc, table: 3, key: "215", ["total": "119.00", "project": "119.00"], line: 338)
        expectRow(doc, table: 3, key: "2060102", ["total": "258.00", "project": "258.00"], line: 324,
                  name: "一般行政管理事务（科学技术）")
        expectRow(doc, table: 5, key: "21011", ["total": "48.89", "basic.subtotal": "48.89"], line: 405)
        expectRow(doc, table: 6, key: "30217", ["total": "0.20", "public": "0.20"], line: 446)
        #expect(doc.table(3).row("2060102")?.level == 3)
        #expect(doc.table(3).row("20601")?.level == 2)
        #expect(doc.table(3).row("215")?.level == 1)
    }

    @Test("columns: 上年补助收入 is 上级补助收入, unpublished columns stay out")
    func columns() {
        #expect(doc.table(2).columns == ["total", "current.gpb", "current.fund", "current.business", "current.business_operating",
                                         "current.higher_subsidy", "current.other", "reserve_fund", "carryover.subtotal"])
        #expect(doc.table(5).columns == ["total", "basic.subtotal", "project"])
        #expect(doc.table(3).columns == ["total", "basic", "project", "business_operating", "remit_upper", "affiliate_subsidy", "carry_forward"])
    }

    @Test("表4 and 表7 items")
    func fiscalAndThreePublic() {
        expectRow(doc, table: 4, key: "income.gpb", ["total": "3,859.30"], line: 355)
        expectRow(doc, table: 4, key: "function.206", ["gpb": "3,541.92"], line: 359, name: "科学技术支出")
        expectRow(doc, table: 4, key: "expenditure.total", ["gpb": "3,859.30"], line: 383)
        expectRow(doc, table: 4, key: "economic.301", ["gpb": "332.91"], line: 356)
        expectRow(doc, table: 7, key: "total", ["amount": "0.20"], line: 462)
        expectRow(doc, table: 7, key: "reception", ["amount": "0.20"], line: 467)
        expectRow(doc, table: 7, key: "vehicle.purchase", [:], line: 465)
        #expect(doc.table(7).rows.map(\.key) == ["total", "abroad", "vehicle", "vehicle.purchase", "vehicle.operation", "reception"])
    }

    @Test("the table of contents is narrative, not tables; the narrative is kept")
    func narrative() {
        #expect(doc.narrative.contains { $0.line == 47 && $0.text.contains("部门支出预算总表") })
        #expect(doc.narrative.contains { $0.text.contains("2020 年部门总预算 3859.30 万元") })
        #expect(doc.table(1).lines?.lowerBound == 240)
    }

    @Test("表13 forms are kept verbatim for now")
    func forms() {
        let t = doc.table(13)
        #expect(t.raw.first?.line == 484)
        #expect(t.raw.last?.line == 611 || (t.raw.last?.line ?? 0) > 600)
        #expect(t.raw.contains { $0.text.contains("科技成果转化与扩散") || $0.text.contains("科技研究与开发资金") })
    }
}
