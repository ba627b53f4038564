import ArgumentParser
import Foundation
import GongkaiConvert
import GongkaiModel
import GongkaiParse

/// `gongkai batch DIR -o OUTDIR [--jobs N] [--check]`.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert every document under a folder, in parallel, with an index workbook.",
        discussion: """
            Converts each .pdf, .txt, model .json and gongkai .xlsx under DIR into OUTDIR, with a progress bar \
            on a terminal, a summary, and OUTDIR/索引.xlsx (one row per document: district, year, \
            department, totals, findings, a link to its workbook). A failing document never stops the batch.
            Exit 0 when all converted, 1 when some failed, 2 when DIR or OUTDIR cannot be used.
            """
    )

    @Argument(help: "The folder of documents.", completion: .directory)
    var directory: String

    @Option(name: .shortAndLong, help: "The output folder.")
    var output: String

    @Option(help: "Parallel workers (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Also reconcile each document; its findings go to its 校验 sheet and the index.")
    var check = false

    @Option(help: "Unit for amounts in the workbooks: 万元 (default) or 元.")
    var unit: String = "万元"

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard SourceUnit(rawValue: unit) != nil else { throw ValidationError("--unit must be 万元 or 元, not \(unit)") }
    }

    func run() throws {
        let unit = SourceUnit(rawValue: self.unit)!
        let inputs: [URL]
        do { inputs = try Batch.inputs(under: URL(fileURLWithPath: directory)) } catch let e as InputError { throw BadInput(e) }
        guard !inputs.isEmpty else {
            throw BadInput(InputError(file: directory, "holds no document (.pdf, .txt, model .json or gongkai .xlsx)"))
        }
        let outDir = URL(fileURLWithPath: output)
        do { try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true) } catch {
            throw BadInput(InputError(file: outDir.path, "cannot create the output folder (\(error.localizedDescription))"))
        }
        let bar = ProgressBar(total: inputs.count)
        let start = Date()
        let outcomes = Batch.run(inputs, into: outDir, jobs: jobs, unit: unit,
                                 check: check) { done, total in bar.update(done) }
        bar.finish()
        let index = outDir.appendingPathComponent("索引.xlsx")
        do { try Batch.writeIndex(outcomes, to: index, unit: unit) } catch {
            throw BadInput(InputError(file: index.path, "cannot be written: \(error)"))
        }
        let paired = outcomes.filter { $0.pairedWith != nil }
        let documents = outcomes.filter { $0.pairedWith == nil }
        let failed = documents.filter { $0.failure != nil }
        let flagged = documents.filter { $0.failure == nil && $0.findings > 0 }
        let seconds = Date().timeIntervalSince(start)
        print("converted \(documents.count - failed.count) of \(documents.count) documents in \(String(format: "%.1f", seconds)) s"
              + " (\(flagged.count) with \(check ? "discrepancies" : "subtotals that differ from their items"), \(failed.count) failed)")
        for p in paired { print("  narrative \(p.input.lastPathComponent) read with its tables, \(p.pairedWith!.lastPathComponent)") }
        for f in failed { print("  failed: \(f.failure!)") }
        print("index: \(index.path)")
        if !failed.isEmpty { throw ExitCode(1) }
    }
}

/// A one-line progress bar on stderr: count, rate, ETA. Silent when stderr
/// is not a terminal.
final class ProgressBar: @unchecked Sendable {
    let total: Int
    let enabled = isatty(STDERR_FILENO) == 1
    let start = Date()
    private let lock = NSLock()

    init(total: Int) { self.total = total }

    func update(_ done: Int) {
        guard enabled, total > 0 else { return }
        lock.lock(); defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Int(Double(total - done) / rate) : 0
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\r\(bar) \(done)/\(total)  \(String(format: "%.1f", rate)) docs/s  ETA \(eta / 60):\(String(format: "%02d", eta % 60)) "
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
