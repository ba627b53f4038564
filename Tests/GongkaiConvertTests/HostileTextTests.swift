import Foundation
import Testing
import GongkaiModel
import GongkaiXLSX
@testable import GongkaiConvert
import GongkaiTestSupport

/// Names from documents are data: never formulas, never links.
@Suite("Hostile text in workbooks")
struct HostileTextTests {
    @Test("names starting with = + - @ are written as text", arguments: [
        "=HYPERLINK(\"http://evil.example\",\"点我\")", "+1+1", "-2+3", "@SUM(A1:A9)", "=cmd|' /C calc'!A0",
    ])
    func noFormulaInjection(name: String) throws {
        var doc = Document(district: "某区", department: name, year: 2024, source: name + ".txt")
        var t3 = doc.table(3)
        t3.status = .disclosed
        t3.columns = ["total"]
        t3.rows = [
            Row(key: "total", kind: .total, name: "合计", values: ["total": Figure(amount: Amount(fen: 100), text: "0.0001")]),
            Row(key: "206", kind: .classification, code: "206", level: 1, name: name,
                values: ["total": Figure(amount: Amount(fen: 100), text: "0.0001")]),
        ]
        doc.setTable(t3)
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("x.xlsx")
        try StandardWorkbook.write(doc, to: url)
        let book = try WorkbookReader().read(contentsOf: url)
        let cells = book.sheets.filter { $0.name != "_model" }.flatMap(\.cells)
        // The only formulas are gongkai's own: sums and differences of cells.
        for cell in cells where cell.formula != nil {
            #expect(!cell.formula!.contains("HYPERLINK") && !cell.formula!.contains("cmd"), "\(cell.reference.a1): \(cell.formula!)")
        }
        #expect(cells.contains { $0.kind == .string && $0.value == name })
        #expect(cells.contains { $0.kind == .string && $0.value?.hasPrefix("单位名称：" + name) == true })
        // No hyperlinks at all in a converted workbook.
        let rels = try Converted.part(url, "xl/worksheets/_rels/sheet3.xml.rels")
        #expect(!rels.contains("hyperlink"))
        #expect(try StandardWorkbookReader.read(url) == doc)
    }
}
