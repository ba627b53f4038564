import Foundation
import GongkaiModel
import GongkaiParse
import GongkaiRender
import GongkaiTestSupport
import Testing

@Suite struct CorpusTests {
    @Test func writesNamedDocumentsThatParse() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = Corpus(count: 3, rows: 12, seed: 4, layout: .mixed)
        let files = try corpus.write(to: dir)
        #expect(files.map(\.lastPathComponent) == (0..<3).map(corpus.fileName))
        #expect(files[0].lastPathComponent.range(of: #"^000_[0-9a-f]{16}\.txt$"#, options: .regularExpression) != nil)
        for (i, file) in files.enumerated() {
            let doc = try DocumentParser().parse(contentsOf: file)
            #expect(doc.table(3).rows.map(\.key) == corpus.document(i).table(3).rows.map(\.key))
        }
    }

    @Test func sameSeedSameFiles() throws {
        let a = try Fixtures.temporaryDirectory(), b = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let corpus = Corpus(count: 2, rows: 20, seed: 9)
        let fa = try corpus.write(to: a), fb = try corpus.write(to: b)
        for (x, y) in zip(fa, fb) { #expect(try Data(contentsOf: x) == Data(contentsOf: y)) }
    }

    /// With `vary`, every document is the first one with some amounts
    /// changed: same rows, some different figures.
    @Test func variedDocumentsShareTheirRows() {
        let corpus = Corpus(count: 2, rows: 60, seed: 7, vary: 0.2)
        let a = corpus.document(0), b = corpus.document(1)
        #expect(a.table(3).rows.map(\.key) == b.table(3).rows.map(\.key))
        #expect(a.table(3).rows.map(\.values) != b.table(3).rows.map(\.values))
    }

    @Test func mixedRotatesLayouts() {
        #expect((0..<4).map(Corpus.LayoutChoice.mixed.layout) == [.tab, .cellPerLine, .spaceSeparated, .tab])
    }
}
