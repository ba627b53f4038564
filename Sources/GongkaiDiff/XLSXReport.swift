import Foundation
import GongkaiConvert
import GongkaiModel
import GongkaiXLSX

/// The change report as a workbook:
///
/// - `摘要`: the two documents, the headline figures A, B, 变动, 变动率 (live
///   formulas), counts, each table's status, and a clustered column chart of
///   the class-level (类) totals A vs B;
/// - `变动明细`: one row per changed cell (and per cell of an added or
///   removed row), whose 变动 and 变动率 are formulas over the A and B cells;
/// - `其他变动`: renamed and recoded rows, text cells, table status and
///   document fields;
/// - per changed table, B's sheet in the standardized layout with changed
///   cells highlighted, A's value in a comment, and A's removed rows below;
///   for 表13, the changes form by form (`writeForms`).
///
/// Amounts in 万元 (in 元 when either document was published in 元).
/// Written atomically, byte-identical for the same input.
public enum XLSXReport {
    static let font = "宋体"
    static let changedFill = CellStyle.Color(rgb: 0xFFE699)
    static let addedFill = CellStyle.Color(rgb: 0xC6E0B4)
    static let removedFill = CellStyle.Color(rgb: 0xF8CBAD)
    static let renamedFill = CellStyle.Color(rgb: 0xBDD7EE)
    static let headerFill = CellStyle.Color(rgb: 0xE8EEF7)

    static let title = CellStyle(fontName: "黑体", fontSize: 16, bold: true, horizontalAlignment: .center, verticalAlignment: .center)
    static let heading = CellStyle(fontName: "黑体", fontSize: 12, bold: true, verticalAlignment: .center)
    static let plain = CellStyle(fontName: font, fontSize: 10, verticalAlignment: .center)
    static let plainWrap = CellStyle(fontName: font, fontSize: 10, verticalAlignment: .top, wrapsText: true)
    static let header = CellStyle(fontName: font, fontSize: 10, bold: true, fillColor: headerFill, border: .thin,
                                  horizontalAlignment: .center, verticalAlignment: .center, wrapsText: true)
    static let text = CellStyle(fontName: font, fontSize: 10, border: .thin, horizontalAlignment: .left,
                                verticalAlignment: .center, wrapsText: true)
    static let code = CellStyle(fontName: font, fontSize: 10, border: .thin, horizontalAlignment: .left,
                                verticalAlignment: .center, numberFormat: CellStyle.textNumberFormat)
    static let amount = CellStyle(fontName: font, fontSize: 10, border: .thin, horizontalAlignment: .right,
                                  verticalAlignment: .center, numberFormat: "#,##0.00")
    static let delta = CellStyle(fontName: font, fontSize: 10, border: .thin, horizontalAlignment: .right,
                                 verticalAlignment: .center, numberFormat: "+#,##0.00;-#,##0.00;0.00")
    static let percent = CellStyle(fontName: font, fontSize: 10, border: .thin, horizontalAlignment: .right,
                                   verticalAlignment: .center, numberFormat: "+0.00%;-0.00%;\"\"")

    /// Writes the report of `diff` to `url` (never over one of `inputs`).
    public static func write(_ diff: DocumentDiff, to url: URL, inputs: [URL] = []) throws {
        try writeAtomically(to: url, refusingToOverwrite: inputs) { temporary in
            let workbook = try Workbook(path: temporary.path, properties: .init(
                title: "部门预算对比：\(Labels.document(diff.a)) → \(Labels.document(diff.b))",
                subject: "部门预算公开 变动报告", author: StandardWorkbook.toolVersion,
                comments: "由 \(StandardWorkbook.toolVersion) diff 生成"))
            try write(diff, into: workbook)
            try workbook.close()
        }
    }

    static func write(_ diff: DocumentDiff, into workbook: Workbook) throws {
        let grouped = TextReport.grouped(diff)
        try writeSummary(diff, grouped: grouped, into: workbook)
        try writeDetail(diff, grouped: grouped, into: workbook.addWorksheet(name: "变动明细"))
        try writeOther(diff, into: workbook.addWorksheet(name: "其他变动"))
        for (table, changes) in grouped {
            let sheet = try workbook.addWorksheet(name: Labels.sheet(table))
            if table == 13 { try writeForms(diff, into: sheet) } else { try writeTable(diff, table: table, changes: changes, into: sheet) }
        }
    }

