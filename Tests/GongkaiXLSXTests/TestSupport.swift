import Foundation
import GongkaiXLSX
import Testing
import ZIPFoundation

/// Runs `body` with a fresh empty directory that is removed afterwards.
func withTemporaryDirectory<R>(_ body: (URL) throws -> R) throws -> R {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("gongkai-xlsx-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// The text of one entry of a zip file.
func zipEntryText(_ url: URL, _ path: String) throws -> String {
    let archive = try Archive(url: url, accessMode: .read)
    guard let entry = archive[path] else { throw TestFailure("no entry \(path) in \(url.lastPathComponent)") }
    var data = Data()
    _ = try archive.extract(entry) { data.append($0) }
    return String(decoding: data, as: UTF8.self)
}

/// Writes a zip whose entries are given as text; deflated unless `stored`.
func makeZip(at url: URL, _ entries: [(path: String, text: String)], stored: Bool = false) throws {
    let archive = try Archive(url: url, accessMode: .create)
    for (path, text) in entries {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                             compressionMethod: stored ? .none : .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}

/// A minimal hand-made XLSX: one sheet named "S" whose XML is `sheetXML`.
///
/// Lets reader tests feed exactly the XML variant they are about (inline strings,
/// missing `r` attributes, prefixes, DTDs…) without going through a writer.
func makeMinimalXLSX(at url: URL, sheetXML: String, sharedStrings: String? = nil, workbookXML: String? = nil, stored: Bool = false) throws {
    let ns = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    var entries: [(String, String)] = [
        ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(rel)/officeDocument" Target="/xl/workbook.xml"/></Relationships>"#),
        ("xl/workbook.xml", workbookXML ?? #"<?xml version="1.0" encoding="UTF-8"?><workbook \#(ns) xmlns:r="\#(rel)"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
        ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(rel)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="\#(rel)/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#),
        ("xl/worksheets/sheet1.xml", sheetXML),
    ]
    if let sharedStrings { entries.append(("xl/sharedStrings.xml", sharedStrings)) }
    try makeZip(at: url, entries.map { (path: $0.0, text: $0.1) }, stored: stored)
}

/// Wraps `<sheetData>` content in a worksheet element.
func worksheetXML(_ sheetData: String, extra: String = "") -> String {
    #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\#(sheetData)</sheetData>\#(extra)</worksheet>"#
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

// MARK: - The sample budget table shared by several tests

enum Sample {
    static let sheetName = "表3"
    static let title = "2024年部门预算支出表"
    static let commentText = "本行为公式合计，数据来源：财政部门预算公开表，单位：万元。"
    static let amount = CellStyle(fontName: "宋体", fontSize: 10, border: .thin, horizontalAlignment: .right, numberFormat: "#,##0.00")
    static let header = CellStyle(fontName: "黑体", fontSize: 10, bold: true, fillColor: .init(rgb: 0xDDEBF7), border: .thin,
                                  horizontalAlignment: .center, verticalAlignment: .center, wrapsText: true)
    static let text = CellStyle(fontName: "宋体", fontSize: 10, border: .thin, indent: 1)
    static let rows: [(code: String, name: String, budget: Double, actual: Double)] = [
        ("201", "一般公共服务支出", 1234.5, 1200.25),
        ("205", "教育支出", 880, 879.99),
        ("208", "社会保障和就业支出", 0.1, 0.2),
    ]

    /// Writes the sample workbook; every writer feature appears at least once.
    static func write(to url: URL, options: Workbook.Options = .init()) throws {
        let workbook = try Workbook(path: url.path, options: options,
                                    properties: .init(title: title, author: "gongkai"))
        let sheet = try workbook.addWorksheet(name: sheetName)
        try sheet.mergeRange(CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 3), text: title,
                             style: CellStyle(fontName: "黑体", fontSize: 16, bold: true, horizontalAlignment: .center))
        for (column, label) in ["科目编码", "科目名称", "预算数", "执行数"].enumerated() {
            try sheet.writeString(label, row: 1, column: column, style: header)
        }
        for (offset, row) in rows.enumerated() {
            try sheet.writeString(row.code, row: 2 + offset, column: 0, style: CellStyle(border: .thin, isTextFormat: true))
            try sheet.writeString(row.name, row: 2 + offset, column: 1, style: text)
            try sheet.writeNumber(row.budget, row: 2 + offset, column: 2, style: amount)
            try sheet.writeNumber(row.actual, row: 2 + offset, column: 3, style: amount)
        }
        try sheet.writeString("合计", row: 5, column: 1, style: header)
        try sheet.writeFormula("=SUM(C3:C5)", cachedValue: rows.map(\.budget).reduce(0, +), row: 5, column: 2, style: amount)
        try sheet.writeFormula("SUM(D3:D5)", cachedValue: rows.map(\.actual).reduce(0, +), row: 5, column: 3, style: amount)
        try sheet.writeBlank(row: 5, column: 0, style: header)
        try sheet.addComment(commentText, row: 5, column: 2, author: "gongkai")
        // Text that merely looks like formulas must stay text.
        try sheet.writeString("=SUM(A1)", row: 7, column: 0)
        try sheet.writeString("-", row: 7, column: 1)
        try sheet.writeString("+86 10 1234", row: 7, column: 2)
        try sheet.writeString("@财政部", row: 7, column: 3)
        try sheet.writeURL("https://www.mof.gov.cn/", text: "财政部", row: 8, column: 0)
        try sheet.setColumnWidth(10, columns: 0...0)
        try sheet.setColumnWidth(28, columns: 1...1)
        try sheet.setColumnWidth(14, columns: 2...3)
        try sheet.setRowHeight(30, row: 0)
        try sheet.freezePanes(row: 2, column: 0)
        try sheet.setA4Landscape()
        try sheet.fitToPages(wide: 1, tall: 0)
        try sheet.centerHorizontallyOnPage()
        try sheet.repeatRows(0...1)
        try sheet.setPrintArea(CellRange(firstRow: 0, firstColumn: 0, lastRow: 8, lastColumn: 3))
        try sheet.setHorizontalPageBreaks([4])
        try sheet.hideGridlines()
        try sheet.setZoom(90)
        let notes = try workbook.addWorksheet(name: "说明")
        try notes.writeString("金额单位：万元", row: 0, column: 0)
        try workbook.close()
    }
}

extension CellStyle {
    /// Test shorthand for a text-formatted style.
    init(border: Border, isTextFormat: Bool) {
        self.init(border: border)
        isText = isTextFormat
    }
}
