import Foundation
import GongkaiXLSX
import Testing

@Suite struct WorkbookTests {
    @Test func sameInputGivesByteIdenticalFiles() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("a.xlsx"), second = directory.appendingPathComponent("b.xlsx")
        try Sample.write(to: first)
        // Long enough for any clock-derived field (zip entry times, core.xml) to change.
        try await Task.sleep(for: .milliseconds(2100))
        try Sample.write(to: second)
        let (a, b) = (try Data(contentsOf: first), try Data(contentsOf: second))
        #expect(a.count > 1000)
        #expect(a == b)
        let core = try zipEntryText(first, "docProps/core.xml")
        #expect(core.contains(#"<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created>"#))
        #expect(core.contains("<dc:title>\(Sample.title)</dc:title>"))
    }

    @Test(arguments: [
        ("", "the name is empty"),
        (String(repeating: "表", count: 32), "longer than 31 characters (32)"),
        ("a[b", "contains the character '['"), ("a]b", "contains the character ']'"),
        ("a:b", "contains the character ':'"), ("a*b", "contains the character '*'"),
        ("a?b", "contains the character '?'"), ("a/b", "contains the character '/'"),
        ("a\\b", "contains the character '\\'"), ("'表3", "apostrophe"), ("表3'", "apostrophe"),
        ("history", "reserved"),
    ])
    func rejectsInvalidWorksheetNames(name: String, reason: String) throws {
        let workbook = try Workbook(path: "/nonexistent/never-written.xlsx")
        let error = #expect(throws: XLSXError.self) { try workbook.addWorksheet(name: name) }
        #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
        #expect(workbook.worksheetNames.isEmpty)
    }

    @Test func acceptsEdgeCaseNamesAndRejectsDuplicatesCaseInsensitively() throws {
        let workbook = try Workbook(path: "/nonexistent/never-written.xlsx")
        _ = try workbook.addWorksheet(name: String(repeating: "表", count: 31))
        _ = try workbook.addWorksheet(name: "Sheet (1) - 说明, 附表")
        _ = try workbook.addWorksheet(name: "Data")
        let duplicate = #expect(throws: XLSXError.self) { try workbook.addWorksheet(name: "DATA") }
        #expect(duplicate?.description.contains("already exists") == true)
        #expect(workbook.worksheetNames.count == 3)
    }

    @Test func closedWorkbookRefusesFurtherUse() throws {
        try withTemporaryDirectory { directory in
            let workbook = try Workbook(path: directory.appendingPathComponent("c.xlsx").path)
            let sheet = try workbook.addWorksheet(name: "S")
            try workbook.close()
            #expect(workbook.isClosed)
            let again = #expect(throws: XLSXError.self) { try workbook.close() }
            #expect(again == .workbookClosed(context: "closing workbook \(workbook.path)"))
            let write = #expect(throws: XLSXError.self) { try sheet.writeNumber(1, row: 0, column: 0) }
            #expect(write == .workbookClosed(context: "writing cell A1 of sheet S"))
            #expect(throws: XLSXError.self) { try workbook.addWorksheet(name: "T") }
            #expect(throws: XLSXError.self) { try sheet.setA4Landscape() }
        }
    }

    @Test func worksheetKeepsItsWorkbookAlive() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("alive.xlsx")
            weak var weakWorkbook: Workbook?
            var sheet: Worksheet? = try {
                let workbook = try Workbook(path: url.path)
                weakWorkbook = workbook
                return try workbook.addWorksheet(name: "S")
            }()
            try sheet?.writeString("仍可写入", row: 0, column: 0)
            #expect(weakWorkbook != nil)
            sheet = nil
            #expect(weakWorkbook == nil)
            // Released without close(): deinit frees the handle and writes nothing.
            #expect(!FileManager.default.fileExists(atPath: url.path))
        }
    }

    /// Descriptors of this process whose target lies under `directory` (deleted temp files included).
    private func openFiles(under directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").compactMap {
            try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)")
        }.filter { $0.hasPrefix(directory.path + "/") }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd"), "needs Linux /proc"))
    func abandonedConstantMemoryWorkbookClosesItsTemporaryFiles() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("abandoned.xlsx")
            do {
                let workbook = try Workbook(path: url.path, options: .init(constantMemory: true, temporaryDirectory: directory.path))
                for name in ["A", "B"] {
                    try workbook.addWorksheet(name: name).writeString("x", row: 0, column: 0)
                }
                #expect(try openFiles(under: directory).count == 2)  // one tmpfile per sheet, as expected
            }
            #expect(try openFiles(under: directory).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: url.path))
        }
    }

    @Test func closeReportsUnwritablePathWithLibraryMessage() throws {
        let path = "/nonexistent-directory-\(UUID().uuidString)/out.xlsx"
        let workbook = try Workbook(path: path)
        _ = try workbook.addWorksheet(name: "S")
        let error = #expect(throws: XLSXError.self) { try workbook.close() }
        guard case let .library(_, message, context) = error else { Issue.record("expected a library error"); return }
        #expect(message.contains("Error creating output xlsx file"))
        #expect(context == "writing workbook \(path)")
        #expect(workbook.isClosed)
    }

    @Test func constantMemoryModeWritesInlineStringsInRowOrder() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("big.xlsx")
            let workbook = try Workbook(path: url.path, options: .init(constantMemory: true, temporaryDirectory: directory.path))
            let sheet = try workbook.addWorksheet(name: "明细")
            for row in 0..<2_000 {
                try sheet.writeString("项目\(row)", row: row, column: 0)
                try sheet.writeNumber(Double(row) * 1.5, row: row, column: 1, style: Sample.amount)
            }
            // Rows already flushed cannot be revisited; libxlsxwriter says so.
            let late = #expect(throws: XLSXError.self) { try sheet.writeString("迟到", row: 3, column: 0) }
            #expect(late?.description.contains("writing cell A4 of sheet 明细") == true)
            try workbook.close()

            let xml = try zipEntryText(url, "xl/worksheets/sheet1.xml")
            #expect(xml.contains(#"<c r="A1" t="inlineStr"><is><t>项目0</t></is></c>"#))
            let sheetContents = try #require(try WorkbookReader().read(contentsOf: url).sheets.first)
            #expect(sheetContents.cells.count == 4_000)
            #expect(sheetContents["A2000"]?.value == "项目1999")
            #expect(sheetContents["B2000"]?.value == "2998.5")
            // Only the output is left in the directory: libxlsxwriter's temporary files are gone.
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["big.xlsx"])
        }
    }

    @Test func refusesMissingTemporaryDirectoryAndBadCreationDate() {
        #expect(throws: XLSXError.self) {
            try Workbook(path: "/tmp/x.xlsx", options: .init(temporaryDirectory: "/nonexistent-\(UUID().uuidString)"))
        }
        #expect(throws: XLSXError.self) {
            try Workbook(path: "/tmp/x.xlsx", properties: .init(creationDate: Date(timeIntervalSince1970: 0)))
        }
        #expect(throws: XLSXError.self) { try Workbook(path: "") }
    }
}
