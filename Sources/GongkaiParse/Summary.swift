import GongkaiModel

/// The `parse --format summary` text: for people, per canonical table its
/// status, row count and 合计 figures in the source unit, then diagnostics.
public enum Summary {
    public static func render(_ doc: Document) -> String {
        var out = ""
        let unit = doc.sourceUnit
        out += "\(doc.source ?? "(document)")\n"
        out += "  \(doc.district ?? "?") · \(doc.department ?? "?") · \(doc.year.map(String.init) ?? "?")年 · 单位：\(unit.rawValue)\n"
        for table in doc.tables {
            let template = Catalog.shared.table(table.id)
            let title = template?.title ?? table.key
            var line = "  表\(table.id) \(title): "
            switch table.status {
            case .absent: line += "absent"
            case .empty: line += "empty" + (table.notes.first.map { " (\($0))" } ?? "")
            case .disclosed:
                if table.id == 13 {
                    line += "disclosed, \(table.raw.count) lines of forms"
                } else {
                    line += "disclosed, \(table.rows.count) rows"
                    let totalRow = table.row("total") ?? table.row("income.total") ?? table.row("income.current_total")
                    if let totalRow {
                        let cells = table.columns.compactMap { c in totalRow.values[c].map { "\(c) \($0.amount.formatted(in: unit))" } }
                        if !cells.isEmpty { line += "; \(totalRow.name.isEmpty ? "合计" : totalRow.name): " + cells.joined(separator: ", ") }
                    }
                }
            }
            out += line + "\n"
        }
        for extra in doc.extras {
            out += "  附 \(extra.title): \(extra.grid.count) rows kept as extra table\n"
        }
        out += "  narrative: \(doc.narrative.count) paragraphs\n"
        if !doc.diagnostics.isEmpty {
            out += "  diagnostics (\(doc.diagnostics.count)):\n"
            for d in doc.diagnostics {
                out += "    \(d.severity.rawValue)\(d.line.map { " line \($0)" } ?? "")\(d.table.map { " 表\($0)" } ?? ""): \(d.message)\n"
            }
        }
        return out
    }
}
