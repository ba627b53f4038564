import GongkaiCheck
import GongkaiModel
import GongkaiXLSX

/// Plans the sheet of each canonical table from the model and the catalog.
///
/// Subtotals become formulas: a row with children in the `RowTree` sums
/// them (`=SUM(C6:C8,C11)`); a leaf cell of a column group sums its addends
/// (`=D7+E7`); item tables use the catalog's item sums. A cell is a formula
/// only when it was published and at least one addend was: a blank stays
/// blank, and a sum of blanks is not invented.
struct SheetPlanner {
    let document: Document
    /// The unit amounts are shown in.
    let unit: SourceUnit
    let catalog: Catalog

    /// A cell whose published figure differs from what its formula computes.
    struct Mismatch: Equatable {
        var table: Int
        var row: String
        var rowName: String
        var column: String
        var published: Figure
        var computed: Amount
        var line: Int?
    }

    func title(_ template: TableTemplate) -> String {
        (document.year.map { "\($0)年" } ?? "") + template.title
    }

    func basePlan(_ template: TableTemplate, headerDepth: Int, widths: [Double]) -> SheetPlan {
        SheetPlan(sheetName: template.sheet, title: title(template),
                  infoLeft: "单位名称：" + (document.department ?? "（文档未载明）"),
                  infoRight: "单位：" + unit.rawValue, widths: widths, headerDepth: headerDepth)
    }

    // MARK: - Cell values and formulas

    /// Lays out amount cells with formulas and computed values, given where
    /// every (row, column) sits and which cells sum which.
    ///
    /// - Parameters:
    ///   - addends: for a (row, column), the cells it is the sum of, if any.
    /// - Returns: the content of each amount cell, and the mismatches.
    static func resolve(cells: [SheetPlan.Key: Figure], positions: SheetPositions,
                        addends: (SheetPlan.Key) -> [SheetPlan.Key]?) -> (contents: [SheetPlan.Key: SheetPlan.Content], computed: [SheetPlan.Key: Amount]) {
        var computed: [SheetPlan.Key: Amount] = [:]
        var contents: [SheetPlan.Key: SheetPlan.Content] = [:]
        var visiting = Set<SheetPlan.Key>()
        func value(_ key: SheetPlan.Key) -> Amount? {
            if let v = computed[key] { return v }
            guard let published = cells[key] else { return nil }
            guard !visiting.contains(key), let parts = addends(key), parts.contains(where: { cells[$0] != nil }) else {
                contents[key] = .amount(published)
                computed[key] = published.amount
                return published.amount
            }
            visiting.insert(key)
            defer { visiting.remove(key) }
            // Overflow cannot come from a real budget; fall back to the published figure.
            let sum = Amount.sum(parts.map { value($0) ?? .zero })
            guard let sum, let formula = formula(parts, positions: positions) else {
                contents[key] = .amount(published)
                computed[key] = published.amount
                return published.amount
            }
            contents[key] = .formula(formula, computed: sum, published: published)
            computed[key] = sum
            return sum
        }
        for key in cells.keys { _ = value(key) }
        return (contents, computed)
    }

    /// `=SUM(C6:C8,C11)` over the cells of `parts` (runs of a column merged
    /// into ranges), or `=D7+E7` across a row.
    /// Nil when a part has no cell.
    static func formula(_ parts: [SheetPlan.Key], positions: SheetPositions) -> String? {
        let refs = parts.compactMap { positions[$0] }
        return refs.count == parts.count ? formula(refs) : nil
    }

