import Foundation
import GongkaiModel
import GongkaiPDF

/// Reads a published disclosure PDF: poppler's positioned words, rebuilt
/// into the TAB grid by `PDFGrid`, read by `DocumentParser` like any text.
public enum PDFReader {
    /// Whether `data` is a PDF (its `%PDF-` header).
    public static func isPDF(_ data: Data) -> Bool { PDFText.isPDF(data) }

    /// The PDF's tables and text as the TAB layout, and the page of each line.
    ///
    /// - Throws: `InputError` naming `file` for an encrypted, broken or
    ///   scanned PDF, or one past the limits.
    public static func grid(of data: Data, file: String, limits: PDFLimits = PDFLimits()) throws -> (text: String, pages: [Int]) {
        let pages: [PDFPage]
        do { pages = try PDFText.pages(of: data, limits: limits) } catch {
            throw InputError(file: file, error.description)
        }
        return PDFGrid.text(of: pages)
    }

    /// Parses the PDF in `data`; `file` names it in messages.
    public static func parse(_ data: Data, file: String, catalog: Catalog = .shared) throws -> Document {
        let (text, pages) = try grid(of: data, file: file)
        if ProcessInfo.processInfo.environment["GONGKAI_DUMP_GRID"] != nil {
            FileHandle.standardError.write(Data(text.utf8))
        }
        let source = SourceLines(text: text)
        var doc: Document
        do { doc = try DocumentParser(catalog: catalog).parse(source, file: file, grid: true) } catch let e as InputError {
            // A PDF's line is its page.
            throw InputError(file: e.file, e.message + (e.line.flatMap { $0 <= pages.count ? " (page \(pages[$0 - 1]))" : nil } ?? ""))
        }
        // Messages name pages, not lines of the rebuilt text.
        for i in doc.diagnostics.indices {
            if let line = doc.diagnostics[i].line, line >= 1, line <= pages.count {
                doc.diagnostics[i].message += " (page \(pages[line - 1]))"
            }
        }
        return doc
    }
}
