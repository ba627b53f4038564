import Foundation
import GongkaiModel
import GongkaiParse
import GongkaiXLSX
import GongkaiConvert

/// The code under fuzzing: the text parser, the PDF reader and the workbook reader.
///
/// Each must return or throw a user-facing error for every input, within
/// bounded time and memory; a trap is a bug (libFuzzer reports it and keeps
/// the input, which becomes a regression test in Tests/Fixtures/fuzz).
enum FuzzTarget: String {
    case parse, pdf, xlsx

    static var selected: FuzzTarget {
        FuzzTarget(rawValue: ProcessInfo.processInfo.environment["GONGKAI_FUZZ_TARGET"] ?? "parse") ?? .parse
    }

    /// A scratch file for the workbook reader, which reads from a path.
    nonisolated(unsafe) static var scratch: URL = {
        FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-fuzz-\(getpid()).xlsx")
    }()

    func run(_ data: Data) {
        switch self {
        case .parse:
            do {
                let doc = try DocumentParser().parse(data: data, file: "fuzz.txt")
                // What parse produces must also serialise and read back.
                if let json = try? ModelJSON.encode(doc) { _ = try? ModelJSON.decode(json) }
            } catch is InputError {
                // A clear refusal is a correct answer.
            } catch {
                fatalError("parse threw a non-user-facing error: \(error)")
            }
        case .pdf:
            // poppler and the geometry → grid step: a PDF is untrusted input.
            do {
                let doc = try PDFReader.parse(data, file: "fuzz.pdf")
                if let json = try? ModelJSON.encode(doc) { _ = try? ModelJSON.decode(json) }
            } catch is InputError {
            } catch {
                fatalError("the PDF reader threw a non-user-facing error: \(error)")
            }
        case .xlsx:
            do {
                try data.write(to: Self.scratch)
                // Checksums off: a mutation inside a part should reach the XML
                // parsers, not stop at the CRC (which the tests cover).
                let reader = WorkbookReader(limits: .init(verifiesChecksums: false))
                _ = try reader.read(contentsOf: Self.scratch)
                _ = try? StandardWorkbookReader.read(Self.scratch, using: reader)
            } catch is XLSXError {
            } catch {
                // Foundation file errors writing the scratch file are not the reader's.
                if (error as NSError).domain != NSCocoaErrorDomain { fatalError("reader threw \(error)") }
            }
        }
    }
}

#if FUZZING
// libFuzzer's entry point; its own `main` drives it (`make fuzz` links it).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.selected.run(start.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}
#else
/// Without libFuzzer, replays inputs: each file given runs once through the
/// selected target (how crashes found by `make fuzz` are reproduced).
@main
struct Replay {
    static func main() {
        let files = CommandLine.arguments.dropFirst()
        guard !files.isEmpty else {
            print("usage: GONGKAI_FUZZ_TARGET=parse|pdf|xlsx gongkai-fuzz FILE...   (make fuzz runs libFuzzer)")
            return
        }
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            FuzzTarget.selected.run(data)
            print("ok \(path)")
        }
    }
}
#endif
