import ArgumentParser
import Foundation
import GongkaiCheck
import GongkaiModel

/// `gongkai check INPUT... [--format text|json]`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reconcile a disclosure against itself: subtotals, cross-table totals, the narrative's figures.",
        discussion: """
            Rules: \(Checker.standardRules.map(\.id).joined(separator: ", ")).
            A finding is `rounding` when |difference| ≤ n × half a unit of the last published digit \
            (0.005 万元 or 0.005 元, n the rounded figures added up), else `discrepancy`. Tables the \
            document does not disclose are listed as notes (never a discrepancy).
            text: for people, grouped by table, with row, column, source line and numbers in the document's unit.
            json: schema gongkai-check/1 — {"document", "findings", "notes", "summary"} per input \
            (an array of them for several inputs); amounts as strings of 元.
            Exit 0 when nothing goes beyond rounding, 1 when discrepancies are found, 2 on bad input.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Disclosure text files or model JSON files.", completion: .file())
    var inputs: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        // Every input is read before anything is printed: bad input exits 2 with no report.
        let documents = try inputs.map { try CommandSupport.load($0) }
        let checker = Checker()
        let reports = documents.map { checker.check($0) }
        switch format {
        case .text:
            print(ReportText.render(reports), terminator: "")
        case .json:
            var data = try ReportJSON.encode(reports)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        }
        for (doc, path) in zip(documents, inputs) { CommandSupport.printDiagnostics(doc, file: path) }
        if reports.contains(where: \.hasDiscrepancies) { throw ExitCode(1) }
    }
}
