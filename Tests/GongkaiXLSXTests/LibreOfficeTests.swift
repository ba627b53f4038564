import Foundation
import GongkaiXLSX
import Testing

/// The `soffice` executable on PATH, if LibreOffice is installed.
private let soffice: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    .split(separator: ":").map { "\($0)/soffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }

/// Checks the workbooks against an independent implementation: LibreOffice.
@Suite(.enabled(if: soffice != nil, "LibreOffice (soffice) is not installed"), .serialized, .timeLimit(.minutes(5)))
struct LibreOfficeTests {
    /// Converts `input` headless with a private profile, so tests never touch (or wait on) a user's LibreOffice.
    ///
    /// The profile forces formula recalculation on load: LibreOffice otherwise
    /// trusts the cached values of files claiming to come from Excel, which is what
    /// libxlsxwriter writes into docProps/app.xml.
    private func convert(_ input: URL, to filter: String, in directory: URL) throws -> URL {
        let profile = directory.appendingPathComponent("lo-profile")
        let user = profile.appendingPathComponent("user")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        try #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        </oor:items>
        """#.write(to: user.appendingPathComponent("registrymodifications.xcu"), atomically: true, encoding: .utf8)

        let output = directory.appendingPathComponent("converted", isDirectory: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(soffice))
        process.arguments = ["-env:UserInstallation=\(profile.absoluteURL.absoluteString)", "--headless", "--norestore",
                             "--convert-to", filter, "--outdir", output.path, input.path]
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let transcript = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(transcript)")
        let produced = try FileManager.default.contentsOfDirectory(at: output, includingPropertiesForKeys: nil)
        return try #require(produced.first, "soffice produced nothing: \(transcript)")
    }

    @Test func recalculatesTheFormulaToTheSameValue() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("recalc.xlsx")
            let workbook = try Workbook(path: url.path)
            let sheet = try workbook.addWorksheet(name: "表3")
            try sheet.writeString("科目", row: 0, column: 0)
            try sheet.writeNumber(1234.5, row: 1, column: 0)
            try sheet.writeNumber(880, row: 2, column: 0)
            // Deliberately wrong cached value: only a real recalculation yields 2114.5.
            try sheet.writeFormula("=SUM(A2:A3)", cachedValue: -1, row: 3, column: 0)
            try sheet.writeString("=SUM(A1)", row: 4, column: 0)
            try workbook.close()

            // 44 = comma, 34 = double quote, 76 = UTF-8.
            let csv = try String(contentsOf: convert(url, to: #"csv:Text - txt - csv (StarCalc):44,34,76"#, in: directory), encoding: .utf8)
            let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
            #expect(lines == ["科目", "1234.5", "880", "2114.5", "=SUM(A1)"])
        }
    }

    @Test func readsAWorkbookSavedByLibreOffice() throws {
        try withTemporaryDirectory { directory in
            let original = directory.appendingPathComponent("sample.xlsx")
            try Sample.write(to: original)
            let saved = try convert(original, to: "xlsx:Calc MS Excel 2007 XML", in: directory)

            let contents = try WorkbookReader().read(contentsOf: saved)
            #expect(contents.sheetNames == [Sample.sheetName, "说明"])
            let sheet = try #require(contents.sheet(named: Sample.sheetName))
            #expect(sheet["A1"]?.value == Sample.title)
            #expect(sheet["B4"]?.value == "教育支出")
            #expect(sheet["C3"]?.numericValue == 1234.5)
            #expect(sheet["C6"]?.formula == "SUM(C3:C5)")
            #expect(sheet["C6"]?.numericValue == 2114.6)
            #expect(sheet["A8"]?.value == "=SUM(A1)" && sheet["A8"]?.formula == nil)
            #expect(sheet.merges.contains(CellRange(a1: "A1:D1")!))
            #expect(sheet.comment(at: CellReference(row: 5, column: 2))?.text.contains(Sample.commentText) == true)
        }
    }
}