    /// The formula over the cells `refs`; nil when there are none.
    static func formula(_ refs: [CellReference]) -> String? {
        guard !refs.isEmpty else { return nil }
        if refs.allSatisfy({ $0.column == refs[0].column }) {
            let sorted = refs.sorted { $0.row < $1.row }
            var ranges: [String] = []
            var start = sorted[0], end = sorted[0]
            for r in sorted.dropFirst() {
                if r.row == end.row + 1 { end = r; continue }
                ranges.append(start == end ? start.a1 : "\(start.a1):\(end.a1)")
                start = r; end = r
            }
            ranges.append(start == end ? start.a1 : "\(start.a1):\(end.a1)")
            return "=SUM(\(ranges.joined(separator: ",")))"
        }
        return "=" + refs.map(\.a1).joined(separator: "+")
    }

    /// Writes resolved contents into the plan's body, styling amounts.
    static func fill(_ plan: inout SheetPlan, contents: [SheetPlan.Key: SheetPlan.Content], bold: Set<String>,
                     table: Int, rowNames: [String: (String, Int?)], mismatches: inout [Mismatch]) {
        // In sheet order, so that the mismatch list (and the file) is the same every time.
        let ordered = contents.compactMap { key, content in plan.positions[key].map { (key, content, $0) } }
            .sorted { ($0.2.row, $0.2.column) < ($1.2.row, $1.2.column) }
        for (key, content, ref) in ordered {
            var mismatch = false
            if case .formula(_, let computed, let published) = content, computed != published.amount {
                mismatch = true
                let info = rowNames[key.row]
                mismatches.append(Mismatch(table: table, row: key.row, rowName: info?.0 ?? key.row, column: key.column,
                                           published: published, computed: computed, line: published.line ?? info?.1))
            }
            plan.body[ref.row - plan.bodyStart][ref.column] =
                SheetPlan.Cell(content: content, style: Styles.amount(bold: bold.contains(key.row), mismatch: mismatch))
        }
    }

    // MARK: - Tables keyed by codes (表2, 3, 5, 6, 8, 9, 10, 11, 12)

