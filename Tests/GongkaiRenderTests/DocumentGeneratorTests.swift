import Foundation
import GongkaiCheck
import GongkaiModel
@testable import GongkaiRender
import Testing

@Suite struct DocumentGeneratorTests {
    @Test func sameSeedSameDocument() {
        #expect(DocumentGenerator(seed: 5, rows: 50).generate() == DocumentGenerator(seed: 5, rows: 50).generate())
        #expect(DocumentGenerator(seed: 5, rows: 50).generate() != DocumentGenerator(seed: 6, rows: 50).generate())
    }

    /// Subtotals, column groups and cross-table totals agree: the checker
    /// finds nothing at all, not even rounding.
    @Test(arguments: [1, 2, 3, 40, 41] as [UInt64])
    func checkerFindsNothing(seed: UInt64) {
        let doc = DocumentGenerator(seed: seed, rows: Int(seed % 7 + 1) * 25).generate()
        let findings = Checker().check(doc).findings.filter { $0.rule != "completeness" }
        #expect(findings.isEmpty, "\(findings.prefix(3).map(\.message))")
    }

    @Test(arguments: [1, 30, 500, 5_000])
    func rowsAsAsked(rows: Int) {
        let doc = DocumentGenerator(seed: 9, rows: rows).generate()
        let count = doc.table(3).rows.count - 1  // without 合计
        #expect(count >= min(rows, 3) && count <= max(rows, 3) + 2, "asked \(rows), got \(count)")
        #expect(doc.table(2).rows.count == doc.table(3).rows.count)
        #expect(doc.table(5).rows.count == doc.table(3).rows.count)
    }

    @Test func codesFormATree() {
        let doc = DocumentGenerator(seed: 3, rows: 300).generate()
        var seen = Set<String>()
        for row in doc.table(3).rows where row.kind == .classification {
            let code = row.code!
            #expect(row.level == Row.level(ofCode: code))
            #expect(!seen.contains(code))
            seen.insert(code)
            if code.count > 3 { #expect(seen.contains(String(code.prefix(code.count - 2))), "\(code) has no parent") }
        }
    }

    @Test func namesIncludeLongOnes() {
        let doc = DocumentGenerator(seed: 4, rows: 400).generate()
        let lengths = doc.tables.flatMap(\.rows).map(\.name.count)
        #expect(lengths.contains { $0 >= 16 })
        #expect(lengths.allSatisfy { $0 >= 2 && $0 <= 40 })
    }

    @Test func subsetOfTables() {
        let doc = DocumentGenerator(seed: 4, rows: 20, tables: [3, 5, 6]).generate()
        #expect(doc.tables.filter { $0.status != .absent }.map(\.id) == [3, 5, 6])
        #expect(Checker().check(doc).findings.filter { $0.rule != "completeness" }.isEmpty)
    }

    /// A variant changes about the fraction asked of the 项 amounts and
    /// stays valid.
    @Test func variantsChangeAboutTheFraction() {
        let generator = DocumentGenerator(seed: 12, rows: 400)
        let base = generator.generate()
        let variant = generator.generate(varying: 0.1, variant: 1)
        let small = DocumentGenerator(seed: 12, rows: 60).generate(varying: 0.3, variant: 2)
        #expect(Checker().check(small).findings.filter { $0.rule != "completeness" }.isEmpty)
        let a = base.table(3).rows.filter { $0.level == 3 }, b = variant.table(3).rows.filter { $0.level == 3 }
        #expect(a.map(\.key) == b.map(\.key))
        let changed = zip(a, b).filter { $0.0.values["total"] != $0.1.values["total"] }.count
        let share = Double(changed) / Double(a.count)
        #expect(share > 0.05 && share < 0.35, "\(changed) of \(a.count) 项 changed")
        #expect(generator.generate(varying: 0, variant: 1) == base)
    }

    @Test func splitAddsUpExactly() {
        let parts = GeneratedBudget.split(1_234_560_000, weights: [3, 1, 7])
        #expect(parts.reduce(0, +) == 1_234_560_000)
        #expect(parts.allSatisfy { $0 % 10_000 == 0 })
    }
}
