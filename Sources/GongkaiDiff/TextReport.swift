import Foundation
import GongkaiModel

/// The report for people at a terminal: a short summary first (headline
/// totals A → B with change and percent, counts), then the changes grouped
/// by table, largest first. Amounts in 万元, as most disclosures print
/// them, or in 元 when either document was published in 元 (万元 would need
/// six decimals to stay exact).
public enum TextReport {

    public static func render(_ diff: DocumentDiff) -> String {
        let unit = Labels.displayUnit(diff)
        var out = ""
        let a = diff.a, b = diff.b
        out += "A: \(Labels.document(a))" + (a.source.map { "（\($0)）" } ?? "") + "\n"
        out += "B: \(Labels.document(b))" + (b.source.map { "（\($0)）" } ?? "") + "\n"
        out += "金额单位：\(unit.rawValue)" + (diff.tolerance == .zero ? "" : "；差额不超过 \(diff.tolerance.formatted(in: .yuan)) 元的数值视为相同") + "\n"
        if diff.isEmpty {
            out += "\n两份文档相同：没有发现差异。\n"
            return out
        }

        // Headline figures.
        let figures = Headline.figures(a, b)
        if !figures.isEmpty {
            out += "\n主要数字\n"
            var rows: [[String]] = [["", "A", "B", "变动", "变动率"]]
            for f in figures {
                rows.append(["  " + f.label + "（表\(f.table)）", f.a.map { $0.formatted(in: unit) } ?? "—", f.b.map { $0.formatted(in: unit) } ?? "—",
                             f.delta.map { $0.signed(in: unit) } ?? "", f.percent?.signed ?? ""])
            }
            out += Columns.format(rows, rightAligned: [1, 2, 3, 4])
        }

        // Counts.
        let counts = diff.counts
        let parts: [(Change.Kind, String)] = [(.changed, "数值变动"), (.added, "新增行"), (.removed, "删除行"), (.renamed, "更名"),
                                              (.recoded, "编码不同（按名称对应的项目）"), (.status, "表的公开状态变化")]
        let blankZero = diff.changes.filter { $0.kind == .changed && $0.delta == .zero }.count
        let listed = parts.compactMap { kind, label in
            counts[kind].map { "\(label) \($0)" + (kind == .changed && blankZero > 0 ? "（其中 \(blankZero) 处只是空白与 0.00 之别）" : "") }
        }
        out += "\n共 \(diff.changes.count - (counts[.metadata] ?? 0)) 处变动" + (listed.isEmpty ? "" : "：" + listed.joined(separator: "，")) + "\n"
        let meta = diff.changes.filter { $0.kind == .metadata }
        for m in meta {
            if case .metadata(let field, let x, let y) = m.detail {
                out += "  \(Labels.field(field))：\(x ?? "—") → \(y ?? "—")\n"
            }
        }

        let forms = diff.formCounts
        if !forms.isEmpty { out += "  表13 绩效目标表：\(forms.summary)\n" }

        // By table: amounts first (largest first), then rows, then cells
        // that only went from blank to 0.00 or back (no money moved).
        for (table, changes) in grouped(diff) {
            out += "\n\(Labels.table(table))（\(changes.count) 处）\n"
            if table == 13 {
                out += formSection(diff, unit: unit)
                continue
            }
            var cells: [[String]] = []
            var blankZero: [String] = []
            var unpublished: [String] = []
            var rows: [String] = []
            for c in changes {
                let row = Labels.row(c)
                switch c.detail {
                case .amount(let column, let x, let y):
                    if c.delta == .zero {
                        blankZero.append("\(row)·\(Labels.column(column, table: table))")
                        continue
                    }
                    if let side = diff.unpublishedSide(c) {
                        unpublished.append("\(row)·\(Labels.column(column, table: table))（\(side) 未公开此列）")
                        continue
                    }
                    cells.append(["    " + row, Labels.column(column, table: table),
                                  x.map { $0.formatted(in: unit) } ?? "空白", "→", y.map { $0.formatted(in: unit) } ?? "空白",
                                  c.delta.map { $0.signed(in: unit) } ?? "", c.percent?.signed ?? ""])
                case .text(let column, let x, let y):
                    rows.append("    \(row) · \(Labels.column(column, table: table))：\(x ?? "空白") → \(y ?? "空白")")
                case .added(let values, _):
                    rows.append("    + 新增 \(row)" + cellList(values, table: table, unit: unit))
                case .removed(let values, _):
                    rows.append("    - 删除 \(row)" + cellList(values, table: table, unit: unit))
                case .renamed(let x, let y):
                    rows.append("    更名 \(c.code ?? "")\(c.code == nil ? "" : " ")\(x) → \(y)")
                case .recoded(let x, let y):
                    rows.append("    编码 \(x) → \(y)：\(c.name ?? "")（按项目名称对应）")
                case .status(let x, let y):
                    out += "  公开状态：\(Labels.status(x)) → \(Labels.status(y))\n"
                case .metadata, .formAdded, .formRemoved, .formField, .formFieldRenamed, .indicatorAdded,
                     .indicatorRemoved, .indicatorValue:
                    break
                }
            }
            if !cells.isEmpty {
                out += "  数值变动 \(cells.count) 处（按变动额从大到小）：\n"
                out += Columns.format(cells, rightAligned: [2, 4, 5, 6])
            }
            if !rows.isEmpty {
                out += "  行的变动 \(rows.count) 处：\n" + rows.map { $0 + "\n" }.joined()
            }
            if !unpublished.isEmpty {
                let shown = unpublished.prefix(6).joined(separator: "，") + (unpublished.count > 6 ? " 等" : "")
                out += "  另有 \(unpublished.count) 个单元格所在的列只有一方公开：\(shown)\n"
            }
            if !blankZero.isEmpty {
                let shown = blankZero.prefix(6).joined(separator: "，") + (blankZero.count > 6 ? " 等" : "")
                out += "  另有 \(blankZero.count) 个单元格一方空白、一方为 0.00（金额不变）：\(shown)\n"
            }
        }
        return out
    }

