import Foundation
import GongkaiModel

/// Finds the tables of a document laid out as PDF text (江岸 2024, 青山 2022):
/// their titles, the 单位 and note lines around them, and which lines are
/// header and which are data.
///
/// Rows are not read here: `TextRegionBuilder` turns the header and data
/// lines into the same `Region` the TAB layout produces.
struct TextTableLocator {
    let catalog: Catalog
    /// The catalog's title synonyms, normalized once per document rather than per line.
    let titles: [TitleMatcher.Synonym]

    init(catalog: Catalog) {
        self.catalog = catalog
        titles = TitleMatcher.synonyms(of: catalog)
    }

    /// A table found in the text, before its rows are read.
    struct Located {
        var region: DocumentParser.Region
        /// Header lines (column-number rows and 类/款/项 lines left out).
        var header: [TextLine] = []
        /// Lines from the first data row to the end of the table.
        var data: [TextLine] = []
        /// Set for a table that is none of the 13 (资产配置预算表).
        var extraTitle: String?
    }

    /// A title line (or two lines read as one) of a table or an extra table.
    struct Title {
        var first: Int
        var last: Int
        var text: String
        /// The canonical table, or nil for an extra table.
        var tableID: Int?
    }

    func locate(_ source: SourceLines) -> [Located] {
        let lines = (0..<source.count).map { TextLine(number: $0 + 1, raw: source[$0 + 1]) }
        let titles = findTitles(lines)
        var result: [Located] = []
        for (i, title) in titles.enumerated() {
            var end = i + 1 < titles.count ? titles[i + 1].first - 1 : lines.count
            // The number printed above the next title (`附表4-2`) is the next table's.
            var next = end
            while next > title.last, lines[next - 1].isBlank { next -= 1 }
            if next > title.last, TitleMatcher.isNumberMarker(lines[next - 1].trimmed), i + 1 < titles.count { end = next - 1 }
            result.append(read(title, upTo: end, lines))
        }
        // A number printed just above a title belongs to that table.
        for i in result.indices {
            var n = result[i].region.first - 1
            while n >= 1, lines[n - 1].isBlank { n -= 1 }
            if n >= 1, TitleMatcher.isNumberMarker(lines[n - 1].trimmed),
               i == 0 || result[i - 1].region.last < n {
                result[i].region.first = n
            }
        }
        return result
    }

    // MARK: Titles

    func findTitles(_ lines: [TextLine]) -> [Title] {
        var candidates: [Title] = []
        var n = 1
        while n <= lines.count {
            let text = lines[n - 1].trimmed
            defer { n += 1 }
            guard !text.isEmpty, text.count <= 80 else { continue }
            if let m = TitleMatcher.match(text, synonyms: titles) {
                candidates.append(Title(first: n, last: n, text: m.title, tableID: m.tableID))
                continue
            }
            // A title wrapped over two lines (`青山区部门预算部门专项` / `(绩效目标)申报表`).
            if let nextLine = nextNonBlank(after: n, lines), nextLine - n <= 2 {
                let second = lines[nextLine - 1].trimmed
                if text.count + second.count <= 80, TitleMatcher.match(second, synonyms: titles) == nil,
                   let m = TitleMatcher.match(text + second, synonyms: titles) {
                    candidates.append(Title(first: n, last: nextLine, text: text + second, tableID: m.tableID))
                    n = nextLine
                    continue
                }
            }
            if isExtraTitle(text), confirmExtra(after: n, lines) {
                candidates.append(Title(first: n, last: n, text: text, tableID: nil))
            }
        }
        return candidates.enumerated().filter { i, t in
            t.tableID == nil || confirm(t, next: i + 1 < candidates.count ? candidates[i + 1].first : nil, lines)
        }.map(\.element)
    }

    func nextNonBlank(after n: Int, _ lines: [TextLine]) -> Int? {
        var m = n + 1
        while m <= lines.count {
            if !lines[m - 1].isBlank && !lines[m - 1].indentOnly { return m }
            m += 1
        }
        return nil
    }

