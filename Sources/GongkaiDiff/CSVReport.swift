import GongkaiModel

/// `diff --format csv`: one change per line (RFC 4180, UTF-8 with a BOM so
/// that Excel opens Chinese text correctly). Amounts in 元 with two decimals.
///
/// Columns: `table, table_name, row, name, column, column_name, kind, a, b,
/// delta, percent`. An added or removed row is one line whose `b` (or `a`)
/// lists its cells as `column=amount; …`; a rename, recode, status or
/// metadata change puts the two texts in `a` and `b` (`column` names the
/// field of a metadata change).
public enum CSVReport {
    public static let header = ["table", "table_name", "row", "name", "column", "column_name", "kind", "a", "b", "delta", "percent"]

    public static func render(_ diff: DocumentDiff, byteOrderMark: Bool = true) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        out += line(header)
        for c in diff.changes { out += line(fields(c)) }
        return out
    }

    static func fields(_ c: Change) -> [String] {
        let table = c.table.map { String($0) } ?? ""
        let tableName = c.table.map { Catalog.shared.table($0)?.title ?? "" } ?? ""
        var column = "", columnName = "", a = "", b = "", delta = "", percent = ""
        switch c.detail {
        case .amount(let col, let x, let y):
            column = col; columnName = Labels.column(col, table: c.table ?? 0)
            a = x?.yuanString ?? ""; b = y?.yuanString ?? ""
            delta = c.delta?.yuanString ?? ""; percent = c.percent?.description ?? ""
        case .text(let col, let x, let y):
            column = col; columnName = Labels.column(col, table: c.table ?? 0)
            a = x ?? ""; b = y ?? ""
        case .added(let values, _): b = cells(values)
        case .removed(let values, _): a = cells(values)
        case .renamed(let x, let y), .recoded(let x, let y): a = x; b = y
        case .status(let x, let y): a = x.rawValue; b = y.rawValue
        case .metadata(let field, let x, let y): column = field; columnName = Labels.field(field); a = x ?? ""; b = y ?? ""
        }
        return [table, tableName, c.row ?? "", c.name ?? "", column, columnName, c.kind.rawValue, a, b, delta, percent]
    }

    static func cells(_ values: [String: Amount]) -> String {
        values.keys.sorted().map { "\($0)=\(values[$0]!.yuanString)" }.joined(separator: "; ")
    }

    static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\r\n"
    }

    static func escape(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || s.hasPrefix(" ") || s.hasSuffix(" ") else {
            return s
        }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
