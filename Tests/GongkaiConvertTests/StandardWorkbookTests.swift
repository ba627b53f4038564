import Foundation
import Testing
import ZIPFoundation
import GongkaiModel
import GongkaiParse
import GongkaiXLSX
@testable import GongkaiConvert
import GongkaiTestSupport

/// Converted samples, written once per test process.
enum Converted {
    nonisolated(unsafe) private static var cache: [String: (Document, URL)] = [:]
    private static let lock = NSLock()

    static func sample(_ prefix: String) throws -> (doc: Document, url: URL) {
        lock.lock(); defer { lock.unlock() }
        if let hit = cache[prefix] { return hit }
        let doc = try DocumentParser().parse(contentsOf: Fixtures.sample(prefix))
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("\(prefix).xlsx")
        try StandardWorkbook.write(doc, to: url)
        cache[prefix] = (doc, url)
        return (doc, url)
    }

    /// The XML of `part` inside the workbook's zip.
    static func part(_ url: URL, _ path: String) throws -> String {
        let archive = try Archive(url: url, accessMode: .read)
        guard let entry = archive[path] else { return "" }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// The sheet part file of `sheetName` (sheets are written in order).
    static func sheetPath(_ url: URL, _ sheetName: String) throws -> String {
        let names = try WorkbookReader().read(contentsOf: url).sheetNames
        let index = try #require(names.firstIndex(of: sheetName))
        return "xl/worksheets/sheet\(index + 1).xml"
    }
}

@Suite("Standardized workbook")
struct StandardWorkbookTests {
    static let samples = ["000", "001", "002"]

    @Test("all 13 sheets, then 校验 and 说明, in order", arguments: samples)
    func sheets(prefix: String) throws {
        let (_, url) = try Converted.sample(prefix)
        let names = try WorkbookReader().read(contentsOf: url).sheetNames
        #expect(names.prefix(13).map { String($0.prefix(3)) }.map { $0.trimmingCharacters(in: .whitespaces) }
                == (1...13).map { "表\($0)" })
        #expect(Array(names.suffix(3)) == ["校验", "说明", "_model"])
    }

    @Test("model → workbook → model is the identity", arguments: samples)
    func roundTrip(prefix: String) throws {
        let (doc, url) = try Converted.sample(prefix)
        #expect(try StandardWorkbookReader.read(url) == doc)
    }

    @Test("the same input gives a byte-identical workbook")
    func deterministic() throws {
        let (doc, url) = try Converted.sample("001")
        let again = try Fixtures.temporaryDirectory().appendingPathComponent("again.xlsx")
        try StandardWorkbook.write(doc, to: again)
        #expect(try Data(contentsOf: url) == Data(contentsOf: again))
    }

    @Test("subtotals are formulas with cached values; leaves are numbers")
    func formulas() throws {
        let (_, url) = try Converted.sample("000")
        let book = try WorkbookReader().read(contentsOf: url)
        let t3 = try #require(book.sheet(named: "表3 支出总表"))
        // Row 4 is 合计 (title, info line, one header row): its total sums the 类 rows.
        let total = try #require(t3["C4"])
        #expect(t3["B4"]?.value == "合计")
        #expect(total.formula == "SUM(C5,C11,C16,C22,C27)")
        #expect(total.numericValue == 3859.3)
        // 206 科学技术支出 sums 20601 and 20604.
        #expect(t3["B5"]?.value == "科学技术支出")
        #expect(t3["C5"]?.formula == "SUM(C6,C9)")
        // 20601 sums its 项 rows 2060101–2060102, a range.
        #expect(t3["C6"]?.formula == "SUM(C7:C8)")
        // A 项: total = basic + project + the other published spending columns.
        #expect(t3["C7"]?.formula == "D7+E7+F7+G7+H7")
        #expect(t3["C7"]?.numericValue == 283.92)
        // Blank stays blank: 2060101 has no project; leaves are plain numbers.
        #expect(t3["E7"]?.value == nil)
        #expect(t3["D7"]?.formula == nil && t3["D7"]?.numericValue == 283.92)
    }

    @Test("a published subtotal that differs from its items keeps its figure in a comment, highlighted")
    func mismatchComment() throws {
        let (_, url) = try Converted.sample("000")
        let book = try WorkbookReader().read(contentsOf: url)
        let t6 = try #require(book.sheet(named: "表6 一般公共预算基本支出"))
        let cell = try #require(t6["C4"])
        #expect(cell.numericValue == 482.3)  // what the formula computes
        let comment = try #require(t6.comment(at: cell.reference))
        #expect(comment.text.contains("公布数：462.30"))
        #expect(comment.text.contains("差额：-20.00"))
        #expect(comment.text.contains("原文第 427 行") || comment.text.contains("公布数"))
        // Only that cell of the sheet carries a comment.
        #expect(t6.comments.count == 1)
        let findings = try #require(book.sheet(named: "校验"))
        // 校验 lists what gongkai check finds.
        #expect(findings.cells.contains { $0.value == "表6 合计 total 462.30 ≠ Σ类 482.30 (万元)" })
        #expect(findings.cells.contains { $0.value?.contains("14.34% ≠ 553.54") == true })
    }

