import ArgumentParser
import Foundation
import GongkaiModel
import GongkaiParse

/// `gongkai parse FILE [--format json|summary]`.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the normalized model of a disclosure.",
        discussion: """
            json: the model, schema gongkai/1 (amounts in 元 as strings with two decimals; a blank cell has no key).
            summary: for people — per canonical table its status, row count and 合计 in the source unit, then diagnostics.
            Exit 0 on success, 2 on bad input (the message names the file and line).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, summary }

    @Argument(help: "A disclosure text file or a model JSON.", completion: .file())
    var file: String

    @Option(help: "Output format: json or summary.")
    var format: Format = .json

    func run() throws {
        let doc = try CommandSupport.load(file)
        switch format {
        case .json:
            try ModelJSON.write(doc) { FileHandle.standardOutput.write(Data($0)) }
            FileHandle.standardOutput.write(Data([0x0A]))
        case .summary:
            print(Summary.render(doc), terminator: "")
        }
        CommandSupport.printDiagnostics(doc, file: file)
    }
}
