import Foundation
import GongkaiModel

/// Recognises the title line of a canonical table by what it says, never by
/// its number: `公开表1`, `表一`, `附表4-1`, `预算10表` or nothing at all.
enum TitleMatcher {
    struct Match: Equatable {
        var tableID: Int
        /// The title as printed (trimmed).
        var title: String
    }

    /// Strips numbering and decoration around a title (`（表三）`, `公开表1`,
    /// `- 表 3.`, `附表4-1`, `预算10表`, `(一项一表)`).
    static func core(_ line: String) -> String {
        var s = HeaderText.normalize(line)
        let numerals: Set<Character> = ["(", "（", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
                                        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        // Each expression only where it can match: a regular expression costs
        // more than the rest of the title test, and most candidates are not titles.
        let patterns: [(String, (String) -> Bool)] = [
            (#"^[-#*]+"#, { $0.first.map { "-#*".contains($0) } ?? false }),
            (#"^(公开|附)?表[0-9一二三四五六七八九十]+([-－][0-9]+)?[.、．:：]?"#,
             { $0.hasPrefix("表") || $0.hasPrefix("公开表") || $0.hasPrefix("附表") }),
            (#"^预算[0-9]+表"#, { $0.hasPrefix("预算") }),
            (#"[(（]一项一表[)）]"#, { $0.includes("一项一表") }),
            (trailingNumber, { $0.hasSuffix(")") || $0.hasSuffix("）") }),
            (#"^[(（]?[0-9一二三四五六七八九十]+[)）]?[、.]"#, { $0.first.map { numerals.contains($0) } ?? false }),
        ]
        for (p, mayMatch) in patterns where mayMatch(s) {
            s = s.replacingMatches(ofPattern: p, with: "")
        }
        return s
    }

    /// A title of a table the catalog has no canonical id for (财政拨款支出预算表,
    /// 一般公共预算机关运行经费支出预算表（经济科目）): a short line, not a
    /// sentence, naming a 预算 or 经费 table. Such a table is kept whole.
    static func isExtraTitle(_ line: String) -> Bool {
        // A line of cells is a row, not a title.
        guard !line.utf8.contains(0x09) else { return false }
        var s = withoutTrailingNumber(HeaderText.normalize(line))
        // A qualifier after the name: `（功能科目）`, `（一般公共预算）`.
        if s.hasSuffix(")"), let open = s.lastIndex(of: "("), s.distance(from: open, to: s.endIndex) <= 10 {
            s = String(s[..<open])
        }
        guard s.count >= 5, s.count <= 48, s.hasSuffix("表"), !s.contains("。"), !s.contains("，"), !s.contains("…") else { return false }
        return s.contains("预算") || s.contains("经费")
    }

    /// The number a title may carry after its name: `（表三）`, `(附表4-1)`.
    static let trailingNumber = #"[(（](公开|附)?表[0-9一二三四五六七八九十]+([-－][0-9]+)?[)）]$"#

    /// `…预算表` of `…预算表(表十三)` (normalized): a title without the
    /// number after its name.
    static func withoutTrailingNumber(_ normalized: String) -> String {
        guard normalized.hasSuffix(")") || normalized.hasSuffix("）") else { return normalized }
        return normalized.replacingMatches(ofPattern: trailingNumber, with: "")
    }

    /// The canonical table whose title `line` is, if any.
    ///
    /// A title ends with one of the catalog's title synonyms once stripped of
    /// numbering; the longest synonym wins (`财政拨款收支预算总表` is 表4, not
    /// the 表1 of its suffix `收支预算总表`).
    ///
    /// - Complexity: O(*s*) in the number of synonyms.
    static func match(_ line: String) -> Match? { match(line, synonyms: sharedSynonyms) }

    /// A title synonym, normalized, with its table and its length in characters.
    typealias Synonym = (id: Int, text: String, length: Int)

    /// Every title synonym of `catalog`, normalized, with its table.
    static func synonyms(of catalog: Catalog) -> [Synonym] {
        catalog.tables.flatMap { table in
            table.titles.map { synonym in
                let s = HeaderText.normalize(synonym)
                return (table.id, s, s.count)
            }
        }
    }

    /// The bundled catalog's synonyms, normalized once (not per line).
    static let sharedSynonyms = synonyms(of: .shared)

    /// The canonical table whose title `line` is, by synonyms already normalized.
    static func match(_ line: String, synonyms: [Synonym]) -> Match? {
        // Every title names a 表; most lines of a document do not, and they
        // are spared the rest. Bytes first: this runs on every line.
        guard Self.mentionsBiao(line) else { return nil }
        let trimmed = line.trimmingWhitespace()
        // (Characters, not Foundation's substring search: this runs on every line.)
        guard !trimmed.isEmpty, trimmed.contains("表" as Character), !trimmed.utf8.contains(0x09), trimmed.count <= 80 else { return nil }
        // Sentences are not titles.
        if trimmed.hasSuffix("。") || trimmed.hasSuffix("；") || trimmed.hasSuffix("，") { return nil }
        let text = core(trimmed)
        // `第四部分 部门预算报表及预算绩效目标表` heads a part of the document.
        if text.hasPrefix("第"), text.range(ofPattern: #"^第[一二三四五六七八九十]+部分"#) != nil { return nil }
        var best: (id: Int, length: Int)?
        for synonym in synonyms where best == nil || synonym.length > best!.length {
            if text.hasSuffix(synonym.text) { best = (synonym.id, synonym.length) }
        }
        guard let best else { return nil }
        // What precedes the synonym is a department, district or year, never
        // a long sentence.
        guard text.count - best.length <= 40 else { return nil }
        return Match(tableID: best.id, title: trimmed)
    }

    /// Whether the UTF-8 of `text` holds 表 (E8 A1 A8).
    static func mentionsBiao(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(mentionsBiao)
    }

    /// Whether UTF-8 `b` holds 表 (E8 A1 A8).
    static func mentionsBiao(_ b: UnsafeBufferPointer<UInt8>) -> Bool { holds(b, 0xE8, 0xA1, 0xA8) }

    /// Whether UTF-8 `b` holds the three-byte sequence `x y z` (a CJK character).
    static func holds(_ b: UnsafeBufferPointer<UInt8>, _ x: UInt8, _ y: UInt8, _ z: UInt8) -> Bool {
        var i = 0
        while i + 2 < b.count {
            if b[i] == x, b[i + 1] == y, b[i + 2] == z { return true }
            i += 1
        }
        return false
    }

    /// Whether `line` is only a table number (`公开表1`, `表9`, `表十`), printed
    /// on its own line above the title.
    static func isNumberMarker(_ line: String) -> Bool {
        // Both expressions match a 表, which normalizing neither makes nor
        // removes: the many lines without one are spared the normalizing and the regex.
        guard mentionsBiao(line) else { return false }
        let s = HeaderText.normalize(line)
        return s.range(ofPattern: #"^(公开|附)?表[0-9一二三四五六七八九十]+([-－][0-9]+)?$"#) != nil
            || s.range(ofPattern: #"^预算[0-9]+表$"#) != nil
            // 江苏: `公开10表`, `公开 09 表：`.
            || s.range(ofPattern: #"^公开[0-9]+表[:：]?$"#) != nil
    }
}
