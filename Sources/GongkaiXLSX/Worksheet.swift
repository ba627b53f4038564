internal import CXlsxWriter

/// One worksheet of a `Workbook`, written cell by cell. Rows and columns are zero-based.
///
/// The C worksheet lives inside the workbook's handle. A `Worksheet` therefore
/// holds a strong reference to its `Workbook`, so it can never outlive that
/// memory, and every call first checks that the workbook has not been closed
/// (afterwards it throws `XLSXError.workbookClosed` instead of touching freed memory).
///
/// Text is never turned into a formula: `writeString("=SUM(A1)", …)` stores those
/// eight characters as a string, and the same holds for text starting with `+`,
/// `-` or `@` (think "-" placeholders in budget tables). Only `writeFormula`
/// creates formulas. libxlsxwriter's `worksheet_write_string` guarantees this;
/// keep it that way and never route user text through `worksheet_write()`-style
/// guessing.
public final class Worksheet {
    /// The worksheet's tab name.
    public let name: String
    /// Keeps the workbook, and with it `pointer`, alive.
    let workbook: Workbook
    let pointer: UnsafeMutablePointer<lxw_worksheet>

    init(name: String, workbook: Workbook, pointer: UnsafeMutablePointer<lxw_worksheet>) {
        self.name = name
        self.workbook = workbook
        self.pointer = pointer
    }

    // MARK: - Cells

    /// Writes `text` as a string (never as a formula, whatever its first character).
    ///
    /// Empty text without a style leaves the cell empty, as in Excel.
    public func writeString(_ text: String, row: Int, column: Int, style: CellStyle? = nil) throws {
        if let r = workbook.recorder { r.record("S", [String(row), String(column), r.styleID(style), CallRecorder.escape(text)]) }
        // Built only if something fails: this runs for every cell written.
        let context = { self.cellContext("writing", row, column) }
        let (sheet, r, c) = try target(row, column, context())
        try requireNoNUL(text, "the text", context: context())
        let format = try workbook.format(for: style, context())
        try XLSXError.check(worksheet_write_string(sheet, r, c, text, format), context())
    }

    /// Writes a number. NaN and infinities are refused: they would corrupt the file.
    public func writeNumber(_ value: Double, row: Int, column: Int, style: CellStyle? = nil) throws {
        if let r = workbook.recorder { r.record("N", [String(row), String(column), r.styleID(style), String(value)]) }
        let context = { self.cellContext("writing", row, column) }
        let (sheet, r, c) = try target(row, column, context())
        guard value.isFinite else {
            throw XLSXError.invalidArgument(reason: "\(value) is not a finite number", context: context())
        }
        let format = try workbook.format(for: style, context())
        try XLSXError.check(worksheet_write_number(sheet, r, c, value, format), context())
    }

    /// Writes a formula such as `=SUM(B2:B9)` together with its already computed value.
    ///
    /// The cached value is what viewers that do not recalculate (previewers,
    /// readers, `WorkbookReader`) show, so it must be the formula's true result.
    /// The leading `=` is optional.
    public func writeFormula(_ formula: String, cachedValue: Double, row: Int, column: Int, style: CellStyle? = nil) throws {
        if let r = workbook.recorder { r.record("F", [String(row), String(column), r.styleID(style), CallRecorder.escape(formula), String(cachedValue)]) }
        let context = { self.cellContext("writing formula in", row, column) }
        let (sheet, r, c) = try target(row, column, context())
        guard !formula.isEmpty, formula != "=" else {
            throw XLSXError.invalidArgument(reason: "the formula is empty", context: context())
        }
        guard cachedValue.isFinite else {
            throw XLSXError.invalidArgument(reason: "cached value \(cachedValue) is not a finite number", context: context())
        }
        try requireNoNUL(formula, "the formula", context: context())
        let format = try workbook.format(for: style, context())
        try XLSXError.check(worksheet_write_formula_num(sheet, r, c, formula, format, cachedValue), context())
    }

    /// Writes an empty cell that carries `style` (borders, fill) but no value.
    public func writeBlank(row: Int, column: Int, style: CellStyle) throws {
        if let r = workbook.recorder { r.record("B", [String(row), String(column), r.styleID(style)]) }
        let context = { self.cellContext("writing blank", row, column) }
        let (sheet, r, c) = try target(row, column, context())
        let format = try workbook.format(for: style, context())
        try XLSXError.check(worksheet_write_blank(sheet, r, c, format), context())
    }