    func planCodeTable(_ table: Table, _ template: TableTemplate, mismatches: inout [Mismatch]) -> SheetPlan {
        // The catalog's columns that the source published (all of them for a
        // table with no rows), in catalog order with catalog headers, then any
        // column the source had beyond the catalog. Columns nobody published
        // would only make the sheet too wide to print.
        let shown = table.columns.isEmpty ? Set(template.columns.map(\.id)) : Set(table.columns + ["total"])
        var columns = template.columns.filter { shown.contains($0.id) }
            .map { (id: $0.id, header: $0.header, width: $0.width ?? 13, text: $0.isText) }
        let known = Set(columns.map(\.id))
        var extra = Set<String>()
        for row in table.rows { for k in row.values.keys where !known.contains(k) { extra.insert(k) } }
        for id in extra.sorted() {
            // A column outside the catalog keeps the header it was published under.
            let header = id.hasPrefix("header:") ? String(id.dropFirst("header:".count)).components(separatedBy: "/")
                : ["未命名列" + id.replacingOccurrences(of: "unlabeled.", with: "")]
            columns.append((id, header, 12, false))
        }
        var leads: [[String]] = template.leadHeaders.isEmpty ? [["项目"]] : template.leadHeaders
        if template.rows == .unitOrFunction, table.rows.contains(where: { $0.kind == .unit }) {
            leads = [["单位代码"], ["单位名称"]]
        }
        let nameWidth = min(48, max(24, Double(table.rows.map { $0.name.count }.max() ?? 10) * 1.9 + 4))
        // Wide enough for the longest code (a 20-digit project code is clipped at 14).
        let codeWidth = max(14, Double(table.rows.compactMap { $0.code?.count }.max() ?? 0) * 1.15 + 2)
        let leadWidths: [Double] = leads.count == 2 ? [codeWidth, nameWidth] : [nameWidth]
        let paths = leads + columns.map(\.header)
        var plan = basePlan(template, headerDepth: paths.map(\.count).max() ?? 1, widths: leadWidths + columns.map(\.width))
        plan.layHeader(paths)
        plan.freezeColumn = leads.count
        let first = leads.count
        let rows = table.rows
        let bodyStart = plan.bodyStart
        let amounts = columns.enumerated().filter { !$0.element.text }.map { (id: $0.element.id, column: first + $0.offset) }
        plan.positions = SheetPositions(keys: rows.map(\.key), firstRow: bodyStart, columns: amounts)
        let cells = CodeTableCells(rows: rows, tree: RowTree(rows: rows), template: template,
                                   published: Set(table.columns), firstRow: bodyStart,
                                   columnIndex: Dictionary(amounts.map { ($0.id, $0.column) }, uniquingKeysWith: { _, last in last }))
        // Mismatches in sheet order; the cells themselves are made row by row as the sheet is written.
        for (i, row) in rows.enumerated() {
            for column in amounts {
                guard let published = row.values[column.id], let computed = cells.computed(i, column.id),
                      computed != published.amount else { continue }
                mismatches.append(Mismatch(table: table.id, row: row.key, rowName: row.name, column: column.id,
                                           published: published, computed: computed, line: published.line ?? row.line))
            }
        }
        plan.body = SheetBody(count: rows.count) { i in
            let row = rows[i]
            let isTotal = row.kind == .total
            let bold = isTotal || row.kind == .unit
            var line: [SheetPlan.Cell] = []
            line.reserveCapacity(first + columns.count)
            if leads.count == 2 {
                line.append(.init(content: isTotal ? .blank : .text(row.code ?? ""), style: Styles.code))
            }
            line.append(.init(content: .text(isTotal ? "合计" : row.name),
                              style: isTotal ? Styles.totalLabel : Styles.name(level: row.level, bold: row.kind == .unit)))
            for column in columns {
                if column.text {
                    line.append(.init(content: row.texts[column.id].map { .text($0) } ?? .blank, style: Styles.text))
                } else if let content = cells.content(i, column.id) {
                    var mismatch = false
                    if case .formula(_, let computed, let published) = content { mismatch = computed != published.amount }
                    line.append(.init(content: content, style: Styles.amount(bold: bold, mismatch: mismatch)))
                } else {
                    line.append(.init(content: .blank, style: Styles.amount(bold: isTotal)))
                }
            }
            return line
        }
        plan.notes = table.notes
        return plan
    }

    /// The amount cells of a table keyed by codes, worked out one at a time:
    /// a row with children in the `RowTree` sums those that were published
    /// (`=SUM(C6:C8,C11)`); otherwise a column the catalog defines as a sum
    /// of others adds them across the row (`=D7+E7`). A cell is a formula
    /// only when it was published and at least one of its parts was.
    ///
    /// Only the formulas of rows with children are remembered (`Memo`):
    /// every cell is asked for twice (mismatches, then the sheet) and a
    /// subtotal's value sums its subtree, which made the cells of *n* rows
    /// of depth *d* cost O(*n* · *d*) lookups each time, a tenth of writing
    /// a workbook. The memory is a few bytes per subtotal cell; leaves,
    /// nearly all of a large table's rows, are worked out afresh.
    struct CodeTableCells {
        let rows: [Row]
        let tree: RowTree
        let firstRow: Int
        /// Sheet column of each amount column shown.
        let columnIndex: [String: Int]
        /// The catalog's addends of each column, among the published ones.
        let addends: [String: [String]]
        /// The remembered formulas of rows with children; nil when the
        /// catalog's column sums have a cycle, since a cell's formula then
        /// depends on which cell asked for it (see `formula`).
        private let memo: Memo?

        /// - Parameter memoizing: false works every cell out afresh (for
        ///   the test that holds the memo to it).
        init(rows: [Row], tree: RowTree, template: TableTemplate, published: Set<String>, firstRow: Int, columnIndex: [String: Int],
             memoizing: Bool = true) {
            self.rows = rows
            self.tree = tree
            self.firstRow = firstRow
            self.columnIndex = columnIndex
            var addends: [String: [String]] = [:]
            for id in Set(template.columns.map(\.id)).union(published).union(columnIndex.keys) {
                addends[id] = template.addends(of: id, published: published)
            }
            self.addends = addends
            memo = memoizing && Self.isAcyclic(addends) ? Memo(tree: tree, columns: Array(Set(columnIndex.values))) : nil
        }

