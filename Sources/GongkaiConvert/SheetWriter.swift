import Foundation
import GongkaiModel
import GongkaiXLSX

/// Lays a `SheetPlan` out on a worksheet: title, info line, header, body,
/// notes; then freeze panes and print setup.
struct SheetWriter {
    let plan: SheetPlan
    let unit: SourceUnit

    /// Writes the sheet row by row, each row's cells left to right, so that
    /// the same calls serve a workbook in constant-memory mode (which flushes
    /// a row once a later one is written).
    ///
    /// A merged range is written as its cells (its text in the first, styled
    /// blanks in the rest) and declared once its last row is written: in
    /// constant-memory mode libxlsxwriter keeps the declaration and drops the
    /// writes to rows already flushed, which hold the same cells anyway.
    func write(into sheet: Worksheet) throws {
        let last = max(0, plan.columnCount - 1)
        for (c, w) in plan.widths.enumerated() { try sheet.setColumnWidth(w, columns: c...c) }
        try sheet.setRowHeight(30, row: 0)
        try mergeOrWrite(sheet, row: 0, from: 0, to: last, plan.title, Styles.title)
        if last >= 3 {
            let split = last / 2
            try mergeOrWrite(sheet, row: 1, from: 0, to: split, plan.infoLeft, Styles.infoLeft)
            try mergeOrWrite(sheet, row: 1, from: split + 1, to: last, plan.infoRight, Styles.infoRight)
        } else {
            try mergeOrWrite(sheet, row: 1, from: 0, to: last, plan.infoLeft + "    " + plan.infoRight, Styles.infoLeft)
        }
        let merges = MergedCells(plan.headerMerges.map { ($0.range, $0.text, Styles.header) } + plan.bodyMerges)
        var headerCells: [CellReference: String] = [:]
        for h in plan.headerCells { headerCells[CellReference(row: h.row, column: h.column)] = h.text }
        for r in 0..<plan.headerDepth {
            let row = 2 + r
            try sheet.setRowHeight(plan.headerDepth > 1 ? 30 : 36, row: row)
            for c in 0...last {
                let ref = CellReference(row: row, column: c)
                if try merges.write(sheet, ref) { continue }
                if let text = headerCells[ref] { try sheet.writeString(text, row: row, column: c, style: Styles.header) }
            }
            try merges.declare(sheet, endingOn: row)
        }
        for (i, line) in plan.body.enumerated() {
            let row = plan.bodyStart + i
            if let height = plan.rowHeights[row] { try sheet.setRowHeight(min(height, Styles.maxRowHeight), row: row) }
            for (c, cell) in line.enumerated() {
                if try merges.write(sheet, CellReference(row: row, column: c)) { continue }
                switch cell.content {
                case .blank:
                    try sheet.writeBlank(row: row, column: c, style: cell.style)
                case .text(let text):
                    try sheet.writeString(text, row: row, column: c, style: cell.style)
                case .amount(let figure):
                    try sheet.writeNumber(figure.amount.double(in: unit), row: row, column: c, style: cell.style)
                case .formula(let formula, let computed, let published):
                    try sheet.writeFormula(formula, cachedValue: computed.double(in: unit), row: row, column: c, style: cell.style)
                    if computed != published.amount, let diff = published.amount.subtracting(computed) {
                        try sheet.addComment(
                            "公布数：\(published.amount.formatted(in: unit))\n公式计算：\(computed.formatted(in: unit))\n差额：\(diff.formatted(in: unit))（\(unit.rawValue)）"
                                + (published.line.map { "\n原文第 \($0) 行" } ?? ""),
                            row: row, column: c, author: "gongkai")
                    }
                }
            }
            try merges.declare(sheet, endingOn: row)
        }
        var row = plan.bodyStart + plan.body.count
        for note in plan.notes where !note.isEmpty {
            let perLine = max(20, Int(plan.widths.reduce(0, +) / 1.9))
            try sheet.setRowHeight(min(Double(max(1, (note.count + perLine - 1) / perLine)) * 14 + 4, Styles.maxRowHeight), row: row)
            try mergeOrWrite(sheet, row: row, from: 0, to: last, note, Styles.note)
            row += 1
        }
        if plan.headerDepth > 0 {
            try sheet.freezePanes(row: plan.bodyStart, column: plan.freezeColumn)
            try sheet.repeatRows(0...(plan.bodyStart - 1))
        }
        try sheet.setA4Landscape()
        try sheet.fitToPages(wide: 1, tall: 0)
        try sheet.setPrintArea(CellRange(firstRow: 0, firstColumn: 0, lastRow: max(row - 1, 1), lastColumn: last))
        if !plan.pageBreaks.isEmpty { try sheet.setHorizontalPageBreaks(plan.pageBreaks) }
    }

