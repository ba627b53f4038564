import Foundation
import GongkaiModel

/// What a layout must carry from a document to its text and back: the
/// values `parse(render(doc, layout)) == doc` compares.
///
/// Compared:
/// - metadata: district, department, year (and the unit, when rendered in
///   the document's own unit);
/// - every canonical table's status and published columns;
/// - every row: key, kind, code, level, name, each amount in 分 (a blank
///   stays blank, 0.00 stays 0.00) and each text cell;
/// - notes, without their 注：/说明：/备注： prefix (the renderer prints one
///   where the source had none);
/// - extra tables (title and grid) in the PDF layouts.
///
/// Not compared, because no layout can carry it or the renderer writes it
/// its own way:
/// - the published text of a number (`3,859.30` vs `3859.30` vs `38,593,000.00`
///   in 元): its value is compared instead;
/// - source lines (`Row.line`, `Figure.line`, `Table.lines`) and the file's
///   name and SHA-256;
/// - `sourceTitle`: the renderer prints the catalog's title for the layout;
///   likewise the number it prints after an extra table's title (`（表十三）`);
/// - the narrative and diagnostics;
/// - spaces inside names and text cells in the PDF layouts (`收    入    总    计`):
///   there a space separates cells, so they are compared without spaces;
/// - 表13: its forms are free text kept as source lines; only its status is
///   compared, and not even that for forms of PDF text printed as TAB (the
///   TAB layout confirms a title only by the TAB-separated cells under it,
///   which such forms lack: their lines are then kept as narrative, which
///   `RoundTripTests` checks).
struct ModelView: Equatable, CustomStringConvertible {
    struct RowView: Equatable {
        var key: String
        var kind: RowKind
        var code: String?
        var level: Int?
        var name: String
        var values: [String: Int64]
        var texts: [String: String]
    }

    struct TableView: Equatable {
        var id: Int
        var status: TableStatus
        var columns: [String]
        var rows: [RowView]
        var notes: [String]
    }

    var district: String?
    var department: String?
    var year: Int?
    var unit: SourceUnit?
    var tables: [TableView]
    var extras: [[String]]

    init(_ doc: Document, unit: Bool = true, extras: Bool = true, forms: Bool = true, spaces: Bool = true) {
        let text = { (s: String) -> String in spaces ? s : s.filter { !$0.isWhitespace } }
        district = doc.district
        department = doc.department
        year = doc.year
        self.unit = unit ? doc.sourceUnit : nil
        tables = doc.tables.map { table in
            let isForms = table.id == 13
            return TableView(
                id: table.id, status: isForms && !forms ? .absent : table.status, columns: isForms ? [] : table.columns,
                rows: isForms ? [] : table.rows.map { r in
                    RowView(key: text(r.key), kind: r.kind, code: r.code, level: r.level, name: text(r.name),
                            values: r.values.mapValues(\.amount.fen), texts: r.texts.mapValues(text))
                },
                notes: isForms ? [] : table.notes.map(Self.withoutPrefix))
        }
        self.extras = extras ? doc.extras.map { [text(Self.withoutNumber($0.title))] + $0.grid.map { text($0.joined()) } } : []
    }

    /// An extra table's title without the number a layout prints after it
    /// (`（表十三）`): the renderer numbers tables its own way, as it
    /// prints its own titles of the canonical ones.
    static func withoutNumber(_ title: String) -> String {
        title.replacingOccurrences(of: #"[(（]表[一二三四五六七八九十]+[)）]$"#, with: "", options: .regularExpression)
    }

    static func withoutPrefix(_ note: String) -> String {
        for p in ["注：", "注:", "说明：", "说明:", "备注：", "备注:"] where note.hasPrefix(p) {
            return String(note.dropFirst(p.count))
        }
        return note
    }

    var description: String {
        tables.map { t in "表\(t.id) \(t.status) \(t.columns) \(t.rows.count) rows" }.joined(separator: "\n")
    }

    /// The first differences from `other`, for a readable failure.
    func differences(from other: ModelView, limit: Int = 12) -> [String] {
        var out: [String] = []
        if district != other.district { out.append("district \(district ?? "nil") ≠ \(other.district ?? "nil")") }
        if department != other.department { out.append("department \(department ?? "nil") ≠ \(other.department ?? "nil")") }
        if year != other.year { out.append("year \(year.map(String.init) ?? "nil") ≠ \(other.year.map(String.init) ?? "nil")") }
        if unit != other.unit { out.append("unit \(String(describing: unit)) ≠ \(String(describing: other.unit))") }
        for (a, b) in zip(tables, other.tables) where a != b {
            if a.status != b.status { out.append("表\(a.id) status \(a.status) ≠ \(b.status)") }
            if a.columns != b.columns { out.append("表\(a.id) columns \(a.columns) ≠ \(b.columns)") }
            if a.notes != b.notes { out.append("表\(a.id) notes \(a.notes) ≠ \(b.notes)") }
            if a.rows.count != b.rows.count { out.append("表\(a.id) \(a.rows.count) rows ≠ \(b.rows.count)") }
            for (r, s) in zip(a.rows, b.rows) where r != s {
                out.append("表\(a.id) row \(r) ≠ \(s)")
                if out.count >= limit { return out }
            }
            if a.rows.count != b.rows.count {
                let keys = Set(b.rows.map(\.key))
                for r in a.rows where !keys.contains(r.key) { out.append("表\(a.id) lost \(r.key) \(r.name)"); if out.count >= limit { return out } }
                let keysA = Set(a.rows.map(\.key))
                for r in b.rows where !keysA.contains(r.key) { out.append("表\(a.id) gained \(r.key) \(r.name)"); if out.count >= limit { return out } }
            }
            if out.count >= limit { return out }
        }
        if extras != other.extras { out.append("extras \(extras) ≠ \(other.extras)") }
        return Array(out.prefix(limit))
    }
}
