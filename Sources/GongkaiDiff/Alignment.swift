import GongkaiModel

/// Which row of document A is which row of document B, per canonical table,
/// and which columns the two share — keys only, no amounts.
///
/// Rows are matched by their key (DESIGN §3): classification rows by code,
/// item rows by item id, unit rows by unit code, projects by code. Projects
/// left over on both sides — their codes carry the year
/// (`42011124067700000100` is a 2024 code) — are then matched by normalized
/// name. A key that occurs more than once in a table pairs its occurrences in
/// order. Everything is done with hash tables: O(*n*) in the rows. The 表13
/// forms, which have no rows, are aligned by `FormAlignment`.
public struct Alignment: Sendable {
    /// How two rows were found to be the same.
    public enum Rule: String, Sendable, Hashable {
        /// Same key (code, item id, unit code, project code).
        case key
        /// Different project codes, same normalized name.
        case name
    }

    /// One line of the merged table: a row of A, of B, or of both.
    public struct RowPair: Sendable, Hashable {
        /// Index into A's rows of this table, nil for a row only B has.
        public var a: Int?
        /// Index into B's rows, nil for a row only A has.
        public var b: Int?
        /// How the rows were matched (meaningless when one side is nil).
        public var rule: Rule

        public init(a: Int?, b: Int?, rule: Rule = .key) {
            self.a = a
            self.b = b
            self.rule = rule
        }
    }

    /// The alignment of one canonical table.
    public struct TableAlignment: Sendable {
        public var id: Int
        /// Rows in merged order: B's order, with rows only A has placed after
        /// the row they followed in A.
        public var rows: [RowPair]
    }

    /// Amount columns either side of table `id` has values in: catalog
    /// order, then any column outside the catalog (`unlabeled.20`), sorted.
    ///
    /// - Complexity: O(*n* · *c*); computed on demand (renderers need it, the diff does not).
    public func columns(_ id: Int) -> [String] { Self.columns(a.table(id), b.table(id), text: false) }

    /// Text columns (项目单位, 情况说明 …) either side of table `id` has, in the same order.
    public func textColumns(_ id: Int) -> [String] { Self.columns(a.table(id), b.table(id), text: true) }

    public let a: Document
    public let b: Document
    /// The 13 canonical tables, by id.
    public let tables: [TableAlignment]
    /// The 表13 forms and their indicators.
    public let forms: FormAlignment

    /// Aligns `a` with `b`.
    ///
    /// - Complexity: O(*n* · *c*) for *n* rows of at most *c* cells.
    public init(_ a: Document, _ b: Document) {
        self.a = a
        self.b = b
        let ids = Set(a.tables.map(\.id)).union(b.tables.map(\.id)).sorted()
        tables = ids.map { id in Self.align(a.table(id), b.table(id)) }
        forms = FormAlignment(a.table(13).forms, b.table(13).forms)
    }

    /// The alignment of table `id`.
    public func table(_ id: Int) -> TableAlignment? { tables.first { $0.id == id } }

    // MARK: - Rows

    static func align(_ ta: Table, _ tb: Table) -> TableAlignment {
        let rowsA = ta.rows, rowsB = tb.rows
        var partnerOfB = [Int?](repeating: nil, count: rowsB.count)
        var partnerOfA = [Int?](repeating: nil, count: rowsA.count)
        var rule = [Rule](repeating: .key, count: rowsB.count)

        // 1. Keys; the k-th occurrence of a key in B takes the k-th in A.
        // The common prefix of equal keys pairs by position without hashing
        // (the same as k-th with k-th there); the rest goes through a hash table.
        // Keys compared with memcmp: `utf8.elementsEqual` went byte by byte
        // through the generic iterator, four fifths of aligning two years.
        var prefix = 0
        while prefix < rowsA.count, prefix < rowsB.count, RowName.sameBytes(rowsA[prefix].key, rowsB[prefix].key) {
            partnerOfA[prefix] = prefix
            partnerOfB[prefix] = prefix
            prefix += 1
        }
        // `head[key]` is A's next unused row with that key, `next[i]` the one after row i.
        var head: [String: Int] = [:]
        head.reserveCapacity(rowsA.count - prefix)
        var next = [Int](repeating: -1, count: rowsA.count)
        for i in rowsA.indices.dropFirst(prefix).reversed() {
            let key = rowsA[i].key
            if let slot = head.index(forKey: key) {
                next[i] = head.values[slot]
                head.values[slot] = i
            } else {
                head[key] = i
            }
        }
        for j in rowsB.indices.dropFirst(prefix) where !head.isEmpty {
            guard let slot = head.index(forKey: rowsB[j].key) else { continue }
            let i = head.values[slot]
            guard i >= 0 else { continue }
            head.values[slot] = next[i]
            partnerOfB[j] = i
            partnerOfA[i] = j
        }

        // 2. Projects left over on both sides, by normalized name: first
        // within the same 项目单位, then across units.
        let leftA = rowsA.indices.filter { partnerOfA[$0] == nil && rowsA[$0].kind == .project }
        let leftB = leftA.isEmpty ? [] : rowsB.indices.filter { partnerOfB[$0] == nil && rowsB[$0].kind == .project }
        if !leftB.isEmpty {
            var units: [String: String] = [:]
            func unit(_ row: Row) -> String {
                guard let u = row.texts["unit"] else { return "" }
                if let hit = units[u] { return hit }
                let n = ProjectName.normalize(u)
                units[u] = n
                return n
            }
            let namesA = leftA.map { ProjectName.normalize(rowsA[$0].name) }
            let namesB = leftB.map { ProjectName.normalize(rowsB[$0].name) }
            let unitsA = leftA.map { unit(rowsA[$0]) }, unitsB = leftB.map { unit(rowsB[$0]) }
            for scoped in [true, false] {
                func key(_ name: String, _ unit: String) -> String { scoped ? unit + "\u{1F}" + name : name }
                // Unused rows of A by key, in order (reversed, so that popLast takes the first).
                var byName: [String: [Int]] = [:]
                for (n, i) in leftA.enumerated().reversed() where partnerOfA[i] == nil && !namesA[n].isEmpty {
                    byName[key(namesA[n], unitsA[n]), default: []].append(i)
                }
                guard !byName.isEmpty else { break }
                for (n, j) in leftB.enumerated() where partnerOfB[j] == nil && !namesB[n].isEmpty {
                    let k = key(namesB[n], unitsB[n])
                    guard let slot = byName.index(forKey: k), let i = byName.values[slot].popLast() else { continue }
                    partnerOfB[j] = i
                    partnerOfA[i] = j
                    rule[j] = .name
                }
            }
        }

        // 3. Merged order: B's rows; each row only A has goes after the row
        // it followed in A (or first, when nothing of A's precedes it).
        var following = [[Int]](repeating: [], count: rowsA.count)
        var leading: [Int] = []
        var previous: Int? = nil
        for i in rowsA.indices {
            if partnerOfA[i] != nil { previous = i; continue }
            if let p = previous { following[p].append(i) } else { leading.append(i) }
        }
        var merged: [RowPair] = []
        merged.reserveCapacity(rowsA.count + rowsB.count)
        func emitFollowing(_ i: Int) {
            for f in following[i] { merged.append(RowPair(a: f, b: nil)) }
        }
        for i in leading { merged.append(RowPair(a: i, b: nil)) }
        for j in rowsB.indices {
            let i = partnerOfB[j]
            merged.append(RowPair(a: i, b: j, rule: rule[j]))
            if let i { emitFollowing(i) }
        }

        return TableAlignment(id: ta.id, rows: merged)
    }