    /// `A（洪山区 2024年）`: the short name of a side, for headers and legends.
    static func side(_ letter: String, _ doc: Document) -> String {
        let short = [doc.district, doc.year.map { "\($0)年" }].compactMap { $0 }.joined(separator: " ")
        return short.isEmpty ? letter : "\(letter)（\(short)）"
    }

    static func number(_ sheet: Worksheet, _ a: Amount?, row: Int, column: Int, style: CellStyle = amount, unit: SourceUnit) throws {
        if let a { try sheet.writeNumber(a.double(in: unit), row: row, column: column, style: style) }
        else { try sheet.writeBlank(row: row, column: column, style: style) }
    }

    /// `=C5-B5` and `=IF(N(B5)=0,"",D5/B5)` with their cached values.
    static func deltaFormulas(_ sheet: Worksheet, row: Int, a aColumn: Int, b bColumn: Int, at column: Int,
                              delta: Amount?, percent: Percent?, unit: SourceUnit) throws {
        let ra = CellReference(row: row, column: aColumn).a1, rb = CellReference(row: row, column: bColumn).a1
        let rd = CellReference(row: row, column: column).a1
        try sheet.writeFormula("=\(rb)-\(ra)", cachedValue: delta?.double(in: unit) ?? 0, row: row, column: column, style: self.delta)
        try sheet.writeFormula("=IF(N(\(ra))=0,\"\",\(rd)/\(ra))", cachedValue: percent.map { Double($0.hundredths) / 10_000 } ?? 0,
                               row: row, column: column + 1, style: self.percent)
    }

    static func merged(_ sheet: Worksheet, row: Int, columns: ClosedRange<Int>, _ text: String, _ style: CellStyle) throws {
        if columns.count > 1 {
            try sheet.mergeRange(CellRange(firstRow: row, firstColumn: columns.lowerBound, lastRow: row, lastColumn: columns.upperBound),
                                 text: text, style: style)
        } else {
            try sheet.writeString(text, row: row, column: columns.lowerBound, style: style)
        }
    }

    // MARK: - 摘要

