import Foundation
import GongkaiXLSX
import Testing
import ZIPFoundation

@Suite struct WorkbookReaderTests {
    @Test func readsTheXMLVariantsOtherWritersProduce() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("variants.xlsx")
            let shared = #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>共享</t></si><si><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve">文本 </t></r><rPh><t>ふりがな</t></rPh></si><si><t>A_x000D_B</t></si></sst>"#
            let sheet = worksheetXML("""
                <row r="2"><c r="A2" t="s"><v>0</v></c><c t="s"><v>1</v></c><c r="D2" t="inlineStr"><is><t>内联&amp;&lt;</t></is></c></row>\
                <row><c t="s"><v>2</v></c><c t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c><c><v>1.0E-3</v></c></row>\
                <row r="5"><c r="A5"><f t="shared" ref="A5:A6" si="0">B5*2</f><v>4</v></c><c r="B5" t="str"><f>"文"&amp;"字"</f><v>文字</v></c></row>\
                <row r="6"><c r="A6"><f t="shared" si="0"/><v>6</v></c><c r="B6" s="3"/></row>
                """, extra: #"<mergeCells count="1"><mergeCell ref="A10:B11"/></mergeCells>"#)
            try makeMinimalXLSX(at: url, sheetXML: sheet, sharedStrings: shared)

            let contents = try WorkbookReader().read(contentsOf: url)
            let s = try #require(contents.sheet(named: "S"))
            #expect(s["A2"]?.value == "共享")
            #expect(s["B2"]?.value == "富文本 ")  // runs joined, phonetic guide skipped, spaces kept
            #expect(s["D2"]?.value == "内联&<")
            #expect(s["A3"]?.value == "A\rB")
            #expect(s["B3"]?.kind == .boolean && s["B3"]?.value == "1")
            #expect(s["C3"]?.kind == .error && s["C3"]?.value == "#DIV/0!")
            #expect(s["D3"]?.kind == .number && s["D3"]?.value == "1.0E-3")  // the exact <v> text
            #expect(s["A5"]?.formula == "B5*2" && s["A5"]?.value == "4")
            #expect(s["A6"]?.formula == "" && s["A6"]?.value == "6")
            #expect(s["B5"]?.kind == .string && s["B5"]?.formula == #""文"&"字""#)
            #expect(s["B6"]?.kind == .blank && s["B6"]?.styleIndex == 3)
            #expect(s.merges == [CellRange(a1: "A10:B11")!])
            #expect(s.cells.map(\.reference.a1) == ["A2", "B2", "D2", "A3", "B3", "C3", "D3", "A5", "B5", "A6", "B6"])
        }
    }

    /// libxml2 refuses a document of more than 10 MB handed over in one
    /// piece ("Huge input lookup"); a large document's `_model` sheet is one.
    @Test func readsPartsLargerThanTenMegabytes() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("large.xlsx")
            // 60,000 bytes of UTF-8 per cell, varied so that the zip's ratio stays plausible.
            func text(_ row: Int) -> String {
                String(String.UnicodeScalarView((0..<20_000).map { Unicode.Scalar(0x4E00 + ($0 * 7_919 + row * 31) % 20_000)! }))
            }
            let rows = (1...200).map { #"<row r="\#($0)"><c r="A\#($0)" t="inlineStr"><is><t>\#(text($0))</t></is></c></row>"# }
            let sheet = worksheetXML(rows.joined())
            #expect(sheet.utf8.count > 12_000_000)
            try makeMinimalXLSX(at: url, sheetXML: sheet)
            let s = try #require(try WorkbookReader().read(contentsOf: url).sheet(named: "S"))
            #expect(s.cells.count == 200)
            #expect(s["A200"]?.value == text(200))
        }
    }

    @Test func readsPrefixedElements() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("prefixed.xlsx")
            let sheet = #"<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>42</x:v></x:c></x:row></x:sheetData></x:worksheet>"#
            try makeMinimalXLSX(at: url, sheetXML: sheet)
            #expect(try WorkbookReader().read(contentsOf: url).sheets.first?["A1"]?.value == "42")
        }
    }

    @Test func refusesFilesThatAreNotZip() throws {
        try withTemporaryDirectory { directory in
            for (name, bytes) in [("text.xlsx", Data("科目编码,科目名称\n201,一般公共服务\n".utf8)), ("empty.xlsx", Data())] {
                let url = directory.appendingPathComponent(name)
                try bytes.write(to: url)
                let error = #expect(throws: XLSXError.self) { try WorkbookReader().read(contentsOf: url) }
                guard case .notXLSX(let path, _) = error else { Issue.record("\(String(describing: error))"); continue }
                #expect(path == url.path)
                #expect(error?.description.contains("is not an XLSX workbook") == true)
            }
            let zipWithoutWorkbook = directory.appendingPathComponent("other.zip")
            try makeZip(at: zipWithoutWorkbook, [("readme.txt", "hello")])
            let error = #expect(throws: XLSXError.self) { try WorkbookReader().read(contentsOf: zipWithoutWorkbook) }
            #expect(error?.description.contains("no workbook part") == true)
            #expect(throws: XLSXError.self) { try WorkbookReader().read(contentsOf: directory.appendingPathComponent("missing.xlsx")) }
        }
    }

    @Test func refusesAZipBombBeforeInflatingIt() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("bomb.xlsx")
            let archive = try Archive(url: url, accessMode: .create)
            let size = 16 * 1024 * 1024
            try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(size),
                                 compressionMethod: .deflate) { _, chunk in Data(count: chunk) }
            let compressed = try #require(archive["xl/workbook.xml"]).compressedSize
            #expect(compressed < UInt64(size / 500))  // it really is a bomb

            let error = #expect(throws: XLSXError.self) { try WorkbookReader().read(contentsOf: url) }
            guard case let .unsafeContent(_, part, reason) = error else { Issue.record("\(String(describing: error))"); return }
            #expect(part == "xl/workbook.xml")
            #expect(reason.contains("compression ratio") && reason.contains("zip bomb"))
        }
    }

    @Test func refusesPartsAboveTheSizeLimit() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("big.xlsx")
            try Sample.write(to: url)
            let reader = WorkbookReader(limits: .init(maxPartSize: 500))
            let error = #expect(throws: XLSXError.self) { try reader.read(contentsOf: url) }
            #expect(error?.description.contains("exceeds the limit of 500 bytes") == true)
        }
    }

    @Test(arguments: [
        #"<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>"#,
        #"<!doctype x SYSTEM "file:///etc/passwd">"#,
    ])
    func refusesXMLWithADocumentTypeDeclaration(doctype: String) throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("dtd.xlsx")
            let sheet = #"<?xml version="1.0"?>"# + doctype + worksheetXML(#"<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>"#)
                .replacingOccurrences(of: #"<?xml version="1.0" encoding="UTF-8"?>"#, with: "")
            try makeMinimalXLSX(at: url, sheetXML: sheet)
            let error = #expect(throws: XLSXError.self) { try WorkbookReader().read(contentsOf: url) }
            guard case let .unsafeContent(_, part, reason) = error else { Issue.record("\(String(describing: error))"); return }
            #expect(part == "xl/worksheets/sheet1.xml")
            #expect(reason.contains("DOCTYPE"))
        }
    }

    @Test(arguments: [
        (#"<row r="1"><c r="XFE1"><v>1</v></c></row>"#, "XFE1"),
        (#"<row r="1048577"><c r="A1048577"><v>1</v></c></row>"#, "1048577"),
        (#"<row r="1"><c r="A1"><v>1</v></c></row>"#, "A1:XFE2"),
    ])
    func refusesAbsurdDimensions(sheetData: String, detail: String) throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("huge.xlsx")
            let extra = detail == "A1:XFE2" ? #"<mergeCells><mergeCell ref="A1:XFE2"/></mergeCells>"# : ""
            try makeMinimalXLSX(at: url, sheetXML: worksheetXML(sheetData, extra: extra))
            let error = #expect(throws: XLSXError.self) { try WorkbookReader().read(contentsOf: url) }
            guard case let .unsafeContent(_, _, reason) = error else { Issue.record("\(String(describing: error))"); return }
            #expect(reason.contains(detail))
        }
    }

    @Test func reportsMalformedXMLWithThePart() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("broken.xlsx")
            try makeMinimalXLSX(at: url, sheetXML: worksheetXML(#"<row r="1"><c r="A1" t="s"><v>7</v></c></row>"#))
            let error = #expect(throws: XLSXError.self) { try WorkbookReader().read(contentsOf: url) }
            #expect(error?.description.contains("shared string 7") == true)

            try FileManager.default.removeItem(at: url)
            try makeMinimalXLSX(at: url, sheetXML: "<worksheet><sheetData><row>")
            let truncated = #expect(throws: XLSXError.self) { try WorkbookReader().read(contentsOf: url) }
            guard case let .malformedContent(_, part, _) = truncated else { Issue.record("\(String(describing: truncated))"); return }
            #expect(part == "xl/worksheets/sheet1.xml")
        }
    }
}
