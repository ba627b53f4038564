import Foundation
import GongkaiModel

/// Turns the text of a budget disclosure into a `Document`.
///
/// Steps: decode and number the lines; find each table by its title and
/// confirm it by the header that follows; read every table region with the
/// reader its catalog row scheme calls for; keep every other line as
/// narrative; read the metadata (district, department, year, unit) from the
/// document itself.
public struct DocumentParser: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog = .shared) {
        self.catalog = catalog
    }

    /// Parses the file at `url`.
    ///
    /// - Throws: `InputError` (file and line) when the file cannot be read
    ///   as a disclosure.
    public func parse(contentsOf url: URL) throws -> Document {
        let name = url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InputError(file: name, "cannot be read (\(Self.reason(error))); expected a readable text file")
        }
        var doc = PDFReader.isPDF(data) ? try PDFReader.parse(data, file: name) : try parse(data: data, file: name)
        doc.source = url.lastPathComponent
        doc.sourceSHA256 = SHA256.hex(of: data)
        return doc
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError { return "no such file" }
        return ns.localizedDescription
    }

    /// Parses a document from its bytes; `file` names it in messages.
    public func parse(data: Data, file: String) throws -> Document {
        let source = try SourceLines(data: data, file: file)
        var doc = try parse(source, file: file)
        if source.encoding != .utf8 {
            doc.diagnostics.insert(Diagnostic(.note, "read as \(source.encoding.rawValue) text"), at: 0)
        }
        return doc
    }

    /// Parses decoded lines.
    public func parse(_ source: SourceLines, file: String) throws -> Document {
        try parse(source, file: file, grid: false)
    }

    /// Parses decoded lines; `grid`: the lines are a grid rebuilt from a
    /// PDF's geometry (TAB rows), never PDF text to be guessed over, and a
    /// PDF without a table is its narrative alone (some bodies publish the
    /// tables as a PDF of their own).
    func parse(_ source: SourceLines, file: String, grid: Bool) throws -> Document {
        var doc = Document()
        let layout = grid ? .tab : LayoutDetector.detect(source)
        var regions: [Region]
        var located: [TextTableLocator.Located] = []
        if layout.isPDFText {
            located = TextTableLocator(catalog: catalog).locate(source)
            regions = located.filter { $0.extraTitle == nil }.map(\.region)
        } else {
            regions = locateTables(source)
        }
        if regions.isEmpty, grid, (1...max(1, source.count)).contains(where: { $0 <= source.count && !source[$0].trimmingWhitespace().isEmpty }) {
            doc.narrative = (1...source.count).compactMap { n in
                let text = source[n].trimmingWhitespace()
                return text.isEmpty ? nil : SourceText(line: n, text: text)
            }
            MetadataReader.read(source, regions: [], into: &doc)
            doc.diagnostics.append(Diagnostic(.note,
                "narrative only: this PDF holds no budget table (a body that publishes its tables as a PDF of their own); give both PDFs to batch to read them as one document"))
            return doc
        }
        guard !regions.isEmpty else {
            let hasText = (0..<source.count).contains { !source[$0 + 1].trimmingWhitespace().isEmpty }
            throw InputError(file: file, line: hasText ? 1 : nil,
                hasText ? "no budget table found (no title such as 部门收支总表 followed by a table header); expected a budget disclosure"
                        : "the file holds no text; expected a budget disclosure")
        }
        doc.sourceUnit = MetadataReader.unit(source, regions: regions)
        var covered = LineSet(count: source.count)
        if layout.isPDFText {
            // PDF text: rebuild each table's header and rows as the TAB layout gives them.
            regions = []
            // 表5 (一般公共预算, a part of all funds) is built first: the
            // columns it fills for a code tell 表3's vanished cells apart
            // where 表3's own sums leave more than one placement.
            var early: [Int: (region: Region, diagnostics: [Diagnostic])] = [:]
            var evidence: [String: Set<String>] = [:]
            if located.contains(where: { $0.extraTitle == nil && $0.region.tableID == 3 }) {
                for (k, table) in located.enumerated() where table.extraTitle == nil && table.region.tableID == 5 {
                    guard let template = catalog.table(5), template.rows != .forms else { continue }
                    var builder = TextRegionBuilder(template: template, catalog: catalog, unit: doc.sourceUnit, file: file)
                    early[k] = (try builder.build(table), builder.diagnostics)
                    evidence.merge(builder.placed) { $0.union($1) }
                }
            }
            for (k, table) in located.enumerated() {
                if let built = early[k] {
                    regions.append(built.region)
                    doc.diagnostics += built.diagnostics
                    continue
                }
                if let title = table.extraTitle {
                    covered.insert(table.region.first...table.region.last)
                    doc.extras.append(ExtraTable(title: title, lines: table.region.first...table.region.last,
                                                 grid: table.data.map { $0.tokens.map(\.text) },
                                                 gridLines: table.data.map(\.number)))
                    continue
                }
                guard let template = catalog.table(table.region.tableID) else { continue }
                if template.rows == .forms { regions.append(table.region); continue }
                var builder = TextRegionBuilder(template: template, catalog: catalog, unit: doc.sourceUnit, file: file)
                if template.id == 3 { builder.evidence = evidence }
                regions.append(try builder.build(table))
                doc.diagnostics += builder.diagnostics
            }
        }
        var seenTitles: [Int: String] = [:]
        for k in regions.indices {
            // The grid leaves `regions` as it is read: a table's cells are
            // dropped once its rows are made, not kept to the end.
            let region = regions[k]
            regions[k].header = []
            regions[k].data = []
            covered.insert(region.first...region.last)
            if region.tableID == Self.extraTableID {
                let rows = region.header + region.data
                doc.extras.append(ExtraTable(title: region.title, lines: region.first...region.last,
                                             grid: rows.map(\.cells), gridLines: rows.map(\.line)))
                continue
            }
            guard let template = catalog.table(region.tableID) else { continue }
            var table = doc.table(region.tableID)
            let continuation = table.status != .absent
            if template.rows == .forms {
                table.status = .disclosed
                if table.sourceTitle == nil { table.sourceTitle = region.title }
                table.raw += (region.first...region.last).compactMap { n in
                    let text = source[n]
                    return text.trimmingWhitespace().isEmpty ? nil : SourceText(line: n, text: text)
                }
                table.lines = (table.lines.map { min($0.lowerBound, region.first) } ?? region.first)
                    ... max(table.lines?.upperBound ?? region.last, region.last)
                doc.setTable(table)
                continue
            }
            // Each table in the unit its own heading gives (上海's “三公” table is in 万元 in a document in 元).
            var reader = TableReader(template: template, unit: MetadataReader.tableUnit(region) ?? doc.sourceUnit, file: file)
            reader.unitHeader = region.header.contains { r in r.cells.contains { $0.contains("单位") && ($0.contains("代码") || $0.contains("编码")) } }
            let read: (rows: [Row], columns: [String])
            switch template.rows {
            case .items:
                var panel = PanelReader(template: template, items: catalog.items, base: reader)
                read = try panel.read(header: region.header, rows: region.data)
                reader.diagnostics = panel.base.diagnostics
            case .threePublic:
                var tp = ThreePublicReader(template: template, items: catalog.items, base: reader)
                read = try tp.read(header: region.header, rows: region.data)
                reader.diagnostics = tp.base.diagnostics
            case .lines:
                var lines = LineTableReader(base: reader)
                read = try lines.read(header: region.header, rows: region.data)
                reader.diagnostics = lines.base.diagnostics
            case .unitOrFunction where IncomeListReader.applies(map: reader.mapHeader(region.header, line: region.first), rows: region.data):
                reader.diagnostics = []
                var list = IncomeListReader(base: reader)
                read = try list.read(rows: region.data)
                reader.diagnostics = list.base.diagnostics
            default:
                let map = reader.mapHeader(region.header, line: region.header.first?.line ?? region.first)
                for (i, text) in map.unknown.sorted(by: { $0.key < $1.key }) {
                    reader.diagnostics.append(Diagnostic(.note, line: region.header.first?.line, table: template.id,
                        "header \"\(text)\" (column \(i + 1)) is none of the canonical columns of 表\(template.id)"))
                }
                read = (try reader.readCodedRows(region.data, map: map), map.published(in: template))
            }
            doc.diagnostics += reader.diagnostics
            if continuation, seenTitles[region.tableID] != nil {
                // A table split over pages: its rows go on.
                var keys = RowKeys(table.rows.map(\.key))
                for var row in read.rows {
                    row.key = keys.claim(row.key)
                    table.rows.append(row)
                }
                table.columns = template.columns.map(\.id).filter { Set(table.columns + read.columns).contains($0) }
            } else {
                table.rows = read.rows
                table.columns = read.columns
                table.sourceTitle = region.title
            }
            seenTitles[region.tableID] = region.title
            table.notes += region.notes
            table.status = table.rows.isEmpty ? .empty : .disclosed
            table.lines = (table.lines.map { min($0.lowerBound, region.first) } ?? region.first)
                ... max(table.lines?.upperBound ?? region.last, region.last)
            doc.setTable(table)
        }
        FormReader.readForms(into: &doc, covered: &covered)
        doc.narrative = (1...max(1, source.count)).compactMap { n -> SourceText? in
            guard n <= source.count, !covered.contains(n) else { return nil }
            let text = source[n].trimmingWhitespace()
            return text.isEmpty ? nil : SourceText(line: n, text: text)
        }
        MetadataReader.read(source, regions: regions, into: &doc)
        for table in doc.tables where table.status == .empty && table.notes.isEmpty {
            doc.diagnostics.append(Diagnostic(.note, line: table.lines?.lowerBound, table: table.id,
                "表\(table.id) is published with no rows and no note"))
        }
        return doc
    }

    /// The `tableID` of a region holding a table without a canonical id.
    static let extraTableID = 0

    /// The source lines that belong to a table; the rest are narrative.
    ///
    /// A flag per line: a Set of the line numbers hashed every line of a
    /// large document twice.
    struct LineSet {
        private var flags: [Bool]

        /// An empty set for lines 1...count.
        init(count: Int) { flags = Array(repeating: false, count: count + 1) }

        /// Adds `lines` (those outside 1...count are never asked about).
        mutating func insert(_ lines: ClosedRange<Int>) {
            let clamped = lines.clamped(to: 0...flags.count - 1)
            guard !clamped.isEmpty, lines.overlaps(clamped) else { return }
            for n in clamped { flags[n] = true }
        }

        mutating func subtract(_ lines: some Sequence<Int>) {
            for n in lines where n >= 0 && n < flags.count { flags[n] = false }
        }

        func contains(_ n: Int) -> Bool { n >= 0 && n < flags.count && flags[n] }
    }

    /// A table's place in the source.
    struct Region {
        var tableID: Int
        var title: String
        var first: Int
        var last: Int
        var header: [GridRow] = []
        var data: [GridRow] = []
        var notes: [String] = []
        /// Lines of 单位 / 部门 information.
        var meta: [SourceText] = []
    }

    /// Finds every table region of a TAB-laid document.
    func locateTables(_ source: SourceLines) -> [Region] {
        var titles: [(line: Int, match: TitleMatcher.Match)] = []
        for n in 1...max(1, source.count) where n <= source.count {
            // Bytes first: a line without 表 is no title, and most lines are spared a String.
            guard source.withUTF8(line: n, TitleMatcher.mentionsBiao) else { continue }
            let text = source[n]
            if let m = TitleMatcher.match(text) {
                if confirmTitle(at: n, source, tableID: m.tableID) { titles.append((n, m)) }
            } else if TitleMatcher.isExtraTitle(text), confirmTitle(at: n, source, tableID: Self.extraTableID) {
                // A table the catalog does not know: kept whole, and it ends the table before it.
                titles.append((n, TitleMatcher.Match(tableID: Self.extraTableID, title: text.trimmingWhitespace())))
            }
        }
        var regions: [Region] = []
        for (i, t) in titles.enumerated() {
            let end = i + 1 < titles.count ? titles[i + 1].line - 1 : source.count
            var region = Region(tableID: t.match.tableID, title: t.match.title, first: t.line, last: t.line)
            let isForm = catalog.table(t.match.tableID)?.rows == .forms
            var inNote = false
            var n = t.line + 1
            while n <= end {
                defer { n += 1 }
                // A row of cells is read from the bytes, without the line as a String.
                if let cells = source.withUTF8(line: n, Self.tabCells) {
                    if cells.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
                    if isForm { region.last = n; continue }
                    inNote = false
                    let row = GridRow(line: n, cells: cells)
                    if region.data.isEmpty && !row.isData { region.header.append(row) }
                    else if !region.data.isEmpty && !row.isData && isRepeatedHeader(row, region.header) { /* page break */ }
                    else { region.data.append(row) }
                    region.last = n
                    continue
                }
                let trimmed = source[n].trimmingWhitespace()
                if trimmed.isEmpty { continue }
                if isForm { region.last = n; continue }
                if TitleMatcher.isNumberMarker(trimmed) {
                    // The number line of the next table belongs to it, not here.
                    if n == end || (n + 1...end).allSatisfy({ source[$0].trimmingWhitespace().isEmpty }) { break }
                    region.last = n; continue
                }
                if MetadataReader.isMetaLine(trimmed) { region.meta.append(SourceText(line: n, text: trimmed)); region.last = n; continue }
                if MetadataReader.isNoteLine(trimmed) { region.notes.append(trimmed); inNote = true; region.last = n; continue }
                if inNote { region.notes[region.notes.count - 1] += trimmed; region.last = n; continue }
                if region.header.isEmpty && region.data.isEmpty && trimmed.count <= 30 { region.last = n; continue }
                break  // prose: the narrative resumes
            }
            regions.append(region)
        }
        return regions
    }

    /// The TAB-separated cells of a line, as `split(separator: "\t")` on its
    /// Characters gives them (a TAB is a Character of its own wherever it
    /// stands), or nil for a line without a TAB.
    static func tabCells(_ line: UnsafeBufferPointer<UInt8>) -> [String]? {
        var tabs = 0
        for b in line where b == 0x09 { tabs += 1 }
        guard tabs > 0 else { return nil }
        var cells: [String] = []
        cells.reserveCapacity(tabs + 1)
        var start = 0
        for i in line.indices where line[i] == 0x09 {
            cells.append(String(decoding: UnsafeBufferPointer(rebasing: line[start..<i]), as: UTF8.self))
            start = i + 1
        }
        cells.append(String(decoding: UnsafeBufferPointer(rebasing: line[start...]), as: UTF8.self))
        return cells
    }

    /// A title is a table's only when a table follows: within a few lines,
    /// past 单位 lines and short captions, comes a line of TAB-separated cells.
    func confirmTitle(at line: Int, _ source: SourceLines, tableID: Int) -> Bool {
        var n = line + 1
        var skipped = 0
        while n <= source.count, skipped < 6 {
            let text = source[n]
            let trimmed = text.trimmingWhitespace()
            n += 1
            if trimmed.isEmpty { continue }
            if text.utf8.contains(0x09) { return true }
            if TitleMatcher.match(trimmed) != nil { return false }
            if MetadataReader.isMetaLine(trimmed) || MetadataReader.isNoteLine(trimmed) || trimmed.count <= 30 {
                skipped += 1
                continue
            }
            return false
        }
        return false
    }

    func isRepeatedHeader(_ row: GridRow, _ header: [GridRow]) -> Bool {
        header.contains { h in h.cells.map { HeaderText.normalize($0) } == row.cells.map { HeaderText.normalize($0) } }
    }
}
