import GongkaiModel

/// One table laid out as cells of text: its title, header rows and data
/// rows, whatever the layout that will print it.
///
/// Built from a canonical table of the model (or an extra table) with the
/// catalog's headers, so that every layout prints the same cells.
struct TextTable {
    /// The canonical id, nil for an extra table.
    var id: Int?
    /// The title without numbering (`2024年部门收支总表`).
    var title: String
    /// Header rows, each as wide as the table.
    var header: [[String]]
    var rows: [TextRow]
    /// Notes printed under the table, each starting with 注：/说明：/备注：.
    var notes: [String]
    /// Lines kept verbatim (the performance forms of 表13).
    var raw: [String] = []
    /// The columns of the code and of the name, when the table has them.
    var codeColumn: Int?
    var nameColumn: Int?
    /// Columns that hold amounts.
    var amountColumns: Set<Int> = []

    var width: Int { max(header.map(\.count).max() ?? 0, rows.map(\.cells.count).max() ?? 0) }
}

/// One data row of a `TextTable`.
struct TextRow {
    var cells: [String]
    /// 0 for 合计 and rows outside a tree, else 1 for 类, 2 for 款, 3 for 项.
    var level: Int = 0
}

extension TextTable {
    /// The note prefixes the parser recognises.
    static let notePrefixes = ["注：", "注:", "说明：", "说明:", "备注：", "备注:"]

    /// A note as printed: with a 注： prefix unless it has one.
    static func printedNote(_ note: String) -> String {
        notePrefixes.contains { note.hasPrefix($0) } ? note : "注：" + note
    }

    /// Lays out canonical table `table` of a document in `unit`.
    init(table: Table, template: TableTemplate, year: Int?, unit: SourceUnit, grouping: Bool) {
        id = table.id
        title = (year.map { "\($0)年" } ?? "") + template.title
        notes = table.notes.map(Self.printedNote)
        header = []
        rows = []
        let format = { (figure: Figure?) -> String in figure.map { $0.amount.formatted(in: unit, grouping: grouping) } ?? "" }
        switch template.rows {
        case .items:
            self.layOutPanels(table, template, format)
        case .threePublic where table.rows.contains { $0.name.contains("/") }:
            // Names that are header paths (公务用车购置及运行费/小计) were read
            // from one row of columns: print them so.
            let paths = table.rows.map { $0.name.components(separatedBy: "/") }
            header = Self.headerRows(paths, lead: [])
            rows = [TextRow(cells: table.rows.map { format($0.values["amount"]) })]
            amountColumns = Set(table.rows.indices)
        case .threePublic:
            let columns = table.columns.isEmpty ? ["amount"] : table.columns
            header = [["项目"] + columns.map { Self.header(of: $0, in: template).joined() }]
            nameColumn = 0
            amountColumns = Set(columns.indices.filter { template.column(columns[$0])?.isText != true }.map { $0 + 1 })
            for row in table.rows {
                rows.append(TextRow(cells: [row.name] + columns.map { row.texts[$0] ?? format(row.values[$0]) }))
            }
        case .forms:
            raw = table.raw.map(\.text)
        default:
            self.layOutCoded(table, template, format)
        }
    }

    /// Lays out an extra table: its grid as published.
    init(extra: ExtraTable) {
        id = nil
        title = extra.title
        header = []
        rows = extra.grid.map { TextRow(cells: $0) }
        notes = []
    }

    /// Tables keyed by codes (功能/经济 classification, units, projects) and
    /// the line tables: a code and a name column, then the table's columns.
    private mutating func layOutCoded(_ table: Table, _ template: TableTemplate, _ format: (Figure?) -> String) {
        let lead: (String, String)
        switch template.rows {
        case .economic: lead = ("经济科目编码", "经济科目名称")
        case .projects: lead = ("项目编码", "项目名称")
        case .lines: lead = ("编码", "项目名称")
        case .unitOrFunction where table.rows.contains { $0.kind == .unit }: lead = ("单位代码", "单位名称")
        default: lead = ("科目编码", "科目名称")
        }
        // Columns beyond the catalog's (a header none of them matches) keep their header.
        var columns = table.columns
        for row in table.rows {
            for key in row.values.keys.sorted() + row.texts.keys.sorted() where !columns.contains(key) && key.hasPrefix("header:") {
                columns.append(key)
            }
        }
        var paths = columns.map { id -> [String] in
            if id.hasPrefix("header:") { return [String(id.dropFirst("header:".count))] }
            return Self.header(of: id, in: template)
        }
        // Cells of columns without a header (`unlabeled.20`) go back to their column.
        let unlabeled = Set(table.rows.flatMap { $0.values.keys.filter { $0.hasPrefix("unlabeled.") } })
            .compactMap { id in Int(id.dropFirst("unlabeled.".count)).map { (id, $0) } }.sorted { $0.1 < $1.1 }
        for (id, number) in unlabeled {
            while columns.count + 2 < number - 1 { columns.append(""); paths.append([""]) }
            columns.append(id)
            paths.append([""])
        }
        header = Self.headerRows(paths, lead: [lead.0, lead.1])
        codeColumn = 0
        nameColumn = 1
        amountColumns = Set(columns.indices.filter { id in
            !columns[id].hasPrefix("header:") && !columns[id].isEmpty && template.column(columns[id])?.isText != true
        }.map { $0 + 2 })
        let textColumns = columns.indices.filter { !amountColumns.contains($0 + 2) }
        for row in table.rows {
            var code = row.code ?? ""
            var name = row.name
            var texts = row.texts
            if row.kind == .total { code = "" }
            if template.rows == .lines, row.kind == .category || row.kind == .unit {
                // A sum row of a line table is named by the first text after its code.
                if let first = textColumns.first(where: { texts[columns[$0]] == nil }),
                   !textColumns.contains(where: { $0 < first && texts[columns[$0]] != nil }) {
                    texts[columns[first]] = name
                    name = ""
                }
            } else if template.rows == .projects, row.kind == .project, row.key.hasPrefix("name:") {
                code = ""
            }
            let cells = [code, name] + columns.map { id in id.isEmpty ? "" : texts[id] ?? format(row.values[id]) }
            rows.append(TextRow(cells: cells, level: row.kind == .classification ? (row.level ?? 0) : 0))
        }
    }

