internal import CXlsxWriter

/// A block of cells on a named worksheet, such as the data behind a chart series.
public struct SheetRange: Hashable, Sendable, CustomStringConvertible {
    /// Worksheet name, unquoted.
    public var sheet: String
    /// The cells on that worksheet.
    public var range: CellRange

    /// Creates a reference to `range` on the worksheet named `sheet`.
    public init(sheet: String, range: CellRange) {
        self.sheet = sheet
        self.range = range
    }

    /// The range as a formula reference, e.g. `'表3'!$B$2:$B$9`.
    public var description: String {
        "'\(sheet.replacingOccurrences(of: "'", with: "''"))'!\(range.first.absoluteA1):\(range.last.absoluteA1)"
    }
}

/// What to draw in a clustered column chart: one group of columns per category,
/// one column (and legend entry) per series.
///
/// Deliberately minimal: it covers the "budget vs. actual by item" comparison a
/// report needs and nothing more. Each range must be a single row or column.
public struct ColumnChart: Hashable, Sendable {
    /// One coloured set of columns.
    public struct Series: Hashable, Sendable {
        /// Legend text.
        public var name: String
        /// The numbers, one per category.
        public var values: SheetRange

        /// Creates a series named `name` drawing the numbers in `values`.
        public init(name: String, values: SheetRange) {
            self.name = name
            self.values = values
        }
    }

    /// Chart title above the plot; nil for none.
    public var title: String?
    /// Category labels along the horizontal axis.
    public var categories: SheetRange
    /// The series, in legend order (at least one).
    public var series: [Series]
    /// Title under the horizontal axis; nil for none.
    public var categoryAxisTitle: String?
    /// Title beside the vertical axis (e.g. the unit, 万元); nil for none.
    public var valueAxisTitle: String?

    /// Creates a chart description; titles default to none.
    public init(title: String? = nil, categories: SheetRange, series: [Series],
                categoryAxisTitle: String? = nil, valueAxisTitle: String? = nil) {
        self.title = title
        self.categories = categories
        self.series = series
        self.categoryAxisTitle = categoryAxisTitle
        self.valueAxisTitle = valueAxisTitle
    }
}

/// A chart created by `Workbook.addChart(_:)`, to be placed with `Worksheet.insertChart`.
///
/// Like a worksheet, it keeps its workbook alive; the C chart belongs to the workbook.
public final class Chart {
    let workbook: Workbook
    let pointer: UnsafeMutablePointer<lxw_chart>
    /// libxlsxwriter allows one placement per chart.
    var isInserted = false

    init(workbook: Workbook, pointer: UnsafeMutablePointer<lxw_chart>) {
        self.workbook = workbook
        self.pointer = pointer
    }
}

extension ColumnChart {
    /// Refuses descriptions libxlsxwriter would accept but Excel could not display.
    func validate(worksheetNames: [String], context: String) throws {
        func invalid(_ reason: String) -> XLSXError { .invalidArgument(reason: reason, context: context) }
        guard !series.isEmpty else { throw invalid("a chart needs at least one series") }
        for range in [categories] + series.map(\.values) {
            guard worksheetNames.contains(range.sheet) else {
                throw invalid("\(range) refers to a worksheet that does not exist (yet)")
            }
            guard range.range.isWithinExcelLimits, range.range.rowCount == 1 || range.range.columnCount == 1 else {
                throw invalid("\(range) must be a single row or column on the grid")
            }
        }
        // libxlsxwriter reads a leading "=" in these texts as a cell reference.
        let texts = [title, categoryAxisTitle, valueAxisTitle].compactMap { $0 } + series.map(\.name)
        for text in texts {
            guard !text.hasPrefix("=") else { throw invalid("chart text \"\(text)\" must not start with \"=\"") }
            try requireNoNUL(text, "chart text", context: context)
        }
    }

    /// Adds the series, titles and legend to a freshly created C chart.
    func configure(_ chart: UnsafeMutablePointer<lxw_chart>, context: String) throws {
        for entry in series {
            // NULL ranges here, then the structured setters below: they quote sheet
            // names themselves, so names with spaces or CJK need no escaping by us.
            guard let series = chart_add_series(chart, nil, nil) else {
                throw XLSXError.failure(LXW_ERROR_MEMORY_MALLOC_FAILED, context)
            }
            let (c, v) = (categories.range, entry.values.range)
            chart_series_set_categories(series, categories.sheet, lxw_row_t(c.first.row), lxw_col_t(c.first.column),
                                        lxw_row_t(c.last.row), lxw_col_t(c.last.column))
            chart_series_set_values(series, entry.values.sheet, lxw_row_t(v.first.row), lxw_col_t(v.first.column),
                                    lxw_row_t(v.last.row), lxw_col_t(v.last.column))
            chart_series_set_name(series, entry.name)
        }
        if let title { chart_title_set_name(chart, title) }
        if let categoryAxisTitle { chart_axis_set_name(chart.pointee.x_axis, categoryAxisTitle) }
        if let valueAxisTitle { chart_axis_set_name(chart.pointee.y_axis, valueAxisTitle) }
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
    }
}