    static func writeSummary(_ diff: DocumentDiff, grouped: [(Int, [Change])], into workbook: Workbook) throws {
        let unit = Labels.displayUnit(diff)
        let sheet = try workbook.addWorksheet(name: "摘要")
        let a = diff.a, b = diff.b
        let sa = side("A", a), sb = side("B", b)
        for (c, w) in [34.0, 16, 16, 16, 12, 4].enumerated() { try sheet.setColumnWidth(w, columns: c...c) }
        try merged(sheet, row: 0, columns: 0...4, "部门预算对比报告：" + [side("A", a), side("B", b)].joined(separator: " → "), title)
        try sheet.setRowHeight(30, row: 0)
        var r = 2
        for (letter, doc) in [("A", a), ("B", b)] {
            try sheet.writeString(letter == "A" ? "A（对比基准）" : "B（对比对象）", row: r, column: 0, style: heading)
            try merged(sheet, row: r, columns: 1...4, Labels.document(doc) + (doc.source.map { "　源文件：\($0)" } ?? ""), plain)
            r += 1
        }
        var unitLine = "金额单位：\(unit.rawValue)。变动 = B − A，变动率 = 变动 ÷ A。"
        if diff.tolerance != .zero { unitLine += "差额不超过 \(diff.tolerance.formatted(in: .yuan)) 元的数值视为相同。" }
        try merged(sheet, row: r, columns: 0...4, unitLine, plain)
        r += 2

        // Headline figures.
        try sheet.writeString("一、主要数字", row: r, column: 0, style: heading); r += 1
        for (c, h) in ["项目", sa, sb, "变动", "变动率"].enumerated() { try sheet.writeString(h, row: r, column: c, style: header) }
        let headerRow = r
        r += 1
        let figures = Headline.figures(a, b)
        if figures.isEmpty {
            try merged(sheet, row: r, columns: 0...4, "两份文档都没有公开这些合计数。", text); r += 1
        }
        for f in figures {
            try sheet.writeString(f.label + "（表\(f.table)）", row: r, column: 0, style: text)
            try number(sheet, f.a, row: r, column: 1, unit: unit)
            try number(sheet, f.b, row: r, column: 2, unit: unit)
            try deltaFormulas(sheet, row: r, a: 1, b: 2, at: 3, delta: f.delta, percent: f.percent, unit: unit)
            r += 1
        }
        r += 1

        // Counts.
        try sheet.writeString("二、变动概况", row: r, column: 0, style: heading); r += 1
        let counts = diff.counts
        if diff.isEmpty {
            try merged(sheet, row: r, columns: 0...4, "两份文档相同：没有发现差异。", text); r += 1
        } else {
            for (c, h) in ["变动类型", "数量"].enumerated() { try sheet.writeString(h, row: r, column: c, style: header) }
            r += 1
            let kinds: [(Change.Kind, String)] = [(.changed, "数值变动（单元格）"), (.added, "新增行"), (.removed, "删除行"),
                                                  (.renamed, "更名"), (.recoded, "编码不同、按名称对应的项目"),
                                                  (.status, "表的公开状态变化"), (.metadata, "文档信息不同")]
            var lines = kinds.compactMap { kind, label in counts[kind].map { (label, $0) } }
            let blankZero = diff.changes.filter { $0.kind == .changed && $0.delta == .zero }.count
            if blankZero > 0, let i = lines.firstIndex(where: { $0.0.hasPrefix("数值变动") }) {
                lines.insert(("  其中：一方空白、一方为 0.00（金额不变）", blankZero), at: i + 1)
            }
            let forms = diff.formCounts
            if !forms.isEmpty {
                lines.append(("表13 绩效目标表的变动（\(forms.summary)）", forms.total))
            }
            for (label, n) in lines {
                try sheet.writeString(label, row: r, column: 0, style: text)
                try sheet.writeNumber(Double(n), row: r, column: 1, style: CellStyle(fontName: font, fontSize: 10, border: .thin, horizontalAlignment: .right))
                r += 1
            }
        }
        for c in diff.changes {
            if case .metadata(let field, let x, let y) = c.detail {
                try sheet.writeString("  \(Labels.field(field))：\(x ?? "—") → \(y ?? "—")", row: r, column: 0, style: plain)
                r += 1
            }
        }
        r += 1

        // Tables.
        try sheet.writeString("三、各表情况", row: r, column: 0, style: heading); r += 1
        for (c, h) in ["表", sa, sb, "变动处数"].enumerated() { try sheet.writeString(h, row: r, column: c, style: header) }
        r += 1
        let perTable = Dictionary(uniqueKeysWithValues: grouped.map { ($0.0, $0.1.count) })
        for template in Catalog.shared.tables {
            let x = a.table(template.id).status, y = b.table(template.id).status
            try sheet.writeString(Labels.table(template.id), row: r, column: 0, style: text)
            try sheet.writeString(Labels.status(x), row: r, column: 1, style: text)
            try sheet.writeString(Labels.status(y), row: r, column: 2, style: x == y ? text : CellStyle(fontName: font, fontSize: 10, fillColor: changedFill, border: .thin, horizontalAlignment: .left, verticalAlignment: .center))
            let n = perTable[template.id] ?? 0
            if n == 0 { try sheet.writeString("—", row: r, column: 3, style: CellStyle(fontName: font, fontSize: 10, border: .thin, horizontalAlignment: .right)) }
            else { try sheet.writeNumber(Double(n), row: r, column: 3, style: CellStyle(fontName: font, fontSize: 10, border: .thin, horizontalAlignment: .right)) }
            r += 1
        }
        r += 1
        try merged(sheet, row: r, columns: 0...4,
                   "有变动的表各有一张工作表（如“表3 支出总表”），显示 B 的数：黄色 = 数值与 A 不同（批注中为 A 的数）；绿色 = 新增行；蓝色 = 名称或编码不同；表下红色各行 = A 中有、B 中没有的行（金额为 A 的数）。一方空白、一方为 0.00 的单元格金额不变，不标色，只列在“变动明细”中。表13 绩效目标表按表（整体、项目）逐张列出新增、删除的表和指标，以及栏目、金额和指标值的变动。",
                   plainWrap)
        try sheet.setRowHeight(42, row: r)
        r += 2

        // Class-level totals and the chart.
        let classes = Headline.classTotals(a, b)
        if !classes.figures.isEmpty {
            let source = classes.table == 1 ? "表1 支出功能分类" : "表\(classes.table)"
            // The class table and its chart on a page of their own.
            try sheet.setHorizontalPageBreaks([r])
            try sheet.writeString("四、按支出功能分类的类级合计（\(source)）", row: r, column: 0, style: heading); r += 1
            for (c, h) in ["功能分类（类）", sa, sb, "变动", "变动率"].enumerated() { try sheet.writeString(h, row: r, column: c, style: header) }
            r += 1
            let first = r
            for f in classes.figures {
                try sheet.writeString(f.label, row: r, column: 0, style: text)
                try number(sheet, f.a, row: r, column: 1, unit: unit)
                try number(sheet, f.b, row: r, column: 2, unit: unit)
                try deltaFormulas(sheet, row: r, a: 1, b: 2, at: 3, delta: f.delta, percent: f.percent, unit: unit)
                r += 1
            }
            let last = r - 1
            let chart = try workbook.addChart(ColumnChart(
                title: "按功能分类（类）的支出：A 与 B",
                categories: SheetRange(sheet: "摘要", range: CellRange(firstRow: first, firstColumn: 0, lastRow: last, lastColumn: 0)),
                series: [
                    .init(name: sa, values: SheetRange(sheet: "摘要", range: CellRange(firstRow: first, firstColumn: 1, lastRow: last, lastColumn: 1))),
                    .init(name: sb, values: SheetRange(sheet: "摘要", range: CellRange(firstRow: first, firstColumn: 2, lastRow: last, lastColumn: 2))),
                ],
                valueAxisTitle: unit.rawValue))
            r += 1
            try sheet.insertChart(chart, row: r, column: 0, xScale: 1.45, yScale: 1.2)
            r += 19
        }
        _ = headerRow
        try sheet.setA4Landscape()
        try sheet.fitToPages(wide: 1, tall: 0)
        try sheet.setPrintArea(CellRange(firstRow: 0, firstColumn: 0, lastRow: max(r, 1), lastColumn: 5))
    }