    @Test("sheet XML: number format, merges, freeze panes, print setup")
    func formatting() throws {
        let (_, url) = try Converted.sample("001")
        let sheet = try Converted.part(url, Converted.sheetPath(url, "表5 一般公共预算支出"))
        #expect(sheet.contains("<pane ") && sheet.contains("state=\"frozen\""))
        #expect(sheet.contains("<mergeCell ref=\"A1:G1\"/>"))  // the title
        #expect(sheet.contains("<mergeCell ref=\"D3:F3\"/>"))  // 基本支出 over 小计/人员/公用
        #expect(sheet.contains("orientation=\"landscape\"") && sheet.contains("paperSize=\"9\""))
        #expect(sheet.contains("fitToHeight=\"0\""))
        let workbook = try Converted.part(url, "xl/workbook.xml")
        #expect(workbook.contains("_xlnm.Print_Titles"))
        #expect(workbook.contains("_xlnm.Print_Area"))
        let styles = try Converted.part(url, "xl/styles.xml")
        #expect(styles.contains("formatCode=\"#,##0.00\""))
        #expect(styles.contains("宋体") && styles.contains("黑体"))
    }

    @Test("0.00 shows as a number, blank stays blank")
    func blankAndZero() throws {
        let (_, url) = try Converted.sample("001")
        let t3 = try #require(try WorkbookReader().read(contentsOf: url).sheet(named: "表3 支出总表"))
        // 2060101 行政运行: project published 0.00; business_operating blank.
        let row = try #require(t3.cells.first { $0.value == "2060101" }).reference.row
        #expect(t3.cell(at: CellReference(row: row, column: 4))?.numericValue == 0)
        #expect(t3.cell(at: CellReference(row: row, column: 5))?.value == nil)
    }

    @Test("an absent table says so on its sheet; an empty one shows its note")
    func statusSheets() throws {
        let (_, url) = try Converted.sample("001")
        let book = try WorkbookReader().read(contentsOf: url)
        #expect(book.sheet(named: "表11 政府采购")?.cells.contains { $0.value?.contains("未公开此表") == true } == true)
        #expect(book.sheet(named: "表8 政府性基金")?.cells.contains { $0.value?.contains("无政府性基金预算收支") == true } == true)
    }

    @Test("说明 names the source and its SHA-256")
    func about() throws {
        let (doc, url) = try Converted.sample("000")
        let about = try #require(try WorkbookReader().read(contentsOf: url).sheet(named: "说明"))
        #expect(about.cells.contains { $0.value == doc.sourceSHA256 })
        #expect(about.cells.contains { $0.value == "000_a71e29afdd43a94e.txt" })
    }

    @Test("amounts can be shown in 元")
    func yuan() throws {
        let (doc, _) = try Converted.sample("000")
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("yuan.xlsx")
        try StandardWorkbook.write(doc, to: url, unit: .yuan)
        let t3 = try #require(try WorkbookReader().read(contentsOf: url).sheet(named: "表3 支出总表"))
        #expect(t3["C4"]?.numericValue == 38_593_000)
        #expect(try StandardWorkbookReader.read(url) == doc)
    }

    @Test("an edited leaf reads back as edited")
    func editedLeaf() throws {
        let (doc, _) = try Converted.sample("000")
        var edited = doc
        var t3 = edited.table(3)
        let i = try #require(t3.rows.firstIndex { $0.key == "2060102" })
        t3.rows[i].values["project"] = Figure(amount: Amount(fen: 250_000_000), text: "250.00")
        edited.setTable(t3)
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("e.xlsx")
        try StandardWorkbook.write(edited, to: url)
        let back = try StandardWorkbookReader.read(url)
        #expect(back.table(3).row("2060102")?.values["project"]?.amount == Amount(fen: 250_000_000))
    }

    @Test("writing never overwrites an input, and leaves nothing behind when it cannot write")
    func safeOutput() throws {
        let (doc, _) = try Converted.sample("002")
        let dir = try Fixtures.temporaryDirectory()
        let input = dir.appendingPathComponent("in.xlsx")
        try Data("original".utf8).write(to: input)
        #expect(throws: (any Error).self) { try StandardWorkbook.write(doc, to: input, inputs: [input]) }
        #expect(try Data(contentsOf: input) == Data("original".utf8))
        #expect(throws: (any Error).self) { try StandardWorkbook.write(doc, to: dir.appendingPathComponent("missing/x.xlsx")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["in.xlsx"])
    }
}

@Suite("Standardized workbook of a consistent document")
struct ConsistentWorkbookTests {
    @Test("003 (江岸 2024) agrees with itself: no subtotal of 表1–表12 is highlighted, the panels' formulas are the checker's sums")
    func noMismatch() throws {
        let (_, url) = try Converted.sample("003")
        let book = try WorkbookReader().read(contentsOf: url)
        for sheet in book.sheets.prefix(12) {
            #expect(sheet.comments.isEmpty, "\(sheet.name) has \(sheet.comments.count) comments")
        }
        // 表1 本年收入合计 sums the income sources only (一、财政拨款收入 is itself a subtotal).
        let t1 = try #require(book.sheet(named: "表1 收支总表"))
        let total = try #require(t1.cells.first { $0.value == "本年收入合计" })
        let cell = try #require(t1.cell(at: CellReference(row: total.reference.row, column: 1)))
        #expect(cell.numericValue == 1033.9)
    }
}
