import ArgumentParser
import Foundation
import GongkaiParse
import GongkaiRender

/// `gongkai generate --count N [--rows R] [--seed S] [--layout L] [--vary F] -o DIR`.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write random but valid disclosures, for benchmarks and fuzzing.",
        discussion: """
            Every document is valid: subtotals add up, column groups and the totals shared by tables agree \
            (gongkai check finds nothing), and gongkai parse reads it back to the model it was written from.
            The same --seed gives the same documents. Files are named like the samples: 000_<hash>.txt.
            --vary F: every document is the one of --seed with a fraction F of its 项 amounts changed \
            (document 0 unchanged), for diff benchmarks; without it document i is that of seed S+i.
            Exit 0 on success, 2 when the folder cannot be written.
            """
    )

    enum LayoutName: String, ExpressibleByArgument, CaseIterable {
        case tab, cellPerLine = "cell-per-line", spaceSeparated = "space-separated", mixed
    }

    @Option(help: "How many documents to write.")
    var count: Int

    @Option(help: "About how many rows the 功能 tables (表2, 表3, 表5) of each document have.")
    var rows: Int = 40

    @Option(help: "The seed: the same seed gives the same documents.")
    var seed: UInt64 = 1

    @Option(help: "tab, cell-per-line, space-separated, or mixed (the three in turn).")
    var layout: LayoutName = .tab

    @Option(help: "Vary a fraction (0–1) of the amounts of one document instead of drawing new ones.")
    var vary: Double?

    @Option(name: .shortAndLong, help: "The folder to write into (created when missing).")
    var output: String

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must be at least 0") }
        guard rows >= 1 else { throw ValidationError("--rows must be at least 1") }
        if let vary, !(0...1).contains(vary) { throw ValidationError("--vary must be between 0 and 1") }
    }

    func run() throws {
        let choice: Corpus.LayoutChoice = switch layout {
        case .tab: .one(.tab)
        case .cellPerLine: .one(.cellPerLine)
        case .spaceSeparated: .one(.spaceSeparated)
        case .mixed: .mixed
        }
        let corpus = Corpus(count: count, rows: rows, seed: seed, layout: choice, vary: vary)
        do {
            for url in try corpus.write(to: URL(fileURLWithPath: output)) { print(url.path) }
        } catch {
            throw BadInput(InputError(file: output, "cannot be written (\(error.localizedDescription))"))
        }
    }
}
