import Testing
import GongkaiModel
import GongkaiRender
@testable import GongkaiDiff

/// The numbered cell matching of the diff against the plain one it replaced:
/// one dictionary lookup per cell, differences sorted by `CatalogOrder`.
@Suite("Cell matching by column number")
struct CellMatcherTests {
    typealias Difference = (column: String, a: Amount?, b: Amount?)

    /// The cells that differ, as the diff found them before columns were numbered.
    static func reference(_ a: [String: Figure], _ b: [String: Figure], table: Int, tolerance: Amount) -> [Difference] {
        var out: [Difference] = []
        for (column, figure) in a {
            let y = b[column]?.amount
            if DocumentDiff.differs(figure.amount, y, tolerance: tolerance) { out.append((column, figure.amount, y)) }
        }
        for (column, figure) in b where a[column] == nil { out.append((column, nil, figure.amount)) }
        let order = CatalogOrder(table: table, text: false)
        return out.sorted { order.precedes($0.column, $1.column) }
    }

    static func matched(_ matcher: inout CellMatcher, _ a: [String: Figure], _ b: [String: Figure], tolerance: Amount) -> [Difference] {
        matcher.compare(a, b, tolerance: tolerance)
        return matcher.differing.map { (matcher.columns.ids[$0.column], $0.a, $0.b) }
    }

    static func same(_ x: [Difference], _ y: [Difference]) -> Bool {
        x.count == y.count && zip(x, y).allSatisfy { $0.column == $1.column && $0.a == $1.a && $0.b == $1.b }
    }

    /// An id with storage of its own (not shared with the catalog's, not
    /// inline): what a model read from JSON has in every row.
    static func fresh(_ id: String) -> String {
        String(decoding: Array((id + "                ").utf8), as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }

    @Test("Catalog columns are numbered in catalog order, others after them by first sight")
    func numbering() {
        var numbering = ColumnNumbering(table: 3)
        let catalog = (Catalog.shared.table(3)?.columns ?? []).filter { !$0.isText }.map(\.id)
        #expect(numbering.catalogCount > 1)
        #expect(Array(numbering.ids.prefix(numbering.catalogCount)) == catalog.reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
        let first = numbering.ids[0], last = numbering.ids[numbering.catalogCount - 1]
        #expect(numbering.number(last) == numbering.catalogCount - 1)
        #expect(numbering.number(Self.fresh(first)) == 0)
        #expect(numbering.number("unlabeled.3") == numbering.catalogCount)
        #expect(numbering.number("unlabeled.20") == numbering.catalogCount + 1)
        #expect(numbering.number(Self.fresh("unlabeled.3")) == numbering.catalogCount)
        // Extras sort by id as CatalogOrder does (unlabeled.20 first, numbered
        // later), after every catalog column.
        #expect(numbering.precedes(numbering.catalogCount + 1, numbering.catalogCount))
        #expect(!numbering.precedes(numbering.catalogCount, numbering.catalogCount + 1))
        #expect(numbering.precedes(numbering.catalogCount - 1, numbering.catalogCount + 1))
        #expect(!numbering.precedes(numbering.catalogCount, 0))
    }

    @Test("Many ids with storage of their own, past the memo's slots, keep their numbers")
    func manyFreshIds() {
        var numbering = ColumnNumbering(table: 5)
        let ids = (0..<1_000).map { "unlabeled.\($0)-with-a-long-suffix" }
        let numbers = ids.map { numbering.number($0) }
        #expect(Set(numbers).count == ids.count)
        for (id, n) in zip(ids, numbers).reversed() { #expect(numbering.number(Self.fresh(id)) == n) }
    }

    @Test("Agrees with one lookup per cell on random rows: blanks, extras, fresh ids, tolerance")
    func randomRows() {
        var rng = SeededGenerator(seed: 11)
        for table in [2, 3, 5, 10] {
            var matcher = CellMatcher(table: table)
            let catalog = (Catalog.shared.table(table)?.columns ?? []).filter { !$0.isText }.map(\.id)
            let columns = catalog + ["unlabeled.20", "unlabeled.3", "其他列"]
            var differing = 0
            for _ in 0..<2_000 {
                var a: [String: Figure] = [:], b: [String: Figure] = [:]
                for column in columns {
                    let x = Int64.random(in: -3...3, using: &rng) * 50
                    let roll = Int.random(in: 0..<10, using: &rng)
                    let id = Bool.random(using: &rng) ? Self.fresh(column) : column
                    if roll < 6 { a[id] = Figure(amount: Amount(fen: x), text: "") }
                    if roll >= 3 && roll < 9 {
                        let y = Bool.random(using: &rng) ? x : x + Int64.random(in: -120...120, using: &rng)
                        b[Bool.random(using: &rng) ? Self.fresh(column) : column] = Figure(amount: Amount(fen: y), text: "")
                    }
                }
                let tolerance = Amount(fen: [0, 0, 100].randomElement(using: &rng)!)
                let expected = Self.reference(a, b, table: table, tolerance: tolerance)
                let got = Self.matched(&matcher, a, b, tolerance: tolerance)
                #expect(Self.same(got, expected), "table \(table): \(got) ≠ \(expected)")
                differing += expected.count
            }
            #expect(differing > 1_000)
        }
    }

    @Test("The diff of two generated years agrees with one lookup per cell, row by row")
    func generatedYears() throws {
        let generator = DocumentGenerator(seed: 3, rows: 600)
        let a = generator.generate(), b = generator.generate(varying: 0.2, variant: 5)
        let diff = try DocumentDiff(a, b)
        var expected: [Change] = []
        for t in diff.alignment.tables {
            for pair in t.rows {
                guard let i = pair.a, let j = pair.b else { continue }
                let ra = a.table(t.id).rows[i], rb = b.table(t.id).rows[j]
                for d in Self.reference(ra.values, rb.values, table: t.id, tolerance: .zero) {
                    expected.append(Change(table: t.id, row: rb.key, name: rb.name, code: rb.code,
                                           detail: .amount(column: d.column, a: d.a, b: d.b)))
                }
            }
        }
        let cells = diff.changes.filter { if case .amount = $0.detail { true } else { false } }
        #expect(cells.count > 500)
        #expect(cells == expected)
    }
}
