import Foundation
import GongkaiXLSX
import Testing

@Suite struct CellStyleTests {
    @Test func equalStylesShareOneFormat() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("s.xlsx")
            let workbook = try Workbook(path: url.path)
            let sheet = try workbook.addWorksheet(name: "S")
            for row in 0..<50 {
                // A fresh but equal value each time: must map to the same XF record.
                try sheet.writeNumber(Double(row), row: row, column: 0,
                                      style: CellStyle(fontName: "宋体", border: .thin, numberFormat: "#,##0.00"))
                try sheet.writeString("x", row: row, column: 1, style: CellStyle(bold: true))
                try sheet.writeString("y", row: row, column: 2, style: CellStyle())  // the default: no format at all
            }
            try workbook.close()

            let styles = try zipEntryText(url, "xl/styles.xml")
            #expect(styles.contains(#"<cellXfs count="3">"#))  // default + the two styles
            let cells = try #require(try WorkbookReader().read(contentsOf: url).sheets.first)
            #expect(Set(cells.cells.filter { $0.reference.column == 0 }.map(\.styleIndex)) == [1])
            #expect(Set(cells.cells.filter { $0.reference.column == 1 }.map(\.styleIndex)) == [2])
            #expect(cells["C1"]?.styleIndex == nil)
        }
    }

    @Test func writesFontFillBorderAlignmentAndFormats() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("s.xlsx")
            let workbook = try Workbook(path: url.path)
            let sheet = try workbook.addWorksheet(name: "S")
            try sheet.writeString("标题", row: 0, column: 0, style: CellStyle(
                fontName: "黑体", fontSize: 14, bold: true, italic: true, fontColor: .black,
                fillColor: .init(rgb: 0xFFF2CC), border: .thin, horizontalAlignment: .center,
                verticalAlignment: .center, wrapsText: true))
            var text = CellStyle(indent: 2)
            text.isText = true
            try sheet.writeString("001", row: 1, column: 0, style: text)
            try workbook.close()

            let styles = try zipEntryText(url, "xl/styles.xml")
            #expect(styles.contains(#"<b/><i/><sz val="14"/><color rgb="FF000000"/><name val="黑体"/>"#))
            #expect(styles.contains(#"<patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/>"#))
            #expect(styles.contains(#"<left style="thin">"#) && styles.contains(#"<bottom style="thin">"#))
            #expect(styles.contains(#"<alignment horizontal="center" vertical="center" wrapText="1"/>"#))
            #expect(styles.contains(#"numFmtId="49""#))
            #expect(styles.contains(#"<alignment horizontal="left" indent="2"/>"#))
        }
    }

    @Test func textFormatFlagIsTheNumberFormat() {
        var style = CellStyle(numberFormat: "0.00")
        #expect(!style.isText)
        style.isText = true
        #expect(style.numberFormat == "@")
        style.isText = false
        #expect(style.numberFormat == nil)
        style.numberFormat = "0%"
        style.isText = false
        #expect(style.numberFormat == "0%")
    }

    @Test(arguments: [
        CellStyle(fontName: ""), CellStyle(fontSize: 0), CellStyle(fontSize: 410), CellStyle(indent: 16),
        CellStyle(fontColor: .init(rgb: 0x1000000)), CellStyle(numberFormat: String(repeating: "0", count: 128)),
    ])
    func rejectsStylesExcelCannotRepresent(style: CellStyle) throws {
        let workbook = try Workbook(path: "/nonexistent/never-written.xlsx")
        let sheet = try workbook.addWorksheet(name: "S")
        let error = #expect(throws: XLSXError.self) { try sheet.writeString("x", row: 0, column: 0, style: style) }
        #expect(error?.description.hasPrefix("writing cell A1 of sheet S failed:") == true)
    }
}
