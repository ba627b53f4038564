import GongkaiModel
import GongkaiXLSX

/// One canonical table laid out exactly as in a standardized workbook, for
/// other reports to show a table with some cells marked (the diff report
/// shows document B with its changed cells highlighted).
public enum StandardSheet {
    /// A cell to highlight, with an optional comment.
    public struct Mark: Sendable, Hashable {
        public var fill: CellStyle.Color
        public var comment: String?

        public init(fill: CellStyle.Color, comment: String? = nil) {
            self.fill = fill
            self.comment = comment
        }
    }

    /// A cell of the table: an amount cell (`column` is a canonical column
    /// id) or the name cell of a row (`column` nil).
    public struct Place: Sendable, Hashable {
        public var row: String
        public var column: String?

        public init(row: String, column: String?) {
            self.row = row
            self.column = column
        }
    }

    /// Where things ended up on the sheet.
    public struct Layout: Sendable {
        /// The first row below the table and its notes.
        public var nextRow: Int
        /// The number of columns the table spans.
        public var columnCount: Int
        /// The sheet column of each amount column (its first occurrence,
        /// for the panels of 表1 and 表4).
        public var columns: [String: Int]
        /// The column holding row names.
        public var nameColumn: Int
        /// The column holding codes, for tables that have one.
        public var codeColumn: Int?
        /// Where each marked place was found; places not on the sheet are missing.
        public var marked: [Place: CellReference]
        /// The width of each column, in Excel's character units.
        public var widths: [Double]
    }

    /// How many lines `text` takes when wrapped in a column `width` characters
    /// wide (a CJK character is two units wide; each indent level takes about two).
    public static func lineCount(_ text: String, width: Double, indent: Int = 0) -> Int {
        var units = Double(indent) * 2
        for u in text.unicodeScalars {
            units += (0x2E80...0x9FFF).contains(u.value) || (0xF900...0xFAFF).contains(u.value) || (0xFF00...0xFF60).contains(u.value) ? 2.05 : 1.1
        }
        let usable = max(1, width - 1)
        return max(1, Int((units / usable).rounded(.up)))
    }

    /// Writes canonical table `id` of `document` on `sheet`, in the layout of
    /// `StandardWorkbook`, with `marks` applied.
    ///
    /// A marked cell keeps its content (value or formula) and gets the mark's
    /// fill; its comment is the mark's, followed by the converter's own note
    /// when the published figure differs from the formula.
    @discardableResult
    public static func write(_ document: Document, table id: Int, unit: SourceUnit, into sheet: Worksheet,
                             marks: [Place: Mark] = [:], notes: [String] = []) throws -> Layout {
        let planner = SheetPlanner(document: document, unit: unit, catalog: .shared)
        guard let template = Catalog.shared.table(id) else {
            throw XLSXError.invalidArgument(reason: "no canonical table \(id)", context: "writing sheet \(sheet.name)")
        }
        let table = document.table(id)
        // The converter's own plan of every sheet, so that this sheet is laid out exactly as in `convert`.
        var none: [SheetPlanner.Mismatch] = []
        let plans = StandardWorkbook.plans(document, planner: planner, mismatches: &none)
        guard let index = Catalog.shared.tables.firstIndex(where: { $0.id == id }), plans.indices.contains(index) else {
            throw XLSXError.invalidArgument(reason: "no plan for table \(id)", context: "writing sheet \(sheet.name)")
        }
        var plan = plans[index]
        plan.notes += notes

        // Find each place: amount cells through the plan's positions; name
        // cells as the text cell left of the row's first amount that holds its name.
        var marked: [Place: CellReference] = [:]
        var comments: [CellReference: String] = [:]
        var firstAmountColumn: [String: Int] = [:]
        var columns: [String: Int] = [:]
        var rowOf: [String: Int] = [:]  // a sheet row of each row key (one lookup, not a search per cell)
        for (key, ref) in plan.positions {
            rowOf[key.row] = ref.row
            firstAmountColumn[key.row] = min(firstAmountColumn[key.row] ?? .max, ref.column)
            columns[key.column] = min(columns[key.column] ?? .max, ref.column)
        }
        let rowsByKey = Dictionary(table.rows.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        func nameCell(_ key: String) -> CellReference? {
            guard let row = rowsByKey[key],
                  let sheetRow = rowOf[key] else { return nil }
            let line = plan.body[sheetRow - plan.bodyStart]
            let limit = firstAmountColumn[key] ?? line.count
            for c in stride(from: min(limit, line.count) - 1, through: 0, by: -1) {
                if case .text(let t) = line[c].content,
                   t == row.name || t.hasSuffix(" " + row.name) || (row.kind == .total && t == "合计") {
                    return CellReference(row: sheetRow, column: c)
                }
            }
            return nil
        }
        for (place, mark) in marks {
            let ref: CellReference?
            if let column = place.column { ref = plan.positions[.init(row: place.row, column: column)] }
            else { ref = nameCell(place.row) }
            guard let ref else { continue }
            marked[place] = ref
            plan.body[ref.row - plan.bodyStart][ref.column].style.fillColor = mark.fill
            var comment = mark.comment
            // The converter's own note on a subtotal that differs from its items moves into this comment.
            if case .formula(let f, let computed, let published) = plan.body[ref.row - plan.bodyStart][ref.column].content,
               computed != published.amount {
                let diff = published.amount.subtracting(computed) ?? .zero
                let note = "原文公布数 \(published.amount.formatted(in: unit))，明细合计 \(computed.formatted(in: unit))，差额 \(diff.formatted(in: unit))"
                comment = (comment.map { $0 + "\n" } ?? "") + note
                plan.body[ref.row - plan.bodyStart][ref.column].content =
                    .formula(f, computed: computed, published: Figure(amount: computed, text: published.text, line: published.line))
            }
            if let comment { comments[ref] = comment }
        }
        try SheetWriter(plan: plan, unit: unit).write(into: sheet)
        // Rows whose wrapped text needs more than one line get the height for it
        // (a long 项目名称 would otherwise be drawn over the rows below).
        for (i, line) in plan.body.enumerated() {
            var lines = 1
            for (c, cell) in line.enumerated() where cell.style.wrapsText && c < plan.widths.count {
                if case .text(let text) = cell.content {
                    lines = max(lines, lineCount(text, width: plan.widths[c], indent: cell.style.indent))
                }
            }
            if lines > 1 { try sheet.setRowHeight(min(Double(lines) * 13.5 + 2, Styles.maxRowHeight), row: plan.bodyStart + i) }
        }
        for (ref, text) in comments.sorted(by: { $0.key < $1.key }) {
            let lines = text.split(separator: "\n").count
            try sheet.addComment(text, row: ref.row, column: ref.column, author: "gongkai diff",
                                 width: 300, height: max(60, 20 * lines + 16))
        }
        let codeColumn = (template.leadHeaders.count == 2 && table.status != .absent && template.rows != .items) ? 0 : nil
        return Layout(nextRow: plan.bodyStart + plan.body.count + plan.notes.filter { !$0.isEmpty }.count,
                      columnCount: plan.columnCount, columns: columns,
                      nameColumn: codeColumn == nil ? 0 : 1, codeColumn: codeColumn, marked: marked, widths: plan.widths)
    }
}
