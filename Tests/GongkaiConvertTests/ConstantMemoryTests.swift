import Foundation
import Testing
import GongkaiModel
import GongkaiParse
import GongkaiRender
import GongkaiXLSX
@testable import GongkaiConvert
import GongkaiTestSupport

/// Large documents are written in libxlsxwriter's constant-memory mode; the
/// workbook must hold exactly what the in-memory mode writes.
@Suite("Constant-memory workbooks")
struct ConstantMemoryTests {
    func write(_ doc: Document, constantMemory: Bool?) throws -> URL {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("book.xlsx")
        try StandardWorkbook.write(doc, to: url, constantMemory: constantMemory)
        return url
    }

    /// Every cell (value, formula, style), merge and comment of every sheet.
    ///
    /// Style indices are numbered in the order libxlsxwriter first meets a
    /// format, which differs between the modes; the same cells must share a
    /// style in both, one for one.
    func expectSameContents(_ a: WorkbookContents, _ b: WorkbookContents, _ name: String) {
        #expect(a.sheetNames == b.sheetNames, "\(name): sheets")
        var styles: [Int?: Int?] = [:], back: [Int?: Int?] = [:]
        for (x, y) in zip(a.sheets, b.sheets) {
            let cellsX = x.cells.sorted { $0.reference < $1.reference }
            let cellsY = y.cells.sorted { $0.reference < $1.reference }
            #expect(cellsX.count == cellsY.count, "\(name) \(x.name): \(cellsX.count) cells vs \(cellsY.count)")
            for (cx, cy) in zip(cellsX, cellsY) {
                var unstyled = cy
                unstyled.styleIndex = cx.styleIndex
                guard cx == unstyled else {
                    Issue.record("\(name) \(x.name): first differing cell \(cx) vs \(cy)")
                    break
                }
                if styles[cx.styleIndex] == nil { styles[cx.styleIndex] = cy.styleIndex }
                if back[cy.styleIndex] == nil { back[cy.styleIndex] = cx.styleIndex }
                guard styles[cx.styleIndex] == cy.styleIndex, back[cy.styleIndex] == cx.styleIndex else {
                    Issue.record("\(name) \(x.name) \(cx.reference): style \(String(describing: cx.styleIndex)) is \(String(describing: cy.styleIndex)) here but not everywhere")
                    break
                }
            }
            #expect(Set(x.merges) == Set(y.merges), "\(name) \(x.name): merges")
            #expect(Set(x.comments) == Set(y.comments), "\(name) \(x.name): comments")
        }
    }

    @Test("the samples hold the same cells, merges and comments in both modes", arguments: ["000", "001", "002", "003", "004"])
    func samplesAgree(prefix: String) throws {
        let doc = try DocumentParser().parse(contentsOf: Fixtures.sample(prefix))
        let inMemory = try WorkbookReader().read(contentsOf: write(doc, constantMemory: false))
        let streamedURL = try write(doc, constantMemory: true)
        let streamed = try WorkbookReader().read(contentsOf: streamedURL)
        expectSameContents(inMemory, streamed, prefix)
        // Merges, formulas and comments are there to compare, not vacuously equal.
        let sheets = streamed.sheets.prefix(13)
        #expect(sheets.filter { !$0.merges.isEmpty }.count >= (prefix == "002" ? 1 : 5), "\(prefix): titles and headers are merged")
        if prefix == "000" {
            #expect(sheets.contains { $0.cells.contains { $0.formula != nil } })
            #expect(sheets.contains { !$0.comments.isEmpty }, "000 prints 表6's 合计 20.00 too high: a comment says so")
        }
        #expect(try StandardWorkbookReader.read(streamedURL) == doc, "\(prefix): the streamed workbook reads back to its model")
    }

    @Test("a document of constantMemoryRows rows or more is streamed; a sample is not")
    func chosenBySize() throws {
        let small = try DocumentParser().parse(contentsOf: Fixtures.sample("000"))
        #expect(small.tables.reduce(0) { $0 + $1.rows.count } < StandardWorkbook.constantMemoryRows)
        let smallURL = try write(small, constantMemory: nil)
        #expect(try !Converted.part(smallURL, "xl/worksheets/sheet3.xml").contains("inlineStr"))

        let large = DocumentGenerator(seed: 5, rows: StandardWorkbook.constantMemoryRows / 2).generate()
        #expect(large.tables.reduce(0) { $0 + $1.rows.count } >= StandardWorkbook.constantMemoryRows)
        let largeURL = try write(large, constantMemory: nil)
        #expect(try Converted.part(largeURL, "xl/worksheets/sheet3.xml").contains("t=\"inlineStr\""))
        #expect(try StandardWorkbookReader.read(largeURL) == large)
    }
}
