import Foundation
import GongkaiModel

/// Reads the panel tables 表1 (收支总表) and 表4 (财政拨款收支总表): side-by-side
/// panels of (item, amounts) — income on the left, expenditure by function
/// and sometimes by economic class on the right — into item rows.
///
/// Item keys: `income.<source>`, `income.current_total`, `income.total`,
/// `income.carryover(.<source>)`; `function.<类 code>`; `economic.<类 code>`;
/// and the expenditure totals `<panel>.current_total`, `.total`,
/// `.carry_forward` where panel is `expenditure` (function panel) or
/// `economic`.
struct PanelReader {
    let template: TableTemplate
    let items: ItemCatalog
    var base: TableReader

    enum PanelKind { case income, function, economic }

    struct Panel {
        var kind: PanelKind
        var label: Int
        /// Column index → canonical column id.
        var columns: [(index: Int, id: String)]
    }

    /// Finds the panels of a header: each starts at a `项目` cell.
    func panels(_ header: [GridRow]) -> [Panel] {
        let grid = HeaderGrid(rows: header)
        // No header at all (fuzzing found it: a 表1 title straight over data
        // rows): there are no panels to find, and paths[0] does not exist.
        guard grid.width > 0 else { return [] }
        var starts: [Int] = []
        for (i, path) in grid.paths.enumerated() {
            let last = HeaderText.normalize(path.last ?? "")
            // A label column: 项目, 科目, or a 名称 (Jiangsu's 功能科目名称 beside 收入's 项目名称).
            if last.hasPrefix("项目") || last == "科目" || (last.hasSuffix("名称") && i > 0 && !(starts.last == i - 1)) { starts.append(i) }
        }
        if starts.isEmpty { starts = [0] }
        var panels: [Panel] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : grid.width
            let group = HeaderText.normalize(grid.paths[start].joined())
            let kind: PanelKind
            if n == 0 && !group.contains("支出") { kind = .income }
            else if group.contains("经济") { kind = .economic }
            else { kind = .function }
            var columns: [(Int, String)] = []
            for i in (start + 1)..<max(start + 1, end) {
                let path = grid.paths[i]
                let id: String?
                if template.columns.count == 1 { id = template.columns[0].id }
                else { id = template.matchColumn(path: [path.last ?? ""]) ?? template.matchColumn(path: path) }
                if let id { columns.append((i, id)) }
            }
            panels.append(Panel(kind: kind, label: start, columns: columns))
        }
        return panels
    }

    /// Strips ordinal numbering: `一、`, `(一)`, `（十二）`, `廿一、`, `1.`, `其中：`.
    static func stripNumbering(_ label: String) -> String {
        var s = label.trimmingWhitespace()
        let patterns = [#"^其中[:：]"#, #"^[(（][一二三四五六七八九十廿0-9]+[)）]\s*"#,
                        #"^[一二三四五六七八九十廿]+[、.．]\s*"#, #"^[0-9]+[、.．]\s*"#]
        for p in patterns {
            s = s.replacingMatches(ofPattern: p, with: "")
        }
        return s.trimmingWhitespace()
    }

    mutating func read(header: [GridRow], rows: [GridRow]) throws -> (rows: [Row], columns: [String]) {
        let panels = self.panels(header)
        if panels.isEmpty {
            // Rows without a header cannot be placed in columns: say so, line by line.
            for row in rows {
                base.diagnostics.append(Diagnostic(.warning, line: row.line, table: template.id,
                    "\(template.id == 1 ? "表1" : "表\(template.id)") has no header naming its columns; row not read: \(row.cells.joined(separator: " "))"))
            }
        }
        var byPanel: [[Row]] = Array(repeating: [], count: panels.count)
        var keys = RowKeys()
        var inCarryover = false
        var published = Set<String>()
        for row in rows {
            // A label merged across the expenditure panels (江苏's 当年支出小计,
            // its amount printed in the last panel): the amounts of a panel
            // without a label belong to the label of an expenditure panel to
            // its left whose own amounts are blank.
            var borrowed: [Int: String] = [:]
            var lent = Set<Int>()
            for (p, panel) in panels.enumerated() where p > 0 && row[panel.label].isEmpty
                && panel.columns.contains(where: { !row[$0.index].isEmpty }) {
                if let q = (1..<p).reversed().first(where: { q in
                    !row[panels[q].label].isEmpty && panels[q].kind != .income && !lent.contains(q)
                        && panels[q].columns.allSatisfy { row[$0.index].isEmpty } }) {
                    borrowed[p] = row[panels[q].label]
                    lent.insert(q)
                }
            }
            for (p, panel) in panels.enumerated() {
                if lent.contains(p) { continue }
                let label = borrowed[p] ?? row[panel.label]
                var values: [String: Figure] = [:]
                for (index, id) in panel.columns {
                    let cell = row[index]
                    guard !cell.isEmpty else { continue }
                    guard NumberText.looksNumeric(cell) else {
                        base.diagnostics.append(Diagnostic(.warning, line: row.line, table: template.id,
                            "\"\(cell)\" beside \"\(label)\" is not a number; ignored as a label"))
                        continue
                    }
                    values[id] = try base.figure(cell, line: row.line(of: index), column: id)
                    values[id]?.line = row.line(of: index) == row.line(of: panel.label) ? nil : row.line(of: index)
                    published.insert(id)
                }
                if label.isEmpty {
                    if !values.isEmpty {
                        base.diagnostics.append(Diagnostic(.warning, line: row.line, table: template.id,
                            "amounts without an item label; kept under row:\(row.line)"))
                        byPanel[p].append(Row(key: "row:\(row.line)", kind: .item, name: "", values: values, line: row.line(of: panel.label)))
                    }
                    continue
                }
                let labelLine = row.line(of: panel.label)
                guard let (key, name, code) = itemKey(label, panel: panel.kind, inCarryover: &inCarryover, line: labelLine) else {
                    if !values.isEmpty {
                        byPanel[p].append(Row(key: "name:\(label)", kind: .item, name: label, values: values, line: labelLine))
                        base.diagnostics.append(Diagnostic(.warning, line: labelLine, table: template.id,
                            "item \"\(label)\" is none of the known items; kept under its name"))
                    }
                    continue
                }
                let unique = keys.claim(key)
                byPanel[p].append(Row(key: unique, kind: .item, code: code, level: code.map { _ in 1 },
                                      name: name, values: values, line: labelLine))
            }
        }
        let columns = template.columns.map(\.id).filter { published.contains($0) }
        return (byPanel.flatMap { $0 }, columns)
    }

    /// The item key of a label in a panel, or nil for a label that is only a
    /// heading (`支出（部门预算经济分类）`).
    mutating func itemKey(_ label: String, panel: PanelKind, inCarryover: inout Bool, line: Int)
        -> (key: String, name: String, code: String?)? {
        let name = Self.stripNumbering(label)
        switch panel {
        case .income:
            guard let item = items.incomeItem(name) else { return nil }
            var key = item.id
            if key == "income.carryover" { inCarryover = true }
            else if key == "income.total" || key == "income.current_total" { inCarryover = false }
            else if inCarryover, ["income.gpb", "income.fund", "income.soe"].contains(key) {
                key = key.replacingOccurrences(of: "income.", with: "income.carryover.")
            }
            return (key, label, nil)
        case .function, .economic:
            let prefix = panel == .function ? "function" : "economic"
            let totalPrefix = panel == .function ? "expenditure" : "economic"
            if let split = TableReader.splitCode(name), split.code.count == 3 {
                return ("\(prefix).\(split.code)", split.name, split.code)
            }
            if let item = items.expenditureItem(name) {
                return ("\(totalPrefix).\(item.id)", label, nil)
            }
            if panel == .function, let code = items.functionClassCode(named: name) {
                base.diagnostics.append(Diagnostic(.note, line: line, table: template.id,
                    "\"\(label)\" has no code; read as class \(code) by its name"))
                return ("function.\(code)", name, code)
            }
            return nil
        }
    }
}

