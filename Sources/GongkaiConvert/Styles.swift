import GongkaiXLSX

/// The look of a standardized workbook, in one place: 宋体 body, bold 黑体
/// titles, thin borders, `#,##0.00` amounts.
enum Styles {
    /// Excel's tallest row, in points: a longer cell wraps within it (its text is all there).
    static let maxRowHeight = 409.0

    static let body = "宋体"
    static let heading = "黑体"
    static let amountFormat = "#,##0.00"
    /// Cells whose published figure differs from what their formula computes.
    static let mismatchFill = CellStyle.Color(rgb: 0xFFD7A8)
    static let headerFill = CellStyle.Color(rgb: 0xE8EEF7)

    static let title = CellStyle(fontName: heading, fontSize: 16, bold: true, horizontalAlignment: .center, verticalAlignment: .center)
    static let infoLeft = CellStyle(fontName: body, fontSize: 10, horizontalAlignment: .left, verticalAlignment: .center)
    static let infoRight = CellStyle(fontName: body, fontSize: 10, horizontalAlignment: .right, verticalAlignment: .center)
    static let header = CellStyle(fontName: body, fontSize: 10, bold: true, fillColor: headerFill, border: .thin,
                                  horizontalAlignment: .center, verticalAlignment: .center, wrapsText: true)
    static let code = CellStyle(fontName: body, fontSize: 10, border: .thin, horizontalAlignment: .left,
                                verticalAlignment: .center, numberFormat: CellStyle.textNumberFormat)
    static let text = CellStyle(fontName: body, fontSize: 10, border: .thin, horizontalAlignment: .left,
                                verticalAlignment: .center, wrapsText: true)
    static let totalLabel = CellStyle(fontName: body, fontSize: 10, bold: true, border: .thin,
                                      horizontalAlignment: .center, verticalAlignment: .center)
    static let note = CellStyle(fontName: body, fontSize: 9, horizontalAlignment: .left, verticalAlignment: .top, wrapsText: true)
    static let plain = CellStyle(fontName: body, fontSize: 10, verticalAlignment: .top, wrapsText: true)
    static let plainBold = CellStyle(fontName: body, fontSize: 10, bold: true, verticalAlignment: .top, wrapsText: true)

    /// An amount cell; bold on 合计 rows, highlighted where published ≠ computed.
    static func amount(bold: Bool = false, mismatch: Bool = false) -> CellStyle {
        CellStyle(fontName: body, fontSize: 10, bold: bold, fillColor: mismatch ? mismatchFill : nil, border: .thin,
                  horizontalAlignment: .right, verticalAlignment: .center, numberFormat: amountFormat)
    }

    /// A name cell indented by classification level (类 0, 款 1, 项 2).
    static func name(level: Int?, bold: Bool = false) -> CellStyle {
        CellStyle(fontName: body, fontSize: 10, bold: bold, border: .thin, horizontalAlignment: .left,
                  verticalAlignment: .center, wrapsText: true, indent: max(0, (level ?? 1) - 1))
    }
}
