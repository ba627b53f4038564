import GongkaiModel

/// Which row of document A is which row of document B, per canonical table,
/// and which columns the two share — keys only, no amounts.
///
/// Rows are matched by their key (DESIGN §3): classification rows by code,
/// item rows by item id, unit rows by unit code, projects by code. Projects
/// left over on both sides — their codes carry the year
/// (`42011124067700000100` is a 2024 code) — are then matched by normalized
/// name. A key that occurs more than once in a table pairs its occurrences in
/// order. Everything is done with hash tables: O(*n*) in the rows.
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
        /// Amount columns either side has values in: catalog order, then any
        /// column outside the catalog (`unlabeled.20`), sorted.
        public var columns: [String]
        /// Text columns (项目单位, 情况说明 …) either side has, in the same order.
        public var textColumns: [String]
    }

    public let a: Document
    public let b: Document
    /// The 13 canonical tables, by id.
    public let tables: [TableAlignment]

    /// Aligns `a` with `b`.
    ///
    /// - Complexity: O(*n* · *c*) for *n* rows of at most *c* cells.
    public init(_ a: Document, _ b: Document) {
        self.a = a
        self.b = b
        let ids = Set(a.tables.map(\.id)).union(b.tables.map(\.id)).sorted()
        tables = ids.map { id in Self.align(a.table(id), b.table(id)) }
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
        var byKey: [String: [Int]] = [:]
        byKey.reserveCapacity(rowsA.count)
        for (i, row) in rowsA.enumerated() { byKey[row.key, default: []].append(i) }
        var taken: [String: Int] = [:]
        for (j, row) in rowsB.enumerated() {
            guard let candidates = byKey[row.key] else { continue }
            let k = taken[row.key, default: 0]
            guard k < candidates.count else { continue }
            taken[row.key] = k + 1
            partnerOfB[j] = candidates[k]
            partnerOfA[candidates[k]] = j
        }

        // 2. Projects left over on both sides, by normalized name: first
        // within the same 项目单位, then across units.
        func unmatchedProjects(_ rows: [Row], _ partner: [Int?]) -> [Int] {
            rows.indices.filter { partner[$0] == nil && rows[$0].kind == .project }
        }
        let leftA = unmatchedProjects(rowsA, partnerOfA)
        if !leftA.isEmpty, !unmatchedProjects(rowsB, partnerOfB).isEmpty {
            for scoped in [true, false] {
                func nameKey(_ row: Row) -> String {
                    let name = ProjectName.normalize(row.name)
                    return scoped ? (row.texts["unit"].map(HeaderText.normalize) ?? "") + "\u{1F}" + name : name
                }
                var byName: [String: [Int]] = [:]
                for i in unmatchedProjects(rowsA, partnerOfA) { byName[nameKey(rowsA[i]), default: []].append(i) }
                guard !byName.isEmpty else { break }
                var used: [String: Int] = [:]
                for j in unmatchedProjects(rowsB, partnerOfB) {
                    let key = nameKey(rowsB[j])
                    guard !ProjectName.normalize(rowsB[j].name).isEmpty, let candidates = byName[key] else { continue }
                    let k = used[key, default: 0]
                    guard k < candidates.count else { continue }
                    used[key] = k + 1
                    partnerOfB[j] = candidates[k]
                    partnerOfA[candidates[k]] = j
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

        return TableAlignment(id: ta.id, rows: merged, columns: columns(ta, tb, text: false),
                              textColumns: columns(ta, tb, text: true))
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
        guard !seen.isEmpty else { return [] }
        let template = Catalog.shared.table(ta.id)
        let catalogOrder = (template?.columns ?? []).filter { $0.isText == text }.map(\.id)
        var out = catalogOrder.filter { seen.contains($0) }
        let known = Set(out)
        out += seen.filter { !known.contains($0) }.sorted()
        return out
    }
}

/// Project names as compared across years and districts.
public enum ProjectName {
    /// Width-normalized, without whitespace, punctuation and years
    /// (`2024年`, `2024年度`): `2024年科技创新专项（区级）` and
    /// `2025年度 科技创新专项(区级)` are the same project.
    public static func normalize(_ name: String) -> String {
        let text = HeaderText.normalize(name)
        var out = ""
        var chars = Array(text)
        var i = 0
        // Drop years: 19xx/20xx followed by 年 or 年度, or standing alone between non-digits.
        while i < chars.count {
            if i + 4 <= chars.count, chars[i...(i + 3)].allSatisfy(\.isNumber),
               (chars[i] == "1" && chars[i + 1] == "9") || (chars[i] == "2" && chars[i + 1] == "0"),
               i == 0 || !chars[i - 1].isNumber,
               i + 4 == chars.count || !chars[i + 4].isNumber {
                i += 4
                if i < chars.count, chars[i] == "年" { i += 1; if i < chars.count, chars[i] == "度" { i += 1 } }
                continue
            }
            let ch = chars[i]
            if !(ch.isPunctuation || ch.isSymbol) { out.append(contentsOf: ch.lowercased()) }
            i += 1
        }
        chars = []
        return out
    }
}