/// Reads 表7 (“三公”经费): item rows (合计, 因公出国（境）费 …) with amount and
/// note columns, or the whole table as one row of columns.
struct ThreePublicReader {
    let template: TableTemplate
    let items: ItemCatalog
    var base: TableReader

    mutating func read(header: [GridRow], rows: [GridRow]) throws -> (rows: [Row], columns: [String]) {
        let grid = HeaderGrid(rows: header)
        // One row of columns: the header names items, not amounts.
        // The label nearest the figure decides: the last header piece, else the
        // last two joined (a label wrapped in its cell: `运行维护` / `费`), and so on
        // up to the whole path (`…购置及运行维护费` above names the group, not the column).
        let matched = grid.paths.enumerated().compactMap { i, path -> (Int, ItemCatalog.Item)? in
            guard !path.isEmpty else { return nil }
            for n in 1...path.count {
                if let item = items.threePublicItem(path.suffix(n).joined()) { return (i, item) }
            }
            return nil
        }
        var itemColumns = matched
        // Jiangsu prints 合计 (三公 with 会议费 and 培训费) beside the “三公” 小计:
        // the 小计 is the 三公 total, the 合计 the table's grand total.
        let totals = itemColumns.filter { $0.1.id == "total" }
        if totals.count == 2, let threePublic = totals.first(where: { grid.paths[$0.0].joined().contains("三公") }),
           let grand = items.threePublic.first(where: { $0.id == "grand_total" }) {
            itemColumns = itemColumns.map { $0.1.id == "total" && $0.0 != threePublic.0 ? ($0.0, grand) : $0 }
        }
        if itemColumns.count >= 3, template.matchColumn(path: grid.paths.last ?? []) == nil || rows.count == 1 {
            var result: [Row] = []
            var seen = Set<String>()
            for row in rows {
                for (i, item) in itemColumns {
                    let cell = row[i]
                    var values: [String: Figure] = [:]
                    if !cell.isEmpty { values["amount"] = try base.figure(cell, line: row.line, column: "amount") }
                    let name = grid.paths[i].joined(separator: "/")
                    guard !seen.contains(item.id) else {
                        // Never dropped: a second column naming the same item keeps its figure under its label.
                        if !values.isEmpty {
                            result.append(Row(key: "name:\(name)", kind: .item, name: name, values: values, line: row.line))
                            base.diagnostics.append(Diagnostic(.warning, line: row.line, table: template.id,
                                "column \(i + 1) \"\(name)\" names \(item.name) again; its figure is kept under its label"))
                        }
                        continue
                    }
                    seen.insert(item.id)
                    result.append(Row(key: item.id, kind: item.id == "total" ? .total : .item,
                                      name: name, values: values, line: row.line))
                }
            }
            return (order(result), ["amount"])
        }
        // Item rows.
        var map = base.mapHeader(header, line: header.first?.line ?? 0)
        if map.name == nil { map.name = 0 }
        var result: [Row] = []
        for row in rows {
            let label = row[map.name!]
            guard !label.isEmpty else { continue }
            let (values, texts) = try base.values(of: row, map: map)
            let stripped = PanelReader.stripNumbering(label)
            guard let item = items.threePublicItem(stripped) else {
                result.append(Row(key: "name:\(label)", kind: .item, name: label, values: values, texts: texts, line: row.line))
                base.diagnostics.append(Diagnostic(.warning, line: row.line, table: template.id,
                    "\"\(label)\" is none of the 三公 items; kept under its name"))
                continue
            }
            guard !result.contains(where: { $0.key == item.id }) else {
                result.append(Row(key: "name:\(label)", kind: .item, name: label, values: values, texts: texts, line: row.line))
                continue
            }
            result.append(Row(key: item.id, kind: item.id == "total" ? .total : .item, name: label,
                              values: values, texts: texts, line: row.line))
        }
        return (result, map.published(in: template))
    }

    /// Canonical order: total, abroad, vehicle, vehicle.purchase, vehicle.operation, reception.
    func order(_ rows: [Row]) -> [Row] {
        let order = ["total", "abroad", "vehicle", "vehicle.purchase", "vehicle.operation", "reception", "meeting", "training", "grand_total", "operation_costs"]
        return rows.sorted { (order.firstIndex(of: $0.key) ?? 99) < (order.firstIndex(of: $1.key) ?? 99) }
    }
}
