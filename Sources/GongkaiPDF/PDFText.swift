import CPoppler
import Foundation

/// A run of glyphs printed together on one baseline, with its box in PDF
/// points (origin top left, y growing downwards, as poppler gives it).
public struct PDFWord: Sendable, Equatable {
    public var text: String
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(text: String, x0: Double, y0: Double, x1: Double, y1: Double) {
        self.text = text
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    public var height: Double { y1 - y0 }
    public var midY: Double { (y0 + y1) / 2 }
}

/// The text of one page: its words, and the size of the page.
public struct PDFPage: Sendable {
    /// 1-based page number.
    public var number: Int
    public var width: Double
    public var height: Double
    public var words: [PDFWord]
    /// Glyphs printed outside the page's box, which no reader of the page
    /// sees (a second copy of a table below the visible area); left out.
    public var hiddenGlyphs: Int

    public init(number: Int, width: Double, height: Double, words: [PDFWord], hiddenGlyphs: Int = 0) {
        self.number = number
        self.width = width
        self.height = height
        self.words = words
        self.hiddenGlyphs = hiddenGlyphs
    }
}

/// Why a PDF cannot be read; each says so in words a user can act on.
public enum PDFError: Error, Equatable, Sendable, CustomStringConvertible {
    case encrypted
    case broken(String)
    case noTextLayer(pages: Int)
    case tooLarge(bytes: Int, limit: Int)
    case tooManyPages(pages: Int, limit: Int)
    case tooSlow(seconds: Int, page: Int)

    public var description: String {
        switch self {
        case .encrypted:
            return "this PDF is encrypted (password-protected); save an unprotected copy and read that"
        case .broken(let why):
            return "this PDF cannot be opened (\(why)); it may be damaged or not a PDF"
        case .noTextLayer(let pages):
            return "this PDF has no text layer (scanned?): none of its \(pages) pages holds text; run OCR on it first"
        case .tooLarge(let bytes, let limit):
            return "this PDF is \(bytes / 1_048_576) MB, more than the \(limit / 1_048_576) MB a disclosure is read up to"
        case .tooManyPages(let pages, let limit):
            return "this PDF has \(pages) pages, more than the \(limit) a disclosure is read up to"
        case .tooSlow(let seconds, let page):
            return "reading this PDF took more than \(seconds) s (stopped at page \(page)); it may be malformed"
        }
    }
}

/// Bounds on an untrusted PDF: its size, its pages and the time spent on it.
public struct PDFLimits: Sendable {
    public var maxBytes: Int
    public var maxPages: Int
    public var maxSeconds: Double

    public init(maxBytes: Int = 256 * 1_048_576, maxPages: Int = 2_000, maxSeconds: Double = 60) {
        self.maxBytes = maxBytes
        self.maxPages = maxPages
        self.maxSeconds = maxSeconds
    }
}

/// Reads the positioned text of a PDF with poppler (libpoppler-glib).
///
/// poppler-glib is poppler's C API, which Swift imports as it is; the C++
/// API (`page::text_list()`) would need C++ interoperability in every target
/// that depends on this one. `poppler_page_get_text_layout` gives one box per
/// character of `poppler_page_get_text`; words are made from those boxes here,
/// by gaps, so the rule that splits cells is ours and the same on every PDF.
public enum PDFText {
    /// `%PDF-` within the first kilobyte, as readers accept it.
    public static func isPDF(_ data: Data) -> Bool {
        let head = data.prefix(1024)
        let magic: [UInt8] = Array("%PDF-".utf8)
        guard head.count >= magic.count else { return false }
        let bytes = Array(head)
        for i in 0...(bytes.count - magic.count) where bytes[i] == magic[0] {
            if Array(bytes[i..<i + magic.count]) == magic { return true }
        }
        return false
    }

    /// The pages of the PDF in `data`, each with its words.
    ///
    /// - Throws: `PDFError` for an encrypted, broken, image-only or
    ///   oversized PDF, or one that takes longer than `limits.maxSeconds`.
    /// - Complexity: O(n) in the glyphs of the document.
    public static func pages(of data: Data, limits: PDFLimits = PDFLimits()) throws(PDFError) -> [PDFPage] {
        guard data.count <= limits.maxBytes else { throw .tooLarge(bytes: data.count, limit: limits.maxBytes) }
        let document = try Handle(data: data)
        let count = Int(poppler_document_get_n_pages(document.pointer))
        guard count > 0 else { throw .broken("it has no pages") }
        guard count <= limits.maxPages else { throw .tooManyPages(pages: count, limit: limits.maxPages) }
        let start = Date()
        var pages: [PDFPage] = []
        pages.reserveCapacity(count)
        for index in 0..<count {
            if Date().timeIntervalSince(start) > limits.maxSeconds {
                throw .tooSlow(seconds: Int(limits.maxSeconds), page: index + 1)
            }
            guard let page = poppler_document_get_page(document.pointer, Int32(index)) else {
                throw .broken("page \(index + 1) cannot be read")
            }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            pages.append(read(page, number: index + 1))
        }
        if pages.allSatisfy({ $0.words.isEmpty }) { throw .noTextLayer(pages: count) }
        return pages
    }