        /// Whether no column is, through the catalog's sums, an addend of itself.
        ///
        /// Children come after their parent, so a cell can only meet itself
        /// again across its own row, through the column sums: without such
        /// a cycle the `visiting` guard never fires, and a cell's formula is
        /// the same whoever asks.
        static func isAcyclic(_ addends: [String: [String]]) -> Bool {
            var state: [String: Bool] = [:]  // false: on the path, true: done
            func visit(_ id: String) -> Bool {
                if let done = state[id] { return done }
                state[id] = false
                for next in addends[id] ?? [] where !visit(next) { return false }
                state[id] = true
                return true
            }
            return addends.keys.sorted().allSatisfy(visit)
        }

        /// The formulas of rows with children, per (row, sheet column),
        /// filled in as they are first worked out.
        final class Memo {
            /// Each row's place among the rows with children, or -1.
            private let slot: [Int32]
            /// Each sheet column's place among the amount columns, or -1.
            private let place: [Int]
            private let width: Int
            /// 0 not yet known, 1 no formula, 2 sums children, 3 sums columns.
            private var kinds: [UInt8]
            private var sums: [Amount]

            init(tree: RowTree, columns: [Int]) {
                var slot = [Int32](repeating: -1, count: tree.children.count)
                var parents: Int32 = 0
                for (i, children) in tree.children.enumerated() where !children.isEmpty {
                    slot[i] = parents
                    parents += 1
                }
                var place = [Int](repeating: -1, count: (columns.max() ?? -1) + 1)
                for (k, c) in columns.sorted().enumerated() { place[c] = k }
                self.slot = slot
                self.place = place
                width = columns.count
                kinds = [UInt8](repeating: 0, count: Int(parents) * columns.count)
                sums = [Amount](repeating: .zero, count: Int(parents) * columns.count)
            }

            /// Where the formula of row `i` in sheet column `c` is kept; nil for a row without children.
            func cell(_ i: Int, _ c: Int) -> Int? {
                let s = slot[i]
                guard s >= 0, c < place.count, place[c] >= 0 else { return nil }
                return Int(s) * width + place[c]
            }

            func kind(_ cell: Int) -> UInt8 { kinds[cell] }
            func sum(_ cell: Int) -> Amount { sums[cell] }

            func store(_ cell: Int, _ kind: UInt8, _ sum: Amount) {
                kinds[cell] = kind
                sums[cell] = sum
            }
        }

        /// What a published cell sums: its children's cells, or cells of its row.
        enum Parts {
            case children
            case columns([String])
        }

        /// The cell of row `i` in `column`: nil where nothing was published.
        func content(_ i: Int, _ column: String) -> SheetPlan.Content? {
            guard let figure = rows[i].values[column] else { return nil }
            var visiting: [(Int, String)] = []
            guard let (parts, sum) = formula(i, column, &visiting) else { return .amount(figure) }
            let refs: [CellReference]
            switch parts {
            case .children:
                let c = columnIndex[column]!
                refs = tree.children[i].map { CellReference(row: firstRow + $0, column: c) }
            case .columns(let ids):
                refs = ids.map { CellReference(row: firstRow + i, column: columnIndex[$0]!) }
            }
            guard let text = SheetPlanner.formula(refs) else { return .amount(figure) }
            return .formula(text, computed: sum, published: figure)
        }

        /// What the formula of row `i` in `column` computes; nil for a plain figure or a blank.
        func computed(_ i: Int, _ column: String) -> Amount? {
            var visiting: [(Int, String)] = []
            return rows[i].values[column] == nil ? nil : formula(i, column, &visiting)?.sum
        }