    /// Writes a hyperlink to `url`, showing `text` (or the URL itself when nil).
    ///
    /// Without a style the link gets Excel's blue underlined hyperlink look.
    public func writeURL(_ url: String, text: String? = nil, row: Int, column: Int, style: CellStyle? = nil) throws {
        if let r = workbook.recorder { r.record("U", [String(row), String(column), r.styleID(style), CallRecorder.escape(url), CallRecorder.escape(text ?? "")]) }
        let context = { self.cellContext("writing link in", row, column) }
        let (sheet, r, c) = try target(row, column, context())
        try requireNoNUL(url, "the URL", context: context())
        if let text { try requireNoNUL(text, "the link text", context: context()) }
        let format = try workbook.format(for: style, context())
        let code = withCStrings([url, text]) { strings in
            worksheet_write_url_opt(sheet, r, c, strings[0], format, strings[1], nil)
        }
        try XLSXError.check(code, context())
    }

    /// Merges `range` into one cell showing `text`; `style` applies to every merged cell.
    ///
    /// Give the style its borders here: the merged area's outline is drawn from the
    /// formats of all its cells, which libxlsxwriter fills with blank styled cells.
    public func mergeRange(_ range: CellRange, text: String, style: CellStyle? = nil) throws {
        if let r = workbook.recorder { r.record("M", [String(range.first.row), String(range.first.column), String(range.last.row), String(range.last.column), r.styleID(style), CallRecorder.escape(text)]) }
        let context = "merging \(Self.describe(range)) of sheet \(name)"
        let sheet = try live(context)
        let (first, last) = try corners(range, context)
        guard range.rowCount * range.columnCount > 1 else {
            throw XLSXError.invalidArgument(reason: "a merge must span more than one cell", context: context)
        }
        try requireNoNUL(text, "the text", context: context)
        let format = try workbook.format(for: style, context)
        try XLSXError.check(worksheet_merge_range(sheet, first.0, first.1, last.0, last.1, text, format), context)
    }

    /// Attaches a note (Excel "comment") to a cell.
    ///
    /// The default box of 320 × 96 pixels holds about three lines of 20 Chinese
    /// characters in the default comment font; Excel's own default (128 × 74) cuts
    /// such notes off after a few characters.
    public func addComment(_ text: String, row: Int, column: Int, author: String? = nil,
                           width: Int = 320, height: Int = 96) throws {
        if let r = workbook.recorder { r.record("C", [String(row), String(column), CallRecorder.escape(text), CallRecorder.escape(author ?? ""), String(width), String(height)]) }
        let context = { self.cellContext("adding comment to", row, column) }
        let (sheet, r, c) = try target(row, column, context())
        try requireNoNUL(text, "the comment", context: context())
        if let author { try requireNoNUL(author, "the author", context: context()) }
        guard (1...Int(UInt16.max)).contains(width), (1...Int(UInt16.max)).contains(height) else {
            throw XLSXError.invalidArgument(reason: "comment size \(width) × \(height) is out of range", context: context())
        }
        let code = withCStrings([author]) { strings in
            var options = lxw_comment_options()
            options.author = strings[0]
            options.width = UInt16(width)
            options.height = UInt16(height)
            return worksheet_write_comment_opt(sheet, r, c, text, &options)
        }
        try XLSXError.check(code, context())
    }

    // MARK: - Layout

