import Foundation

/// Where the test fixtures and the built binary are, for every test target.
public enum Fixtures {
    /// The repository root (this file is Sources/GongkaiTestSupport/Fixtures.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures`.
    public static let directory = root.appendingPathComponent("Tests/Fixtures")

    /// The bundled sample disclosures, by their three-digit prefix.
    public static let sampleNames = [
        "000": "000_a71e29afdd43a94e.txt",
        "001": "001_fc83c851f10d331e.txt",
        "002": "002_d211dd2cb5581f89.txt",
        "003": "003_92b87a7ea0ba525e.txt",
        "004": "004_7846cf6649494c8d.txt",
    ]

    /// The sample file `prefix` ("000" … "004").
    public static func sample(_ prefix: String) -> URL {
        directory.appendingPathComponent("samples").appendingPathComponent(sampleNames[prefix]!)
    }

    /// A golden file under `Tests/Fixtures/golden`.
    public static func golden(_ name: String) -> URL {
        directory.appendingPathComponent("golden").appendingPathComponent(name)
    }

    /// Whether goldens are being re-recorded on purpose (`GONGKAI_RECORD=1`).
    public static var recording: Bool { ProcessInfo.processInfo.environment["GONGKAI_RECORD"] == "1" }

    /// Where two files' bytes first differ, for a failure message: the line
    /// number and both lines (text) or the byte offset (binary).
    ///
    /// Tests compare large blobs as `a == b` first and show this instead of
    /// letting the expectation describe both arrays: Swift Testing diffs the
    /// elements of a failed `==` on collections, which takes minutes on a
    /// 200 KB golden.
    ///
    /// - Complexity: O(n) in the length of the shorter blob.
    public static func firstDifference(_ a: Data, _ b: Data) -> String {
        if a == b { return "identical" }
        let (x, y) = ([UInt8](a), [UInt8](b))
        var offset = 0
        while offset < min(x.count, y.count) && x[offset] == y[offset] { offset += 1 }
        let line = x[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        func lineAround(_ bytes: [UInt8]) -> String {
            let start = bytes[..<min(offset, bytes.count)].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let end = bytes[min(offset, bytes.count)...].firstIndex(of: 0x0A) ?? bytes.count
            return String(decoding: bytes[start..<min(end, start + 300)], as: UTF8.self)
        }
        if let _ = String(data: a, encoding: .utf8), let _ = String(data: b, encoding: .utf8) {
            return "sizes \(a.count) and \(b.count) bytes; first difference on line \(line):\n  - \(lineAround(x))\n  + \(lineAround(y))"
        }
        return "sizes \(a.count) and \(b.count) bytes; first difference at byte \(offset)"
    }

    /// A fresh temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Runs the built `gongkai` binary, as a user would.
public enum CLI {
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The binary next to the test bundle (`swift build` puts both in the
    /// same folder), or `GONGKAI_BIN`.
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["GONGKAI_BIN"] { return URL(fileURLWithPath: path) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("gongkai")
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return Fixtures.root.appendingPathComponent(".build/debug/gongkai")
    }

    /// Runs `gongkai arguments…` and collects its exit status and output.
    public static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs so that neither fills up.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// LibreOffice, headless, as a real client that recalculates formulas.
public enum LibreOffice {
    /// The `soffice` binary, if installed.
    public static var binary: String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let path = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    /// Prints `workbook` to PDF as a person would (`--convert-to pdf`, a
    /// private profile), into a fresh folder; returns the PDF.
    public static func pdf(_ workbook: URL) throws -> URL {
        guard let soffice = binary else { throw CocoaError(.featureUnsupported) }
        let work = try Fixtures.temporaryDirectory()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=file://\(work.path)/profile", "--headless", "--convert-to", "pdf",
                             "--outdir", work.path, workbook.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let pdf = work.appendingPathComponent(workbook.deletingPathExtension().lastPathComponent + ".pdf")
        guard FileManager.default.fileExists(atPath: pdf.path) else { throw CocoaError(.fileNoSuchFile) }
        return pdf
    }

    /// Opens `workbook`, recalculates every formula (a private profile
    /// forces recalculation on load, whatever cached values the file has),
    /// and returns each sheet's cells as raw text (unformatted values).
    public static func recalculate(_ workbook: URL) throws -> [String: [[String]]] {
        guard let soffice = binary else { throw CocoaError(.featureUnsupported) }
        let work = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let profile = work.appendingPathComponent("profile/user")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        </oor:items>
        """.write(to: profile.appendingPathComponent("registrymodifications.xcu"), atomically: true, encoding: .utf8)
        let book = work.appendingPathComponent("book.xlsx")
        try FileManager.default.copyItem(at: workbook, to: book)
        let out = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=file://\(work.path)/profile", "--headless", "--convert-to",
                             "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                             "--outdir", out.path, book.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        var sheets: [String: [[String]]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: out.path) where file.hasSuffix(".csv") {
            let name = String(file.dropFirst("book-".count).dropLast(".csv".count))
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            sheets[name] = CSV.parse(text)
        }
        return sheets
    }
}

/// A small RFC 4180 reader for LibreOffice's CSV.
public enum CSV {
    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, iterator = Array(text).makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if ch == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { field.append(ch) }
            } else if ch == "\"" { quoted = true }
            else if ch == "," { row.append(field); field = "" }
            else if ch == "\n" || ch == "\r\n" { row.append(field); rows.append(row); row = []; field = "" }
            else if ch != "\r" { field.append(ch) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