    /// The header path printed for canonical column `id`: the catalog's
    /// workbook header when the catalog reads it back as `id`, else the
    /// shortest form that it does (`科目名称`, not `功能科目名称`, which also
    /// names 功能科目编码).
    static func header(of id: String, in template: TableTemplate) -> [String] {
        guard let column = template.column(id) else { return [id] }
        var candidates = [column.header, [column.header.last ?? id]]
        candidates += column.match.map { [$0.all.joined()] }
        return candidates.first { template.matchColumn(path: $0) == id } ?? column.header
    }

    /// Header rows for column `paths` after `lead` columns: a path of one
    /// cell stands in the top row; a group is printed once, over the first
    /// column of its group, and its columns below it.
    static func headerRows(_ paths: [[String]], lead: [String]) -> [[String]] {
        let depth = max(1, paths.map(\.count).max() ?? 1)
        return (0..<depth).map { level in
            var cells = lead.map { level == 0 ? $0 : "" }
            for (i, path) in paths.enumerated() {
                if path.count == 1 { cells.append(level == 0 ? path[0] : ""); continue }
                let offset = level - (depth - path.count)
                guard offset >= 0 else { cells.append(""); continue }
                let previous = i > 0 ? paths[i - 1] : []
                let sameGroup = offset < path.count - 1 && previous.count == path.count
                    && Array(previous.prefix(offset + 1)) == Array(path.prefix(offset + 1))
                cells.append(sameGroup ? "" : path[offset])
            }
            return cells
        }
    }

    /// The panel tables (表1, 表4): income, function and economic panels
    /// side by side, each an item column and the table's amount columns.
    private mutating func layOutPanels(_ table: Table, _ template: TableTemplate, _ format: (Figure?) -> String) {
        var panels: [[Row]] = [[], [], []]
        var current = 0
        for row in table.rows {
            if row.key.hasPrefix("income.") { current = 0 }
            else if row.key.hasPrefix("function.") || row.key.hasPrefix("expenditure.") { current = 1 }
            else if row.key.hasPrefix("economic.") { current = 2 }
            panels[current].append(row)
        }
        if panels[2].isEmpty { panels.removeLast() }
        // Each panel prints the columns it fills, as the published tables do
        // (江汉 表4: 预算数 for income, 一般公共预算 / 政府性基金预算 for the
        // expenditure panels). Every panel under all of the table's columns
        // would print a lone 一般公共预算 amount under 合计 with 合计 blank,
        // which no published table does and no reader can tell apart.
        let all = table.columns.isEmpty ? [template.columns[0].id] : table.columns
        let columns: [[String]] = panels.map { rows in
            let filled = all.filter { id in rows.contains { $0.values[id] != nil } }
            return filled.isEmpty ? [all[0]] : filled
        }
        let names = ["收入", "支出（功能分类）", "支出（经济分类）"]
        var top: [String] = [], second: [String] = []
        for p in panels.indices {
            top += [names[p]] + Array(repeating: "", count: columns[p].count)
            second += ["项目"] + columns[p].map { id in
                template.columns.count == 1 ? "预算数" : (template.column(id)?.header.last ?? id)
            }
        }
        header = [top, second]
        var start = 0
        for p in panels.indices {
            amountColumns.formUnion((1...columns[p].count).map { start + $0 })
            start += columns[p].count + 1
        }
        let count = panels.map(\.count).max() ?? 0
        for i in 0..<count {
            var cells: [String] = []
            for (p, panel) in panels.enumerated() {
                guard i < panel.count else { cells += Array(repeating: "", count: columns[p].count + 1); continue }
                let row = panel[i]
                let label = row.code.map { "\($0) \(row.name)" } ?? row.name
                cells += [label] + columns[p].map { format(row.values[$0]) }
            }
            rows.append(TextRow(cells: cells))
        }
        nameColumn = 0
    }
}
