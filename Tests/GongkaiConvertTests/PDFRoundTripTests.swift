import Foundation
import Testing
import GongkaiModel
import GongkaiParse
import GongkaiRender
@testable import GongkaiConvert
import GongkaiTestSupport

/// Model → standardized workbook → LibreOffice's PDF of it → `gongkai parse`:
/// the PDF reader must give back the tables the workbook prints. The
/// workbook is a table layout the reader was not written for (its own
/// titles, grouped headers, indented names, page breaks with repeated
/// headers), so this holds the geometry rules to documents beyond the corpus.
@Suite("PDF round trip through LibreOffice", .enabled(if: LibreOffice.binary != nil, "soffice is not installed (make test installs libreoffice-calc-nogui)"),
       .serialized, .timeLimit(.minutes(5)))
struct PDFRoundTripTests {
    /// The classification and 三公 tables, where rows and figures must come back as they were.
    static let tables = [2, 3, 5, 6, 7, 8, 9]

    /// Differences between `a` and `b` in `tables`: status, row keys, figures (a
    /// figure of 0 read where the workbook printed 0.00 for a blank is not one:
    /// the workbook prints no blanks in amount columns).
    static func differences(_ a: Document, _ b: Document) -> [String] {
        var out: [String] = []
        for id in tables {
            let ta = a.table(id), tb = b.table(id)
            guard ta.status == tb.status else { out.append("表\(id) status \(ta.status) → \(tb.status)"); continue }
            let rb = Dictionary(tb.rows.map { ($0.key, $0) }, uniquingKeysWith: { x, _ in x })
            for row in ta.rows {
                guard let other = rb[row.key] else { out.append("表\(id) lost \(row.key) \(row.name)"); continue }
                for (column, figure) in row.values where other.values[column]?.amount != figure.amount {
                    out.append("表\(id) \(row.key) \(column): \(figure.amount) → \(other.values[column].map { "\($0.amount)" } ?? "blank")")
                }
            }
            for key in rb.keys where !ta.rows.contains(where: { $0.key == key }) { out.append("表\(id) gained \(key)") }
        }
        return out
    }

    func roundTrip(_ doc: Document) throws -> Document {
        let dir = try Fixtures.temporaryDirectory()
        let book = dir.appendingPathComponent("book.xlsx")
        // In the document's own unit: 元 amounts printed in 万元 would be rounded.
        _ = try StandardWorkbook.write(doc, to: book, unit: doc.sourceUnit)
        let pdf = try LibreOffice.pdf(book)
        return try PDFReader.parse(Data(contentsOf: pdf), file: pdf.lastPathComponent)
    }

    @Test("samples 003 (万元) and 004 (元) come back table for table", arguments: ["003", "004"])
    func samples(prefix: String) throws {
        let doc = try DocumentParser().parse(contentsOf: Fixtures.sample(prefix))
        let back = try roundTrip(doc)
        #expect(Self.differences(doc, back) == [])
        #expect(back.year == doc.year)
        #expect(back.table(5).rows.count == doc.table(5).rows.count)
    }

    @Test("a generated document of several pages per table comes back table for table")
    func generated() throws {
        let doc = DocumentGenerator(seed: 11, rows: 150).generate()
        let back = try roundTrip(doc)
        #expect(Self.differences(doc, back) == [])
        #expect(doc.table(3).rows.count > 100)
    }
}