        /// What row `i` shows in `column`: its formula's result, or its published figure.
        private func value(_ i: Int, _ column: String, _ visiting: inout [(Int, String)]) -> Amount? {
            guard let figure = rows[i].values[column] else { return nil }
            return formula(i, column, &visiting)?.sum ?? figure.amount
        }

        /// The parts and sum of the formula of a published cell, or nil when
        /// it is a plain figure (no parts published, a part not on the sheet,
        /// a cycle in the catalog's sums, or an overflow no budget reaches).
        private func formula(_ i: Int, _ column: String, _ visiting: inout [(Int, String)]) -> (parts: Parts, sum: Amount)? {
            guard let c = columnIndex[column] else { return nil }
            guard let memo, let cell = memo.cell(i, c) else { return workedOut(i, column, &visiting) }
            switch memo.kind(cell) {
            case 1: return nil
            case 2: return (.children, memo.sum(cell))
            case 3: return (.columns(addends[column] ?? []), memo.sum(cell))
            default:
                let result = workedOut(i, column, &visiting)
                switch result?.parts {
                case nil: memo.store(cell, 1, .zero)
                case .children: memo.store(cell, 2, result!.sum)
                case .columns: memo.store(cell, 3, result!.sum)
                }
                return result
            }
        }

        /// `formula` worked out from the parts.
        private func workedOut(_ i: Int, _ column: String, _ visiting: inout [(Int, String)]) -> (parts: Parts, sum: Amount)? {
            guard columnIndex[column] != nil, !visiting.contains(where: { $0 == (i, column) }) else { return nil }
            visiting.append((i, column))
            defer { visiting.removeLast() }
            var sum = Amount.zero
            let children = tree.children[i]
            if !children.isEmpty, children.contains(where: { rows[$0].values[column] != nil }) {
                for c in children {
                    guard let s = sum.adding(value(c, column, &visiting) ?? .zero) else { return nil }
                    sum = s
                }
                return (.children, sum)
            }
            guard let ids = addends[column], ids.contains(where: { rows[i].values[$0] != nil }),
                  ids.allSatisfy({ columnIndex[$0] != nil }) else { return nil }
            for id in ids {
                guard let s = sum.adding(value(i, id, &visiting) ?? .zero) else { return nil }
                sum = s
            }
            return (.columns(ids), sum)
        }
    }

    // MARK: - Panel tables (表1, 表4)

    /// The columns of a panel of 表1/表4.
    func panelColumns(_ table: Table, _ template: TableTemplate, rows: [Row]) -> [String] {
        if template.columns.count == 1 { return [template.columns[0].id] }
        let used = template.columns.map(\.id).filter { id in rows.contains { $0.values[id] != nil } }
        return used.isEmpty ? [template.columns[0].id] : used
    }