    /// A title is a table's only when its table follows: a header (or, for
    /// the performance forms, the fields of a form) before any other title.
    func confirm(_ title: Title, next: Int?, _ lines: [TextLine]) -> Bool {
        guard let id = title.tableID, let template = catalog.table(id) else { return false }
        var n = title.last
        var seen = 0
        while seen < 10, let m = nextNonBlank(after: n, lines) {
            n = m
            if let next, m >= next { return false }
            let text = lines[m - 1].trimmed
            if TitleMatcher.match(text, synonyms: titles) != nil { return false }
            if TitleMatcher.isNumberMarker(text) || MetadataReader.isMetaLine(text) { continue }
            seen += 1
            let s = HeaderText.normalize(text)
            if template.rows == .forms {
                if s.hasSuffix("。") { return false }
                if ["填报", "申报", "名称", "主管部门", "年度", "单位", "指标"].contains(where: { s.contains($0) }) { return true }
                continue
            }
            // Prose ends a sentence or runs on in clauses; a header of many
            // columns (政府采购 prints 18) is long too, but cut into cells.
            if s.hasSuffix("。") || (s.count > 60 && Self.isProse(lines[m - 1])) { return false }
            if ["项目", "科目", "编码", "代码", "合计", "总计", "预算数", "收入", "支出", "经费"].contains(where: { s.contains($0) }) {
                return true
            }
        }
        return false
    }

    /// Whether a long line is prose rather than a header: its text runs on
    /// in clauses (，；) or in few, long pieces, where a header line is many
    /// short cells.
    static func isProse(_ line: TextLine) -> Bool {
        let text = line.trimmed
        if text.contains("，") || text.contains("；") || text.contains("。") { return true }
        return line.tokens.count < 4 || Double(HeaderText.normalize(text).count) / Double(line.tokens.count) > 12
    }