    // MARK: - 变动明细

    static func writeDetail(_ diff: DocumentDiff, grouped: [(Int, [Change])], into sheet: Worksheet) throws {
        let unit = Labels.displayUnit(diff)
        let headers = ["表", "编码", "名称", "列", "变动类型", side("A", diff.a), side("B", diff.b), "变动", "变动率"]
        let widths: [Double] = [25, 12, 34, 20, 11, 15, 15, 14, 10]
        for (c, w) in widths.enumerated() { try sheet.setColumnWidth(w, columns: c...c) }
        try merged(sheet, row: 0, columns: 0...(headers.count - 1), "变动明细（金额单位：\(unit.rawValue)；变动 = B − A）", title)
        try sheet.setRowHeight(28, row: 0)
        for (c, h) in headers.enumerated() { try sheet.writeString(h, row: 1, column: c, style: header) }
        var r = 2
        func line(_ table: Int, _ c: Change, column: String, kind: String, a: Amount?, b: Amount?, fill: CellStyle.Color?) throws {
            var t = text, k = code
            t.fillColor = fill; k.fillColor = fill
            var sheetStyle = t
            sheetStyle.wrapsText = false
            try sheet.writeString(Labels.sheet(table), row: r, column: 0, style: sheetStyle)
            try sheet.writeString(c.code ?? "", row: r, column: 1, style: k)
            try sheet.writeString(Labels.row(key: c.row, name: c.name, code: nil), row: r, column: 2, style: t)
            try sheet.writeString(Labels.column(column, table: table), row: r, column: 3, style: t)
            try sheet.writeString(kind, row: r, column: 4, style: t)
            try number(sheet, a, row: r, column: 5, unit: unit)
            try number(sheet, b, row: r, column: 6, unit: unit)
            let d = (b ?? .zero).subtracting(a ?? .zero)
            let p: Percent? = (a != nil && a != .zero && d != nil) ? Percent(d!, of: a!) : nil
            try deltaFormulas(sheet, row: r, a: 5, b: 6, at: 7, delta: d, percent: p, unit: unit)
            r += 1
        }
        for (table, changes) in grouped {
            let order = Catalog.shared.table(table)?.columns.map(\.id) ?? []
            for c in changes {
                switch c.detail {
                case .amount(let column, let a, let b):
                    let kind = c.delta == .zero ? "空白↔0.00" : diff.unpublishedSide(c).map { "\($0) 未公开此列" } ?? "数值变动"
                    try line(table, c, column: column, kind: kind, a: a, b: b, fill: nil)
                case .added(let values, _):
                    for column in order.filter({ values[$0] != nil }) + values.keys.filter({ !order.contains($0) }).sorted() {
                        try line(table, c, column: column, kind: "新增行", a: nil, b: values[column], fill: addedFill)
                    }
                case .removed(let values, _):
                    for column in order.filter({ values[$0] != nil }) + values.keys.filter({ !order.contains($0) }).sorted() {
                        try line(table, c, column: column, kind: "删除行", a: values[column], b: nil, fill: removedFill)
                    }
                default: continue
                }
            }
        }
        if r == 2 { try merged(sheet, row: 2, columns: 0...(headers.count - 1), "没有数值变动。", text); r += 1 }
        try sheet.freezePanes(row: 2, column: 3)
        try sheet.repeatRows(0...1)
        try sheet.setA4Landscape()
        try sheet.fitToPages(wide: 1, tall: 0)
        try sheet.setPrintArea(CellRange(firstRow: 0, firstColumn: 0, lastRow: r - 1, lastColumn: headers.count - 1))
    }

