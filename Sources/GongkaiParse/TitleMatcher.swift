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
        let patterns = [
            #"^[-#*]+"#,
            #"^(公开|附)?表[0-9一二三四五六七八九十]+([-－][0-9]+)?[.、．:：]?"#,
            #"^预算[0-9]+表"#,
            #"[(（]一项一表[)）]"#,
            #"[(（](公开|附)?表[0-9一二三四五六七八九十]+([-－][0-9]+)?[)）]$"#,
            #"^[(（]?[0-9一二三四五六七八九十]+[)）]?[、.]"#,
        ]
        for p in patterns {
            s = s.replacingMatches(ofPattern: p, with: "")
        }
        return s
    }

    /// The canonical table whose title `line` is, if any.
    ///
    /// A title ends with one of the catalog's title synonyms once stripped of
    /// numbering; the longest synonym wins (`财政拨款收支预算总表` is 表4, not
    /// the 表1 of its suffix `收支预算总表`).
    ///
    /// - Complexity: O(*s*) in the number of synonyms.
    static func match(_ line: String, catalog: Catalog = .shared) -> Match? {
        let trimmed = line.trimmingWhitespace()
        // Every title names a 表; most lines of a document do not, and they
        // are spared the regular expressions below.
        // (Characters, not Foundation's substring search: this runs on every line.)
        guard !trimmed.isEmpty, trimmed.contains("表" as Character), !trimmed.utf8.contains(0x09), trimmed.count <= 80 else { return nil }
        // Sentences are not titles.
        if trimmed.hasSuffix("。") || trimmed.hasSuffix("；") || trimmed.hasSuffix("，") { return nil }
        let text = core(trimmed)
        // `第四部分 部门预算报表及预算绩效目标表` heads a part of the document.
        if text.range(ofPattern: #"^第[一二三四五六七八九十]+部分"#) != nil { return nil }
        var best: (id: Int, length: Int)?
        for table in catalog.tables {
            for synonym in table.titles {
                let s = HeaderText.normalize(synonym)
                if text.hasSuffix(s), best == nil || s.count > best!.length {
                    best = (table.id, s.count)
                }
            }
        }
        guard let best else { return nil }
        // What precedes the synonym is a department, district or year, never
        // a long sentence.
        guard text.count - best.length <= 40 else { return nil }
        return Match(tableID: best.id, title: trimmed)
    }

    /// Whether `line` is only a table number (`公开表1`, `表9`, `表十`), printed
    /// on its own line above the title.
    static func isNumberMarker(_ line: String) -> Bool {
        let s = HeaderText.normalize(line)
        return s.range(ofPattern: #"^(公开|附)?表[0-9一二三四五六七八九十]+([-－][0-9]+)?$"#) != nil
            || s.range(ofPattern: #"^预算[0-9]+表$"#) != nil
    }
}