    // MARK: - Columns

    /// The columns either table has: catalog order first, then the rest sorted.
    static func columns(_ ta: Table, _ tb: Table, text: Bool) -> [String] {
        var seen = Set<String>()
        for t in [ta, tb] {
            for row in t.rows {
                if text { for k in row.texts.keys { seen.insert(k) } } else { for k in row.values.keys { seen.insert(k) } }
            }
        }
        return CatalogOrder(table: ta.id, text: text).sorted(seen)
    }
}

/// The order in which a table's columns are listed: the catalog's, then
/// columns it does not know by id.
struct CatalogOrder {
    private let position: [String: Int]

    /// The order of `table`'s amount columns, or its text columns.
    init(table: Int, text: Bool) {
        let ids = (Catalog.shared.table(table)?.columns ?? []).filter { $0.isText == text }.map(\.id)
        position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether column `x` comes before column `y`.
    func precedes(_ x: String, _ y: String) -> Bool {
        let i = position[x] ?? .max, j = position[y] ?? .max
        return i != j ? i < j : x < y
    }

    /// `columns` in this order.
    /// - Complexity: O(*n* log *n*), one lookup per comparison.
    func sorted(_ columns: some Sequence<String>) -> [String] {
        columns.sorted(by: precedes)
    }
}

/// Project names as compared across years and districts.
public enum ProjectName {
    /// Width-normalized, without whitespace, punctuation and years
    /// (`2024年`, `2024年度`), ASCII lowercased: `2024年科技创新专项（区级）`
    /// and `2025年度 科技创新专项(区级)` are the same project.
    ///
    /// - Complexity: O(*n*) in the unicode scalars of `name`.
    public static func normalize(_ name: String) -> String {
        // Width-fold, drop spaces, punctuation and symbols.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(name.unicodeScalars.count)
        for var u in name.unicodeScalars {
            if (0xFF01...0xFF5E).contains(u.value) { u = Unicode.Scalar(u.value - 0xFEE0)! }
            if u.isASCII {
                let v = u.value
                if (0x41...0x5A).contains(v) { scalars.append(Unicode.Scalar(v + 0x20)!); continue }
                if (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) { scalars.append(u); continue }
                continue  // ASCII space, punctuation, symbols, controls
            }
            switch u.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format,
                 .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation,
                 .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
                continue
            default:
                scalars.append(u)
            }
        }
        // Drop years: 19xx/20xx not inside a longer number, with 年 or 年度 after them.
        var out = String.UnicodeScalarView()
        var i = 0
        func digit(_ k: Int) -> Bool { k < scalars.count && (0x30...0x39).contains(scalars[k].value) }
        while i < scalars.count {
            let u = scalars[i]
            if digit(i), digit(i + 1), digit(i + 2), digit(i + 3), !digit(i + 4), i == 0 || !digit(i - 1),
               (scalars[i] == "1" && scalars[i + 1] == "9") || (scalars[i] == "2" && scalars[i + 1] == "0") {
                i += 4
                if i < scalars.count, scalars[i] == "年" { i += 1; if i < scalars.count, scalars[i] == "度" { i += 1 } }
                continue
            }
            out.append(u)
            i += 1
        }
        return String(out)
    }
}
