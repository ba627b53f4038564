import GongkaiModel

/// `diff --format highlighter`: daff's tabular diff format ("highlighter
/// diff", https://paulfitz.github.io/daff-doc/spec.html), as CSV.
///
/// One block per table with changed rows, blocks separated by an empty line.
/// Each block is a complete highlighter diff: a `@@` header row, then the
/// changed rows in table order — `+++` a row only B has, `---` a row only A
/// has, `->` a row with changed cells written `old->new` (a blank side is
/// empty: `->80.00`) — and `...` where unchanged rows are left out. The
/// columns are 表 (the canonical table id), 编码 (the row key: a code, an
/// item id, `unit:<code>`, a project code), 名称, the text columns, then
/// the amount columns in 元 with two decimals. A project matched by name
/// shows its code change in 编码 (`42011124…->42011125…`). Rows are in B's
/// order (rows only A has after the row they followed); rows that moved are
/// not marked as moves. Status and metadata changes are not tabular, nor
/// are the 表13 forms (fields, goals and indicator tables of varying
/// shape): the text, JSON, CSV and workbook reports carry them.
public enum HighlighterReport {
    public static func render(_ diff: DocumentDiff) -> String {
        var blocks: [String] = []
        let a = diff.a, b = diff.b
        var changedRows: [Int: Set<Int>] = [:]  // table → indices into its aligned rows
        var cellChanges: [Int: [Int: [String: Change]]] = [:]
        // Map changes back to aligned rows: by B key (or A key for removed rows).
        for t in diff.alignment.tables {
            let ta = a.table(t.id), tb = b.table(t.id)
            var indexOfB: [String: Int] = [:], indexOfA: [String: Int] = [:]
            for (n, p) in t.rows.enumerated() {
                if let j = p.b { if indexOfB[tb.rows[j].key] == nil { indexOfB[tb.rows[j].key] = n } }
                else if let i = p.a { if indexOfA[ta.rows[i].key] == nil { indexOfA[ta.rows[i].key] = n } }
            }
            for c in diff.changes where c.table == t.id {
                guard let key = c.row else { continue }
                let n = c.kind == .removed ? indexOfA[key] : indexOfB[key]
                guard let n else { continue }
                changedRows[t.id, default: []].insert(n)
                if let column = c.column { cellChanges[t.id, default: [:]][n, default: [:]][column] = c }
            }
        }
        for t in diff.alignment.tables {
            guard let shown = changedRows[t.id], !shown.isEmpty else { continue }
            let ta = a.table(t.id), tb = b.table(t.id)
            let textColumns = diff.alignment.textColumns(t.id), columns = diff.alignment.columns(t.id)
            var lines: [[String]] = []
            lines.append(["@@", "表", "编码", "名称"] + textColumns.map { Labels.column($0, table: t.id) }
                         + columns.map { Labels.column($0, table: t.id) + "(元)" })
            let width = lines[0].count
            var skipped = false
            for (n, p) in t.rows.enumerated() {
                guard shown.contains(n) else { skipped = true; continue }
                if skipped { lines.append([String](repeating: "...", count: width)); skipped = false }
                let ra = p.a.map { ta.rows[$0] }, rb = p.b.map { tb.rows[$0] }
                func texts(_ r: Row) -> [String] {
                    [String(t.id), r.key, r.name] + textColumns.map { r.texts[$0] ?? "" }
                        + columns.map { r.values[$0]?.amount.yuanString ?? "" }
                }
                switch (ra, rb) {
                case (nil, let r?): lines.append(["+++"] + texts(r))
                case (let r?, nil): lines.append(["---"] + texts(r))
                case (let x?, let y?):
                    let old = texts(x), new = texts(y)
                    // The arrow must not occur in any cell: --> then ---> …
                    var arrow = "->"
                    while (old + new).contains(where: { $0.contains(arrow) }) { arrow = "-" + arrow }
                    var cells: [String] = []
                    let changedColumns = cellChanges[t.id]?[n] ?? [:]
                    let textStart = 3, amountStart = 3 + textColumns.count
                    for k in new.indices {
                        let differs: Bool
                        switch k {
                        case 1: differs = x.key != y.key
                        case 2: differs = RowName.comparable(x.name) != RowName.comparable(y.name) && x.key == y.key
                        case textStart..<amountStart: differs = changedColumns[textColumns[k - textStart]] != nil
                        case amountStart...: differs = changedColumns[columns[k - amountStart]] != nil
                        default: differs = false
                        }
                        cells.append(differs ? old[k] + arrow + new[k] : new[k])
                    }
                    lines.append([arrow] + cells)
                default: continue
                }
            }
            if skipped { lines.append([String](repeating: "...", count: width)) }
            blocks.append(lines.map { $0.map(CSVReport.escape).joined(separator: ",") + "\n" }.joined())
        }
        return blocks.joined(separator: "\n")
    }
}
