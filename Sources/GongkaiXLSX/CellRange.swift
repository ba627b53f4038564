/// A rectangular block of cells, such as a merge, a print area or a chart series.
///
/// The corners are normalised on creation so `first` is always top-left and `last`
/// bottom-right, whatever order the caller gave them in.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    /// Top-left cell.
    public let first: CellReference
    /// Bottom-right cell.
    public let last: CellReference

    /// Creates a range spanning two corner cells, in any order.
    public init(_ a: CellReference, _ b: CellReference) {
        first = CellReference(row: min(a.row, b.row), column: min(a.column, b.column))
        last = CellReference(row: max(a.row, b.row), column: max(a.column, b.column))
    }

    /// Creates a range from zero-based corner indices.
    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.init(CellReference(row: firstRow, column: firstColumn),
                  CellReference(row: lastRow, column: lastColumn))
    }

    /// Parses `A1:C3` (or a single `A1`); returns nil if either end is not a cell reference.
    public init?(a1 text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let cell = CellReference(a1: parts[0]) else { return nil }
            self.init(cell, cell)
        case 2:
            guard let a = CellReference(a1: parts[0]), let b = CellReference(a1: parts[1]) else { return nil }
            self.init(a, b)
        default:
            return nil
        }
    }

    /// Number of rows covered.
    public var rowCount: Int { last.row - first.row + 1 }
    /// Number of columns covered.
    public var columnCount: Int { last.column - first.column + 1 }
    /// Whether the range lies entirely on Excel's grid.
    public var isWithinExcelLimits: Bool { first.isWithinExcelLimits && last.isWithinExcelLimits }

    /// Whether `cell` lies inside the range.
    public func contains(_ cell: CellReference) -> Bool {
        (first.row...last.row).contains(cell.row) && (first.column...last.column).contains(cell.column)
    }

    /// The range in A1 notation, `A1:C3`, or `A1` for a single cell.
    public var a1: String { first == last ? first.a1 : first.a1 + ":" + last.a1 }

    /// A1 notation, or the corners' descriptions when negative values make A1 impossible.
    public var description: String {
        first.row >= 0 && first.column >= 0 ? a1 : "\(first)–\(last)"
    }
}
