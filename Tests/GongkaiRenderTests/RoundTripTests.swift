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
    static let layouts: [Layout] = [.tab]

    func parse(_ text: String, _ name: String) throws -> Document {
        try DocumentParser().parse(data: Data(text.utf8), file: name)
    }

    func roundTrip(_ doc: Document, _ layout: Layout, unit: SourceUnit? = nil, name: String, pdfForms: Bool = false) throws {
        let text = Renderer.render(doc, layout: layout, unit: unit)
        let back = try parse(text, name)
        let sameUnit = (unit ?? layout.defaultUnit) == doc.sourceUnit
        let extras = layout != .tab
        let forms = !(pdfForms && layout == .tab)
        let expected = ModelView(doc, unit: sameUnit, extras: extras, forms: forms)
        let actual = ModelView(back, unit: sameUnit, extras: extras, forms: forms)
        if !forms {
            // Not read as forms, but not lost either: their lines are narrative.
            let narrative = Set(back.narrative.map(\.text))
            let lost = doc.table(13).raw.map { $0.text.trimmingCharacters(in: .whitespaces) }.filter { !narrative.contains($0) }
            #expect(lost.isEmpty, "\(name): 表13 lines lost: \(lost.prefix(3))")
        }
        let differences = expected.differences(from: actual)
        #expect(differences.isEmpty, "\(name) in \(layout.rawValue):\n\(differences.joined(separator: "\n"))")
    }

    @Test(arguments: ["000", "001", "002", "003", "004"], layouts)
    func samples(prefix: String, layout: Layout) throws {
        let doc = try DocumentParser().parse(contentsOf: Fixtures.sample(prefix))
        try roundTrip(doc, layout, name: "\(prefix).\(layout.rawValue)", pdfForms: ["003", "004"].contains(prefix))
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64], layouts)
    func generatedSmall(seed: UInt64, layout: Layout) throws {
        let doc = DocumentGenerator(seed: seed, rows: 30).generate()
        try roundTrip(doc, layout, name: "seed\(seed).\(layout.rawValue)")
    }

    @Test(arguments: [11, 12] as [UInt64], layouts)
    func generatedMedium(seed: UInt64, layout: Layout) throws {
        let doc = DocumentGenerator(seed: seed, rows: 1_500).generate()
        try roundTrip(doc, layout, name: "seed\(seed).\(layout.rawValue)")
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