    func planPanels(_ table: Table, _ template: TableTemplate, mismatches: inout [Mismatch]) -> SheetPlan {
        let rows = table.rows
        func isTotal(_ key: String) -> Bool {
            key.hasSuffix(".current_total") || key.hasSuffix(".total") || key.hasSuffix(".carry_forward")
                || key.hasPrefix("income.carryover") || key == "income.reserve_fund"
        }
        let incomeRows = rows.filter { $0.key.hasPrefix("income.") }
        let functionRows = rows.filter { $0.key.hasPrefix("function.") || $0.key.hasPrefix("expenditure.") || $0.key.hasPrefix("name:") || $0.key.hasPrefix("row:") }
        let economicRows = rows.filter { $0.key.hasPrefix("economic.") }
        var panels: [(group: String, rows: [Row], columns: [String])] = [
            ("收入", incomeRows, panelColumns(table, template, rows: incomeRows)),
            ("支出（按功能分类）", functionRows, panelColumns(table, template, rows: functionRows)),
        ]
        if !economicRows.isEmpty { panels.append(("支出（按经济分类）", economicRows, panelColumns(table, template, rows: economicRows))) }

        var paths: [[String]] = []
        var widths: [Double] = []
        var panelStart: [Int] = []
        for panel in panels {
            panelStart.append(paths.count)
            paths.append([panel.group, "项目"])
            widths.append(34)
            for id in panel.columns {
                let header = template.column(id)?.header.last ?? id
                paths.append([panel.group, template.columns.count == 1 ? "预算数" : header])
                widths.append(14)
            }
        }
        var plan = basePlan(template, headerDepth: 2, widths: widths)
        plan.layHeader(paths)
        // Body: items first, then the totals aligned across panels.
        let bodyItems = panels.map { p in p.rows.filter { !isTotal($0.key) } }
        let footerOrder: [[String]] = [
            ["income.current_total", "expenditure.current_total", "economic.current_total"],
        ]
        var footer: [[String?]] = footerOrder.map { $0.map { Optional($0) } }
        let incomeTail = incomeRows.map(\.key).filter { $0 == "income.reserve_fund" || $0.hasPrefix("income.carryover") }
        let expTail = ["expenditure.carry_forward"].filter { k in rows.contains { $0.key == k } }
        let ecoTail = ["economic.carry_forward"].filter { k in rows.contains { $0.key == k } }
        for i in 0..<max(incomeTail.count, expTail.count, ecoTail.count) {
            footer.append([i < incomeTail.count ? incomeTail[i] : nil, i < expTail.count ? expTail[i] : nil,
                           i < ecoTail.count ? ecoTail[i] : nil])
        }
        footer.append(["income.total", "expenditure.total", "economic.total"])
        let height = bodyItems.map(\.count).max() ?? 0
        var grid: [[Row?]] = []
        for r in 0..<height { grid.append(bodyItems.map { r < $0.count ? $0[r] : nil }) }
        for f in footer {
            let line: [Row?] = panels.indices.map { p in f.indices.contains(p) ? f[p].flatMap { k in rows.first { $0.key == k } } : nil }
            if line.contains(where: { $0 != nil }) { grid.append(line) }
        }
        var cells: [SheetPlan.Key: Figure] = [:]
        var rowNames: [String: (String, Int?)] = [:]
        var bold = Set<String>()
        for (i, line) in grid.enumerated() {
            var out: [SheetPlan.Cell] = []
            for (p, panel) in panels.enumerated() {
                let row = line[p]
                let total = row.map { isTotal($0.key) } ?? false
                if let row, total { bold.insert(row.key) }
                let label = row.map { r in r.code.map { "\($0) \(r.name)" } ?? r.name } ?? ""
                out.append(.init(content: label.isEmpty ? .blank : .text(label), style: total ? Styles.totalLabel : Styles.name(level: 1)))
                for (c, id) in panel.columns.enumerated() {
                    out.append(.init(content: .blank, style: Styles.amount(bold: total)))
                    guard let row else { continue }
                    let key = SheetPlan.Key(row: row.key, column: id)
                    plan.positions[key] = CellReference(row: plan.bodyStart + i, column: panelStart[p] + 1 + c)
                    if let f = row.values[id] { cells[key] = f }
                }
                if let row { rowNames[row.key] = (row.name, row.line) }
            }
            plan.body.append(out)
        }
        // The panel's sums are the checker's (PanelRule), so the workbook's
        // formulas and `gongkai check` never disagree.
        let keys = Set(rows.map(\.key))
        var sums: [String: [String]] = [:]
        for identity in PanelRule.identities(in: table) {
            let parts = identity.addends.filter { keys.contains($0) }
            if !parts.isEmpty { sums[identity.sum] = parts }
        }
        let resolved = Self.resolve(cells: cells, positions: plan.positions) { key in
            guard let parts = sums[key.row], !parts.isEmpty else { return nil }
            return parts.map { SheetPlan.Key(row: $0, column: key.column) }
        }
        Self.fill(&plan, contents: resolved.contents, bold: bold, table: table.id, rowNames: rowNames, mismatches: &mismatches)
        plan.notes = table.notes
        return plan
    }

