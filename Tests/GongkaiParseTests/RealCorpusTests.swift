import Foundation
import GongkaiModel
import GongkaiTestSupport
import Testing
@testable import GongkaiParse

/// The real published PDFs of `../shared/corpus/real` (never copied into
/// the repository). Absent, the tests say so and check nothing else.
@Suite struct RealCorpusTests {
    static let folder = Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/real")

    static var pdfs: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "pdf" }.sorted { $0.path < $1.path }
    }

    @Test func everyPDFOfTheCorpusReads() throws {
        guard !Self.pdfs.isEmpty else {
            print("RealCorpusTests: \(Self.folder.path) is absent; the real corpus is not checked")
            return
        }
        #expect(Self.pdfs.count == 18)
        for url in Self.pdfs {
            let doc = try DocumentLoader.load(url)
            let disclosed = doc.tables.filter { $0.status == .disclosed }.count
            if url.lastPathComponent.contains("narrative") {
                #expect(disclosed == 0, "\(url.lastPathComponent): a narrative-only PDF has no table")
            } else {
                // Jiangsu prints 12 tables, Putuo 9; 7 to 9 of them have a canonical id and rows.
                #expect(disclosed >= 7, "\(url.lastPathComponent): \(disclosed) tables disclosed")
            }
        }
    }

    /// Figures read off the pages of putuo-2025-wanli-dept.pdf (pages 10, 20,
    /// 27 and 29): tables in 元, the “三公” table in 万元.
    @Test func putuo2025WanliHoldsItsPublishedFigures() throws {
        let url = Self.folder.appendingPathComponent("putuo-2025-wanli-dept.pdf")
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let doc = try DocumentLoader.load(url)
        func yuan(_ text: String) -> Amount? { try? Amount.parse(text, unit: .yuan).get() }
        #expect(doc.sourceUnit == .yuan)
        #expect(doc.year == 2025)
        let t2 = doc.table(2)
        #expect(t2.rows.first { $0.key == "201" }?.values["total"]?.amount == yuan("3296600"))
        #expect(t2.rows.first { $0.key == "2010507" }?.values["current.fiscal"]?.amount == yuan("438300"))
        #expect(t2.rows.first { $0.key == "total" }?.values["total"]?.amount == yuan("189767551"))
        let t6 = doc.table(6)
        #expect(t6.rows.first { $0.key == "total" }?.values["personnel"].map(\.text) == "90,514,044")
        // The “三公” table, one row of columns, in 万元 although the document is in 元.
        let t7 = doc.table(7)
        #expect(t7.rows.first { $0.key == "total" }?.values["amount"]?.amount == yuan("379100"))
        #expect(t7.rows.first { $0.key == "vehicle.purchase" }?.values["amount"]?.amount == yuan("150000"))
        #expect(t7.rows.first { $0.key == "operation_costs" }?.values["amount"]?.amount == yuan("4646400"))
        #expect(doc.table(8).status == .empty)
        #expect(doc.table(9).status == .empty)
        #expect(!doc.diagnostics.contains { $0.message.contains("appended to the name") || $0.message.contains("unlabeled") })
    }
}