    /// `…资产配置预算表`, `…资产配置预算表（表十三）`: a short line naming a
    /// table the catalog does not know, perhaps numbered after its name as
    /// 江岸 numbers every table.
    func isExtraTitle(_ text: String) -> Bool {
        let s = TitleMatcher.withoutTrailingNumber(HeaderText.normalize(text))
        guard s.count >= 5, s.count <= 40, s.hasSuffix("表"), !s.contains("。"), !s.contains("，") else { return false }
        if s.range(ofPattern: #"^(第[一二三四五六七八九十]+部分|表[0-9一二三四五六七八九十])"#) != nil { return false }
        return s.hasSuffix("预算表") || s.hasSuffix("情况表") || s.hasSuffix("明细表")
    }

    /// An extra table is confirmed by a 单位 line right after its title, or
    /// by the table number printed just above it (`附表4-13`) or after its
    /// name (`（表十三）`): a table that publishes no amounts may print no unit.
    func confirmExtra(after n: Int, _ lines: [TextLine]) -> Bool {
        let title = HeaderText.normalize(lines[n - 1].trimmed)
        if TitleMatcher.withoutTrailingNumber(title) != title { return true }
        var above = n - 1
        while above >= 1, lines[above - 1].isBlank, n - above <= 2 { above -= 1 }
        if above >= 1, n - above <= 3, TitleMatcher.isNumberMarker(lines[above - 1].trimmed) { return true }
        guard let m = nextNonBlank(after: n, lines), m - n <= 3 else { return false }
        let s = HeaderText.normalize(lines[m - 1].trimmed)
        return s.hasPrefix("单位:") || s.hasPrefix("单位：") || s.hasPrefix("部门/单位")
    }

    // MARK: Regions

    /// Lines that end a table region: the heading of the next part of the
    /// document, or prose.
    static func endsTable(_ text: String) -> Bool {
        // The expression matches a 第 (E7 AC AC), which normalizing neither
        // makes nor removes: most lines have none and are spared the normalizing.
        var bytes = text
        guard bytes.withUTF8({ TitleMatcher.holds($0, 0xE7, 0xAC, 0xAC) }) else { return false }
        let s = HeaderText.normalize(text)
        return s.hasPrefix("第") && s.range(ofPattern: #"^第[一二三四五六七八九十]+部分"#) != nil
    }

    /// `本单位无政府性基金支出`, `2024 年本部门没有国有资本经营预算支出安排`:
    /// the note an empty table prints instead of rows.
    static func isEmptyNote(_ text: String) -> Bool {
        // A note says 无, 没有 or 未安排: a line without 无 (E6 97 A0), 没
        // (E6 B2 A1) or 未 (E6 9C AA) is spared the normalizing and
        // Foundation's search (18,000 instructions a call; every line of a
        // PDF table asks). No other scalar is canonically equivalent to
        // them, which Foundation's search honours (a test checks).
        var bytes = text
        guard bytes.withUTF8({ TitleMatcher.holds($0, 0xE6, 0x97, 0xA0) || TitleMatcher.holds($0, 0xE6, 0xB2, 0xA1)
            || TitleMatcher.holds($0, 0xE6, 0x9C, 0xAA) }) else { return false }
        let s = HeaderText.normalize(text)
        return (s.contains("无") || s.contains("没有") || s.contains("未安排"))
            && ["本单位", "本部门", "本级", "我单位", "我部门"].contains { s.contains($0) }
    }

    /// `1 2 3`, `4 5=6+7+8+9+10 6 7 8 9 10`, `+9+11+1`: the numbering of the
    /// columns, printed under the header.
    static func isColumnNumbers(_ line: TextLine) -> Bool {
        guard !line.tokens.isEmpty else { return false }
        return line.tokens.allSatisfy { t in
            guard isColumnNumbering(t.text) else { return false }
            return t.text.split(whereSeparator: { $0 == "+" || $0 == "=" }).allSatisfy { (Int($0) ?? 99) <= 60 }
        }
    }

    /// What `columnNumberingPattern` matches, read byte by byte (this runs
    /// on the first token of every line): numbers joined by `+` and `=`,
    /// perhaps with one at either end.
    static func isColumnNumbering(_ text: String) -> Bool {
        var digits = false, separatorBefore = false
        let bytes = text.utf8
        for b in bytes.dropLast(TextToken.finalLineTerminatorLength(bytes)) {
            switch b {
            case 0x30...0x39: digits = true; separatorBefore = false
            case 0x2B, 0x3D:
                if separatorBefore { return false }
                separatorBefore = true
            default: return false
            }
        }
        return digits
    }

    static let columnNumberingPattern = #"^[+=]?[0-9]+([=+][0-9]+)*[+=]?$"#

    /// `类 款 项`: the sub-header of a split code column.
    static func isCodeLevels(_ line: TextLine) -> Bool {
        HeaderText.normalize(line.trimmed) == "类款项"
    }

    /// `部门/单` + `位：` (青山 表2 wraps its 部门/单位 line).
    static func isWrappedMeta(_ text: String) -> Bool {
        let s = HeaderText.normalize(text)
        return s == "部门/单" || s == "部门/单位" || s.hasPrefix("位:") || s.hasPrefix("位：")
    }

    static func isTotalLabel(_ text: String) -> Bool { GridRow.isTotalLabel(text) }

    /// `单位：万元`, `单位:元`.
    static func isUnitLine(_ text: String) -> Bool {
        let s = HeaderText.normalize(text)
        return s.hasPrefix("单位:") || s.hasPrefix("单位：") || s.hasPrefix("金额单位")
    }

    /// Whether `line` starts the data of a table.
    func isDataStart(_ index: Int, _ lines: [TextLine], end: Int) -> Bool {
        let line = lines[index - 1]
        if line.indentOnly { return true }
        guard let first = line.tokens.first else { return false }
        if Self.isColumnNumbers(line) { return false }
        if Self.isTotalLabel(first.text) {
            if line.tokens.count > 1 { return line.tokens[1].isNumber }
            guard let m = nextNonBlank(after: index, lines), m <= end else { return false }
            return lines[m - 1].tokens.first?.isNumber == true
        }
        if line.tokens.contains(where: { $0.isNumber && $0.text.contains(".") }) { return true }
        if TextToken.isProjectCode(first.text) { return true }
        if TextToken.isCode(first.text), first.text.count >= 3 {
            // A code with its name, or alone on its line with the name below.
            if line.tokens.count > 1 { return !line.tokens[1].isNumber }
            return true
        }
        if line.tokens.count == 1, first.text.count == 4, first.text.allSatisfy(\.isASCIIDigitCharacter) { return true }
        guard let c = first.text.first, "一二三四五六七八九十廿(（0123456789".contains(c) else { return false }
        return first.text.range(ofPattern: #"^([一二三四五六七八九十廿]+、|[(（][一二三四五六七八九十廿]+[)）]|[0-9]+、)"#) != nil
    }

    func read(_ title: Title, upTo end: Int, _ lines: [TextLine]) -> Located {
        var region = DocumentParser.Region(tableID: title.tableID ?? 0, title: title.text, first: title.first, last: title.last)
        var located = Located(region: region, extraTitle: title.tableID == nil ? title.text : nil)
        let isForm = title.tableID.flatMap { catalog.table($0) }?.rows == .forms
        if isForm || title.tableID == nil {
            // Forms stay raw; an extra table keeps its grid as printed.
            var n = title.last + 1
            while n <= end {
                let line = lines[n - 1]
                if Self.endsTable(line.trimmed) { break }
                if !line.isBlank {
                    region.last = n
                    if title.tableID == nil {
                        if MetadataReader.isMetaLine(line.trimmed) { region.meta.append(SourceText(line: n, text: line.trimmed)) }
                        else if !TitleMatcher.isNumberMarker(line.trimmed) { located.data.append(line) }
                    }
                }
                n += 1
            }
            located.region = region
            return located
        }
        enum Phase { case preamble, header, data, note }
        var phase = Phase.preamble
        var n = title.last + 1
        scan: while n <= end {
            let line = lines[n - 1]
            let text = line.trimmed
            defer { n += 1 }
            if line.isBlank { continue }
            if Self.endsTable(text) { break }
            if phase != .data && TitleMatcher.isNumberMarker(text) { region.last = n; continue }
            if MetadataReader.isNoteLine(text) || Self.isEmptyNote(text) {
                region.notes.append(text); phase = .note; region.last = n; continue
            }
            switch phase {
            case .preamble, .header:
                // Once the header has begun, `部门（单位）名称` is a column, not a 单位 line.
                if phase == .preamble ? (MetadataReader.isMetaLine(text) || Self.isWrappedMeta(text)) : Self.isUnitLine(text) {
                    region.meta.append(SourceText(line: n, text: text)); region.last = n; continue
                }
                if isDataStart(n, lines, end: end) {
                    phase = .data
                    located.data.append(line)
                } else {
                    phase = .header
                    if !Self.isColumnNumbers(line) && !Self.isCodeLevels(line) { located.header.append(line) }
                }
                region.last = n
            case .data:
                // Prose: the narrative resumes.
                if text.hasSuffix("。") && !line.tokens.contains(where: \.isNumber) { break scan }
                located.data.append(line)
                region.last = n
            case .note:
                // A note wrapped over lines; anything else ends the table.
                if text.hasSuffix("。") || text.count <= 40, !isDataStart(n, lines, end: end),
                   !region.notes.isEmpty, !region.notes[region.notes.count - 1].hasSuffix("。") {
                    region.notes[region.notes.count - 1] += text
                    region.last = n
                    continue
                }
                break scan
            }
        }
        located.region = region
        return located
    }
}