    // MARK: - 其他变动

    static func writeOther(_ diff: DocumentDiff, into sheet: Worksheet) throws {
        let headers = ["表", "编码", "名称", "变动类型", side("A", diff.a), side("B", diff.b)]
        let widths: [Double] = [25, 12, 30, 18, 40, 40]
        for (c, w) in widths.enumerated() { try sheet.setColumnWidth(w, columns: c...c) }
        try merged(sheet, row: 0, columns: 0...(headers.count - 1), "名称、编码、文字、表的公开状态与文档信息的变动", title)
        try sheet.setRowHeight(28, row: 0)
        for (c, h) in headers.enumerated() { try sheet.writeString(h, row: 1, column: c, style: header) }
        var r = 2
        for c in diff.changes {
            let cells: (String, String, String)?
            switch c.detail {
            case .renamed(let x, let y): cells = ("更名", x, y)
            case .recoded(let x, let y): cells = ("编码不同（按名称对应）", x, y)
            case .text(let column, let x, let y): cells = ("文字变动：" + Labels.column(column, table: c.table ?? 0), x ?? "", y ?? "")
            case .status(let x, let y): cells = ("公开状态", Labels.status(x), Labels.status(y))
            case .metadata(let field, let x, let y): cells = ("文档信息：" + Labels.field(field), x ?? "", y ?? "")
            default: cells = nil
            }
            guard let (kind, x, y) = cells else { continue }
            var sheetStyle = text
            sheetStyle.wrapsText = false
            try sheet.writeString(c.table.map(Labels.sheet) ?? "（文档）", row: r, column: 0, style: sheetStyle)
            try sheet.writeString(c.code ?? "", row: r, column: 1, style: code)
            try sheet.writeString(c.row == nil ? "" : Labels.row(key: c.row, name: c.name, code: nil), row: r, column: 2, style: text)
            try sheet.writeString(kind, row: r, column: 3, style: text)
            try sheet.writeString(x, row: r, column: 4, style: text)
            try sheet.writeString(y, row: r, column: 5, style: text)
            r += 1
        }
        if r == 2 { try merged(sheet, row: 2, columns: 0...(headers.count - 1), "没有此类变动。", text); r += 1 }
        try sheet.freezePanes(row: 2, column: 0)
        try sheet.repeatRows(0...1)
        try sheet.setA4Landscape()
        try sheet.fitToPages(wide: 1, tall: 0)
    }

    // MARK: - Per table

