import GongkaiModel

/// The amount columns of one table, numbered, so that the cells of two rows
/// are matched by number rather than by hashing their ids in each row.
///
/// The catalog's columns are numbered first, in catalog order; a column
/// outside the catalog (`unlabeled.20`) gets the next number when first seen.
/// Numbers therefore sort like `CatalogOrder` up to the catalog's end, and
/// `precedes` breaks the rest by id as it does.
///
/// Finding a number hashes the id only the first time a given string
/// storage is seen: a small memo keyed by the string's 16 bytes (its inline
/// text, or its storage address and length) answers the rest. The rows of a
/// document share their column ids' storage (the parser and the generator
/// take them from the catalog; short ids are inline), so nearly every cell
/// is answered there. The memo keeps the strings it holds alive, so no other
/// text can take their storage: equal bytes mean equal text.
struct ColumnNumbering {
    /// Column ids by number.
    private(set) var ids: [String]
    /// How many of the numbers are the catalog's.
    let catalogCount: Int
    private var numbers: [String: Int]
    /// Direct-mapped: slot from the bytes' hash, overwritten on a miss.
    private var memoBits: [(UInt64, UInt64)]
    private var memoNumbers: [Int]
    /// The strings of `memoBits`, held so that their storage is not reused.
    private var memoIds: [String]

    private static let memoShift: UInt64 = 64 - 8  // 256 slots

    /// The numbering of `table`'s amount columns (text columns when `text`).
    init(table: Int, text: Bool = false) {
        var ids: [String] = []
        var numbers: [String: Int] = [:]
        for column in Catalog.shared.table(table)?.columns ?? [] where column.isText == text && numbers[column.id] == nil {
            numbers[column.id] = ids.count
            ids.append(column.id)
        }
        self.ids = ids
        self.numbers = numbers
        catalogCount = ids.count
        memoBits = Array(repeating: (0, 0), count: 1 << (64 - Self.memoShift))
        memoNumbers = Array(repeating: -1, count: 1 << (64 - Self.memoShift))
        memoIds = Array(repeating: "", count: 1 << (64 - Self.memoShift))
    }

    /// How many columns have a number so far.
    var count: Int { ids.count }

    /// The number of column `id`, given one when it is new.
    mutating func number(_ id: String) -> Int {
        let bits = unsafeBitCast(id, to: (UInt64, UInt64).self)
        let slot = Int(truncatingIfNeeded: (((bits.0 &* 0x9E37_79B9_7F4A_7C15) ^ bits.1) &* 0xBF58_476D_1CE4_E5B9) >> Self.memoShift)
        if memoNumbers[slot] >= 0, memoBits[slot] == bits { return memoNumbers[slot] }
        let n: Int
        if let known = numbers[id] {
            n = known
        } else {
            n = ids.count
            numbers[id] = n
            ids.append(id)
        }
        memoBits[slot] = bits
        memoNumbers[slot] = n
        memoIds[slot] = id
        return n
    }

    /// Whether column number `x` is listed before `y`: `CatalogOrder.precedes` of their ids.
    func precedes(_ x: Int, _ y: Int) -> Bool {
        x < catalogCount || y < catalogCount ? x < y : ids[x] < ids[y]
    }
}
