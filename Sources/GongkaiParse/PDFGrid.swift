import Foundation
import GongkaiModel
import GongkaiPDF

/// Rebuilds a PDF's tables from the geometry of its words, and writes the
/// document as the TAB layout: one line per table row, one cell per column,
/// empty cells kept; everything else as plain lines.
///
/// The TAB layout is the grid every reader of `DocumentParser` already takes,
/// so a PDF is read by the same table, panel, header and row code as a TAB
/// text, with no heuristics of its own over text.
///
/// Steps, per page: words → lines (by baseline) → tables (from a title to the
/// next title, prose or the page's end, and on over page breaks) → columns
/// (the x-extents of the body's cells, with the header's leaf cells) →
/// cells (fragments of one column stacked closely are one wrapped cell) →
/// rows (cells whose boxes overlap vertically) → header rows (each header
/// cell at the level of the cells above it, a group header at the left of
/// the columns it is centred over).
struct PDFGrid {
    /// One line of the text written, and the page it came from.
    struct OutputLine {
        var text: String
        var page: Int
    }

    var lines: [OutputLine] = []

    /// Lines of words on one baseline.
    struct Line {
        var words: [PDFWord]
        var y0: Double
        var y1: Double
        var page: Int
        var midY: Double { (y0 + y1) / 2 }
        var height: Double { y1 - y0 }
        var x1: Double { words.map(\.x1).max() ?? 0 }
        var text: String { words.map(\.text).joined(separator: " ") }
    }

    /// A column of a table: its extent, left to right.
    struct Column {
        var x0: Double
        var x1: Double
        var center: Double { (x0 + x1) / 2 }
    }

    /// The last prose line written: where it is and where it ends.
    var lastProse: (index: Int, x1: Double, page: Int)?

    /// The table being read: its columns carry over a page break.
    var openColumns: Layout?

    /// Writes `pages` as TAB text.
    static func text(of pages: [PDFPage]) -> (text: String, pages: [Int]) {
        var grid = PDFGrid()
        for page in pages { grid.read(page) }
        var text = ""
        var pageOfLine: [Int] = []
        text.reserveCapacity(grid.lines.reduce(0) { $0 + $1.text.utf8.count + 1 })
        for line in grid.lines {
            text += line.text
            text += "\n"
            pageOfLine.append(line.page)
        }
        return (text, pageOfLine)
    }

    // MARK: Lines

    /// Words grouped into lines: a word joins a line when their vertical
    /// centres are within half the smaller height of each other.
    static func lines(of page: PDFPage) -> [Line] {
        let words = page.words.sorted { $0.midY < $1.midY || ($0.midY == $1.midY && $0.x0 < $1.x0) }
        var lines: [Line] = []
        for w in words {
            if var last = lines.last, abs(last.midY - w.midY) < min(last.height, w.height) * 0.5 {
                last.words.append(w)
                last.y0 = min(last.y0, w.y0)
                last.y1 = max(last.y1, w.y1)
                lines[lines.count - 1] = last
            } else {
                lines.append(Line(words: [w], y0: w.y0, y1: w.y1, page: page.number))
            }
        }
        for i in lines.indices { lines[i].words.sort { $0.x0 < $1.x0 } }
        return lines.filter { !isPageFurniture($0, page: page) }
    }

    /// A page number at the foot of a page (`13`, `- 13 -`, `第13页`).
    static func isPageFurniture(_ line: Line, page: PDFPage) -> Bool {
        guard line.midY > page.height * 0.85 || line.midY < page.height * 0.06 else { return false }
        let t = line.words.map(\.text).joined().replacingOccurrences(of: "-", with: "")
            .replacingOccurrences(of: "—", with: "").replacingOccurrences(of: "第", with: "")
            .replacingOccurrences(of: "页", with: "")
        return !t.isEmpty && t.count <= 4 && t.allSatisfy(\.isASCII) && t.allSatisfy(\.isNumber)
    }

    // MARK: Pages

    mutating func emit(_ text: String, page: Int) {
        lines.append(OutputLine(text: text, page: page))
    }

    /// A line that is a table's title.
    static func isTitle(_ line: Line) -> Bool {
        let text = line.text
        // A table of contents' line (`5．…预算表 ……… 12`) names a table, it is not one.
        guard text.count <= 80, !text.contains("…"), !text.contains("...") else { return false }
        return TitleMatcher.match(text) != nil || TitleMatcher.isExtraTitle(text)
    }

    /// Prose: one long run of text with no gap in it.
    static func isProse(_ line: Line, pageWidth: Double) -> Bool {
        let joined = line.words.map(\.text).joined()
        // A part's heading (`第三部分 …`) or a sentence ends a table.
        if joined.hasPrefix("第"), let end = joined.firstIndex(of: "部"), joined.distance(from: joined.startIndex, to: end) <= 4,
           joined[end...].hasPrefix("部分") { return true }
        if joined.count > 15, joined.contains("。") || joined.contains("，") || joined.contains("；") { return true }
        guard line.words.count == 1, let w = line.words.first else { return false }
        return w.text.count > 24 && !NumberText.looksNumeric(w.text)
    }

