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
