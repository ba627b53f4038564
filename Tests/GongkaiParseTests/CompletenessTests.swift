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
        for prefix in ["000", "001", "002", "003", "004"] {
            let doc = try Samples.document(prefix)
            let source = try String(contentsOf: Fixtures.sample(prefix), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var covered = Set(doc.narrative.map(\.line))
            for t in doc.tables { if let l = t.lines { covered.formUnion(l) } }
            for e in doc.extras { if let l = e.lines { covered.formUnion(l) } }
            let missing = source.indices.filter { !source[$0].trimmingCharacters(in: .whitespaces).isEmpty && !covered.contains($0 + 1) }
            #expect(missing.isEmpty, "\(prefix): lines \(missing.prefix(5).map { $0 + 1 }) are neither narrative nor table")
        }
    }

    /// The numbers printed on the data lines of a PDF-text table region (from
    /// its first row to its last line), as `table|line|text`: every
    /// space-separated token shaped like an amount or a count. Codes,
    /// amounts and numeric text cells (数量) are all among them.
    static func printedNumbers(_ doc: Document, source: [String]) -> [String: Int] {
        var found: [String: Int] = [:]
        for table in doc.tables where table.id != 13 {
            guard let lines = table.lines, let first = table.rows.compactMap(\.line).min() else { continue }
            for n in first...lines.upperBound {
                for token in source[n - 1].split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }) {
                    if token.range(of: #"^-?[0-9][0-9,]*(\.[0-9]+)?$"#, options: .regularExpression) != nil {
                        found["\(table.id)|\(n)|\(token)", default: 0] += 1
                    }
                }
            }
        }
        return found
    }

    @Test("PDF-text samples: every number printed in a table is in the model exactly once (amount, code or 数量)",
          arguments: [("003", 372, 4), ("004", 528, 16)])
    func pdfTextNumbers(prefix: String, amounts: Int, numericTexts: Int) throws {
        let doc = try Samples.document(prefix)
        let source = try String(contentsOf: Fixtures.sample(prefix), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var printed = Self.printedNumbers(doc, source: source)
        func take(_ key: String) -> Bool {
            guard let n = printed[key], n > 0 else { return false }
            printed[key] = n == 1 ? nil : n - 1
            return true
        }
        // Every amount of the model is printed where the model says.
        var missing: [String] = []
        for table in doc.tables where table.id != 13 {
            for row in table.rows {
                for figure in row.values.values where !take("\(table.id)|\(figure.line ?? row.line ?? 0)|\(figure.text)") {
                    missing.append("表\(table.id) \(row.key) \(figure.text)")
                }
            }
        }
        #expect(missing.isEmpty, "model amounts not printed: \(missing.prefix(5))")
        // Codes printed on the row's lines (a 7-digit code may be broken in two: 2060 / 102).
        for table in doc.tables where table.id != 13 {
            for row in table.rows {
                let code = row.code ?? row.texts["function"] ?? ""
                guard let start = row.line, !code.isEmpty, code.allSatisfy(\.isNumber) else { continue }
                if (start...start + 2).contains(where: { take("\(table.id)|\($0)|\(code)") }) { continue }
                for split in 2..<max(2, code.count - 1) {
                    let head = String(code.prefix(split)), tail = String(code.dropFirst(split))
                    if printed["\(table.id)|\(start)|\(head)"] != nil, printed["\(table.id)|\(start + 1)|\(tail)"] != nil {
                        _ = take("\(table.id)|\(start)|\(head)"); _ = take("\(table.id)|\(start + 1)|\(tail)")
                        break
                    }
                }
            }
        }
        // What is left is the numbers printed as text cells (数量, 计量单位 printed 0).
        let leftover = printed.flatMap { key, n in Array(repeating: String(key.split(separator: "|").last!), count: n) }.sorted()
        // (A 功能科目 code kept as a project's or line's text was taken with the codes.)
        let numericTextCells = doc.tables.filter { $0.id != 13 }
            .flatMap { $0.rows.flatMap { $0.texts.filter { $0.key != "function" }.map(\.value) } }
            .filter { $0.range(of: #"^-?[0-9][0-9,]*(\.[0-9]+)?$"#, options: .regularExpression) != nil }.sorted()
        #expect(leftover == numericTextCells, "printed but not in the model: \(printed.keys.sorted().prefix(8))")
        // The hand counts of the audits (Tests/Fixtures/audit/NNN.md §3): 003 372 amounts and 4 quantities;
        // 004 544 numeric cells, of which 16 are 数量 and 计量单位 (text columns in the catalog) and 528 amounts.
        let modelAmounts = doc.tables.filter { $0.id != 13 }.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.values.count } }
        #expect(modelAmounts == amounts)
        #expect(numericTextCells.count == numericTexts)
    }
}