    /// A `单位：` / `部门：` line under a title.
    static func isMeta(_ line: Line) -> Bool {
        let t = HeaderText.normalize(line.words.map(\.text).joined())
        return t.contains("单位:") || t.contains("单位：") || t.hasPrefix("部门:") || t.hasPrefix("部门：")
            || t.hasPrefix("编制部门") || t.hasPrefix("编制单位") || t.hasPrefix("预算单位")
    }

    mutating func read(_ page: PDFPage) {
        let pageLines = Self.lines(of: page)
        // The right edge of the page's text: a prose line that reaches it wraps.
        let rightEdge = pageLines.filter { $0.words.count == 1 }.map(\.x1).max() ?? page.width
        let leftEdge = pageLines.filter { $0.words.count == 1 }.compactMap { $0.words.first?.x0 }.min() ?? 0
        var i = 0
        // A table left openColumns at the foot of the last page goes on here.
        var body: [Line] = []
        var inTable = openColumns != nil
        func flushBody(_ grid: inout PDFGrid) {
            if !body.isEmpty { grid.writeTable(body, page: page.number) }
            body = []
        }
        while i < pageLines.count {
            var line = pageLines[i]
            defer { i += 1 }
            // A title wrapped over two lines (`…会议费、培训费` / `支出预算表`).
            if !Self.isTitle(line), i + 1 < pageLines.count, line.words.count <= 3, pageLines[i + 1].words.count == 1,
               pageLines[i + 1].text.count <= 8 {
                var joined = line
                joined.words[joined.words.count - 1].text += pageLines[i + 1].text
                if Self.isTitle(joined) {
                    line = joined
                    i += 1
                }
            }
            if Self.isTitle(line) {
                flushBody(&self)
                openColumns = nil
                inTable = true
                emit(line.text, page: page.number)
                continue
            }
            if inTable && body.isEmpty && Self.isMeta(line) {
                // `编制部门：… 单位：元` as two lines, each a meta line.
                for part in Self.metaParts(line) { emit(part, page: page.number) }
                continue
            }
            if inTable && (MetadataReader.isNoteLine(HeaderText.normalize(line.text))
                || TitleMatcher.isNumberMarker(line.text.trimmingWhitespace())) {
                // A note, or the next table's number (`公开10表`) on its own line, ends the table.
                flushBody(&self)
                openColumns = nil
                inTable = false
                emit(line.text, page: page.number)
                continue
            }
            // A table goes on over a page break only with rows (or a repeated header).
            if inTable && body.isEmpty && i == 0, let open = openColumns, line.words.count < 3,
               !Self.continuesTable(pageLines, pageWidth: page.width),
               !line.words.allSatisfy({ open.headerWords.contains($0.text) }) {
                openColumns = nil
                inTable = false
            }
            if inTable && !Self.isProse(line, pageWidth: page.width) {
                body.append(line)
                continue
            }
            flushBody(&self)
            openColumns = nil
            inTable = false
            // Prose wrapped at the text's right edge goes on in the next line: one
            // paragraph, so that a figure and its words (`政府采购服务预算` /
            // `983.05万元`) are read together.
            if let last = lastProse, last.index == lines.count - 1, last.page == page.number,
               last.x1 >= rightEdge - line.height * 1.5, let first = line.words.first,
               // A paragraph's next line starts at the text's left edge (a centred
               // cover line does not).
               first.x0 <= leftEdge + line.height * 0.5,
               !Self.startsParagraph(first.text) {
                lines[last.index].text = PDFGrid.join([lines[last.index].text, line.text])
                lastProse = (last.index, line.words.last?.x1 ?? 0, page.number)
                continue
            }
            emit(line.text, page: page.number)
            lastProse = (lines.count - 1, line.words.last?.x1 ?? 0, page.number)
        }
        flushBody(&self)
    }

    /// A line that opens a paragraph, a heading or an item: `一、`, `（二）`,
    /// `1.`, `第三部分`, `其中：`, `注：`.
    static func startsParagraph(_ text: String) -> Bool {
        if startsItem(text) { return true }
        let t = HeaderText.normalize(text)
        return t.hasPrefix("第") || t.hasPrefix("注") || t.hasPrefix("(") || t.hasPrefix("附")
    }

    /// Whether a page goes on with the table the last page left open: among
    /// its opening lines, before any title or prose, one prints amounts.
    static func continuesTable(_ lines: [Line], pageWidth: Double) -> Bool {
        for line in lines.prefix(40) {
            if isTitle(line) || isProse(line, pageWidth: pageWidth) { return false }
            if isDataLine(line) && !(line.words.count == 1 && GridRow.isCodeLike(line.words[0].text) && line.words[0].text.count < 3) {
                return true
            }
        }
        return false
    }

    /// A meta line split where its parts are: `编制部门：…` and `单位：元`.
    static func metaParts(_ line: Line) -> [String] {
        var parts: [String] = []
        var current = ""
        for w in line.words {
            let t = w.text
            if !current.isEmpty && (t.hasPrefix("单位") || t.hasPrefix("金额单位")) {
                parts.append(current)
                current = t
            } else {
                current += current.isEmpty ? t : " " + t
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }
}