    static func writeTable(_ diff: DocumentDiff, table: Int, changes: [Change], into sheet: Worksheet) throws {
        let unit = Labels.displayUnit(diff)
        var marks: [StandardSheet.Place: StandardSheet.Mark] = [:]
        var removed: [Change] = []
        var status: String?
        let sa = side("A", diff.a)
        for c in changes {
            guard let row = c.row else {
                if case .status(let x, let y) = c.detail {
                    status = "公开状态：A \(Labels.status(x))，B \(Labels.status(y))。"
                }
                continue
            }
            switch c.detail {
            case .amount(let column, let a, let b):
                // One side blank, the other 0.00: no money moved; listed in 变动明细 only.
                if c.delta == .zero { continue }
                var comment = "\(sa)：" + (a.map { $0.formatted(in: unit) } ?? "空白（未填）")
                if let d = c.delta { comment += "\n变动：" + d.signed(in: unit) + (c.percent.map { "（\($0.signed)）" } ?? "") }
                if b == nil { comment += "\nB 此格空白" }
                comment += "（\(unit.rawValue)）"
                if diff.unpublishedSide(c) == "A" { comment = "\(sa) 的表没有此列" }
                marks[.init(row: row, column: column)] = .init(fill: changedFill, comment: comment)
            case .added(let values, _):
                marks[.init(row: row, column: nil)] = .init(fill: addedFill, comment: "新增：\(sa) 中没有此行")
                for column in values.keys { marks[.init(row: row, column: column)] = .init(fill: addedFill) }
            case .removed:
                removed.append(c)
            case .renamed(let x, _):
                marks[.init(row: row, column: nil)] = .init(fill: renamedFill, comment: "\(sa) 中的名称：\(x)")
            case .recoded(let x, _):
                marks[.init(row: row, column: nil)] = .init(fill: renamedFill, comment: "\(sa) 中的编码：\(x)（按项目名称对应）")
            case .text(let column, let x, _):
                let place = StandardSheet.Place(row: row, column: nil)
                let previous = marks[place]?.comment.map { $0 + "\n" } ?? ""
                marks[place] = .init(fill: marks[place]?.fill ?? renamedFill,
                                     comment: previous + "\(sa) 中的\(Labels.column(column, table: table))：\(x ?? "空白")")
            case .status, .metadata, .formAdded, .formRemoved, .formField, .formFieldRenamed, .indicatorAdded,
                 .indicatorRemoved, .indicatorValue:
                continue
            }
        }
        var notes = status.map { [$0] } ?? []
        if !marks.isEmpty || !removed.isEmpty {
            notes.append("本表为 B（\(Labels.document(diff.b))）的数。黄色：与 A（\(Labels.document(diff.a))）不同，批注中为 A 的数；绿色：新增行；蓝色：名称或编码不同（批注中为 A 的名称或编码）。")
        }
        let layout = try StandardSheet.write(diff.b, table: table, unit: unit, into: sheet, marks: marks, notes: notes)
        // Project codes (20 digits) are wider than the layout's code column.
        let a = diff.a.table(table)
        let removedKeys = Set(removed.compactMap(\.row))
        if let cc = layout.codeColumn, cc < layout.widths.count {
            let codes = diff.b.table(table).rows.compactMap(\.code) + a.rows.filter { removedKeys.contains($0.key) }.compactMap(\.code)
            let longest = codes.map(\.count).max() ?? 0
            if Double(longest) * 1.15 + 2 > layout.widths[cc] {
                try sheet.setColumnWidth(Double(longest) * 1.15 + 2, columns: cc...cc)
            }
        }
        guard !removed.isEmpty else { return }

        // Rows only A has, below B's table, in the same columns, amounts of A.
        var r = layout.nextRow + 1
        let last = max(layout.columnCount - 1, 1)
        try merged(sheet, row: r, columns: 0...last, "\(sa) 中有、B 中没有的行（金额为 A 的数，\(unit.rawValue)）：", heading)
        r += 1
        var rowStyle = text, codeStyle = code, amountStyle = amount
        rowStyle.fillColor = removedFill; codeStyle.fillColor = removedFill; amountStyle.fillColor = removedFill
        let rowsA = Dictionary(a.rows.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for c in removed {
            guard let key = c.row, let row = rowsA[key] else { continue }
            let nameColumn = layout.nameColumn
            if let cc = layout.codeColumn, cc != nameColumn {
                try sheet.writeString(row.code ?? "", row: r, column: cc, style: codeStyle)
                try sheet.writeString(Labels.trimmed(row.name), row: r, column: nameColumn, style: rowStyle)
            } else {
                try sheet.writeString(Labels.row(key: row.key, name: row.name, code: row.code), row: r, column: nameColumn, style: rowStyle)
            }
            var orphans: [String] = []
            for (column, figure) in row.values {
                if let sc = layout.columns[column], sc != nameColumn, sc != layout.codeColumn {
                    try sheet.writeNumber(figure.amount.double(in: unit), row: r, column: sc, style: amountStyle)
                } else {
                    orphans.append("\(Labels.column(column, table: table)) \(figure.amount.formatted(in: unit))")
                }
            }
            if nameColumn < layout.widths.count {
                let lines = StandardSheet.lineCount(Labels.trimmed(row.name), width: layout.widths[nameColumn])
                if lines > 1 { try sheet.setRowHeight(Double(lines) * 13.5 + 2, row: r) }
            }
            if !orphans.isEmpty {
                try sheet.addComment("B 的表中没有这些列：\n" + orphans.sorted().joined(separator: "\n"), row: r, column: nameColumn, author: "gongkai diff")
            }
            r += 1
        }
        try sheet.setPrintArea(CellRange(firstRow: 0, firstColumn: 0, lastRow: r - 1, lastColumn: last))
    }
}
