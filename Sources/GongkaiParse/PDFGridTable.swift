import Foundation
import GongkaiModel
import GongkaiPDF

extension PDFGrid {
    /// A header cell: its text, box, and the columns it stands over.
    struct HeaderCell {
        var text: String
        var x0: Double
        var x1: Double
        var y0: Double
        var y1: Double
        var span: ClosedRange<Int>
        var center: Double { (x0 + x1) / 2 }
        var height: Double { y1 - y0 }
    }

    /// A table's columns as written: `columns` are the geometric columns,
    /// `merged` the runs of them written as one cell (类/款/项 codes).
    struct Layout {
        var columns: [Column]
        var merged: [ClosedRange<Int>] = []
        /// The words of its header, to know it when a page repeats it.
        var headerWords: Set<String> = []
        /// A header alone at a page's foot, its rows on the next page: its
        /// lines (placed above the next page's), and where its rows were written.
        var headerLines: [Line] = []
        var writtenFrom = 0
        var hasRows = false
        /// How many amounts and labels each column printed, over the pages so far.
        var tally: [Int: (numeric: Int, all: Int)] = [:]
    }

    /// `12,345.67`, `0`, `-3.5`, `2040401`: digits with separators.
    static func isNumeric(_ text: String) -> Bool {
        var digit = false
        for b in text.utf8 {
            switch b {
            case 0x30...0x39: digit = true
            case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "-"): continue
            default: return false
            }
        }
        return digit
    }

    static func isDataLine(_ line: Line) -> Bool {
        line.words.contains { isNumeric($0.text) }
    }

    /// Writes one page's part of a table: its header rows, then its rows.
    mutating func writeTable(_ body: [Line], page: Int) {
        var body = body
        // A header the last page ended with, no rows under it: the header goes
        // on here; it is read again whole, its lines placed above this page's.
        if let open = openColumns, !open.hasRows, !open.headerLines.isEmpty {
            lines.removeSubrange(open.writtenFrom...)
            openColumns = nil
            let bottom = open.headerLines.map(\.y1).max() ?? 0
            let shift = bottom + 2 - (body.first?.y0 ?? 0)
            body = open.headerLines.map { line in
                var l = line
                l.y0 -= shift; l.y1 -= shift
                l.words = l.words.map { var w = $0; w.y0 -= shift; w.y1 -= shift; return w }
                return l
            } + body
        }
        var firstData = body.firstIndex(where: Self.isDataLine) ?? body.count
        // The first row's label wrapped above its amounts (`一、财政` over
        // `拨款`, the amounts between) belongs to the row, not the header.
        while firstData > 0, firstData < body.count, let first = body[firstData - 1].words.first, Self.startsItem(first.text) {
            firstData -= 1
        }
        // On a page that goes on with a table, lines above the first amounts
        // are its header only when they repeat it; else they are rows (the
        // rest of a label wrapped over the page break).
        if let open = openColumns, open.hasRows, firstData > 0,
           !body[..<firstData].allSatisfy({ $0.words.allSatisfy { open.headerWords.contains($0.text) } }) {
            firstData = 0
        }
        let header = Array(body[..<firstData])
        let rows = Array(body[firstData...])
        var layout: Layout
        var headerCells: [HeaderCell] = []
        if header.isEmpty, let openColumns {
            layout = openColumns
            // A page may print the table at other x: its own body's columns
            // stand when there are as many of them.
            let own = Self.layout(header: [], rows: rows).0
            if own.columns.count == openColumns.columns.count { layout.columns = own.columns }
        } else {
            (layout, headerCells) = Self.layout(header: header, rows: rows)
        }
        if ProcessInfo.processInfo.environment["GONGKAI_DUMP_GRID"] == "2" {
            // Where the columns were cut and what the header cells span (for a
            // developer, on stderr: never into the grid the parser reads).
            var dump = "# page \(page) columns \(Self.cuts(layout.columns).map { Int($0) })\n"
            for c in headerCells { dump += "# header \(c.text) \(c.span) x \(Int(c.x0))–\(Int(c.x1)) y \(Int(c.y0))\n" }
            FileHandle.standardError.write(Data(dump.utf8))
        }
        if !headerCells.isEmpty {
            layout.merged = Self.codeRuns(headerCells, columns: layout.columns.count)
            layout.headerWords = Set(header.flatMap(\.words).map(\.text))
        }
        // A header repeated at the top of a continued page is the same header:
        // written once (its cells may cut differently without the first page's body).
        let repeated = openColumns.map { open in
            !header.isEmpty && header.allSatisfy { $0.words.allSatisfy { open.headerWords.contains($0.text) } }
        } ?? false
        if repeated, let open = openColumns, open.columns.count == layout.columns.count {
            layout.merged = open.merged
            layout.headerWords = open.headerWords
        } else {
            layout.writtenFrom = lines.count
            layout.headerLines = header
            for row in Self.headerRows(headerCells, layout: layout) { emit(row, page: page) }
        }
        layout.hasRows = layout.hasRows || !rows.isEmpty
        for row in Self.rows(rows, layout: layout, tally: &layout.tally) { emit(row, page: page) }
        openColumns = layout
    }

    // MARK: Columns

    /// The columns of a table, from the x-extents of its body's words and
    /// its header's cells.
    static func layout(header: [Line], rows: [Line]) -> (Layout, [HeaderCell]) {
        // 1. Body segments: the union of the body words' extents. A table
        // without rows takes its columns from its header's lowest cells.
        var segments: [Column]
        if rows.isEmpty {
            // Leaves: header words with no other header word under them.
            let words = header.flatMap(\.words)
            let leaves = words.filter { w in !words.contains { v in v.y0 >= w.y1 - 0.5 && v.x0 < w.x1 && v.x1 > w.x0 } }
            segments = projection(leaves.map { ($0.x0, $0.x1) })
        } else {
            segments = projection(rows.flatMap(\.words).map { ($0.x0, $0.x1) })
            // A segment only one line's text uses, with nothing numeric in it, is a
            // label spread over a merged cell (`合    计`), not a column of its own.
            segments = absorbStray(segments, rows: rows)
        }
        guard !segments.isEmpty else { return (Layout(columns: []), []) }
        // 2. Boundaries from alignment: amounts are right-aligned, text left-aligned.
        let rightAligned = segments.map { s in isRightAligned(rows.flatMap(\.words).filter { w in w.x0 >= s.x0 - 0.01 && w.x1 <= s.x1 + 0.01 }) }
        let leftAligned = segments.map { s in isLeftAligned(rows.flatMap(\.words).filter { w in w.x0 >= s.x0 - 0.01 && w.x1 <= s.x1 + 0.01 }) }
        let left = min(segments[0].x0, header.flatMap(\.words).map(\.x0).min() ?? .infinity)
        let right = max(segments[segments.count - 1].x1, header.flatMap(\.words).map(\.x1).max() ?? -.infinity)
        var columns: [Column] = []
        columns.reserveCapacity(segments.count)
        for k in segments.indices {
            let x0: Double = k == 0 ? left : columns[k - 1].x1
            var x1: Double = right
            if k + 1 < segments.count {
                let gapStart = segments[k].x1, gapEnd = segments[k + 1].x0
                if rightAligned[k] { x1 = min(gapEnd, gapStart + 2) }
                else if leftAligned[k + 1] { x1 = max(gapStart, gapEnd - 2) }
                else { x1 = (gapStart + gapEnd) / 2 }
            }
            columns.append(Column(x0: x0, x1: x1))
        }
        // 3. Columns the body leaves blank: two header labels side by side
        // over one body column, apart, are two columns.
        columns = splitBlankColumns(columns, header: header)
        // 4. Header cells: words of one line over the same column join.
        var cells = headerFragments(header, columns: columns)
        cells = stackFragments(cells, columns: columns)
        cells = assignSpans(cells, columns: columns)
        // 5. A column is at least as wide as its own label: where the leaf
        // labels of two neighbours leave room between them that the body does
        // not use, the rule lies midway (right-aligned amounts under a long
        // label put it too far left), and the groups are placed again.
        let adjusted = widenToLeaves(columns, cells: cells, rows: rows)
        if adjusted.map(\.x1) != columns.map(\.x1) {
            columns = adjusted
            cells = assignSpans(cells, columns: columns)
        }
        // A 合计 under a 名称 header, in a table without rows, labels a row.
        cells = cells.filter { c in
            !(GridRow.isTotalLabel(c.text) && cells.contains { $0.y1 <= c.y0 && $0.span.contains(c.span.lowerBound) && $0.text.contains("名称") })
        }
        return (Layout(columns: columns), cells)
    }

    static func widenToLeaves(_ columns: [Column], cells: [HeaderCell], rows: [Line]) -> [Column] {
        guard columns.count > 1 else { return columns }
        var columns = columns
        let cuts = cuts(columns)
        let words = rows.flatMap(\.words)
        func body(_ k: Int) -> [PDFWord] { words.filter { column(at: ($0.x0 + $0.x1) / 2, cuts: cuts) == k } }
        func leaves(_ k: Int) -> [HeaderCell] { cells.filter { $0.span == k...k } }
        for k in 0..<(columns.count - 1) {
            guard let leftLabel = leaves(k).map(\.x1).max(), let rightLabel = leaves(k + 1).map(\.x0).min(),
                  leftLabel < rightLabel else { continue }
            let leftBody = body(k).map(\.x1).max() ?? -.infinity
            let rightBody = body(k + 1).map(\.x0).min() ?? .infinity
            let rule = (leftLabel + rightLabel) / 2
            if rule > leftBody, rule < rightBody {
                columns[k].x1 = rule
                columns[k + 1].x0 = rule
            }
        }
        return columns
    }

    /// Splits a column under which the header prints labels that stand
    /// apart (each of two characters or more, a gap of half a line between
    /// them): the body printed nothing under all but one of them.
    static func splitBlankColumns(_ columns: [Column], header: [Line]) -> [Column] {
        var columns = columns
        // Leaves only: a group label over two columns (收入 over 项目名称 and
        // 金额) stands apart from the labels below it without being a column.
        // The top line of a header of several lines holds groups (收入 over
        // 项目名称 and 金额): a leaf's cell reaches down to the body, and its
        // text is centred lower.
        let all = header.flatMap(\.words)
        let top = header.count > 1 ? header.first?.y1 ?? -.infinity : -.infinity
        let words = all.filter { w in
            guard w.text.count >= 2, w.y1 > top + 0.5 else { return false }
            let below = all.filter { $0.y0 >= w.y1 - 0.5 }
            // The rest of a label wrapped in its cell (`公务用车` over `购置费`)
            // stands close under it, centred alike.
            func continues(_ v: PDFWord) -> Bool {
                v.y0 - w.y1 < w.height * 0.8 && abs((v.x0 + v.x1) - (w.x0 + w.x1)) / 2 < max(v.x1 - v.x0, w.x1 - w.x0) / 2
            }
            // Labels under it, or close under it on both sides (a group centred
            // over the rule between two columns): it is a group, not a column.
            if below.contains(where: { $0.x0 < w.x1 && $0.x1 > w.x0 && !continues($0) }) { return false }
            let reach = (w.x1 - w.x0) * 2
            let left = below.contains { $0.x1 <= w.x0 && w.x0 - $0.x1 <= reach }
            let right = below.contains { $0.x0 >= w.x1 && $0.x0 - w.x1 <= reach }
            return !(left && right)
        }
        var changed = true
        var rounds = 0
        while changed && rounds < 50 {
            changed = false
            rounds += 1
            let cuts = cuts(columns)
            for k in columns.indices {
                let inside = words.filter { column(at: ($0.x0 + $0.x1) / 2, cuts: cuts) == k }.sorted { $0.x0 < $1.x0 }
                guard inside.count > 1 else { continue }
                var reach = inside[0].x1
                for w in inside.dropFirst() {
                    if w.x0 - reach >= w.height * 0.3 {
                        let m = (reach + w.x0) / 2
                        let right = Column(x0: m, x1: columns[k].x1)
                        columns[k].x1 = m
                        columns.insert(right, at: k + 1)
                        changed = true
                        break
                    }
                    reach = max(reach, w.x1)
                }
                if changed { break }
            }
        }
        return columns
    }

    /// Amounts: more of them end at one x than start at one (or a lone
    /// amount, as in a table of one row).
    static func isRightAligned(_ words: [PDFWord]) -> Bool {
        guard words.count > 1 else { return words.first.map { isNumeric($0.text) && !GridRow.isCodeLike($0.text) } ?? false }
        let right = modeCount(words.map(\.x1)), left = modeCount(words.map(\.x0))
        // Amounts of one width line up both ways: amounts are right-aligned.
        return right > left || (right == left && words.allSatisfy { isNumeric($0.text) && !GridRow.isCodeLike($0.text) })
    }

    /// Names and codes: more of them start at one x than end at one.
    static func isLeftAligned(_ words: [PDFWord]) -> Bool {
        guard words.count > 1 else { return words.first.map { !isNumeric($0.text) } ?? false }
        return modeCount(words.map(\.x0)) > modeCount(words.map(\.x1))
    }

    /// How many of `xs` share the most common position (within a point).
    static func modeCount(_ xs: [Double]) -> Int {
        var counts: [Int: Int] = [:]
        for x in xs { counts[Int((x).rounded()), default: 0] += 1 }
        var best = 0
        for (k, n) in counts { best = max(best, n + (counts[k + 1] ?? 0)) }
        return best
    }

    static func spread(_ xs: [Double]) -> Double { (xs.max() ?? 0) - (xs.min() ?? 0) }

    /// Sorted, merged x-intervals.
    static func projection(_ intervals: [(Double, Double)]) -> [Column] {
        var out: [Column] = []
        for (a, b) in intervals.sorted(by: { $0.0 < $1.0 }) {
            if let last = out.last, a <= last.x1 + 0.5 {
                out[out.count - 1].x1 = max(last.x1, b)
            } else {
                out.append(Column(x0: a, x1: b))
            }
        }
        return out
    }

    static func absorbStray(_ segments: [Column], rows: [Line]) -> [Column] {
        guard segments.count > 2 else { return segments }
        var segs = segments
        var k = 0
        while k < segs.count, segs.count > 2 {
            let s = segs[k]
            let inside = rows.map { $0.words.filter { w in w.x0 >= s.x0 - 0.01 && w.x1 <= s.x1 + 0.01 } }
            let lines = inside.filter { !$0.isEmpty }
            let numeric = lines.contains { $0.contains { isNumeric($0.text) } }
            if lines.count == 1 && !numeric {
                // Join the nearer neighbour.
                let left = k > 0 ? s.x0 - segs[k - 1].x1 : .infinity
                let right = k + 1 < segs.count ? segs[k + 1].x0 - s.x1 : .infinity
                if left <= right { segs[k - 1].x1 = s.x1 } else { segs[k + 1].x0 = s.x0 }
                segs.remove(at: k)
                continue
            }
            k += 1
        }
        return segs
    }

    /// Indices of the columns an extent overlaps.
    static func overlapped(_ x0: Double, _ x1: Double, _ columns: [Column]) -> [Int] {
        columns.indices.filter { min(columns[$0].x1, x1) - max(columns[$0].x0, x0) > 1 }
    }

    /// The boundaries between columns, the outer ones the table's edges.
    static func cuts(_ columns: [Column]) -> [Double] {
        guard !columns.isEmpty else { return [] }
        return [columns[0].x0] + columns.map(\.x1)
    }

    /// The column whose boundaries hold `x`.
    static func column(at x: Double, cuts: [Double]) -> Int {
        for k in 1..<cuts.count where x < cuts[k] { return k - 1 }
        return cuts.count - 2
    }

    // MARK: Header

    /// Words of a header line joined into cells: neighbours whose centres
    /// fall in the same column are one cell (`项    目`).
    static func headerFragments(_ header: [Line], columns: [Column]) -> [HeaderCell] {
        let cuts = cuts(columns)
        var cells: [HeaderCell] = []
        for line in header {
            var current: HeaderCell?
            var home = -1
            for w in line.words {
                let k = column(at: (w.x0 + w.x1) / 2, cuts: cuts)
                if var c = current, k == home {
                    c.text += w.text
                    c.x1 = w.x1
                    c.y0 = min(c.y0, w.y0)
                    c.y1 = max(c.y1, w.y1)
                    current = c
                    continue
                }
                if let c = current { cells.append(c) }
                current = HeaderCell(text: w.text, x0: w.x0, x1: w.x1, y0: w.y0, y1: w.y1, span: k...k)
                home = k
            }
            if let c = current { cells.append(c) }
        }
        return cells
    }

    /// Fragments of one header cell wrapped over lines (`事业单位` over
    /// `经营收入`) joined: closely stacked, over the same columns.
    static func stackFragments(_ cells: [HeaderCell], columns: [Column]) -> [HeaderCell] {
        var out: [HeaderCell] = []
        let sorted = cells.sorted { $0.y0 < $1.y0 || ($0.y0 == $1.y0 && $0.x0 < $1.x0) }
        var used = Array(repeating: false, count: sorted.count)
        for i in sorted.indices where !used[i] {
            var c = sorted[i]
            used[i] = true
            var j = i + 1
            while j < sorted.count {
                let d = sorted[j]
                if !used[j] && d.y0 > c.y1 - 0.5 && d.y0 - c.y1 < min(c.height, d.height) * 0.6
                    && d.span == c.span
                    && abs(d.center - c.center) < max(c.x1 - c.x0, d.x1 - d.x0) * 0.5 + 2 {
                    c.text += d.text
                    c.x0 = min(c.x0, d.x0)
                    c.x1 = max(c.x1, d.x1)
                    c.y1 = d.y1
                    used[j] = true
                }
                j += 1
            }
            out.append(c)
        }
        return out
    }

    /// Decides the columns each header cell stands over.
    ///
    /// A cell over one column is a leaf. A group header is centred over the
    /// columns it spans; every one of them has a cell below it, centred in
    /// the room the group leaves (a label beside the group fills the whole
    /// header's height and is centred in it), and it lies within the group
    /// above it. Groups are placed top down, so that a table whose halves
    /// mirror each other (收入 | 支出) cannot give a group of one half the
    /// whole table; a first, bottom-up pass tells groups from leaves.
    static func assignSpans(_ cells: [HeaderCell], columns: [Column]) -> [HeaderCell] {
        let provisional = spans(cells, columns: columns, topDown: false)
        return spans(provisional, columns: columns, topDown: true)
    }

    private static func spans(_ cells: [HeaderCell], columns: [Column], topDown: Bool) -> [HeaderCell] {
        let cuts = cuts(columns)
        let headerTop = cells.map(\.y0).min() ?? 0, headerBottom = cells.map(\.y1).max() ?? 0
        let isGroup = cells.map { $0.span.count > 1 }
        var cells = cells
        for i in cells.indices {
            let home = column(at: cells[i].center, cuts: cuts)
            cells[i].span = home...home
        }
        let order = cells.indices.sorted { topDown ? cells[$0].y0 < cells[$1].y0 : cells[$0].y0 > cells[$1].y0 }
        var placed: [Int] = []
        for i in order {
            var c = cells[i]
            let home = c.span.lowerBound
            let over = overlapped(c.x0, c.x1, columns)
            let lo = min(over.first ?? home, home), hi = max(over.last ?? home, home)
            let below = cells.indices.filter { $0 != i && cells[$0].y0 >= c.y1 - 0.5 }
            let roomCentre = (c.y1 + headerBottom) / 2, fullCentre = (headerTop + headerBottom) / 2
            func under(_ k: Int) -> Bool {
                guard let top = below.filter({ cells[$0].span.contains(k) }).min(by: { cells[$0].y0 < cells[$1].y0 }) else { return false }
                guard topDown, !isGroup[top] else { return true }
                let centre = (cells[top].y0 + cells[top].y1) / 2
                return abs(centre - roomCentre) <= abs(centre - fullCentre)
            }
            let parent = topDown ? placed.filter { cells[$0].y1 <= c.y0 + 0.5 && cells[$0].span.contains(home) && cells[$0].span.count > 1 }
                .max { cells[$0].y0 < cells[$1].y0 } : nil
            let bounds = parent.map { cells[$0].span } ?? 0...(columns.count - 1)
            var best: ClosedRange<Int>?
            if bounds.contains(lo), bounds.contains(hi) {
                for a in stride(from: lo, through: bounds.lowerBound, by: -1) {
                    for b in hi...bounds.upperBound where b > a {
                        guard (a...b).allSatisfy(under) else { continue }
                        let mid = (cuts[a] + cuts[b + 1]) / 2
                        let width = cuts[b + 1] - cuts[a]
                        let tol = max(6, width / Double(b - a + 1) * 0.3)
                        guard abs(mid - c.center) <= tol else { continue }
                        if best == nil || b - a > best!.count - 1 { best = a...b }
                    }
                }
            }
            c.span = best ?? (home...home)
            cells[i] = c
            placed.append(i)
        }
        return cells
    }

    /// Runs of columns whose leaf headers are 类, 款, 项 under one group:
    /// a code split into columns, written as one code cell.
    static func codeRuns(_ cells: [HeaderCell], columns: Int) -> [ClosedRange<Int>] {
        let parts = ["类", "款", "项"]
        var leafOf: [Int: String] = [:]
        for c in cells where c.span.count == 1 {
            let t = HeaderText.normalize(c.text)
            if parts.contains(t) { leafOf[c.span.lowerBound] = t }
        }
        var runs: [ClosedRange<Int>] = []
        var k = 0
        while k < columns {
            if leafOf[k] == "类" {
                var end = k
                while end + 1 < columns, let next = leafOf[end + 1], next != "类" { end += 1 }
                if end > k { runs.append(k...end) }
                k = end + 1
            } else {
                k += 1
            }
        }
        return runs
    }

    /// The written column of each geometric column, and how many there are.
    static func writtenColumns(_ layout: Layout) -> (index: [Int], count: Int) {
        var index: [Int] = []
        var n = 0
        var k = 0
        while k < layout.columns.count {
            if let run = layout.merged.first(where: { $0.lowerBound == k }) {
                for _ in run { index.append(n) }
                k = run.upperBound + 1
            } else {
                index.append(n)
                k += 1
            }
            n += 1
        }
        return (index, n)
    }

    /// Header rows as the TAB layout prints them: a cell's row is the number
    /// of cells above it; a group header at the left of its span.
    static func headerRows(_ cells: [HeaderCell], layout: Layout) -> [String] {
        guard !cells.isEmpty else { return [] }
        let (index, width) = writtenColumns(layout)
        // A split code's parts (类/款/项) are not columns of their own.
        let cells = cells.filter { c in
            !(c.span.count == 1 && layout.merged.contains { $0.contains(c.span.lowerBound) })
        }
        var level: [Int] = Array(repeating: 0, count: cells.count)
        for (i, c) in cells.enumerated() {
            var most = 0
            for k in c.span {
                let above = cells.indices.filter { j in j != i && cells[j].span.contains(k) && cells[j].y1 <= c.y0 + 0.5 }
                most = max(most, above.count)
            }
            level[i] = most
        }
        let depth = (level.max() ?? 0) + 1
        var rows = Array(repeating: Array(repeating: "", count: width), count: depth)
        for (i, c) in cells.enumerated() {
            let col = index[c.span.lowerBound]
            rows[level[i]][col] += rows[level[i]][col].isEmpty ? c.text : c.text
        }
        return rows.map { $0.joined(separator: "\t") }.filter { !$0.allSatisfy { $0 == "\t" } }
    }

    // MARK: Rows

    /// A body cell: its column, box and text.
    struct BodyCell {
        var column: Int
        var y0: Double
        var y1: Double
        var text: String
        var numeric: Bool
        /// The line it was printed on, and whether that line holds a number.
        var line: Int = 0
        var lineHasNumber = false
        var x0: Double = 0
        var x1: Double = 0
    }

    /// `一、`, `十八、`, `1.`, `(一)`, `其中：`: the start of an item, never
    /// the rest of a wrapped one.
    static func startsItem(_ text: String) -> Bool {
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        let t = HeaderText.normalize(text)
        if t.hasPrefix("其中") || t.hasPrefix("(") { return true }
        let lead = t.prefix { numerals.contains($0) || $0.isASCII && $0.isNumber }
        guard !lead.isEmpty, let next = t.dropFirst(lead.count).first else { return false }
        // `1.` opens an item; `983.05` is a number.
        if next == ".", let after = t.dropFirst(lead.count + 1).first, after.isASCII, after.isNumber { return false }
        return next == "、" || next == "." || next == "．"
    }

    /// The rows of a table body as TAB lines.
    static func rows(_ lines: [Line], layout: Layout) -> [String] {
        var tally = layout.tally
        return rows(lines, layout: layout, tally: &tally)
    }

    static func rows(_ lines: [Line], layout: Layout, tally: inout [Int: (numeric: Int, all: Int)]) -> [String] {
        guard !layout.columns.isEmpty else { return lines.map(\.text) }
        let cuts = cuts(layout.columns)
        // Words of a line in one column join into one fragment.
        var fragments: [BodyCell] = []
        for (n, line) in lines.enumerated() {
            let lineHasNumber = isDataLine(line)
            var byColumn: [Int: [PDFWord]] = [:]
            for w in line.words { byColumn[column(at: (w.x0 + w.x1) / 2, cuts: cuts), default: []].append(w) }
            // Two amounts never share a cell: where a column's extent took in
            // its neighbour's (a cell merged across them elsewhere), the
            // second goes to the free column beside it.
            for k in byColumn.keys.sorted() {
                guard let words = byColumn[k], words.filter({ isNumeric($0.text) }).count > 1 else { continue }
                let sorted = words.sorted { $0.x0 < $1.x0 }
                if let last = sorted.last, isNumeric(last.text), k + 1 < layout.columns.count, byColumn[k + 1] == nil {
                    byColumn[k] = Array(sorted.dropLast())
                    byColumn[k + 1] = [last]
                } else if let first = sorted.first, isNumeric(first.text), k > 0, byColumn[k - 1] == nil {
                    byColumn[k] = Array(sorted.dropFirst())
                    byColumn[k - 1] = [first]
                }
            }
            for (k, words) in byColumn {
                let text = join(words.sorted { $0.x0 < $1.x0 }.map(\.text))
                fragments.append(BodyCell(column: k, y0: words.map(\.y0).min()!, y1: words.map(\.y1).max()!,
                                          text: text, numeric: isNumeric(text), line: n, lineHasNumber: lineHasNumber,
                                          x0: words.map(\.x0).min()!, x1: words.map(\.x1).max()!))
            }
        }
        // A label centred across merged cells (`当年支出小计` over a name and an
        // amount column) lands in a column of amounts: it belongs to the
        // nearest column of labels to its left that its line leaves empty.
        var numericShare = tally
        for f in fragments { numericShare[f.column, default: (0, 0)].all += 1; if f.numeric { numericShare[f.column]!.numeric += 1 } }
        tally = numericShare
        func isAmountColumn(_ k: Int) -> Bool {
            guard let s = numericShare[k], s.numeric >= 2 else { return false }
            return s.numeric * 2 >= s.all
        }
        for i in fragments.indices where !fragments[i].numeric && isAmountColumn(fragments[i].column) {
            var k = fragments[i].column - 1
            while k >= 0 && isAmountColumn(k) { k -= 1 }
            guard k >= 0, !fragments.contains(where: { $0.line == fragments[i].line && $0.column == k }) else { continue }
            fragments[i].column = k
        }
        // Fragments of one column stacked closely are one wrapped cell.
        var cells: [BodyCell] = []
        for k in layout.columns.indices {
            let column = fragments.filter { $0.column == k }.sorted { $0.y0 < $1.y0 }
            // A line wraps when it is full: it reaches the column's widest text.
            let full = column.map(\.x1).max() ?? 0
            for f in column {
                // Two lines that each print a number are two rows, however close.
                if var last = cells.last, last.column == k, !last.numeric, !f.numeric,
                   !(last.lineHasNumber && f.lineHasNumber),
                   last.x1 >= full - (last.y1 - last.y0) * 1.5, !startsItem(f.text),
                   // A wrapped cell's next line starts where the first did, or
                   // further left (past its indent), never indented further (a
                   // sub-item); centred lines share their centre.
                   (f.x0 <= last.x0 + (f.y1 - f.y0) * 0.5 && last.x0 - f.x0 <= (f.y1 - f.y0) * 2.5)
                       || abs((f.x0 + f.x1) - (last.x0 + last.x1)) / 2 <= f.y1 - f.y0,
                   // Around amounts centred between its two lines, a wrapped
                   // label's lines stand a line apart.
                   f.y0 - last.y1 < min(f.y1 - f.y0, 12) * (last.lineHasNumber || f.lineHasNumber ? 0.6 : 3) {
                    last.text += f.text
                    last.y1 = f.y1
                    last.x1 = f.x1
                    cells[cells.count - 1] = last
                } else {
                    cells.append(f)
                }
            }
        }
        // Cells whose boxes overlap vertically are one row.
        cells.sort { $0.y0 < $1.y0 }
        var rows: [[BodyCell]] = []
        var rowBox: [(Double, Double)] = []
        var rowNumberLine: [Int?] = []
        for c in cells {
            let h = c.y1 - c.y0
            if let r = rowBox.indices.last, min(rowBox[r].1, c.y1) - max(rowBox[r].0, c.y0) > min(h, rowBox[r].1 - rowBox[r].0) * 0.25,
               !(c.lineHasNumber && rowNumberLine[r] != nil && rowNumberLine[r] != c.line),
               // A row has one cell per column: wrapped lines were joined above.
               !rows[r].contains(where: { $0.column == c.column }) {
                if c.lineHasNumber { rowNumberLine[r] = c.line }
                rows[r].append(c)
                rowBox[r] = (min(rowBox[r].0, c.y0), max(rowBox[r].1, c.y1))
            } else {
                rows.append([c])
                rowBox.append((c.y0, c.y1))
                rowNumberLine.append(c.lineHasNumber ? c.line : nil)
            }
        }
        let (index, width) = writtenColumns(layout)
        return rows.map { row in
            var out = Array(repeating: "", count: width)
            for c in row.sorted(by: { $0.column < $1.column }) { out[index[c.column]] += c.text }
            return out.joined(separator: "\t")
        }
    }

    /// Words of one cell joined: CJK text runs on, Latin words keep a space.
    static func join(_ words: [String]) -> String {
        var out = ""
        for w in words {
            if let last = out.unicodeScalars.last, let first = w.unicodeScalars.first,
               last.isASCII && first.isASCII && (last.properties.isAlphabetic || first.properties.isAlphabetic) {
                out += " "
            }
            out += w
        }
        return out
    }
}
