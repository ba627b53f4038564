import Foundation
import GongkaiModel

/// The words reports use for tables, columns, rows and statuses.
public enum Labels {
    /// `表3 部门支出总表`.
    public static func table(_ id: Int) -> String {
        "表\(id) " + (Catalog.shared.table(id)?.title ?? "")
    }

    /// The sheet name of table `id` in a standardized workbook (`表3 支出总表`).
    public static func sheet(_ id: Int) -> String {
        Catalog.shared.table(id)?.sheet ?? "表\(id)"
    }

    /// A column's header path joined: `本年收入·一般公共预算`; `预算数` for
    /// the one column of 表1; the id itself for columns outside the catalog.
    public static func column(_ id: String, table: Int) -> String {
        guard let template = Catalog.shared.table(table), let column = template.column(id) else {
            if id.hasPrefix("unlabeled.") { return "未命名列" + id.dropFirst("unlabeled.".count) }
            return id
        }
        if template.columns.count == 1 { return "预算数" }
        return column.header.joined(separator: "·")
    }

    /// `206 科学技术支出`, `合计`, `收入总计` (item rows by name).
    public static func row(key: String?, name: String?, code: String?) -> String {
        if key == "total" { return "合计" }
        let name = name.map(trimmed) ?? ""
        // 表1 and 表4 repeat names across panels (本年支出合计 by function and by economic class).
        let panel = key?.hasPrefix("economic.") == true ? "（经济分类）" : ""
        if let code, !code.isEmpty {
            return panel + (name.isEmpty ? code : code + " " + name)
        }
        return panel + (name.isEmpty ? (key ?? "") : name)
    }

    /// The label of a change's row.
    public static func row(_ change: Change) -> String {
        row(key: change.row, name: change.name, code: change.code)
    }

    public static func status(_ status: TableStatus) -> String {
        switch status {
        case .disclosed: "已公开"
        case .empty: "已公开但无数据"
        case .absent: "未公开"
        }
    }

    public static func field(_ field: String) -> String {
        switch field {
        case "district": "地区"
        case "department": "部门"
        case "year": "年度"
        case "kind": "类型"
        default: field
        }
    }

    /// The unit reports show amounts in: 万元, or 元 when either document
    /// was published in 元 (its figures are exact to the 分, which 万元 can
    /// only show with six decimals).
    public static func displayUnit(_ diff: DocumentDiff) -> SourceUnit {
        diff.a.sourceUnit == .yuan || diff.b.sourceUnit == .yuan ? .yuan : .wanYuan
    }

    /// `洪山区 2024年 洪山区科学技术和经济信息化局`.
    public static func document(_ doc: Document) -> String {
        [doc.district, doc.year.map { "\($0)年" }, doc.department].compactMap { $0 }.joined(separator: " ")
    }

    /// A name with spaces inside (`收 入 总 计`) closed up.
    static func trimmed(_ name: String) -> String {
        let t = name.trimmingCharacters(in: .whitespaces)
        // Names spaced out for width in the PDF (收 入 总 计): close the gaps between CJK characters.
        guard t.contains(" ") else { return t }
        let parts = t.split(separator: " ")
        if parts.allSatisfy({ $0.count == 1 }) { return parts.joined() }
        return t
    }
}

extension Amount {
    /// `+158.08` / `-5,730.23` / `0.00` in `unit`, grouped.
    func signed(in unit: SourceUnit) -> String {
        (fen > 0 ? "+" : "") + formatted(in: unit)
    }
}

/// Row names as compared for renames.
public enum RowName {
    /// Width-normalized, without whitespace and without a leading ordinal
    /// (`一、`, `（二）`, `3.`): `三、事业收入` and `五、事业收入` are the same item
    /// numbered differently, not a rename.
    public static func comparable(_ name: String) -> String {
        var s = Substring(HeaderText.normalize(name))
        let numerals = "一二三四五六七八九十0123456789"
        if let open = s.first, open == "(" {
            let inner = s.dropFirst().prefix { numerals.contains($0) }
            if !inner.isEmpty, s.dropFirst(1 + inner.count).first == ")" { s = s.dropFirst(2 + inner.count) }
        } else {
            let lead = s.prefix { numerals.contains($0) }
            if !lead.isEmpty, let sep = s.dropFirst(lead.count).first, "、.．".contains(sep) {
                s = s.dropFirst(lead.count + 1)
            }
        }
        return String(s)
    }
}
