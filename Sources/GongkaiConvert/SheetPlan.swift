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
    var body: SheetBody = []
    /// Where each model cell sits.
    var positions = SheetPositions()
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

/// The body rows of a sheet: held, or made one at a time from the model
/// when asked for, so that a table of a million rows is never held as
/// cells (the writer asks for each row once, in order).
///
/// A made row that is assigned to (a mark, a fill colour) is held from then on.
struct SheetBody: RandomAccessCollection, ExpressibleByArrayLiteral {
    typealias Line = [SheetPlan.Cell]
    private var held: [Line]
    private var maker: (count: Int, line: (Int) -> Line)?
    private var edited: [Int: Line] = [:]

    /// A body of `lines`, held.
    init(_ lines: [Line]) { held = lines }
    init(arrayLiteral lines: Line...) { held = lines }
    /// A body of `count` rows, row `i` made by `line(i)` each time it is read.
    init(count: Int, line: @escaping (Int) -> Line) {
        held = []
        maker = (count, line)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { maker?.count ?? held.count }

    subscript(i: Int) -> Line {
        get {
            guard let maker else { return held[i] }
            return edited[i] ?? maker.line(i)
        }
        set {
            if maker == nil { held[i] = newValue } else { edited[i] = newValue }
        }
    }

    /// Adds a row at the end of a held body.
    mutating func append(_ line: Line) {
        precondition(maker == nil, "rows are appended to held bodies only")
        held.append(line)
    }
}

/// Where each model cell (row key, column id) sits on a sheet: cells placed
/// one by one, and grids of rows × columns (a code table's), whose key
/// index is built only when a key is first looked up.
struct SheetPositions: Sequence {
    typealias Element = (key: SheetPlan.Key, value: CellReference)

    private var placed: [SheetPlan.Key: CellReference] = [:]
    private var grid: Grid?

    /// Rows × columns: row `i` of `keys` on sheet row `firstRow + i`.
    final class Grid {
        let keys: [String]
        let firstRow: Int
        let columns: [(id: String, column: Int)]
        let columnIndex: [String: Int]
        /// Each key's sheet row (the last row with it, should a key repeat).
        lazy var rowIndex: [String: Int] = {
            var index: [String: Int] = [:]
            index.reserveCapacity(keys.count)
            for (i, key) in keys.enumerated() { index[key] = firstRow + i }
            return index
        }()

        init(keys: [String], firstRow: Int, columns: [(id: String, column: Int)]) {
            self.keys = keys
            self.firstRow = firstRow
            self.columns = columns
            columnIndex = Dictionary(columns.map { ($0.id, $0.column) }, uniquingKeysWith: { _, last in last })
        }
    }

    init() {}

    /// Positions of a grid: every (key, column) of `keys` × `columns`.
    init(keys: [String], firstRow: Int, columns: [(id: String, column: Int)]) {
        grid = Grid(keys: keys, firstRow: firstRow, columns: columns)
    }

    subscript(key: SheetPlan.Key) -> CellReference? {
        get {
            if let ref = placed[key] { return ref }
            guard let grid, let column = grid.columnIndex[key.column], let row = grid.rowIndex[key.row] else { return nil }
            return CellReference(row: row, column: column)
        }
        set { placed[key] = newValue }
    }

    func makeIterator() -> AnyIterator<Element> {
        var placedIterator = placed.makeIterator()
        var seen = Set<String>()
        var i = grid.map { $0.keys.count - 1 } ?? -1  // last row first: a repeated key sits on its last row
        var c = 0
        return AnyIterator {
            if let next = placedIterator.next() { return (next.key, next.value) }
            guard let grid = self.grid else { return nil }
            while i >= 0 {
                if c == 0, seen.contains(grid.keys[i]) { i -= 1; continue }
                if c < grid.columns.count {
                    let key = SheetPlan.Key(row: grid.keys[i], column: grid.columns[c].id)
                    let ref = CellReference(row: grid.firstRow + i, column: grid.columns[c].column)
                    c += 1
                    if self.placed[key] != nil { continue }
                    return (key, ref)
                }
                seen.insert(grid.keys[i])
                c = 0
                i -= 1
            }
            return nil
        }
    }
}
