import ArgumentParser
import Foundation
import GongkaiConvert
import GongkaiModel
import GongkaiParse
import GongkaiXLSX

/// `gongkai convert INPUT... [-o PATH] [--unit 万元|元]`.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write standardized workbooks of the 13 public tables (公开表1–13).",
        discussion: """
            Each INPUT (a disclosure text, a model JSON or a gongkai workbook) becomes one .xlsx: \
            sheets 表1–表13, extra tables, 校验 (findings) and 说明 (source and its SHA-256). \
            Subtotals are live formulas; where the source's figure differs from its items, \
            the cell is highlighted and its comment keeps the published figure.
            Exit 0 on success, 2 on bad input or an unwritable output.
            """
    )

    @Argument(help: "Disclosure text files, model JSON files or gongkai workbooks.", completion: .file())
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Output folder (default Outputs/), or a .xlsx path for a single input.")
    var output: String = "Outputs"

    @Option(help: "Unit for amounts in the workbook: 万元 (default) or 元.")
    var unit: String = "万元"

    /// For `make bench`: also write each workbook's calls (`<name>.calls`)
    /// for the C floor to replay.
    @Option(help: .hidden)
    var recordCalls: String?

    func validate() throws {
        guard SourceUnit(rawValue: unit) != nil else { throw ValidationError("--unit must be 万元 or 元, not \(unit)") }
        if output.lowercased().hasSuffix(".xlsx"), inputs.count > 1 {
            throw ValidationError("-o names one .xlsx file but there are \(inputs.count) inputs; give a folder")
        }
    }

    func run() throws {
        let unit = SourceUnit(rawValue: self.unit)!
        // Resolved once, not once per workbook written.
        let protected = ProtectedFiles(inputs.map { URL(fileURLWithPath: $0) })
        var failures: [BadInput] = []
        // Two documents of one department and year get `-2`, not one workbook.
        var names = OutputNames()
        // One bad input does not stop the others; it is reported and makes the exit code 2.
        for path in inputs {
            do {
                let doc = try CommandSupport.load(path)
                CommandSupport.printDiagnostics(doc, file: path)
                let target = try CommandSupport.outputURL(output, for: doc, names: &names)
                let report: StandardWorkbook.Report
                let checked = WorkbookFinding.checking(doc)
                let discrepancies = checked.filter { $0.severity == "discrepancy" }.count
                do {
                    let recorder = recordCalls.map { _ in CallRecorder() }
                    report = try StandardWorkbook.write(doc, to: target, unit: unit, findings: checked,
                                                        inputs: protected, recorder: recorder)
                    if let recorder, let dir = recordCalls {
                        let calls = URL(fileURLWithPath: dir).appendingPathComponent(target.deletingPathExtension().lastPathComponent + ".calls")
                        try Data(recorder.text.utf8).write(to: calls)
                    }
                } catch {
                    throw BadInput(InputError(file: target.path, "cannot be written: \(error)"))
                }
                var line = "\(path) → \(target.path)"
                var notes: [String] = []
                if report.mismatches > 0 { notes.append("\(report.mismatches) subtotals differ from their items (highlighted)") }
                if discrepancies > 0 { notes.append("\(discrepancies) discrepancies in 校验") }
                if !notes.isEmpty { line += "  (" + notes.joined(separator: "; ") + ")" }
                print(line)
            } catch let error as BadInput {
                FileHandle.standardError.write(Data("gongkai: \(error.description)\n".utf8))
                failures.append(error)
            }
        }
        if !failures.isEmpty {
            throw ExitCode(2)
        }
    }
}
