import GongkaiModel

/// `diff --format csv`: one change per line (RFC 4180, UTF-8 with a BOM so
/// that Excel opens Chinese text correctly). Amounts in 元 with two decimals.
///
/// Columns: `table, table_name, row, name, column, column_name, kind, a, b,
/// delta, percent`. An added or removed row is one line whose `b` (or `a`)
/// lists its cells as `column=amount; …`; a rename, recode, status or
/// metadata change puts the two texts in `a` and `b` (`column` names the
/// field of a metadata change).
///
/// 表13 changes: `row` is `form:<kind>:<name>`, `name` the form's name;
/// `column` the field key (see `JSONReport`) or, for an indicator,
/// `indicator:<一级>/<二级>/<三级>` (`:value`, `:lastYear`, `:yearBefore` for
/// a changed value), `column_name` its label; an added or removed form lists
/// `budget=…; indicators=n`, an added or removed indicator its values.
public enum CSVReport {
    public static let header = ["table", "table_name", "row", "name", "column", "column_name", "kind", "a", "b", "delta", "percent"]

    public static func render(_ diff: DocumentDiff, byteOrderMark: Bool = true) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        append(header, to: &out)
        for c in diff.changes { append(fields(c), to: &out) }
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
        case .formAdded(let budget, let n): b = (budget.map { "budget=\($0.yuanString); " } ?? "") + "indicators=\(n)"
        case .formRemoved(let budget, let n): a = (budget.map { "budget=\($0.yuanString); " } ?? "") + "indicators=\(n)"
        case .formField(let col, let label, let x, let y, let ax, let ay):
            column = col; columnName = label
            if FormLabels.isAmount(c.detail) {
                a = ax?.yuanString ?? ""; b = ay?.yuanString ?? ""
                delta = c.delta?.yuanString ?? ""; percent = c.percent?.description ?? ""
            } else { a = x ?? ""; b = y ?? "" }
        case .formFieldRenamed(let col, let x, let y): column = col; columnName = "栏目名称"; a = x; b = y
        case .indicatorAdded(let i):
            column = indicatorColumn(c); columnName = c.indicator?.label ?? ""; b = indicatorCells(i)
        case .indicatorRemoved(let i):
            column = indicatorColumn(c); columnName = c.indicator?.label ?? ""; a = indicatorCells(i)
        case .indicatorValue(let col, let x, let y):
            column = indicatorColumn(c) + ":" + col
            columnName = (c.indicator?.label ?? "") + "·" + FormLabels.indicatorColumn(col)
            a = x ?? ""; b = y ?? ""
        }
        return [table, tableName, c.row ?? "", c.name ?? "", column, columnName, c.kind.rawValue, a, b, delta, percent]
    }

    /// `indicator:产出指标/数量指标/新增技改项目`.
    static func indicatorColumn(_ c: Change) -> String {
        guard let i = c.indicator else { return "indicator" }
        return "indicator:" + [i.level1, i.level2, i.name].joined(separator: "/")
    }

    /// `value=≥10 个; lastYear=8 个`.
    static func indicatorCells(_ i: Indicator) -> String {
        [("value", i.value), ("lastYear", i.lastYear), ("yearBefore", i.yearBefore), ("basis", i.basis)]
            .compactMap { k, v in v.map { "\(k)=\($0)" } }.joined(separator: "; ")
    }

    static func cells(_ values: [String: Amount]) -> String {
        values.keys.sorted().map { "\($0)=\(values[$0]!.yuanString)" }.joined(separator: "; ")
    }

    /// Appends one line of `fields` to `out`, without a string per line in between.
    static func append(_ fields: [String], to out: inout String) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out += "," }
            out += escape(field)
        }
        out += "\r\n"
    }

    /// RFC 4180 quoting: a field with a `,` `"` LF or CR, or a space at
    /// either end, is quoted, its quotes doubled.
    ///
    /// Decided on the text's bytes, as a CSV reader reads it: a `,` or a
    /// `\r\n` joined to its neighbour in one Character is still a separator
    /// to a reader (deciding on Characters left such fields unquoted, and
    /// walking every field Character by Character was half of rendering a
    /// large diff).
    static func escape(_ s: String) -> String {
        guard needsQuotes(s) else { return s }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        out += "\""
        return out
    }

    /// Whether `s` has a byte `,` `"` LF or CR, or starts or ends with a space.
    static func needsQuotes(_ s: String) -> Bool {
        let utf8 = s.utf8
        if utf8.first == 0x20 || utf8.last == 0x20 { return true }
        func special(_ byte: UInt8) -> Bool { byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D }
        return utf8.withContiguousStorageIfAvailable { $0.contains(where: special) } ?? utf8.contains(where: special)
    }
}