    /// Sets the width of `columns` in Excel character units (0–255), optionally with a default style.
    public func setColumnWidth(_ width: Double, columns: ClosedRange<Int>, style: CellStyle? = nil) throws {
        if let r = workbook.recorder { r.record("W", [String(columns.lowerBound), String(columns.upperBound), String(width), r.styleID(style)]) }
        var context = "setting width of columns \(columns.lowerBound)…\(columns.upperBound) (zero-based) of sheet \(name)"
        let sheet = try live(context)
        guard columns.lowerBound >= 0, columns.upperBound < CellReference.maxColumns else {
            throw XLSXError.invalidArgument(reason: "columns must lie in 0..<\(CellReference.maxColumns)", context: context)
        }
        context = "setting width of columns \(CellReference.columnName(columns.lowerBound)):\(CellReference.columnName(columns.upperBound)) of sheet \(name)"
        guard (0...255).contains(width) else {
            throw XLSXError.invalidArgument(reason: "width \(width) is outside 0–255", context: context)
        }
        let format = try workbook.format(for: style, context)
        try XLSXError.check(worksheet_set_column(sheet, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound), width, format), context)
    }

    /// Sets the height of `row` in points (0–409), optionally with a default style.
    public func setRowHeight(_ height: Double, row: Int, style: CellStyle? = nil) throws {
        if let r = workbook.recorder { r.record("H", [String(row), String(height), r.styleID(style)]) }
        let context = "setting height of row \(row + 1) of sheet \(name)"
        let sheet = try live(context)
        guard (0..<CellReference.maxRows).contains(row) else {
            throw XLSXError.invalidArgument(reason: "row must lie in 0..<\(CellReference.maxRows)", context: context)
        }
        guard (0...409).contains(height) else {
            throw XLSXError.invalidArgument(reason: "height \(height) is outside 0–409 points", context: context)
        }
        let format = try workbook.format(for: style, context)
        try XLSXError.check(worksheet_set_row(sheet, lxw_row_t(row), height, format), context)
    }

    /// Freezes the rows above `row` and the columns left of `column` (`row: 3, column: 0` keeps three header rows visible).
    public func freezePanes(row: Int, column: Int) throws {
        if let r = workbook.recorder { r.record("Z", [String(row), String(column)]) }
        let context = "freezing panes at \(Self.describe(CellReference(row: row, column: column))) of sheet \(name)"
        let (sheet, r, c) = try target(row, column, context)
        worksheet_freeze_panes(sheet, r, c)
    }

    /// Hides the sheet's tab (data kept for programs, not for people).
    public func hide() throws {
        workbook.recorder?.record("X", [])
        let sheet = try live("hiding sheet \(name)")
        worksheet_hide(sheet)
    }

    /// Hides the gridlines on screen and on paper.
    public func hideGridlines() throws {
        let sheet = try live("hiding gridlines of sheet \(name)")
        worksheet_gridlines(sheet, UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue))
    }

    /// Sets the on-screen zoom in percent (10–400).
    public func setZoom(_ percent: Int) throws {
        let context = "setting zoom of sheet \(name)"
        let sheet = try live(context)
        guard (10...400).contains(percent) else {
            throw XLSXError.invalidArgument(reason: "zoom \(percent)% is outside 10–400", context: context)
        }
        worksheet_set_zoom(sheet, UInt16(percent))
    }

    /// Places `chart` with its top-left corner in the given cell, optionally scaled.
    ///
    /// A chart can be inserted only once; create another for a second placement.
    public func insertChart(_ chart: Chart, row: Int, column: Int, xScale: Double = 1, yScale: Double = 1) throws {
        let context = { self.cellContext("inserting chart at", row, column) }
        let (sheet, r, c) = try target(row, column, context())
        guard chart.workbook === workbook else {
            throw XLSXError.invalidArgument(reason: "the chart belongs to another workbook", context: context())
        }
        guard !chart.isInserted else {
            throw XLSXError.invalidArgument(reason: "the chart has already been inserted", context: context())
        }
        guard xScale > 0, yScale > 0, xScale.isFinite, yScale.isFinite else {
            throw XLSXError.invalidArgument(reason: "scale \(xScale) × \(yScale) must be positive", context: context())
        }
        var options = lxw_chart_options()
        options.x_scale = xScale
        options.y_scale = yScale
        try XLSXError.check(worksheet_insert_chart_opt(sheet, r, c, chart.pointer, &options), context())
        chart.isInserted = true
    }

    // MARK: - Printing

    /// Prints on A4 paper in landscape orientation.
    public func setA4Landscape() throws {
        workbook.recorder?.record("L", [])
        let sheet = try live("setting page setup of sheet \(name)")
        worksheet_set_landscape(sheet)
        worksheet_set_paper(sheet, 9)  // 9 is A4 in Excel's paper-size table.
    }

    /// Centres the printed table horizontally on the page.
    public func centerHorizontallyOnPage() throws {
        let sheet = try live("setting print centring of sheet \(name)")
        worksheet_center_horizontally(sheet)
    }

    /// Scales printing to fit `wide` pages across and `tall` pages down; 0 means "as many as needed".
    ///
    /// `fitToPages(wide: 1, tall: 0)` keeps every column on one page width while long
    /// tables still run onto further pages.
    public func fitToPages(wide: Int, tall: Int) throws {
        workbook.recorder?.record("P", [String(wide), String(tall)])
        let context = "setting fit-to-pages of sheet \(name)"
        let sheet = try live(context)
        let range = 0...Int(UInt16.max)
        guard range.contains(wide), range.contains(tall) else {
            throw XLSXError.invalidArgument(reason: "page counts \(wide) × \(tall) are out of range", context: context)
        }
        worksheet_fit_to_pages(sheet, UInt16(wide), UInt16(tall))
    }

    /// Repeats `rows` at the top of every printed page (Excel's "print titles").
    public func repeatRows(_ rows: ClosedRange<Int>) throws {
        workbook.recorder?.record("R", [String(rows.lowerBound), String(rows.upperBound)])
        let context = "setting print titles of sheet \(name)"
        let sheet = try live(context)
        guard rows.lowerBound >= 0, rows.upperBound < CellReference.maxRows else {
            throw XLSXError.invalidArgument(reason: "rows must lie in 0..<\(CellReference.maxRows)", context: context)
        }
        try XLSXError.check(worksheet_repeat_rows(sheet, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)), context)
    }

    /// Limits printing to `range`.
    public func setPrintArea(_ range: CellRange) throws {
        workbook.recorder?.record("A", [String(range.first.row), String(range.first.column), String(range.last.row), String(range.last.column)])
        let context = "setting print area \(Self.describe(range)) of sheet \(name)"
        let sheet = try live(context)
        let (first, last) = try corners(range, context)
        try XLSXError.check(worksheet_print_area(sheet, first.0, first.1, last.0, last.1), context)
    }

    /// Starts a new printed page at each of `rows` (zero-based; row 0 cannot start a new page).
    ///
    /// Rows are sorted and de-duplicated; Excel allows at most 1,023 manual breaks.
    public func setHorizontalPageBreaks(_ rows: [Int]) throws {
        workbook.recorder?.record("K", rows.map(String.init))
        let context = "setting page breaks of sheet \(name)"
        let sheet = try live(context)
        let breaks = Array(Set(rows)).sorted()
        guard breaks.allSatisfy({ (1..<CellReference.maxRows).contains($0) }) else {
            throw XLSXError.invalidArgument(reason: "break rows must lie in 1..<\(CellReference.maxRows)", context: context)
        }
        guard breaks.count <= 1023 else {
            throw XLSXError.invalidArgument(reason: "\(breaks.count) page breaks exceed Excel's limit of 1,023", context: context)
        }
        // libxlsxwriter reads the list up to a terminating 0 (hence row 0 is not a valid break).
        var list = breaks.map { lxw_row_t($0) } + [0]
        try XLSXError.check(worksheet_set_h_pagebreaks(sheet, &list), context)
    }

    // MARK: - Helpers

    /// The live C worksheet plus the cell converted to libxlsxwriter's index types.
    private func target(_ row: Int, _ column: Int, _ context: @autoclosure () -> String) throws
        -> (UnsafeMutablePointer<lxw_worksheet>, lxw_row_t, lxw_col_t) {
        let sheet = try live(context())
        guard CellReference(row: row, column: column).isWithinExcelLimits else {
            throw XLSXError.invalidArgument(
                reason: "the cell lies outside Excel's \(CellReference.maxRows) × \(CellReference.maxColumns) grid",
                context: context())
        }
        return (sheet, lxw_row_t(row), lxw_col_t(column))
    }

    /// The C worksheet, provided the owning workbook is still open.
    private func live(_ context: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_worksheet> {
        _ = try workbook.liveHandle(context())
        return pointer
    }

    private func corners(_ range: CellRange, _ context: @autoclosure () -> String) throws
        -> ((lxw_row_t, lxw_col_t), (lxw_row_t, lxw_col_t)) {
        guard range.isWithinExcelLimits else {
            throw XLSXError.invalidArgument(reason: "the range lies outside Excel's grid", context: context())
        }
        return ((lxw_row_t(range.first.row), lxw_col_t(range.first.column)),
                (lxw_row_t(range.last.row), lxw_col_t(range.last.column)))
    }

    /// "writing cell B5 of sheet 表3", the context attached to every cell error.
    private func cellContext(_ action: String, _ row: Int, _ column: Int) -> String {
        "\(action) cell \(Self.describe(CellReference(row: row, column: column))) of sheet \(name)"
    }

    /// A1 text when the cell is on the grid, raw indices otherwise (A1 cannot express them).
    static func describe(_ cell: CellReference) -> String {
        cell.isWithinExcelLimits ? cell.a1 : "(row \(cell.row), column \(cell.column), zero-based)"
    }

    static func describe(_ range: CellRange) -> String {
        range.isWithinExcelLimits ? range.a1 : "\(describe(range.first))–\(describe(range.last))"
    }
}
