import Foundation
import GongkaiXLSX
import Testing

@Suite struct WorksheetTests {
    @Test func readsBackValuesFormulasMergesAndComments() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("预算.xlsx")
            try Sample.write(to: url)
            let contents = try WorkbookReader().read(contentsOf: url)
            #expect(contents.sheetNames == [Sample.sheetName, "说明"])
            let sheet = try #require(contents.sheet(named: Sample.sheetName))

            #expect(sheet["A1"]?.value == Sample.title)
            #expect(sheet["B2"]?.value == "科目名称")
            #expect(sheet["A3"]?.value == "201")
            #expect(sheet["A3"]?.kind == .string)
            #expect(sheet["B4"]?.value == "教育支出")
            #expect(sheet["C3"]?.kind == .number)
            #expect(sheet["C3"]?.value == "1234.5")
            #expect(sheet["D4"]?.value == "879.99")
            #expect(sheet["C5"]?.value == "0.1")

            let total = try #require(sheet["C6"])
            #expect(total.formula == "SUM(C3:C5)")
            #expect(total.numericValue == 1234.5 + 880 + 0.1)
            #expect(sheet["D6"]?.formula == "SUM(D3:D5)")
            #expect(sheet["A6"]?.kind == .blank)
            #expect(sheet["A6"]?.styleIndex != nil)

