/// Everything `WorkbookReader` extracted from a workbook: its sheets, in tab order.
public struct WorkbookContents: Hashable, Sendable {
    /// The sheets in tab order.
    public var sheets: [SheetContents]

    /// Wraps already extracted sheets.
    public init(sheets: [SheetContents]) { self.sheets = sheets }

    /// Sheet names in tab order.
    public var sheetNames: [String] { sheets.map(\.name) }

    /// The sheet called `name` (exact match), if any.
    public func sheet(named name: String) -> SheetContents? { sheets.first { $0.name == name } }
}

/// The cells, merges and comments of one sheet.
///
/// Chartsheets and other non-worksheet sheets appear by name with no cells.
public struct SheetContents: Hashable, Sendable {
    /// The sheet's tab name.
    public var name: String
    /// Cells that have a value, a formula or a style, sorted row by row.
    public var cells: [CellContents]
    /// Merged areas, in file order.
    public var merges: [CellRange]
    /// Cell notes, in file order.
    public var comments: [CellComment]

    /// Creates sheet contents; `cells` are sorted row by row so lookups can binary-search.
    public init(name: String, cells: [CellContents], merges: [CellRange], comments: [CellComment]) {
        self.name = name
        self.cells = cells.sorted { $0.reference < $1.reference }
        self.merges = merges
        self.comments = comments
    }

    /// The cell at `reference`, found by binary search; nil if the file has no such cell.
    public func cell(at reference: CellReference) -> CellContents? {
        var low = 0, high = cells.count
        while low < high {
            let middle = (low + high) / 2
            if cells[middle].reference < reference { low = middle + 1 } else { high = middle }
        }
        return low < cells.count && cells[low].reference == reference ? cells[low] : nil
    }

    /// The cell at an A1 reference such as `"B5"`.
    public subscript(a1: String) -> CellContents? {
        CellReference(a1: a1).flatMap(cell(at:))
    }

    /// The comment attached to `reference`, if any.
    public func comment(at reference: CellReference) -> CellComment? {
        comments.first { $0.reference == reference }
    }
}

/// One cell as stored in the file.
public struct CellContents: Hashable, Sendable {
    /// What the stored value is.
    public enum Kind: Hashable, Sendable {
        /// `value` is the exact `<v>` text, e.g. `1234.5` or `1.0E-3`.
        case number
        /// Shared, inline or formula-result text, with `_xHHHH_` escapes decoded.
        case string
        /// `value` is `0` or `1`.
        case boolean
        /// `value` is an error code such as `#DIV/0!`.
        case error
        /// `value` is an ISO 8601 date (`t="d"`, rare).
        case date
        /// No value: a styled empty cell, or a formula without a cached result.
        case blank
    }

    /// Where the cell is.
    public var reference: CellReference
    /// What kind of value `value` holds.
    public var kind: Kind
    /// The value as text, exactly as stored for numbers; nil for `.blank`.
    public var value: String?
    /// The formula without its leading `=`, e.g. `SUM(B2:B9)`; nil if the cell has none.
    ///
    /// For cells sharing a formula (`<f t="shared"/>`) only the anchor cell has the
    /// text; the others report an empty string.
    public var formula: String?
    /// Index into the workbook's cell formats (`s` attribute), if any.
    public var styleIndex: Int?

    /// Creates a cell as a reader would report it.
    public init(reference: CellReference, kind: Kind, value: String?, formula: String? = nil, styleIndex: Int? = nil) {
        self.reference = reference
        self.kind = kind
        self.value = value
        self.formula = formula
        self.styleIndex = styleIndex
    }

    /// The value as a number, when it is one.
    public var numericValue: Double? { kind == .number ? value.flatMap(Double.init) : nil }
}

/// A note attached to a cell.
public struct CellComment: Hashable, Sendable {
    /// The annotated cell.
    public var reference: CellReference
    /// The author named in the file, if any.
    public var author: String?
    /// The note's text, all formatting runs concatenated.
    public var text: String

    /// Creates a comment as a reader would report it.
    public init(reference: CellReference, author: String?, text: String) {
        self.reference = reference
        self.author = author
        self.text = text
    }
}
