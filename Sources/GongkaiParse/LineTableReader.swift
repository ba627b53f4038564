import Foundation
import GongkaiModel

/// Reads 表11 (政府采购) and 表12 (政府购买服务): purchase or service lines,
/// sometimes under 合计, 科室 (`05 经济建设科`) and 部门 (`307`) sum rows.
///
/// Row keys: `total`; `category:<code>` for a 科室; `unit:<code>` for a
/// 部门 or 单位 row without lines of its own; `name:<name>` for a line,
/// where the name is its 项目 (项目名称), and a name published more than
/// once gets `#2`, `#3` … in order of appearance.
struct LineTableReader {
    var base: TableReader

    mutating func read(header: [GridRow], rows: [GridRow]) throws -> (rows: [Row], columns: [String]) {
        let template = base.template
        let map = base.mapHeader(header, line: header.first?.line ?? 0)
        for (i, text) in map.unknown.sorted(by: { $0.key < $1.key }) {
            base.diagnostics.append(Diagnostic(.note, line: header.first?.line, table: template.id,
                "header \"\(text)\" (column \(i + 1)) is none of the canonical columns of 表\(template.id)"))
        }
        var result: [Row] = []
        var keys = RowKeys()
        var unnamed = 0
        /// Rows keyed by their first text, and the column it stands in.
        var levels: [(index: Int, depth: Int)] = []
        for row in rows {
            let code = map.code.map { row[$0] }?.replacingOccurrences(of: " ", with: "") ?? ""
            let name = map.name.map { row[$0] } ?? ""
            var (values, texts) = try base.values(of: row, map: map)
            if code.isEmpty && name.isEmpty && values.isEmpty && texts.isEmpty { continue }
            var kind = RowKind.line
            var key: String
            var rowName = name
            var rowCode: String? = code.isEmpty ? nil : code
            if GridRow.isTotalLabel(code) || GridRow.isTotalLabel(name) {
                kind = .total
                key = "total"
                rowName = GridRow.isTotalLabel(name) ? name : code
                rowCode = nil
            } else if !name.isEmpty {
                key = "name:\(name)"
            } else if !code.isEmpty, code.allSatisfy(\.isNumber) {
                // A sum row: its name is the first text printed after the code.
                kind = code.count <= 2 ? .category : .unit
                key = "\(kind == .category ? "category" : "unit"):\(code)"
                if let first = texts.sorted(by: { a, b in (column(a.key, map) ?? 0) < (column(b.key, map) ?? 0) }).first {
                    rowName = first.value
                    texts[first.key] = nil
                }
            } else {
                let first = texts.sorted { (column($0.key, map) ?? 0) < (column($1.key, map) ?? 0) }.first?.value ?? code
                key = "name:\(first)"
                if GridRow.isTotalLabel(first) {
                    // 合计 in the first text column of a table without a 项目 column.
                    kind = .total
                    key = "total"
                    rowName = first
                    texts = texts.filter { $0.value != first }
                    let unique = keys.claim(key)
                    result.append(Row(key: unique, kind: kind, code: nil, name: rowName, values: values, texts: texts, line: row.line))
                    continue
                }
                if map.name != nil {
                    base.diagnostics.append(Diagnostic(.warning, line: row.line, table: template.id,
                        "line has no 项目 name; keyed by \"\(first)\""))
                } else {
                    // A table without a 项目 column (江苏's 采购品目大类 / 专项名称 /
                    // 采购品目名称 levels): every line is keyed by its first text, said once.
                    unnamed += 1
                    let depth = texts.compactMap { column($0.key, map) }.min() ?? 0
                    levels.append((result.count, depth))
                }
            }
            let unique = keys.claim(key)
            result.append(Row(key: unique, kind: kind, code: rowCode, name: rowName, values: values, texts: texts, line: row.line))
        }
        // Levels by column: a row followed by rows whose first text stands
        // further right is a group over them (一、货物A, a 专项), not a line of
        // its own, so the 合计 is not its lines counted twice.
        for (k, level) in levels.enumerated() where k + 1 < levels.count && levels[k + 1].depth > level.depth {
            result[level.index].kind = .category
        }
        if unnamed > 0 {
            base.diagnostics.append(Diagnostic(.note, line: header.first?.line, table: template.id,
                "表\(template.id) has no 项目 column: its \(unnamed) lines are keyed by the first text each prints"))
        }
        return (result, map.published(in: template))
    }

    /// The column index a text id came from, for ordering.
    func column(_ id: String, _ map: TableReader.ColumnMap) -> Int? {
        if let hit = map.columns.first(where: { $0.value == id }) { return hit.key }
        if id.hasPrefix("header:") { return map.unknown.first { "header:\($0.value)" == id }?.key }
        if id.hasPrefix("unlabeled.") { return Int(id.dropFirst("unlabeled.".count)).map { $0 - 1 } }
        return nil
    }
}