    // MARK: - 表7 三公经费

    func planThreePublic(_ table: Table, _ template: TableTemplate, mismatches: inout [Mismatch]) -> SheetPlan {
        let columns = template.columns.filter { c in c.id == "amount" || table.columns.contains(c.id) }
        let paths = [["项目"]] + columns.map(\.header)
        var plan = basePlan(template, headerDepth: 1, widths: [36] + columns.map { $0.width ?? 14 })
        plan.layHeader(paths)
        plan.freezeColumn = 1
        var cells: [SheetPlan.Key: Figure] = [:]
        var rowNames: [String: (String, Int?)] = [:]
        let indent: [String: Int] = ["total": 0, "abroad": 1, "vehicle": 1, "vehicle.purchase": 2, "vehicle.operation": 2, "reception": 1]
        let names: [String: String] = Dictionary(uniqueKeysWithValues: catalog.items.threePublic.map { ($0.id, $0.name) })
        for (i, row) in table.rows.enumerated() {
            let isTotal = row.key == "total"
            // The canonical item name; the published label is kept in the model.
            let label = names[row.key] ?? row.name
            var line: [SheetPlan.Cell] = [.init(content: .text(label), style: isTotal ? Styles.totalLabel : Styles.name(level: (indent[row.key] ?? 1)))]
            for (c, column) in columns.enumerated() {
                if column.isText {
                    line.append(.init(content: row.texts[column.id].map { .text($0) } ?? .blank, style: Styles.text))
                } else {
                    line.append(.init(content: .blank, style: Styles.amount(bold: isTotal)))
                    let key = SheetPlan.Key(row: row.key, column: column.id)
                    plan.positions[key] = CellReference(row: plan.bodyStart + i, column: 1 + c)
                    if let f = row.values[column.id] { cells[key] = f }
                }
            }
            rowNames[row.key] = (row.name, row.line)
            plan.body.append(line)
        }
        let sums = Dictionary(uniqueKeysWithValues: (template.itemSums ?? []).map { ($0.of, $0.is) })
        let keys = Set(table.rows.map(\.key))
        let resolved = Self.resolve(cells: cells, positions: plan.positions) { key in
            sums[key.row].map { $0.filter { keys.contains($0) }.map { SheetPlan.Key(row: $0, column: key.column) } }
        }
        Self.fill(&plan, contents: resolved.contents, bold: ["total"], table: table.id, rowNames: rowNames, mismatches: &mismatches)
        plan.notes = table.notes
        return plan
    }

    // MARK: - 表13 and tables with no rows

    func planText(_ table: Table, _ template: TableTemplate) -> SheetPlan {
        var plan = basePlan(template, headerDepth: 0, widths: [120])
        plan.body = SheetBody(table.raw.map { [SheetPlan.Cell(content: .text($0.text.replacingOccurrences(of: "\t", with: "  |  ")), style: Styles.plain)] })
        return plan
    }

    func planStatusOnly(_ table: Table, _ template: TableTemplate) -> SheetPlan {
        // An empty table still shows its header, so a reader sees what is missing.
        var none: [Mismatch] = []
        var plan = table.status == .empty && template.rows != .items && template.rows != .threePublic
            ? planCodeTable(table, template, mismatches: &none)
            : basePlan(template, headerDepth: 0, widths: [100])
        let message: String
        switch table.status {
        case .absent: message = "本文档未公开此表（原文中没有此表）。"
        case .empty: message = "此表已公开，但没有数据行。" + (table.notes.isEmpty ? "" : "原文说明：" + table.notes.joined(separator: " "))
        case .disclosed: message = ""
        }
        plan.notes = [message]
        return plan
    }
}