    /// 表13: its status, then form by form in B's order, each form's changes
    /// in the order of the form (fields, 资金情况, goals, indicators).
    static func formSection(_ diff: DocumentDiff, unit: SourceUnit) -> String {
        var out = ""
        var current: String?
        for c in diff.changes where c.table == 13 {
            if case .status(let x, let y) = c.detail {
                out += "  公开状态：\(Labels.status(x)) → \(Labels.status(y))\n"
                continue
            }
            guard let form = c.form else { continue }
            let sides = FormLabels.sides(c, unit: unit)
            let a = short(sides.a), b = short(sides.b)
            switch c.detail {
            case .formAdded:
                out += "  + 新增 \(form.label)（\(b)）\n"
                current = nil
                continue
            case .formRemoved:
                out += "  - 删除 \(form.label)（\(a)）\n"
                current = nil
                continue
            default: break
            }
            if current != c.row {
                out += "  \(form.label)\n"
                current = c.row
            }
            switch c.detail {
            case .indicatorAdded: out += "    + \(FormLabels.subject(c))：\(b)\n"
            case .indicatorRemoved: out += "    - \(FormLabels.subject(c))：\(a)\n"
            case .renamed: out += "    名称（按主体对应）：\(a) → \(b)\n"
            default:
                var line = "    \(FormLabels.subject(c))：\(a) → \(b)"
                if FormLabels.isAmount(c.detail), let d = c.delta, d != .zero {
                    line += "（\(d.signed(in: unit))" + (c.percent.map { "，\($0.signed)" } ?? "") + "）"
                }
                out += line + "\n"
            }
        }
        return out
    }

    /// A form text on one line, at most 60 characters: `主要职责是：(一) 贯彻落实…（全文 1,532 字）`.
    /// The JSON, CSV and workbook reports keep the whole text.
    static func short(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        guard flat.count > 60 else { return flat }
        return String(flat.prefix(60)) + "…（全文 \(text.count) 字）"
    }

    /// Changes by table (in table order); within a table status first, then
    /// the largest first, ties in row order.
    static func grouped(_ diff: DocumentDiff) -> [(Int, [Change])] {
        var byTable: [Int: [(Int, Change)]] = [:]
        for (i, c) in diff.changes.enumerated() {
            if let t = c.table { byTable[t, default: []].append((i, c)) }
        }
        return byTable.keys.sorted().map { t in
            let sorted = byTable[t]!.sorted { x, y in
                let sx = x.1.kind == .status, sy = y.1.kind == .status
                if sx != sy { return sx }
                if x.1.magnitude != y.1.magnitude { return x.1.magnitude > y.1.magnitude }
                return x.0 < y.0
            }
            return (t, sorted.map(\.1))
        }
    }

    /// `：合计 80.00，基本支出 20.00` (catalog column order).
    static func cellList(_ values: [String: Amount], table: Int, unit: SourceUnit) -> String {
        guard !values.isEmpty else { return "（无数值）" }
        let order = Catalog.shared.table(table)?.columns.map(\.id) ?? []
        let keys = order.filter { values[$0] != nil } + values.keys.filter { !order.contains($0) }.sorted()
        let shown = keys.prefix(4).map { "\(Labels.column($0, table: table)) \(values[$0]!.formatted(in: unit))" }
        return "：" + shown.joined(separator: "，") + (keys.count > 4 ? "，…" : "")
    }
}

/// Text columns padded by display width (a CJK character is two columns wide).
enum Columns {
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { w, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return w + (wide ? 2 : 1)
        }
    }

    static func format(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        let n = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: n)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], width(c)) } }
        var out = ""
        for r in rows {
            var line = ""
            for (i, c) in r.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - width(c))
                if i > 0 { line += "  " }
                line += rightAligned.contains(i) ? pad + c : c + pad
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
