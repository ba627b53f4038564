/// A zero-based cell position on a worksheet, convertible to and from A1 notation.
///
/// Rows and columns are zero-based (`A1` is row 0, column 0) to match libxlsxwriter
/// and array indexing; A1 text is only used for messages and for reading XML.
public struct CellReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Number of rows in an Excel 2007+ worksheet.
    public static let maxRows = 1_048_576
    /// Number of columns in an Excel 2007+ worksheet (`A`…`XFD`).
    public static let maxColumns = 16_384

    /// Zero-based row index.
    public var row: Int
    /// Zero-based column index.
    public var column: Int

    /// Creates a reference from zero-based indices (not validated; see `isWithinExcelLimits`).
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses A1 notation such as `B5` or `$B$5`; returns nil if the text is not a cell reference.
    ///
    /// References beyond Excel's grid (e.g. `XFE1`) still parse, so that a reader can
    /// report them as out of range instead of as garbage.
    public init?(a1 text: some StringProtocol) {
        var column = 0, row = 0, letters = 0, digits = 0
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "$") { bytes = bytes.dropFirst() }
        while let byte = bytes.first, let value = Self.letterValue(byte) {
            // Seven letters already overflow Excel's grid; stop before Int could overflow.
            guard letters < 7 else { return nil }
            column = column * 26 + value
            letters += 1
            bytes = bytes.dropFirst()
        }
        if bytes.first == UInt8(ascii: "$") { bytes = bytes.dropFirst() }
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), digits < 10 else { return nil }
            row = row * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        self.init(row: row - 1, column: column - 1)
    }

    /// The reference in A1 notation, e.g. `B5`; row and column must not be negative.
    public var a1: String { Self.columnName(column) + String(row + 1) }

    /// The reference in absolute A1 notation, e.g. `$B$5`.
    public var absoluteA1: String { "$" + Self.columnName(column) + "$" + String(row + 1) }

    /// Whether the reference lies on Excel's 1,048,576 × 16,384 grid.
    public var isWithinExcelLimits: Bool {
        (0..<Self.maxRows).contains(row) && (0..<Self.maxColumns).contains(column)
    }

    /// A1 notation, or zero-based indices when negative values make A1 impossible.
    public var description: String { row >= 0 && column >= 0 ? a1 : "(row \(row), column \(column))" }

    /// Orders references row-major (row, then column), the order cells appear in sheet XML.
    public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }

    /// The letters of a zero-based column index: 0 → `A`, 25 → `Z`, 26 → `AA`.
    /// `column` must not be negative.
    public static func columnName(_ column: Int) -> String {
        precondition(column >= 0, "column index must not be negative")
        // A–Z, every column of a budget table: one letter, without building an array of scalars.
        if column < 26 { return String(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(column)))) }
        var scalars: [Unicode.Scalar] = []
        var remaining = column + 1
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(digit)))
            remaining = (remaining - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    private static func letterValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A")) + 1
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a")) + 1
        default: nil
        }
    }
}
