import ArgumentParser
import Foundation
import GongkaiConvert
import GongkaiDiff
import GongkaiModel
import GongkaiParse

/// `gongkai diff A B [-o REPORT.xlsx] [--format text|json|csv|highlighter] [--tolerance AMOUNT]`.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two disclosures (two years, or two districts) cell by cell.",
        discussion: """
            A and B are disclosure texts, model JSON files or gongkai workbooks, in any mix. \
            Rows are aligned by meaning (codes, item ids, unit codes; projects by code, else by name), \
            columns by canonical id; amounts are compared in 元 whatever unit each document was published in.
            text: headline totals A → B, counts, then the changes by table, largest first (amounts in 万元).
            json: DESIGN §3 (amounts in 元). csv: one change per line. highlighter: daff's tabular diff format.
            -o REPORT.xlsx also writes a workbook: 摘要 (headline figures, chart of 类 totals), \
            变动明细 (one row per changed cell, Δ and % as formulas) and per changed table B's sheet \
            with the changed cells highlighted and A's value in a comment.
            --tolerance ignores cell differences up to an amount: in 元 (0.5, 0.5元) or 万元 (0.01万元).
            Exit 0 when the documents are the same (within the tolerance), 1 when they differ, 2 on bad input.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, highlighter }

    @Argument(help: "The first document (the base: last year, or the other district).", completion: .file())
    var a: String

    @Argument(help: "The second document.", completion: .file())
    var b: String

    @Option(name: .shortAndLong, help: "Also write the report as a workbook (.xlsx).")
    var output: String?

    @Option(help: "Output format: text, json, csv or highlighter.")
    var format: Format = .text

    @Option(help: "Ignore differences up to this amount: 0.5 (元), 0.5元, 0.01万元.")
    var tolerance: String = "0"

    func validate() throws {
        do { _ = try Tolerance.parse(tolerance) } catch let e as Tolerance.ParseError { throw ValidationError(e.description) }
        if let output, !output.lowercased().hasSuffix(".xlsx") {
            throw ValidationError("-o must name a .xlsx file, got \(output)")
        }
    }

    func run() throws {
        let tolerance = try Tolerance.parse(self.tolerance)
        let docs = try CommandSupport.loadAll([a, b])
        let docA = docs[0], docB = docs[1]
        let diff: DocumentDiff
        do { diff = try DocumentDiff(docA, docB, tolerance: tolerance) } catch let e as DocumentDiff.Incomparable {
            throw BadInput(InputError(file: b, "\(e.description) (\(a) is \(docA.kind), \(b) is \(docB.kind))"))
        }
        let rendered: String
        switch format {
        case .text: rendered = TextReport.render(diff)
        case .json: rendered = JSONReport.render(diff)
        case .csv: rendered = CSVReport.render(diff)
        case .highlighter: rendered = HighlighterReport.render(diff)
        }
        FileHandle.standardOutput.write(Data(rendered.utf8))
        if let output {
            let url = URL(fileURLWithPath: output)
            do {
                try XLSXReport.write(diff, to: url, inputs: [URL(fileURLWithPath: a), URL(fileURLWithPath: b)])
            } catch {
                // XLSXError names the path itself; say it once.
                var reason = "\(error)"
                if reason.hasPrefix(url.path + ": ") { reason.removeFirst(url.path.count + 2) }
                throw BadInput(InputError(file: url.path, "the report cannot be written: \(reason)"))
            }
            FileHandle.standardError.write(Data("gongkai: report written to \(url.path)\n".utf8))
        }
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
