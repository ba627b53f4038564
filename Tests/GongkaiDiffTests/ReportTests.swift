import Foundation
import Testing
import GongkaiModel
import GongkaiTestSupport
import GongkaiXLSX
@testable import GongkaiDiff

/// A small diff with one change of every row-level kind, shared by the renderer tests.
enum Example {
    static func documents() -> (Document, Document) {
        var a = Make.document(table: 3, [
            Make.row("total", "合计", kind: .total, ["total": "1580000.00"]),
            Make.row("207", "文化旅游体育与传媒支出", ["total": "1580000.00"]),
            Make.row("2070101", "行政运行", ["total": "1500000.00", "basic": "1500000.00"]),
            Make.row("2070102", "一般行政管理事务", ["total": "80000.00"]),
            Make.row("2070103", "机关服务", ["total": "1.00"]),
        ], columns: ["total", "basic"])
        var b = Make.document(table: 3, [
            Make.row("total", "合计", kind: .total, ["total": "1810000.00"]),
            Make.row("207", "文化旅游体育与传媒支出", ["total": "1810000.00"]),
            Make.row("2070101", "行政运行", ["total": "1650000.00", "basic": "1500000.00"]),
            Make.row("2070102", "一般行政管理事务（文化）", ["total": "80000.00"]),
            Make.row("2070199", "其他文化和旅游管理事务支出, \"含\"", ["total": "80000.00"]),
        ], columns: ["total", "basic"])
        a.district = "洪山区"
        b.district = "江岸区"
        b.setTable(Table(id: 9, key: "soe_capital", status: .empty))
        return (a, b)
    }

    static func diff() throws -> DocumentDiff {
        let (a, b) = documents()
        return try DocumentDiff(a, b)
    }
}

