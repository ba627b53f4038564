import Testing
import GongkaiModel
import GongkaiParse
import GongkaiRender
import GongkaiXLSX
@testable import GongkaiConvert
import GongkaiTestSupport

/// `CodeTableCells` remembers the formulas of rows with children; every
/// cell must come out as working it out afresh makes it, whichever cell is
/// asked for first.
@Suite struct CodeTableCellsTests {
    /// The content of a cell, spelled out for comparison.
    static func describe(_ content: SheetPlan.Content?) -> String {
        switch content {
        case nil: "nil"
        case .blank: "blank"
        case .text(let text): "text \(text)"
        case .amount(let figure): "amount \(figure)"
        case .formula(let formula, let computed, let published): "formula \(formula) = \(computed.fen) (published \(published))"
        }
    }

    /// Compares the remembering cells with fresh ones on every code table
    /// of `doc`, asking rows top down and bottom up; returns how many
    /// formula cells were compared.
    func expectMemoAgrees(_ doc: Document, _ name: String) -> Int {
        var formulas = 0
        for template in Catalog.shared.tables {
            switch template.rows {
            case .items, .threePublic, .forms: continue
            default: break
            }
            let table = doc.table(template.id)
            guard table.status == .disclosed else { continue }
            var ids = template.columns.filter { !$0.isText }.map(\.id)
            for row in table.rows { for k in row.values.keys.sorted() where !ids.contains(k) { ids.append(k) } }
            let columnIndex = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element, 2 + $0.offset) })
            func cells(_ memoizing: Bool) -> SheetPlanner.CodeTableCells {
                .init(rows: table.rows, tree: RowTree(rows: table.rows), template: template, published: Set(table.columns),
                      firstRow: 4, columnIndex: columnIndex, memoizing: memoizing)
            }
            let fresh = cells(false)
            for order in [Array(table.rows.indices), table.rows.indices.reversed()] {
                let remembering = cells(true)
                for i in order {
                    for id in ids {
                        let expected = Self.describe(fresh.content(i, id))
                        #expect(remembering.computed(i, id) == fresh.computed(i, id), "\(name) 表\(table.id) row \(i) \(id)")
                        #expect(Self.describe(remembering.content(i, id)) == expected, "\(name) 表\(table.id) row \(i) \(id)")
                        if expected.hasPrefix("formula") { formulas += 1 }
                    }
                }
            }
        }
        return formulas
    }

    @Test("the samples' cells are the same remembered or worked out afresh", arguments: ["000", "001", "002", "003", "004"])
    func samples(prefix: String) throws {
        let doc = try DocumentParser().parse(contentsOf: Fixtures.sample(prefix))
        let formulas = expectMemoAgrees(doc, prefix)
        // 002's code tables have no subtotal formulas (the others do, so the comparison is not vacuous).
        #expect(prefix == "002" ? formulas == 0 : formulas > 0)
    }

    /// Generated documents, and the same with published figures nudged so
    /// that subtotals at every level differ from their items.
    @Test func generatedAndInconsistentDocumentsAgree() {
        for seed: UInt64 in 1...4 {
            var doc = DocumentGenerator(seed: seed, rows: 120).generate()
            #expect(expectMemoAgrees(doc, "seed \(seed)") > 0)
            for t in doc.tables.indices {
                for r in doc.tables[t].rows.indices where r % 3 == 0 {
                    for (k, f) in doc.tables[t].rows[r].values {
                        doc.tables[t].rows[r].values[k]?.amount = Amount(fen: f.amount.fen + Int64(r + 1))
                    }
                }
            }
            #expect(expectMemoAgrees(doc, "nudged seed \(seed)") > 0)
        }
    }

    @Test func aCycleInTheColumnSumsTurnsTheMemoOff() {
        typealias Cells = SheetPlanner.CodeTableCells
        #expect(Cells.isAcyclic(["total": ["basic", "project"], "basic": ["personnel", "public"]]))
        #expect(Cells.isAcyclic([:]))
        #expect(!Cells.isAcyclic(["total": ["basic", "project"], "basic": ["total"]]))
        #expect(!Cells.isAcyclic(["a": ["a"]]))
        #expect(!Cells.isAcyclic(["a": ["b"], "b": ["c"], "c": ["a"], "d": []]))
    }
}
