import Foundation
import GongkaiModel

/// Reads 表2 printed as one column of rows (江苏's 收入预算总表: 项目名称 |
/// 金额, funds grouped under 一般公共预算资金, 政府性基金, 财政专户管理资金,
/// 其他资金, 上年结转和结余资金) into the 合计 row of the canonical table,
/// whose columns are those funds: the same figures, turned a quarter.
///
/// Each group starts at its 小计 row; its name is printed once, beside any
/// of its rows (centred in a merged cell). A group's 小计 goes to the
/// catalog column its name matches; an item the catalog names (事业收入,
/// 其他收入) to its own column; any other item (专项收入, 专户管理教育收费)
/// is kept under `header:<group>/<item>`, as an unknown column keeps its
/// header.
struct IncomeListReader {
    var base: TableReader

    /// Whether `header` and `rows` are such a list: no code column, no
    /// column the catalog knows, one amount column and label columns.
    static func applies(map: TableReader.ColumnMap, rows: [GridRow]) -> Bool {
        guard map.code == nil, map.columns.isEmpty, !rows.isEmpty else { return false }
        let amountColumns = Set(rows.flatMap { row in row.cells.indices.filter { NumberText.looksNumeric(row[$0]) && !row[$0].isEmpty } })
        return amountColumns.count == 1 && rows.contains { $0.cells.contains { HeaderText.normalize($0) == "小计" } }
    }

    mutating func read(rows: [GridRow]) throws -> (rows: [Row], columns: [String]) {
        let template = base.template
        let amountColumn = rows.flatMap { row in row.cells.indices.filter { NumberText.looksNumeric(row[$0]) && !row[$0].isEmpty } }.first ?? 0
        // Rows as (group label, item label, amount cell, line).
        struct Item { var group: String; var label: String; var amount: String; var line: Int }
        var items: [Item] = []
        for row in rows {
            let texts = (0..<amountColumn).map { row[$0] }
            let label = texts.last { !$0.isEmpty } ?? ""
            let group = texts.count > 1 ? texts.dropLast().first { !$0.isEmpty } ?? "" : ""
            items.append(Item(group: group, label: label, amount: row[amountColumn], line: row.line))
        }
        // A group's name reaches every row of its group.
        var k = 0
        while k < items.count {
            var end = k + 1
            while end < items.count, HeaderText.normalize(items[end].label) != "小计" { end += 1 }
            if let name = items[k..<end].first(where: { !$0.group.isEmpty })?.group {
                for j in k..<end { items[j].group = name }
            }
            k = end
        }
        var values: [String: Figure] = [:]
        var columns: [String] = []
        var line = rows[0].line
        for item in items where !item.amount.isEmpty || !item.label.isEmpty {
            let label = HeaderText.normalize(item.label)
            let id: String
            if GridRow.isTotalLabel(item.label) || label == "收入总计" || label == "收入合计" {
                id = "total"
                line = item.line
            } else if label == "小计", !item.group.isEmpty {
                id = template.matchColumn(path: [item.group]) ?? "header:\(item.group)"
            } else if let known = template.matchColumn(path: [item.label]), !item.label.isEmpty,
                      known != template.matchColumn(path: [item.group]) {
                id = known
            } else {
                id = "header:" + (item.group.isEmpty ? item.label : "\(item.group)/\(item.label)")
            }
            guard values[id] == nil else {
                base.diagnostics.append(Diagnostic(.warning, line: item.line, table: template.id,
                    "\"\(item.label)\" repeats the column \(id); kept under its label"))
                if let f = try base.figure(item.amount, line: item.line, column: id) { values["header:\(item.group)/\(item.label)#\(item.line)"] = f }
                continue
            }
            columns.append(id)
            if let figure = try base.figure(item.amount, line: item.line, column: id) { values[id] = figure }
        }
        base.diagnostics.append(Diagnostic(.note, line: rows.first?.line, table: template.id,
            "表\(template.id) is printed as one column of funds (项目名称 | 金额): read as its 合计 row"))
        let published = template.columns.map(\.id).filter { columns.contains($0) } + columns.filter { $0.hasPrefix("header:") }
        return ([Row(key: "total", kind: .total, name: "合计", values: values, line: line)], published)
    }
}