@Suite("Renderers: text, JSON, CSV, highlighter")
struct ReportTests {
    @Test("JSON: DESIGN §3 — one object per change, amounts in 元, blank cells without a key")
    func json() throws {
        let text = JSONReport.render(try Example.diff())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let a = try #require(object["a"] as? [String: Any])
        #expect(a["district"] as? String == "洪山区" && a["kind"] as? String == "budget" && a["year"] as? Int == 2024)
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.count == 8)
        func find(_ kind: String, _ row: String?) -> [String: Any]? {
            changes.first { $0["kind"] as? String == kind && ($0["row"] as? String) == row }
        }
        let changed = try #require(find("changed", "2070101"))
        #expect(changed["table"] as? Int == 3 && changed["name"] as? String == "行政运行" && changed["column"] as? String == "total")
        #expect(changed["a"] as? String == "1500000.00" && changed["b"] as? String == "1650000.00")
        #expect(changed["delta"] as? String == "150000.00" && changed["percent"] as? Double == 10.0)
        let added = try #require(find("added", "2070199"))
        #expect(added["b"] as? [String: String] == ["total": "80000.00"] && added["a"] == nil)
        #expect(added["name"] as? String == "其他文化和旅游管理事务支出, \"含\"")
        let removed = try #require(find("removed", "2070103"))
        #expect(removed["a"] as? [String: String] == ["total": "1.00"])
        let renamed = try #require(find("renamed", "2070102"))
        #expect(renamed["a"] as? String == "一般行政管理事务" && renamed["b"] as? String == "一般行政管理事务（文化）")
        let status = try #require(find("status", nil))
        #expect(status["table"] as? Int == 9 && status["a"] as? String == "absent" && status["b"] as? String == "empty")
        let meta = try #require(find("metadata", nil))
        #expect(meta["field"] as? String == "district" && meta["b"] as? String == "江岸区")
        // The documented key order of a changed cell.
        #expect(text.contains(#"{"table": 3, "row": "2070101", "name": "行政运行", "column": "total", "kind": "changed", "a": "1500000.00", "b": "1650000.00", "delta": "150000.00", "percent": 10.0}"#))
    }

    @Test("JSON of identical documents: an empty change list")
    func jsonSame() throws {
        let doc = try Samples.document("001")
        let object = try JSONSerialization.jsonObject(with: Data(JSONReport.render(try DocumentDiff(doc, doc)).utf8)) as? [String: Any]
        #expect((object?["changes"] as? [Any])?.isEmpty == true)
    }

    @Test("CSV: a header and one line per change, quoted where needed")
    func csv() throws {
        let diff = try Example.diff()
        let text = CSVReport.render(diff)
        #expect(text.hasPrefix("\u{FEFF}table,table_name,row,name,column,column_name,kind,a,b,delta,percent\r\n"))
        let rows = CSV.parse(String(text.dropFirst()).replacingOccurrences(of: "\r\n", with: "\n"))
        #expect(rows.count == diff.changes.count + 1)
        #expect(rows.dropFirst().allSatisfy { $0.count == 11 })
        #expect(rows.contains(["3", "部门支出总表", "2070101", "行政运行", "total", "合计", "changed", "1500000.00", "1650000.00", "150000.00", "10.00"]))
        #expect(rows.contains(["3", "部门支出总表", "2070199", "其他文化和旅游管理事务支出, \"含\"", "", "", "added", "", "total=80000.00", "", ""]))
        #expect(rows.contains(["", "", "", "", "district", "地区", "metadata", "洪山区", "江岸区", "", ""]))
    }

    @Test("highlighter: daff's @@ header, +++, ---, -> with old->new cells, ... for rows left out")
    func highlighter() throws {
        let text = HighlighterReport.render(try Example.diff())
        let rows = CSV.parse(text)
        #expect(rows.first == ["@@", "表", "编码", "名称", "合计(元)", "基本支出(元)"])
        #expect(rows.contains(["->", "3", "2070101", "行政运行", "1500000.00->1650000.00", "1500000.00"]))
        #expect(rows.contains(["->", "3", "2070102", "一般行政管理事务->一般行政管理事务（文化）", "80000.00", ""]))
        #expect(rows.contains(["---", "3", "2070103", "机关服务", "1.00", ""]))
        #expect(rows.contains(["+++", "3", "2070199", "其他文化和旅游管理事务支出, \"含\"", "80000.00", ""]))
        #expect(rows.contains(["->", "3", "total", "合计", "1580000.00->1810000.00", ""]))
        // A status change alone has no rows: no block for 表9.
        #expect(!rows.contains { $0.count > 1 && $0[1] == "9" })
    }

    @Test("highlighter: unchanged rows become one ... row; the arrow grows when a cell holds ->")
    func highlighterElision() throws {
        let rows: [Row] = (0..<6).map { Make.row("20\($0)", "科目\($0)", ["total": "1.00"]) }
        var changed = rows
        changed[3].values["total"] = Make.yuan("2.00")
        changed[3].name = "科目->3"
        let text = HighlighterReport.render(try DocumentDiff(Make.document(table: 3, rows), Make.document(table: 3, changed)))
        #expect(CSV.parse(text) == [
            ["@@", "表", "编码", "名称", "合计(元)"],
            ["...", "...", "...", "...", "..."],
            ["-->", "3", "203", "科目3-->科目->3", "1.00-->2.00"],
            ["...", "...", "...", "...", "..."],
        ])
    }

    @Test("text: the summary first (headline totals, counts), then tables, largest first, in 万元")
    func text() throws {
        let text = TextReport.render(try Example.diff())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "A: 洪山区 2024年 测试局")
        #expect(lines[2] == "金额单位：万元")
        #expect(text.contains("  部门支出合计（表3）  158.00  181.00  +23.00  +14.56%"))
        #expect(text.contains("共 7 处变动：数值变动 3，新增行 1，删除行 1，更名 1，表的公开状态变化 1"))
        #expect(text.contains("  地区：洪山区 → 江岸区"))
        // Largest first: 合计 and 207 (+23.00) before 行政运行 (+15.00).
        let big = try #require(text.range(of: "207 文化旅游体育与传媒支出"))
        let small = try #require(text.range(of: "2070101 行政运行"))
        #expect(big.lowerBound < small.lowerBound)
        #expect(text.contains("    + 新增 2070199 其他文化和旅游管理事务支出, \"含\"：合计 8.00"))
        #expect(text.contains("    - 删除 2070103 机关服务：合计 0.0001"))
        #expect(text.contains("    更名 2070102 一般行政管理事务 → 一般行政管理事务（文化）"))
        #expect(text.contains("表9 国有资本经营预算支出表（1 处）\n  公开状态：未公开 → 已公开但无数据"))
    }

    @Test("text: identical documents say so; blank ↔ 0.00 cells are summarized, not listed")
    func textSameAndBlanks() throws {
        let doc = try Samples.document("000")
        #expect(TextReport.render(try DocumentDiff(doc, doc)).contains("两份文档相同：没有发现差异。"))
        let a = Make.document(table: 3, [Make.row("206", "科学技术支出", ["total": "5.00"])])
        let b = Make.document(table: 3, [Make.row("206", "科学技术支出", ["total": "5.00", "basic": "0.00"])])
        let text = TextReport.render(try DocumentDiff(a, b))
        #expect(text.contains("另有 1 个单元格一方空白、一方为 0.00（金额不变）：206 科学技术支出·基本支出"))
        #expect(!text.contains("数值变动 1 处"))
    }

    @Test("a document published in 元: reports show 元, exact with two decimals, instead of six-decimal 万元")
    func yuanDocuments() throws {
        var (a, b) = Example.documents()
        b.sourceUnit = .yuan
        let diff = try DocumentDiff(a, b)
        let text = TextReport.render(diff)
        #expect(text.contains("金额单位：元\n"))
        #expect(text.contains("2070101 行政运行") && text.contains("1,500,000.00") && text.contains("+150,000.00"))
        #expect(text.contains("机关服务：合计 1.00"))
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("yuan.xlsx")
        try XLSXReport.write(diff, to: url)
        let book = try WorkbookReader().read(contentsOf: url)
        #expect(book.sheet(named: "变动明细")?["A1"]?.value == "变动明细（金额单位：元；变动 = B − A）")
        #expect(book.sheet(named: "变动明细")?["F3"]?.numericValue == 1_580_000)
    }

    @Test("text: a column only one side publishes is named as such, not as a −100% change")
    func unpublishedColumn() throws {
        let a = Make.document(table: 3, [Make.row("206", "科学技术支出", ["total": "5.00", "basic": "5.00"])], columns: ["total", "basic"])
        let b = Make.document(table: 3, [Make.row("206", "科学技术支出", ["total": "5.00"])], columns: ["total"])
        let diff = try DocumentDiff(a, b)
        #expect(diff.changes.count == 1)
        #expect(diff.unpublishedSide(diff.changes[0]) == "B")
        let text = TextReport.render(diff)
        #expect(text.contains("另有 1 个单元格所在的列只有一方公开：206 科学技术支出·基本支出（B 未公开此列）"))
        #expect(!text.contains("-100.00%"))
        // A blank cell in a column B does publish is an ordinary change.
        let c = Make.document(table: 3, [Make.row("206", "科学技术支出", ["total": "5.00"])], columns: ["total", "basic"])
        #expect(try DocumentDiff(a, c).changes.map { try DocumentDiff(a, c).unpublishedSide($0) } == [nil])
    }

    @Test("column labels come from the catalog's Chinese headers")
    func labels() {
        #expect(Labels.column("current.gpb", table: 2) == "本年收入·一般公共预算")
        #expect(Labels.column("amount", table: 1) == "预算数")
        #expect(Labels.column("unlabeled.20", table: 2) == "未命名列20")
        #expect(Labels.row(key: "economic.301", name: "工资福利支出", code: "301") == "（经济分类）301 工资福利支出")
        #expect(Labels.row(key: "income.total", name: "收 入 总 计", code: nil) == "收入总计")
    }
}
