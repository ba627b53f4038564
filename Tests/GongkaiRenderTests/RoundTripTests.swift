import Foundation
import GongkaiModel
import GongkaiParse
import GongkaiRender
import GongkaiTestSupport
import Testing

/// The layout property: `parse(render(doc, layout)) == doc` for every
/// bundled sample and for generated documents, in every layout (what
/// "equal" means is `ModelView`'s).
@Suite struct RoundTripTests {
    static let layouts: [Layout] = Layout.allCases

    func parse(_ text: String, _ name: String) throws -> Document {
        try DocumentParser().parse(data: Data(text.utf8), file: name)
    }

    func roundTrip(_ doc: Document, _ layout: Layout, unit: SourceUnit? = nil, name: String, pdfForms: Bool = false) throws {
        let text = Renderer.render(doc, layout: layout, unit: unit)
        let back = try parse(text, name)
        let sameUnit = (unit ?? layout.defaultUnit) == doc.sourceUnit
        let extras = layout != .tab
        let forms = !(pdfForms && layout == .tab)
        let spaces = layout == .tab
        let expected = ModelView(doc, unit: sameUnit, extras: extras, forms: forms, spaces: spaces)
        let actual = ModelView(back, unit: sameUnit, extras: extras, forms: forms, spaces: spaces)
        if !forms {
            // Not read as forms, but not lost either: their lines are narrative.
            let narrative = Set(back.narrative.map(\.text))
            let lost = doc.table(13).raw.map { $0.text.trimmingCharacters(in: .whitespaces) }.filter { !narrative.contains($0) }
            #expect(lost.isEmpty, "\(name): 表13 lines lost: \(lost.prefix(3))")
        }
        let differences = expected.differences(from: actual)
        var kept = ""
        if !differences.isEmpty {
            // Keep the text that did not read back, to look at.
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-roundtrip-\(name).txt")
            try? Data(text.utf8).write(to: url)
            kept = " (text kept in \(url.path))"
        }
        #expect(differences.isEmpty, "\(name) in \(layout.rawValue)\(kept):\n\(differences.joined(separator: "\n"))")
    }

    /// Samples that do not read back yet from a PDF layout, and why: parser
    /// work still to do, kept visible rather than skipped.
    static let knownIssues: [String: String] = [:]
    /// Known issues that do not reproduce on every run.
    static let intermittent: Set<String> = []

    @Test(arguments: ["000", "001", "002", "003", "004"], layouts)
    func samples(prefix: String, layout: Layout) throws {
        let doc = try DocumentParser().parse(contentsOf: Fixtures.sample(prefix))
        let name = "\(prefix).\(layout.rawValue)"
        if let reason = Self.knownIssues[name] {
            withKnownIssue(Comment(rawValue: reason), isIntermittent: Self.intermittent.contains(name)) {
                try roundTrip(doc, layout, name: name, pdfForms: ["003", "004"].contains(prefix))
            }
        } else {
            try roundTrip(doc, layout, name: name, pdfForms: ["003", "004"].contains(prefix))
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64], layouts)
    func generatedSmall(seed: UInt64, layout: Layout) throws {
        let doc = DocumentGenerator(seed: seed, rows: 30).generate()
        try roundTrip(doc, layout, name: "seed\(seed).\(layout.rawValue)")
    }

    /// Medium documents publish 0.00 rather than blanks, as 青山 does: see
    /// `blankCellsInLargeTables` for why.
    @Test(arguments: [11, 12] as [UInt64], layouts)
    func generatedMedium(seed: UInt64, layout: Layout) throws {
        var generator = DocumentGenerator(seed: seed, rows: 1_500)
        generator.blankZeros = false
        try roundTrip(generator.generate(), layout, name: "seed\(seed).\(layout.rawValue)")
    }

    /// In a PDF layout a table of a thousand rows whose empty cells vanished
    /// has more placements of its amounts than a search row by row can try;
    /// `ColumnPlacer` decides them subtree by subtree.
    ///
    /// In 表3 the published sums themselves cannot decide two 款: under 20642
    /// the 项 of 1539.37, 0.16, 0.21 and 25.70 万元 add up to 1565.44 as those
    /// of 844.53, 317.76, 1.60, 9.54 and 392.01 do, so 基本支出 and 项目支出
    /// can trade them and every sum still holds (20686 likewise). 表5 (一般公共
    /// 预算, a part of all funds) prints the same codes with their basic and
    /// project, which decides; the parser still says the sums alone could not.
    @Test func blankCellsInLargeTables() throws {
        let doc = DocumentGenerator(seed: 11, rows: 1_500).generate()
        try roundTrip(doc, .tab, name: "seed11 blanks.tab")
        try roundTrip(doc, .spaceSeparated, name: "seed11 blanks.space-separated")

        let back = try parse(Renderer.render(doc, layout: .spaceSeparated), "seed11 blanks.space-separated")
        let warnings = back.diagnostics.filter { $0.severity == .warning }.map(\.message)
        #expect(warnings.contains { $0.hasPrefix("the sums of 表3 fit more than one placement") })
        #expect(!warnings.contains { $0.contains("no placement of the amounts") || $0.contains("too many placements") })
    }

    /// The same budget printed in 万元 and in 元 reads to the same amounts.
    @Test(arguments: layouts)
    func unitsDoNotMatter(layout: Layout) throws {
        for seed: UInt64 in [21, 22] {
            let doc = DocumentGenerator(seed: seed, rows: 60).generate()
            let wan = try parse(Renderer.render(doc, layout: layout, unit: .wanYuan), "wan")
            let yuan = try parse(Renderer.render(doc, layout: layout, unit: .yuan), "yuan")
            #expect(wan.sourceUnit == .wanYuan)
            #expect(yuan.sourceUnit == .yuan)
            let differences = ModelView(wan, unit: false).differences(from: ModelView(yuan, unit: false))
            #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
            try roundTrip(doc, layout, unit: .yuan, name: "seed\(seed) in 元")
        }
    }
}
