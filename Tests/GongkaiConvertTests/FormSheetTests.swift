import Foundation
import Testing
import GongkaiModel
import GongkaiParse
import GongkaiXLSX
@testable import GongkaiConvert
import GongkaiTestSupport

/// The 表13 sheet: every form a printable block, one per page.
@Suite("表13 sheet: the performance forms")
struct FormSheetTests {
    static let sheet = "表13 绩效目标"

    func contents(_ prefix: String) throws -> (doc: Document, sheet: SheetContents, url: URL) {
        let (doc, url) = try Converted.sample(prefix)
        let book = try WorkbookReader().read(contentsOf: url)
        return (doc, try #require(book.sheet(named: Self.sheet)), url)
    }

    @Test("each form has its title, every indicator its row; no HTML", arguments: ["000", "001", "002", "003", "004"])
    func everyForm(prefix: String) throws {
        let (doc, sheet, _) = try contents(prefix)
        let strings = Set(sheet.cells.filter { $0.kind == .string }.compactMap(\.value))
        let forms = doc.table(13).forms
        #expect(!forms.isEmpty)
        for (i, f) in forms.enumerated() {
            let kind = f.kind == .overall ? "部门整体支出绩效目标表" : "项目支出绩效目标表"
            #expect(strings.contains("\(i + 1). \(kind)：\(f.name)"), "form \(i + 1)")
            for indicator in f.indicators where !indicator.name.isEmpty {
                #expect(strings.contains(indicator.name), "\(f.name): \(indicator.name)")
            }
        }
        #expect(!strings.contains { $0.contains("<p>") || $0.contains("</p>") })
    }

    @Test("a page break before every form but the first (and where an indicator table does not fit its page)",
          arguments: ["000", "001", "002", "003", "004"])
    func pageBreaks(prefix: String) throws {
        let (doc, sheet, url) = try contents(prefix)
        let xml = try Converted.part(url, try Converted.sheetPath(url, Self.sheet))
        let breaks = Set(xml.matches(of: /<brk id="(\d+)"/).map { Int($0.output.1)! })
        // Every form but the first starts a page (brk id = the first row of the new page, 0-based).
        let titles = doc.table(13).forms.enumerated().compactMap { i, f -> Int? in
            let kind = f.kind == .overall ? "部门整体支出绩效目标表" : "项目支出绩效目标表"
            return sheet.cells.first { $0.value == "\(i + 1). \(kind)：\(f.name)" }?.reference.row
        }
        #expect(titles.count == doc.table(13).forms.count)
        #expect(titles.dropFirst().allSatisfy { breaks.contains($0) }, "\(titles) \(breaks.sorted())")
        #expect(breaks.count >= titles.count - 1)
        #expect(xml.contains("fitToWidth=\"1\"") || xml.contains("fitToPage=\"1\""))
        #expect(xml.contains("orientation=\"landscape\""))
    }

    @Test("an indicator table longer than a page (000's 整体 form, 29 rows) goes on under its repeated heading and header, its merges split; shorter ones are kept whole")
    func continued() throws {
        let (_, sheet, url) = try contents("000")
        let xml = try Converted.part(url, try Converted.sheetPath(url, Self.sheet))
        let breaks = Set(xml.matches(of: /<brk id="(\d+)"/).map { Int($0.output.1)! })
        let continued = sheet.cells.filter { $0.value?.hasSuffix("（续）") == true }
        // The 整体 form's table (tall rows: a 指标类别 column) over three pages, 民营经济工作专项经费's (20 rows) over two.
        #expect(continued.count == 3 && continued.allSatisfy { $0.value == "绩效指标（续）" })
        for c in continued {
            // The heading opens a page, the header row follows it.
            #expect(breaks.contains(c.reference.row))
            #expect(sheet.cell(at: CellReference(row: c.reference.row + 1, column: 2))?.value == "三级指标")
        }
        // No merged 一级/二级 cell crosses a break.
        #expect(!sheet.merges.contains { m in breaks.contains { $0 > m.first.row && $0 <= m.last.row } })
        // 003's indicator tables (at most 16 rows) each fit a page: none is split.
        let (_, s003, _) = try contents("003")
        #expect(!s003.cells.contains { $0.value?.hasSuffix("（续）") == true })
    }

    @Test("一级 and 二级 cells are merged over the rows they head")
    func merged() throws {
        let (_, sheet, _) = try contents("000")
        func mergeHeight(of text: String) -> [Int] {
            sheet.cells.filter { $0.value == text }.compactMap { cell in
                sheet.merges.first { $0.first == cell.reference }.map { $0.last.row - $0.first.row + 1 }
            }
        }
        // 整体 form: 项目产出 heads 19 rows, 项目效益 10; 产出数量 8 — over two pieces where the
        // table (29 rows, longer than a page) goes on over a page break.
        #expect(mergeHeight(of: "项目产出").reduce(0, +) == 19)
        #expect(mergeHeight(of: "项目效益").reduce(0, +) == 10)
        #expect(mergeHeight(of: "产出数量").reduce(0, +) == 8)
        #expect(mergeHeight(of: "项目产出").count <= 2)
        // A project form whose 一级目标 repeats on each row: one merge per run.
        #expect(mergeHeight(of: "01 产出数量").contains(8))
    }

    @Test("funding 合计 cells are live formulas; where the published total differs it is kept in a comment")
    func funding() throws {
        let (_, s000, _) = try contents("000")
        let formulas000 = s000.cells.filter { $0.formula != nil }
        #expect(formulas000.count == 2)
        #expect(formulas000.allSatisfy { $0.numericValue == 3859.3 })
        let (_, s002, _) = try contents("002")
        // 新洲 2018/2019: 基本支出 + 项目支出 ≠ 合计 as published.
        #expect(s002.comments.count == 2)
        #expect(s002.comments.allSatisfy { $0.text.contains("公布数") })
        let (_, s001, _) = try contents("001")
        #expect(s001.cells.filter { $0.formula != nil }.count == 6)  // 2 totals × (当年, 2022年, 2023年)
        #expect(s001.comments.isEmpty)
    }

    @Test("years get their captions; amounts are numbers")
    func captions() throws {
        let (_, sheet, _) = try contents("001")
        let strings = Set(sheet.cells.filter { $0.kind == .string }.compactMap(\.value))
        #expect(strings.isSuperset(of: ["2022年", "2023年", "预期当年实现值", "前年", "上年", "预计当年实现", "长期绩效指标（长期绩效目标1）　共 39 项"]))
        // 项目总预算 of 科学技术研究与开发资金, in 万元.
        #expect(sheet.cells.contains { $0.numericValue == 18000 })
    }

    @Test("a 表13 with no structured forms (an older model file) shows its raw lines")
    func rawFallback() throws {
        var doc = Document(department: "某局", year: 2020)
        var t = doc.table(13)
        t.status = .disclosed
        t.raw = [SourceText(line: 1, text: "项目支出绩效目标表"), SourceText(line: 2, text: "一级指标\t二级指标")]
        doc.setTable(t)
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("raw.xlsx")
        try StandardWorkbook.write(doc, to: url)
        let sheet = try #require(try WorkbookReader().read(contentsOf: url).sheet(named: Self.sheet))
        #expect(sheet.cells.contains { $0.value == "一级指标  |  二级指标" })
    }
}