    /// Owns a `PopplerDocument` and the bytes it reads from.
    private final class Handle {
        let pointer: OpaquePointer
        private let bytes: OpaquePointer

        init(data: Data) throws(PDFError) {
            // GBytes copies the data: poppler reads from it for the document's life.
            let copied: OpaquePointer? = data.withUnsafeBytes { raw in
                g_bytes_new(raw.baseAddress, gsize(raw.count))
            }
            guard let copied else { throw .broken("out of memory") }
            bytes = copied
            var error: UnsafeMutablePointer<GError>?
            guard let doc = poppler_document_new_from_bytes(copied, nil, &error) else {
                defer { if error != nil { g_error_free(error) } }
                g_bytes_unref(copied)
                if let error, error.pointee.domain == poppler_error_quark(),
                   error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                    throw .encrypted
                }
                let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
                throw .broken(message)
            }
            pointer = doc
        }

        deinit {
            g_object_unref(UnsafeMutableRawPointer(pointer))
            g_bytes_unref(bytes)
        }
    }

    /// The words of one page, left to right in poppler's reading order.
    private static func read(_ page: OpaquePointer, number: Int) -> PDFPage {
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard let cText = poppler_page_get_text(page) else {
            return PDFPage(number: number, width: width, height: height, words: [], hiddenGlyphs: 0)
        }
        defer { g_free(cText) }
        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var n: guint = 0
        guard poppler_page_get_text_layout(page, &rects, &n) != 0, let rects else {
            return PDFPage(number: number, width: width, height: height, words: [], hiddenGlyphs: 0)
        }
        defer { g_free(rects) }
        let text = String(cString: cText)
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(Int(n))
        var i = 0
        for scalar in text.unicodeScalars where i < Int(n) {
            let r = rects[i]
            glyphs.append(Glyph(scalar: scalar, x0: r.x1, y0: r.y1, x1: r.x2, y1: r.y2))
            i += 1
        }
        let (words, hidden) = WordBuilder.words(glyphs, pageWidth: width, pageHeight: height)
        return PDFPage(number: number, width: width, height: height, words: words, hiddenGlyphs: hidden)
    }
}

/// One character with its box.
struct Glyph {
    var scalar: Unicode.Scalar
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double
}

/// Joins glyphs into words: a word ends at white space, a line break, a
/// glyph on another baseline, or a gap wider than half the glyphs' height
/// (the cells of a table are further apart than that; the characters of a
/// cell, even letter-spaced ones, are not).
enum WordBuilder {
    static func words(_ glyphs: [Glyph], pageWidth: Double, pageHeight: Double) -> (words: [PDFWord], hidden: Int) {
        var words: [PDFWord] = []
        var current: PDFWord?
        var hidden = 0
        func flush() {
            if let w = current, !w.text.isEmpty { words.append(w) }
            current = nil
        }
        for g in glyphs {
            if g.scalar.properties.isWhitespace || g.scalar.value < 0x20 {
                flush()
                continue
            }
            // Outside the page box: no one who reads the page sees it.
            let midX = (g.x0 + g.x1) / 2, midY = (g.y0 + g.y1) / 2
            if midX < 0 || midY < 0 || midX > pageWidth || midY > pageHeight {
                hidden += 1
                flush()
                continue
            }
            if var w = current {
                let h = max(w.height, g.y1 - g.y0, 1)
                let sameLine = abs(w.midY - midY) < h * 0.4
                let gap = g.x0 - w.x1
                if sameLine && gap < h * 0.25 && gap > -h * 0.5 {
                    w.text.unicodeScalars.append(g.scalar)
                    w.x1 = max(w.x1, g.x1)
                    w.y0 = min(w.y0, g.y0)
                    w.y1 = max(w.y1, g.y1)
                    current = w
                    continue
                }
                flush()
            }
            current = PDFWord(text: String(g.scalar), x0: g.x0, y0: g.y0, x1: g.x1, y1: g.y1)
        }
        flush()
        return (words, hidden)
    }
}