            #expect(sheet.merges == [CellRange(a1: "A1:D1")])
            #expect(sheet.comments == [CellComment(reference: CellReference(row: 5, column: 2), author: "gongkai", text: Sample.commentText)])
            #expect(sheet["A9"]?.value == "财政部")
            #expect(contents.sheet(named: "说明")?["A1"]?.value == "金额单位：万元")
        }
    }

    /// The NUL check reads native strings with `memchr`; it must refuse
    /// exactly the texts whose UTF-8 holds a 0 byte, whatever their length
    /// (inline small strings, large ones), script or where the NUL sits.
    @Test func refusesExactlyTheTextsHoldingNUL() throws {
        try withTemporaryDirectory { directory in
            let workbook = try Workbook(path: directory.appendingPathComponent("nul.xlsx").path)
            let sheet = try workbook.addWorksheet(name: "S")
            var texts: [String] = ["", "a", "预算", String(repeating: "x", count: 15), String(repeating: "x", count: 16),
                                   String(repeating: "表", count: 30_000 / 3), String(decoding: [0x41, 0xFF, 0x42], as: UTF8.self)]
            for base in ["ab", "部门预算公开", String(repeating: "y", count: 40), String(repeating: "收", count: 10_000)] {
                let characters = Array(base)
                for cut in [0, 1, characters.count / 2, characters.count] {
                    texts.append(String(characters[..<cut]) + "\u{0}" + String(characters[cut...]))
                }
                texts.append(base)
                texts.append(String(base.dropFirst()))  // from a substring's copy
            }
            texts.append(NSString(string: "bridged \u{0} text") as String)
            texts.append(NSString(string: "bridged text") as String)
            for (row, text) in texts.enumerated() {
                let refused = (try? sheet.writeString(text, row: row, column: 0)) == nil
                #expect(refused == text.utf8.contains(0), "\(text.prefix(20).debugDescription) of \(text.utf8.count) bytes")
            }
            #expect(texts.contains { $0.utf8.contains(0) })
            try workbook.close()
        }
    }

    /// Recently used styles are found by `==` before the style table is
    /// hashed; across more styles than that shortcut holds, used in a
    /// shuffled order, equal styles must still share one format and
    /// different styles never.
    @Test func equalStylesShareAFormatHoweverTheyAreInterleaved() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("styles.xlsx")
            let styles = (0..<20).map { i in
                CellStyle(fontName: i % 2 == 0 ? "宋体" : "黑体", fontSize: Double(9 + i % 3), bold: i % 5 == 0,
                          border: i % 4 == 0 ? .thin : .none, numberFormat: i % 3 == 0 ? "#,##0.00" : nil, indent: i / 4)
            }
            #expect(Set(styles).count == styles.count)
            // A fixed pseudo-random order (an LCG), mostly among three styles as a sheet's cells are.
            var state: UInt64 = 7
            func next(_ n: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int(state >> 33) % n
            }
            let used = (0..<600).map { _ in next(2) == 0 ? next(3) : next(styles.count) }
            let workbook = try Workbook(path: url.path)
            let sheet = try workbook.addWorksheet(name: "S")
            for (i, s) in used.enumerated() {
                // A fresh copy each time: equal, but not the same storage.
                var style = styles[s]
                style.fontName = String(Array(style.fontName!))
                try sheet.writeNumber(Double(i), row: i, column: 0, style: style)
            }
            try workbook.close()
            let read = try #require(try WorkbookReader().read(contentsOf: url).sheet(named: "S"))
            var indexOfStyle: [Int: Int] = [:], styleOfIndex: [Int: Int] = [:]
            for (i, s) in used.enumerated() {
                let index = try #require(read[CellReference(row: i, column: 0).a1]?.styleIndex)
                #expect(indexOfStyle[s, default: index] == index, "style \(s) in row \(i)")
                #expect(styleOfIndex[index, default: s] == s, "format \(index) in row \(i)")
                indexOfStyle[s] = index
                styleOfIndex[index] = s
            }
            #expect(indexOfStyle.count == Set(used).count)
        }
    }

    @Test func textLookingLikeFormulasStaysText() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("t.xlsx")
            try Sample.write(to: url)
            let sheet = try #require(try WorkbookReader().read(contentsOf: url).sheet(named: Sample.sheetName))
            for (a1, text) in [("A8", "=SUM(A1)"), ("B8", "-"), ("C8", "+86 10 1234"), ("D8", "@财政部")] {
                let cell = try #require(sheet[a1])
                #expect(cell.kind == .string)
                #expect(cell.value == text)
                #expect(cell.formula == nil)
            }
            // And in the XML itself: a shared-string cell, no <f> element anywhere in row 8.
            let xml = try zipEntryText(url, "xl/worksheets/sheet1.xml")
            let row8 = try #require(xml.firstMatch(of: /<row r="8"[^>]*>.*?<\/row>/)).output
            #expect(row8.contains(#"<c r="A8" t="s">"#))
            #expect(!row8.contains("<f>"))
            #expect(!xml.contains("<f>SUM(A1)</f>"))
        }
    }

    @Test func sheetXMLCarriesLayoutAndPrintSettings() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("layout.xlsx")
            try Sample.write(to: url)
            let sheet = try zipEntryText(url, "xl/worksheets/sheet1.xml")
            #expect(sheet.contains(#"<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>"#))
            #expect(sheet.contains(#"<mergeCell ref="A1:D1"/>"#))
            #expect(sheet.contains(#"<printOptions horizontalCentered="1"/>"#))
            #expect(sheet.contains(#"<pageSetUpPr fitToPage="1"/>"#))
            let pageSetup = try #require(sheet.firstMatch(of: /<pageSetup [^>]*\/>/)).output
            #expect(pageSetup.contains(#"paperSize="9""#))
            #expect(pageSetup.contains(#"orientation="landscape""#))
            #expect(pageSetup.contains(#"fitToHeight="0""#))
            #expect(sheet.contains(#"<rowBreaks count="1" manualBreakCount="1"><brk id="4" max="16383" man="1"/></rowBreaks>"#))
            #expect(sheet.contains(#"showGridLines="0""#))
            #expect(sheet.contains(#"zoomScale="90""#))
            #expect(sheet.contains(#"<col min="2" max="2" width="28.7109375" customWidth="1"/>"#))
            #expect(sheet.contains(#"<row r="1" spans="1:4" ht="30" customHeight="1">"#))
            #expect(sheet.contains(#"<f>SUM(C3:C5)</f><v>2114.6</v>"#))
            #expect(sheet.contains("<hyperlink "))

            let workbook = try zipEntryText(url, "xl/workbook.xml")
            #expect(workbook.contains(#"<definedName name="_xlnm.Print_Titles" localSheetId="0">'表3'!$1:$2</definedName>"#))
            #expect(workbook.contains(#"<definedName name="_xlnm.Print_Area" localSheetId="0">'表3'!$A$1:$D$9</definedName>"#))

            let styles = try zipEntryText(url, "xl/styles.xml")
            #expect(styles.contains(##"formatCode="#,##0.00""##))
            #expect(styles.contains(#"<name val="宋体"/>"#))

            let comments = try zipEntryText(url, "xl/comments1.xml")
            #expect(comments.contains("<author>gongkai</author>"))
            let vml = try zipEntryText(url, "xl/drawings/vmlDrawing1.vml")
            #expect(vml.contains("width:240pt;height:72pt"))  // 320 × 96 px at 96 dpi
        }
    }

    @Test func errorsNameTheCellAndSheet() throws {
        try withTemporaryDirectory { directory in
            let workbook = try Workbook(path: directory.appendingPathComponent("e.xlsx").path)
            let sheet = try workbook.addWorksheet(name: "表3")

            let nan = #expect(throws: XLSXError.self) { try sheet.writeNumber(.nan, row: 4, column: 1) }
            #expect(nan?.description == "writing cell B5 of sheet 表3 failed: nan is not a finite number")
            #expect(throws: XLSXError.self) { try sheet.writeNumber(.infinity, row: 0, column: 0) }
            #expect(throws: XLSXError.self) { try sheet.writeFormula("=A1", cachedValue: .nan, row: 0, column: 0) }

            let outside = #expect(throws: XLSXError.self) { try sheet.writeString("x", row: 1_048_576, column: 0) }
            #expect(outside?.description.contains("(row 1048576, column 0, zero-based) of sheet 表3") == true)
            #expect(throws: XLSXError.self) { try sheet.writeString("x", row: -1, column: 0) }

            // A limit only libxlsxwriter checks: its own message comes through.
            let long = String(repeating: "字", count: 32_768)
            let tooLong = #expect(throws: XLSXError.self) { try sheet.writeString(long, row: 0, column: 0) }
            guard case let .library(_, message, context) = tooLong else { Issue.record("expected a library error"); return }
            #expect(message == "String exceeds Excel's limit of 32,767 characters.")
            #expect(context == "writing cell A1 of sheet 表3")

            #expect(throws: XLSXError.self) { try sheet.writeString("a\u{0}b", row: 0, column: 0) }
            #expect(throws: XLSXError.self) { try sheet.mergeRange(CellRange(a1: "A1")!, text: "x") }
            #expect(throws: XLSXError.self) { try sheet.setHorizontalPageBreaks([0]) }
            #expect(throws: XLSXError.self) { try sheet.setZoom(5) }
            #expect(throws: XLSXError.self) { try sheet.setColumnWidth(300, columns: 0...1) }
            #expect(throws: XLSXError.self) { try sheet.addComment("x", row: 0, column: 0, width: 0) }
            try workbook.close()
        }
    }
}
