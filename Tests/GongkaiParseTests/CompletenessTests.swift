import Foundation
import Testing
import GongkaiModel
@testable import GongkaiParse
import GongkaiTestSupport

/// Every amount printed inside a table region is in the model exactly once.
@Suite("Completeness: nothing printed in a table is lost")
struct CompletenessTests {
    /// (line, text) of every amount cell printed in the TAB-separated lines
    /// of table regions 1–12.
    static func printedAmounts(_ doc: Document, source: [String]) -> [String: Int] {
        var found: [String: Int] = [:]
        for table in doc.tables where table.id != 13 {
            guard let lines = table.lines else { continue }
            for n in lines where source[n - 1].contains("\t") {
                for cell in source[n - 1].components(separatedBy: "\t") {
                    let t = cell.trimmingCharacters(in: .whitespaces)
                    if NumberText.looksNumeric(t) && !GridRow.isCodeLike(t) { found["\(table.id)|\(n)|\(t)", default: 0] += 1 }
                }
            }
        }
        return found
    }

    static func modelAmounts(_ doc: Document) -> [String: Int] {
        var found: [String: Int] = [:]
        for table in doc.tables where table.id != 13 {
            for row in table.rows {
                for figure in row.values.values {
                    found["\(table.id)|\(figure.line ?? row.line ?? 0)|\(figure.text)", default: 0] += 1
                }
            }
        }
        return found
    }

    @Test("TAB-laid samples: the printed amounts and the model's are the same multiset",
          arguments: [("000", 263), ("001", 600), ("002", 0)])
    func sameAmounts(prefix: String, expectedCount: Int) throws {
        let doc = try Samples.document(prefix)
        let source = try String(contentsOf: Fixtures.sample(prefix), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let printed = Self.printedAmounts(doc, source: source)
        let model = Self.modelAmounts(doc)
        #expect(printed == model)
        // The hand count of the audit (Tests/Fixtures/audit/NNN.md §3).
        #expect(model.values.reduce(0, +) == expectedCount)
    }

    @Test("every line of the source is narrative, part of a table, or blank")
    func everyLineAccounted() throws {
        for prefix in ["000", "001", "002"] {
            let doc = try Samples.document(prefix)
            let source = try String(contentsOf: Fixtures.sample(prefix), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var covered = Set(doc.narrative.map(\.line))
            for t in doc.tables { if let l = t.lines { covered.formUnion(l) } }
            let missing = source.indices.filter { !source[$0].trimmingCharacters(in: .whitespaces).isEmpty && !covered.contains($0 + 1) }
            #expect(missing.isEmpty, "\(prefix): lines \(missing.prefix(5).map { $0 + 1 }) are neither narrative nor table")
        }
    }
}
