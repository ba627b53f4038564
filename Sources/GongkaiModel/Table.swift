/// Whether a document publishes a canonical table.
public enum TableStatus: String, Codable, Sendable {
    /// Published with rows.
    case disclosed
    /// Published with no rows (usually with a note: 本部门无政府性基金预算收支).
    case empty
    /// Not in the document.
    case absent
}

/// One of the 13 canonical tables of a document.
public struct Table: Hashable, Sendable {
    /// The canonical id, 1–13.
    public var id: Int
    /// The canonical key (`expenditure`).
    public var key: String
    public var status: TableStatus
    /// The title as the source printed it.
    public var sourceTitle: String?
    /// The canonical columns the source published, in catalog order.
    /// Columns the source did not publish are not here; in a workbook they
    /// stay blank and sums never lean on them.
    public var columns: [String]
    public var rows: [Row]
    /// Notes printed with the table (注：…, 说明：…).
    public var notes: [String]
    /// The source lines the table occupies (first and last), when present.
    public var lines: ClosedRange<Int>?
    /// Raw source lines of content the model does not structure yet
    /// (the 表13 forms), kept verbatim so that nothing is lost.
    public var raw: [SourceText]
    /// The performance-target forms (表13), structured; `raw` keeps their
    /// source lines as well.
    public var forms: [PerformanceForm]

    public init(id: Int, key: String, status: TableStatus = .absent, sourceTitle: String? = nil,
                columns: [String] = [], rows: [Row] = [], notes: [String] = [],
                lines: ClosedRange<Int>? = nil, raw: [SourceText] = [], forms: [PerformanceForm] = []) {
        self.id = id
        self.key = key
        self.status = status
        self.sourceTitle = sourceTitle
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.lines = lines
        self.raw = raw
        self.forms = forms
    }

    /// The row with `key`, if any.
    ///
    /// - Complexity: O(*n*) in the number of rows.
    public func row(_ key: String) -> Row? { rows.first { $0.key == key } }
}

/// A table of the source that is none of the 13 (资产配置预算表), kept as
/// its raw grid.
public struct ExtraTable: Hashable, Sendable {
    public var title: String
    public var lines: ClosedRange<Int>?
    /// Cells row by row, as published.
    public var grid: [[String]]
    /// The source line of each grid row.
    public var gridLines: [Int]

    public init(title: String, lines: ClosedRange<Int>? = nil, grid: [[String]] = [], gridLines: [Int] = []) {
        self.title = title
        self.lines = lines
        self.grid = grid
        self.gridLines = gridLines
    }
}

/// A line of source text and where it was.
public struct SourceText: Hashable, Sendable, Codable {
    public var line: Int
    public var text: String

    public init(line: Int, text: String) {
        self.line = line
        self.text = text
    }
}
