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
            if id.hasPrefix("header:") { return id.dropFirst("header:".count).replacingOccurrences(of: "/", with: "·") }
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
    /// Whether two names are the same bytes, as printed.
    ///
    /// `==` on non-ASCII strings compares them canonically (normalizing as
    /// it goes); a published name is compared as printed, byte for byte.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
    }

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

/// The words reports use for 表13 changes.
public enum FormLabels {
    /// An indicator value column: `指标值`, `上年值`, `前年值`.
    public static func indicatorColumn(_ id: String) -> String {
        switch id {
        case "value": "指标值"
        case "lastYear": "上年值"
        case "yearBefore": "前年值"
        case "basis": "指标值确定依据"
        case "note": "备注"
        default: id
        }
    }

    /// An indicator's published values, in column order: (`指标值`, `≥10 个`) ….
    public static func values(_ i: Indicator) -> [(String, String)] {
        [("value", i.value), ("lastYear", i.lastYear), ("yearBefore", i.yearBefore), ("basis", i.basis)]
            .compactMap { id, v in v.flatMap { $0.isEmpty ? nil : (indicatorColumn(id), $0) } }
    }

    /// `指标值 ≥10 个；上年值 8 个` (or `未填指标值`).
    public static func valueList(_ i: Indicator) -> String {
        let v = values(i)
        return v.isEmpty ? "未填指标值" : v.map { "\($0.0) \($0.1)" }.joined(separator: "；")
    }

    /// Whether a form field change is best shown as amounts: each side that
    /// prints something is an amount.
    public static func isAmount(_ detail: Change.Detail) -> Bool {
        guard case .formField(_, _, let a, let b, let x, let y) = detail, x != nil || y != nil else { return false }
        return (x != nil || a == nil) && (y != nil || b == nil)
    }

    /// What a 表13 change is about, without the form: `项目当年预算`,
    /// `指标 产出指标 / 数量指标 / 新增技改项目 · 指标值`, `新增指标 …`.
    public static func subject(_ c: Change) -> String {
        switch c.detail {
        case .formField(_, let label, _, _, _, _): return label
        case .formFieldRenamed: return "栏目名称"
        case .indicatorValue(let column, _, _): return "指标 " + (c.indicator?.label ?? "") + " · " + indicatorColumn(column)
        case .indicatorAdded: return "新增指标 " + (c.indicator?.label ?? "")
        case .indicatorRemoved: return "删除指标 " + (c.indicator?.label ?? "")
        case .formAdded: return "新增绩效目标表"
        case .formRemoved: return "删除绩效目标表"
        case .renamed: return "名称"
        default: return ""
        }
    }

    /// A's and B's side of a 表13 change as text, amounts in `unit`.
    public static func sides(_ c: Change, unit: SourceUnit) -> (a: String, b: String) {
        func amount(_ x: Amount?) -> String { x.map { $0.formatted(in: unit) } ?? "空白" }
        switch c.detail {
        case .formField(_, _, let a, let b, let x, let y):
            if isAmount(c.detail) { return (amount(x), amount(y)) }
            return (a ?? "空白", b ?? "空白")
        case .formFieldRenamed(_, let a, let b), .renamed(let a, let b): return (a, b)
        case .indicatorValue(_, let a, let b): return (a ?? "空白", b ?? "空白")
        case .indicatorAdded(let i): return ("", valueList(i))
        case .indicatorRemoved(let i): return (valueList(i), "")
        case .formAdded(let budget, let n): return ("", facts(budget, n, unit: unit))
        case .formRemoved(let budget, let n): return (facts(budget, n, unit: unit), "")
        default: return ("", "")
        }
    }

    /// `预算 20.00，指标 12 项`.
    static func facts(_ budget: Amount?, _ indicators: Int, unit: SourceUnit) -> String {
        (budget.map { "预算 \($0.formatted(in: unit))，" } ?? "") + "指标 \(indicators) 项"
    }
}