    /// The merged ranges of a sheet, looked up cell by cell as rows are written.
    struct MergedCells {
        typealias Merge = (range: CellRange, text: String, style: CellStyle)
        let merges: [Merge]
        /// The merge covering each covered cell.
        let cover: [CellReference: Int]
        /// The merges ending on each row, in the order given.
        let ending: [Int: [Int]]

        init(_ merges: [Merge]) {
            self.merges = merges
            var cover: [CellReference: Int] = [:]
            var ending: [Int: [Int]] = [:]
            for (i, m) in merges.enumerated() {
                for r in m.range.first.row...m.range.last.row {
                    for c in m.range.first.column...m.range.last.column { cover[CellReference(row: r, column: c)] = i }
                }
                ending[m.range.last.row, default: []].append(i)
            }
            self.cover = cover
            self.ending = ending
        }

        /// Writes the merged cell at `ref`, if a merge covers it: its text in
        /// the first cell, a styled blank elsewhere. Returns whether one did.
        func write(_ sheet: Worksheet, _ ref: CellReference) throws -> Bool {
            guard let i = cover[ref] else { return false }
            let m = merges[i]
            if ref == m.range.first { try sheet.writeString(m.text, row: ref.row, column: ref.column, style: m.style) }
            else { try sheet.writeBlank(row: ref.row, column: ref.column, style: m.style) }
            return true
        }

        /// Declares the merges whose last row is `row`.
        func declare(_ sheet: Worksheet, endingOn row: Int) throws {
            for i in ending[row] ?? [] { try sheet.mergeRange(merges[i].range, text: merges[i].text, style: merges[i].style) }
        }
    }

    func mergeOrWrite(_ sheet: Worksheet, row: Int, from: Int, to: Int, _ text: String, _ style: CellStyle) throws {
        if to > from { try sheet.mergeRange(CellRange(firstRow: row, firstColumn: from, lastRow: row, lastColumn: to), text: text, style: style) }
        else { try sheet.writeString(text, row: row, column: from, style: style) }
    }

    /// A table none of the 13: its raw grid, as published.
    static func writeExtra(_ extra: ExtraTable, into sheet: Worksheet, unit: SourceUnit) throws {
        let width = max(1, extra.grid.map(\.count).max() ?? 1)
        try sheet.setColumnWidth(16, columns: 0...(width - 1))
        try sheet.writeString(extra.title, row: 0, column: 0, style: Styles.title)
        try sheet.writeString("原文附表，按原样保留（不属于公开表1–13）。", row: 1, column: 0, style: Styles.infoLeft)
        for (r, cells) in extra.grid.enumerated() {
            for (c, text) in cells.enumerated() { try sheet.writeString(text, row: 2 + r, column: c, style: Styles.text) }
        }
        try sheet.setA4Landscape()
        try sheet.fitToPages(wide: 1, tall: 0)
    }

