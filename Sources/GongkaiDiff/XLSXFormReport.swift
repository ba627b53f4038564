import GongkaiConvert
import GongkaiModel
import GongkaiXLSX

extension XLSXReport {
    /// The 表13 sheet of the report: one block per form (整体 or 项目) in B's
    /// order, headed by the form's name, then one line per change — 内容
    /// (the field, or 一级 / 二级 / 三级 of the indicator and which value),
    /// 变动类型, A, B and, for amounts, 变动. Added and removed forms are one
    /// line each, green and red; added and removed indicators likewise.
    static func writeForms(_ diff: DocumentDiff, into sheet: Worksheet) throws {
        let unit = Labels.displayUnit(diff)
        let headers = ["内容", "变动类型", side("A", diff.a), side("B", diff.b), "变动"]
        let widths: [Double] = [46, 12, 40, 40, 14]
        for (c, w) in widths.enumerated() { try sheet.setColumnWidth(w, columns: c...c) }
        let last = headers.count - 1
        try merged(sheet, row: 0, columns: 0...last, "表13 绩效目标表的变动", title)
        try sheet.setRowHeight(28, row: 0)
        try merged(sheet, row: 1, columns: 0...last,
                   "按主体（整体：单位；项目：项目名称）对应两份文档的绩效目标表，指标按一级、二级、三级指标对应。金额单位：\(unit.rawValue)；变动 = B − A。绿色：B 新增；红色：A 有、B 没有。",
                   plainWrap)
        try sheet.setRowHeight(30, row: 1)
        for (c, h) in headers.enumerated() { try sheet.writeString(h, row: 2, column: c, style: header) }
        var r = 3
        var formHeading = text
        formHeading.bold = true
        formHeading.fillColor = headerFill
        var current: String?
        func styled(_ fill: CellStyle.Color?) -> CellStyle { var t = text; t.fillColor = fill; return t }
        func line(_ cells: [String], fill: CellStyle.Color? = nil, delta: Amount? = nil) throws {
            for (c, value) in cells.enumerated() { try sheet.writeString(value, row: r, column: c, style: styled(fill)) }
            if let delta {
                var style = self.delta
                style.fillColor = fill
                try sheet.writeNumber(delta.double(in: unit), row: r, column: 4, style: style)
            } else {
                try sheet.writeBlank(row: r, column: 4, style: styled(fill))
            }
            // Wrapped text: as many lines as the longest cell needs.
            let lines = zip(cells, widths).map { StandardSheet.lineCount($0, width: $1) }.max() ?? 1
            if lines > 1 { try sheet.setRowHeight(min(409, Double(lines) * 13.5 + 2), row: r) }
            r += 1
        }
        for c in diff.changes where c.table == 13 {
            if case .status(let x, let y) = c.detail {
                try line(["公开状态", "公开状态", Labels.status(x), Labels.status(y)], fill: changedFill)
                continue
            }
            guard let form = c.form else { continue }
            let (a, b) = FormLabels.sides(c, unit: unit)
            switch c.detail {
            case .formAdded:
                try line([form.label, "新增表", a, b], fill: addedFill)
                current = nil
                continue
            case .formRemoved:
                try line([form.label, "删除表", a, b], fill: removedFill)
                current = nil
                continue
            default: break
            }
            if current != c.row {
                try merged(sheet, row: r, columns: 0...last, form.label + (form.unit.map { $0 == form.name ? "" : "（\($0)）" } ?? ""),
                           formHeading)
                r += 1
                current = c.row
            }
            switch c.detail {
            case .indicatorAdded: try line([c.indicator?.label ?? "", "新增指标", a, b], fill: addedFill)
            case .indicatorRemoved: try line([c.indicator?.label ?? "", "删除指标", a, b], fill: removedFill)
            case .renamed: try line(["名称", "名称不同", a, b], fill: renamedFill)
            case .formFieldRenamed: try line([FormLabels.subject(c), "栏目名称不同", a, b], fill: renamedFill)
            case .indicatorValue(let column, _, _):
                try line([(c.indicator?.label ?? "") + " · " + FormLabels.indicatorColumn(column), "指标值变动", a, b])
            default:
                let amount = FormLabels.isAmount(c.detail)
                try line([FormLabels.subject(c), amount ? "金额变动" : "内容变动", a, b], delta: amount ? c.delta : nil)
            }
        }
        if r == 3 { try merged(sheet, row: 3, columns: 0...last, "绩效目标表没有变动。", text); r += 1 }
        try sheet.freezePanes(row: 3, column: 0)
        try sheet.repeatRows(0...2)
        try sheet.setA4Landscape()
        try sheet.fitToPages(wide: 1, tall: 0)
        try sheet.setPrintArea(CellRange(firstRow: 0, firstColumn: 0, lastRow: r - 1, lastColumn: last))
    }
}
