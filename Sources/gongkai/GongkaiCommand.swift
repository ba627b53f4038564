import ArgumentParser
import Foundation

/// `gongkai`: budget disclosures (部门预算公开) into one model, workbooks,
/// checks and change reports.
@main
struct GongkaiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Read Chinese department budget disclosures (部门预算公开) into one model.",
        discussion: """
            INPUT is the text of a disclosure (extracted from its PDF) or a model JSON \
            written by `gongkai parse --format json`.
            Exit codes: 0 success, 2 bad input.
            """,
        version: "0.1.0",
        subcommands: [Parse.self, Convert.self, BatchCommand.self, Diff.self, Check.self, Generate.self]
    )

    /// Runs the command; bad input prints `FILE:LINE: message` and exits 2
    /// (ArgumentParser alone would exit 1 for every error).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as BadInput {
            FileHandle.standardError.write(Data("gongkai: \(error.description)\n".utf8))
            Foundation.exit(2)
        } catch {
            exit(withError: error)
        }
    }
}
