import Foundation
import Testing
import ZIPFoundation
import GongkaiConvert
import GongkaiModel
import GongkaiXLSX
import GongkaiTestSupport
@testable import GongkaiDiff

@Suite("XLSX report")
struct XLSXReportTests {
    static func write(_ diff: DocumentDiff) throws -> (URL, WorkbookContents) {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("report.xlsx")
        try XLSXReport.write(diff, to: url)
        return (url, try WorkbookReader().read(contentsOf: url))
    }

    @Test("摘要, 变动明细, 其他变动, then a sheet per changed table")
    func sheets() throws {
        let (_, book) = try Self.write(try Example.diff())
        #expect(book.sheetNames == ["摘要", "变动明细", "其他变动", "表3 支出总表", "表9 国有资本经营"])
    }

    @Test("变动明细: one row per changed cell; 变动 and 变动率 are formulas over the A and B cells")
    func detail() throws {
        let (_, book) = try Self.write(try Example.diff())
        let sheet = try #require(book.sheet(named: "变动明细"))
        // Row 3 (index 2) is the largest change: 合计 158.00 → 181.00 万元.
        #expect(sheet["C3"]?.value == "合计")
        #expect(sheet["F3"]?.numericValue == 158 && sheet["G3"]?.numericValue == 181)
        #expect(sheet["H3"]?.formula == "G3-F3" || sheet["H3"]?.formula == "=G3-F3")
        #expect(sheet["H3"]?.numericValue == 23)
        let percent = try #require(sheet["I3"])
        #expect(percent.formula?.contains("H3/F3") == true)
        #expect(abs((percent.numericValue ?? 0) - 0.1456) < 1e-9)
        // Cells of the added row (A blank) and the removed row (B blank) are there too.
        let kinds = sheet.cells.filter { $0.reference.column == 4 && $0.reference.row >= 2 }.compactMap(\.value)
        #expect(kinds.sorted() == ["删除行", "新增行", "数值变动", "数值变动", "数值变动"].sorted())
    }

    @Test("a table sheet shows B, the changed cells carry A's value in a comment; A's removed rows are listed below")
    func tableSheet() throws {
        let (_, book) = try Self.write(try Example.diff())
        let sheet = try #require(book.sheet(named: "表3 支出总表"))
        let total = try #require(sheet.cells.first { $0.value == "2070101" })
        let cell = try #require(sheet.cell(at: CellReference(row: total.reference.row, column: 2)))
        // 合计 is a formula over the published 基本支出 (150.00); the published 165.00 differs from it,
        // so the one comment holds both A's value and the converter's note.
        #expect(cell.formula != nil && cell.numericValue == 150)
        let comment = try #require(sheet.comment(at: cell.reference))
        #expect(comment.text.contains("A（洪山区 2024年）：150.00"))
        #expect(comment.text.contains("变动：+15.00（+10.00%）"))
        #expect(comment.text.contains("原文公布数 165.00，明细合计 150.00"))
        // The renamed row's name cell says what A called it.
        let renamed = try #require(sheet.cells.first { $0.value == "一般行政管理事务（文化）" })
        #expect(sheet.comment(at: renamed.reference)?.text.contains("一般行政管理事务") == true)
        // The removed row, with A's amount, under the table.
        let removed = try #require(sheet.cells.first { $0.value == "机关服务" })
        #expect(removed.reference.row > renamed.reference.row)
        #expect(sheet.cell(at: CellReference(row: removed.reference.row, column: 2))?.numericValue == 0.0001)
    }

    @Test("long names wrap onto rows tall enough for them; 20-digit project codes fit their column")
    func wrapping() throws {
        #expect(StandardSheet.lineCount("科学技术支出", width: 24) == 1)
        #expect(StandardSheet.lineCount(String(repeating: "科", count: 30), width: 24) == 3)
        let long = "支持工业经济发展-科学技术研究与开发资金-高质量发展专项资金（区级配套）-数字经济"
        let a = Make.document(table: 10, [Make.row("42011124067700000100", long, kind: .project, ["total": "1.00"])])
        let b = Make.document(table: 10, [Make.row("42011124067700000100", long, kind: .project, ["total": "2.00"])])
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("wrap.xlsx")
        try XLSXReport.write(try DocumentDiff(a, b), to: url)
        let xml = try Self.part(url, "xl/worksheets/sheet4.xml")
        #expect(xml.contains("customHeight=\"1\""))
        #expect(xml.contains("<col min=\"1\" max=\"1\" width=\"25."))
    }

    static func part(_ url: URL, _ path: String) throws -> String {
        let archive = try Archive(url: url, accessMode: .read)
        guard let entry = archive[path] else { return "" }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test("the summary has the headline figures and a column chart of the 类 totals")
    func summary() throws {
        let (url, book) = try Self.write(try Example.diff())
        let sheet = try #require(book.sheet(named: "摘要"))
        let label = try #require(sheet.cells.first { $0.value == "部门支出合计（表3）" })
        #expect(sheet.cell(at: CellReference(row: label.reference.row, column: 1))?.numericValue == 158)
        #expect(sheet.cell(at: CellReference(row: label.reference.row, column: 3))?.formula != nil)
        #expect(sheet.cells.contains { $0.value == "207 文化旅游体育与传媒支出" })
        let archive = try Archive(url: url, accessMode: .read)
        let chart = try #require(archive["xl/charts/chart1.xml"])
        var xml = Data()
        _ = try archive.extract(chart) { xml.append($0) }
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.contains("<c:barChart>") && text.contains("<c:barDir val=\"col\"/>"))
        #expect(text.contains("A（洪山区 2024年）") && text.contains("B（江岸区 2024年）"))
    }

    @Test("the same diff gives a byte-identical report; an input is never overwritten")
    func deterministic() throws {
        let diff = try Example.diff()
        let (url, _) = try Self.write(diff)
        let again = url.deletingLastPathComponent().appendingPathComponent("again.xlsx")
        try XLSXReport.write(diff, to: again)
        #expect(try Data(contentsOf: url) == Data(contentsOf: again))
        #expect(throws: (any Error).self) { try XLSXReport.write(diff, to: url, inputs: [url]) }
    }

    @Test("LibreOffice recalculates 变动 and 变动率 to the cached values", .enabled(if: LibreOffice.binary != nil))
    func recalculated() throws {
        let a = try Samples.document("000"), b = try Samples.document("001")
        let diff = try DocumentDiff(a, b)
        let (url, book) = try Self.write(diff)
        let sheets = try LibreOffice.recalculate(url)
        let detail = try #require(sheets["变动明细"])
        let cached = try #require(book.sheet(named: "变动明细"))
        var checked = 0
        for (i, row) in detail.enumerated() where i >= 2 && row.count >= 9 {
            guard let cachedDelta = cached.cell(at: CellReference(row: i, column: 7))?.numericValue,
                  let recalculated = Double(row[7]) else { continue }
            #expect(abs(recalculated - cachedDelta) < 1e-6, "row \(i + 1)")
            let a = Double(row[5]) ?? 0, b = Double(row[6]) ?? 0
            #expect(abs(recalculated - (b - a)) < 1e-6, "row \(i + 1)")
            checked += 1
        }
        #expect(checked > 100)
    }
}