    /// The `校验` sheet: one finding per row.
    static func writeFindings(_ findings: [WorkbookFinding], into sheet: Worksheet, unit: SourceUnit) throws {
        let headers = ["表", "行", "列", "性质", "公布数", "应为", "差额", "原文行号", "说明"]
        let widths: [Double] = [6, 14, 16, 10, 14, 14, 12, 9, 70]
        for (c, w) in widths.enumerated() { try sheet.setColumnWidth(w, columns: c...c) }
        try sheet.mergeRange(CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: headers.count - 1),
                             text: "校验结果（金额单位：\(unit.rawValue)）", style: Styles.title)
        for (c, h) in headers.enumerated() { try sheet.writeString(h, row: 1, column: c, style: Styles.header) }
        if findings.isEmpty {
            try sheet.mergeRange(CellRange(firstRow: 2, firstColumn: 0, lastRow: 2, lastColumn: headers.count - 1),
                                 text: "未发现不一致。", style: Styles.text)
        }
        for (i, f) in findings.enumerated() {
            let r = 2 + i
            try sheet.writeString(f.table.map { "表\($0)" } ?? "", row: r, column: 0, style: Styles.text)
            try sheet.writeString(f.row ?? "", row: r, column: 1, style: Styles.code)
            try sheet.writeString(f.column ?? "", row: r, column: 2, style: Styles.text)
            try sheet.writeString(f.severity == "rounding" ? "尾差" : f.severity == "discrepancy" ? "不一致" : f.severity == "note" ? "未公开" : f.severity,
                                  row: r, column: 3, style: Styles.text)
            for (c, a) in [(4, f.published), (5, f.expected)] {
                if let a { try sheet.writeNumber(a.double(in: unit), row: r, column: c, style: Styles.amount()) }
                else { try sheet.writeBlank(row: r, column: c, style: Styles.amount()) }
            }
            if f.published != nil, f.expected != nil {
                let e = CellReference(row: r, column: 4).a1, x = CellReference(row: r, column: 5).a1
                let diff = f.published!.subtracting(f.expected!) ?? .zero
                try sheet.writeFormula("=\(e)-\(x)", cachedValue: diff.double(in: unit), row: r, column: 6, style: Styles.amount())
            } else {
                try sheet.writeBlank(row: r, column: 6, style: Styles.amount())
            }
            if let line = f.line { try sheet.writeNumber(Double(line), row: r, column: 7, style: Styles.text) }
            else { try sheet.writeBlank(row: r, column: 7, style: Styles.text) }
            try sheet.writeString(f.message, row: r, column: 8, style: Styles.text)
        }
        try sheet.freezePanes(row: 2, column: 0)
        try sheet.repeatRows(0...1)
        try sheet.setA4Landscape()
        try sheet.fitToPages(wide: 1, tall: 0)
    }

    /// The `说明` sheet: where the workbook came from and how to read it.
    static func writeAbout(_ doc: Document, unit: SourceUnit, mismatches: Int, into sheet: Worksheet) throws {
        try sheet.setColumnWidth(18, columns: 0...0)
        try sheet.setColumnWidth(90, columns: 1...1)
        try sheet.mergeRange(CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 1), text: "说明", style: Styles.title)
        var lines: [(String, String)] = [
            ("单位", doc.department ?? "（文档未载明）"),
            ("地区", doc.district ?? "（文档未载明）"),
            ("年度", doc.year.map { "\($0)年" } ?? "（文档未载明）"),
            ("类型", doc.kind == "budget" ? "部门预算" : doc.kind),
            ("源文件", doc.source ?? "（未知）"),
            ("源文件 SHA-256", doc.sourceSHA256 ?? "（未知）"),
            ("原文金额单位", doc.sourceUnit.rawValue),
            ("本表金额单位", unit.rawValue),
            ("生成工具", StandardWorkbook.toolVersion),
            ("公式", "合计、小计均为公式（=SUM(...)），随明细变化自动重算；单元格中保存了计算结果。"),
            ("标色单元格", mismatches == 0
                ? "无：所有小计与其明细相符。"
                : "共 \(mismatches) 处：原文公布数与明细之和不符。单元格显示公式计算结果，批注中保留原文公布数及差额，并列入“校验”表。"),
            ("空白与 0", "空白单元格表示原文未填；0.00 表示原文填写为 0。"),
        ]
        for d in doc.diagnostics where d.severity != .note {
            lines.append(("解析提示", (d.line.map { "第 \($0) 行：" } ?? "") + d.message))
        }
        for (i, (k, v)) in lines.enumerated() {
            try sheet.writeString(k, row: 1 + i, column: 0, style: Styles.plainBold)
            try sheet.writeString(v, row: 1 + i, column: 1, style: Styles.plain)
        }
        try sheet.setA4Landscape()
        try sheet.fitToPages(wide: 1, tall: 0)
    }

    /// The hidden `_model` sheet: the model JSON in cells of at most
    /// `modelCellBytes` bytes (a cell holds at most 32,767 characters), and
    /// the unit the workbook shows amounts in.
    ///
    /// The JSON is written as `ModelJSON` hands it over, piece by piece, so
    /// a large document's model is never held twice as text.
    static func writeModel(_ doc: Document, unit: SourceUnit, into sheet: Worksheet) throws {
        try sheet.writeString("gongkai-model;unit=\(unit.rawValue)", row: 0, column: 0)
        var row = 1
        var pending: [UInt8] = []
        func emit(_ count: Int) throws {
            try sheet.writeString(String(decoding: pending[..<count], as: UTF8.self), row: row, column: 0)
            pending.removeFirst(count)
            row += 1
        }
        try ModelJSON.write(doc) { piece in
            pending += piece
            while pending.count > modelCellBytes {
                // Cut before a UTF-8 continuation byte never: a cell holds whole characters.
                var cut = modelCellBytes
                while pending[cut] & 0xC0 == 0x80 { cut -= 1 }
                try emit(cut)
            }
        }
        if !pending.isEmpty { try emit(pending.count) }
        try sheet.hide()
    }

    /// Bytes of model JSON per `_model` cell: under Excel's 32,767
    /// characters whatever the text (a UTF-8 byte is at most one UTF-16 unit).
    static let modelCellBytes = 30_000
}
