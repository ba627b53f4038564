import GongkaiModel
import GongkaiXLSX

/// What one sheet of a standardized workbook holds, decided before anything
/// is written: header, cells (values, formulas with their computed values),
/// and where each model cell sits.
///
/// Writer and reader share the plan: the writer lays it out, the reader uses
/// it to find each model cell in a workbook again.
struct SheetPlan {
    /// One cell of the body.
    enum Content {
        case blank
        case text(String)
        /// A published figure written as a number.
        case amount(Figure)
        /// A subtotal: its formula, what the formula computes, and what was published.
        case formula(String, computed: Amount, published: Figure)
    }

    struct Cell {
        var content: Content
        var style: CellStyle
    }

    /// The position of a model cell: table, row key, column id.
    struct Key: Hashable {
        var row: String
        var column: String
    }

    var sheetName: String
    var title: String
    var infoLeft: String
    var infoRight: String
    var widths: [Double]
    /// Header cells: `(row, column, text)` written plainly, and merged ranges.
    var headerCells: [(row: Int, column: Int, text: String)] = []
    var headerMerges: [(range: CellRange, text: String)] = []
    var headerDepth: Int
    /// Body rows; row `i` is sheet row `bodyStart + i`.
    var body: [[Cell]] = []
    var positions: [Key: CellReference] = [:]
    var notes: [String] = []
    var freezeColumn = 0
    /// Rows after which a page should break (表13 forms).
    var pageBreaks: [Int] = []
    /// Merged body cells (表13 forms): written over the body cells they cover.
    var bodyMerges: [(range: CellRange, text: String, style: CellStyle)] = []
    /// Heights of body rows whose wrapped text would not fit (sheet row → points).
    var rowHeights: [Int: Double] = [:]

    /// Title, info line, then the header.
    var bodyStart: Int { 2 + headerDepth }
    var columnCount: Int { widths.count }
}

extension SheetPlan {
    /// Fills header cells and merges from column header paths (group
    /// headers span their columns; a shorter path spans down to the body).
    mutating func layHeader(_ paths: [[String]]) {
        let depth = headerDepth
        let n = paths.count
        for r in 0..<depth {
            var c = 0
            while c < n {
                guard r < paths[c].count else { c += 1; continue }
                let isLeaf = paths[c].count - 1 == r
                var e = c
                if !isLeaf {
                    while e + 1 < n, paths[e + 1].count > r + 1, Array(paths[e + 1][0...r]) == Array(paths[c][0...r]) { e += 1 }
                }
                let bottom = isLeaf ? depth - 1 : r
                let top = 2 + r
                if e > c || bottom > r {
                    headerMerges.append((CellRange(firstRow: top, firstColumn: c, lastRow: 2 + bottom, lastColumn: e), paths[c][r]))
                } else {
                    headerCells.append((top, c, paths[c][r]))
                }
                c = e + 1
            }
        }
    }
}
