import Foundation
import GongkaiModel

/// Reads the header and data rows of one canonical table into model rows.
///
/// Layout-independent: it sees logical rows of cells. Panel tables (表1,
/// 表4) and 表7 have their own readers; this one handles the tables keyed by
/// codes (classification, unit, project) and the line tables (表11, 表12).
struct TableReader {
    let template: TableTemplate
    let unit: SourceUnit
    let file: String
    var diagnostics: [Diagnostic] = []

    init(template: TableTemplate, unit: SourceUnit, file: String) {
        self.template = template
        self.unit = unit
        self.file = file
    }

    /// Column roles found in a header.
    struct ColumnMap {
        var code: Int?
        var name: Int?
        /// Column index → canonical column id.
        var columns: [Int: String] = [:]
        /// Column index → header text of columns that are none of the catalog's.
        var unknown: [Int: String] = [:]

        /// Canonical ids published, in catalog order.
        func published(in template: TableTemplate) -> [String] {
            let ids = Set(columns.values)
            return template.columns.map(\.id).filter { ids.contains($0) }
                + columns.values.filter { id in !template.columns.contains { $0.id == id } }.sorted()
        }
    }

    /// Maps header rows to column roles.
    mutating func mapHeader(_ rows: [GridRow], line: Int) -> ColumnMap {
        let header = HeaderGrid(rows: rows)
        var map = ColumnMap()
        var taken: [String: Int] = [:]
        for (i, path) in header.paths.enumerated() {
            let last = HeaderText.normalize(path.last ?? "")
            let joined = HeaderText.normalize(path.joined())
            // A text column the catalog names (江岸 项目支出表's 功能科目编码 is
            // an attribute of the project, not the row's code).
            if let id = template.matchColumn(path: path), template.column(id)?.isText == true, taken[id] == nil {
                taken[id] = i
                map.columns[i] = id
                continue
            }
            if map.code == nil, joined.contains("编码") || joined.contains("代码") || last == "科目" {
                map.code = i
                continue
            }
            // 江岸 names a project by its 二级项目 (under its 一级项目).
            if map.name == nil, (map.code != nil || i == 0) && (last.contains("名称") || last == "项目" || last == "科目")
                || last == "二级项目" || last == "项目名称" {
                map.name = i
                continue
            }
            guard !path.isEmpty else { continue }
            if let id = template.matchColumn(path: path) ?? template.matchColumn(path: [path.last!]) {
                if let first = taken[id] {
                    diagnostics.append(Diagnostic(.warning, line: line, table: template.id,
                        "column \(i + 1) \"\(path.joined(separator: "/"))\" repeats column \(first + 1) (\(id)); kept as unknown"))
                    map.unknown[i] = path.joined(separator: "/")
                } else {
                    taken[id] = i
                    map.columns[i] = id
                }
            } else {
                map.unknown[i] = path.joined(separator: "/")
            }
        }
        return map
    }

    /// Reads an amount cell; text that is not a number is kept as text.
    mutating func figure(_ text: String, line: Int, column: String) throws -> Figure? {
        let t = text.trimmingWhitespace()
        guard !t.isEmpty else { return nil }
        switch Amount.parse(t, unit: unit) {
        case .success(let amount):
            return Figure(amount: amount, text: t)
        case .failure(let error):
            let what: String
            switch error {
            case .malformed: what = "is not a number"
            case .tooPrecise: what = "has more decimals than 分 allows in \(unit.rawValue)"
            case .tooLarge: what = "is too large"
            }
            throw InputError(file: file, line: line,
                "表\(template.id) column \(column): \"\(t)\" \(what); expected an amount like 1,234.56")
        }
    }

    /// Reads the values of `row` under `map`: amounts, text columns and
    /// anything in an unnamed column (kept as `unlabeled.N`).
    mutating func values(of row: GridRow, map: ColumnMap) throws -> (values: [String: Figure], texts: [String: String]) {
        var roles = ColumnRoles(map: map, template: template)
        return try values(of: row, map: map, roles: &roles)
    }

    /// What each column of a header holds, looked up once per table rather
    /// than once per cell (the catalog's columns are searched by id).
    struct ColumnRoles {
        let map: ColumnMap
        let template: TableTemplate
        /// Column index → whether its canonical column is text; grown as wider rows come.
        private var isText: [Bool] = []

        init(map: ColumnMap, template: TableTemplate) {
            self.map = map
            self.template = template
        }

        /// Whether column `i` is a text column of the catalog.
        mutating func isTextColumn(_ i: Int) -> Bool {
            while isText.count <= i {
                let id = map.columns[isText.count]
                isText.append(id.map { template.column($0)?.isText == true } ?? false)
            }
            return isText[i]
        }
    }

    /// `values(of:map:)` with the column roles of the table.
    mutating func values(of row: GridRow, map: ColumnMap, roles: inout ColumnRoles) throws
        -> (values: [String: Figure], texts: [String: String]) {
        // Room for every cell at once: a dictionary grown one figure at a
        // time was reallocated up to three times per row.
        var filled = 0
        for i in row.cells.indices where i != map.code && i != map.name && !row.cells[i].isEmpty && !roles.isTextColumn(i) {
            filled += 1
        }
        var values = [String: Figure](minimumCapacity: filled)
        var texts: [String: String] = [:]
        for i in 0..<row.cells.count where i != map.code && i != map.name {
            let cell = row[i]
            guard !cell.isEmpty else { continue }
            if let id = map.columns[i] {
                if roles.isTextColumn(i) {
                    texts[id] = cell
                } else if NumberText.looksNumeric(cell) {
                    var value = try figure(cell, line: row.line(of: i), column: id)
                    value?.line = row.distinctLine(of: i)
                    values[id] = value
                } else {
                    texts[id] = cell
                    diagnostics.append(Diagnostic(.warning, line: row.line, table: template.id,
                        "\"\(cell)\" in amount column \(id) is not a number; kept as text"))
                }
            } else {
                let id = "unlabeled.\(i + 1)"
                if NumberText.looksNumeric(cell) {
                    var value = try figure(cell, line: row.line(of: i), column: id)
                    value?.line = row.distinctLine(of: i)
                    values[id] = value
                } else {
                    texts[map.unknown[i].map { "header:\($0)" } ?? id] = cell
                }
                if map.unknown[i] == nil {
                    diagnostics.append(Diagnostic(.warning, line: row.line, table: template.id,
                        "column \(i + 1) has no header; its value \"\(cell)\" is kept as \(id)"))
                }
            }
        }
        return (values, texts)
    }

    /// Splits `206 科学技术支出` into its code and name.
    static func splitCode(_ text: String) -> (code: String, name: String)? {
        // By hand, not a regex: this runs on every row (a regex here was a
        // third of the parse of a 1,000,000-row table).
        let t = text.trimmingWhitespace().utf8
        let end = t.firstIndex { !(0x30...0x39).contains($0) } ?? t.endIndex
        guard t.distance(from: t.startIndex, to: end) >= 3 else { return nil }
        // `42010722307T000000102` is one project code, not 42010722307 + a name.
        if end < t.endIndex, case let next = t[end],
           (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next) { return nil }
        return (String(Substring(t[..<end])), Substring(t[end...]).trimmingWhitespace())
    }

    /// Whether `text` is ASCII digits only (and not empty): a code. Such text
    /// is all `Character.isNumber`, no 合计, and has no name to split off.
    static func isASCIIDigits(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 &- 0x30 < 10 }
    }

    /// Reads the data rows of a table keyed by codes.
    mutating func readCodedRows(_ rows: [GridRow], map: ColumnMap) throws -> [Row] {
        var result: [Row] = []
        result.reserveCapacity(rows.count)
        var keys = RowKeys(reservingCapacity: rows.count)
        var roles = ColumnRoles(map: map, template: template)
        var scope: String?  // the current unit key, to qualify repeated codes
        let unitKeyed: Bool = {
            switch template.rows {
            case .unitOrFunction:
                let header = map.code.map { _ in true } ?? false
                return header && unitHeader
            case .projects: return true
            default: return false
            }
        }()
        for row in rows {
            var codeText = map.code.map { row[$0] } ?? ""
            var name = map.name.map { row[$0] } ?? ""
            if map.code == nil, let split = Self.splitCode(name) { codeText = split.code; name = split.name }
            // (A code of digits alone has no name to split off.)
            if !codeText.isEmpty, !Self.isASCIIDigits(codeText), let split = Self.splitCode(codeText), !split.name.isEmpty {
                codeText = split.code; name = split.name
            }
            if codeText.utf8.contains(0x20) { codeText.removeAll { $0 == " " } }
            let (values, texts) = try self.values(of: row, map: map, roles: &roles)
            if codeText.isEmpty && name.isEmpty && values.isEmpty && texts.isEmpty { continue }
            var kind: RowKind
            var key: String
            var level: Int?
            var code: String? = codeText.isEmpty ? nil : codeText
            if (!Self.isASCIIDigits(codeText) && GridRow.isTotalLabel(codeText)) || (codeText.isEmpty && GridRow.isTotalLabel(name))
                || (template.rows == .projects && codeText.isEmpty && name.isEmpty)
                // One row of amounts under a header, no label column (江苏's 支出预算总表): the 合计.
                || (rows.count == 1 && map.code == nil && map.name == nil && codeText.isEmpty && name.isEmpty && !values.isEmpty) {
                kind = .total; key = "total"; code = nil
                if name.isEmpty { name = "合计" }
            } else if let c = code, Self.isASCIIDigits(c) || c.allSatisfy(\.isNumber) {
                if unitKeyed || template.rows == .projects {
                    switch c.count {
                    case ...2: kind = .category; key = "category:\(c)"
                    case 3...6: kind = .unit; key = "unit:\(c)"; scope = key
                    default: kind = .project; key = c
                    }
                    if template.rows == .unitOrFunction { kind = .unit; key = "unit:\(c)"; scope = key }
                } else if let l = Row.level(ofCode: c) {
                    kind = .classification; key = c; level = l
                } else {
                    kind = .classification; key = c
                    diagnostics.append(Diagnostic(.warning, line: row.line, table: template.id,
                        "code \(c) is not a 类/款/项 code (3, 5 or 7 digits)"))
                }
            } else if template.rows == .projects, let c = code, TextToken.isProjectCode(c) {
                // 青山 project codes carry a letter: 42010722307T000000102.
                kind = .project; key = c
            } else if template.rows == .lines {
                kind = .line
                key = "name:\(name.isEmpty ? codeText : name)"
            } else if template.rows == .projects, code == nil || !(code!.allSatisfy(\.isNumber)) {
                kind = .project
                key = "name:\(name)"
                if let c = code { name = c + name; code = nil }
            } else {
                kind = .classification
                key = "name:\(codeText + name)"
                code = nil
                diagnostics.append(Diagnostic(.warning, line: row.line, table: template.id,
                    "row \"\(codeText + name)\" has no code; keyed by its name"))
            }
            if let scope, scope != key, keys.contains(key) {
                key = "\(scope)/\(key)"
            }
            key = keys.claim(key)
            result.append(Row(key: key, kind: kind, code: code, level: level, name: name,
                              values: values, texts: texts, line: row.line))
        }
        return result
    }

    /// Whether table 2 is keyed by units (部门（单位）代码) rather than 功能 codes.
    var unitHeader: Bool = false
}
