import Testing
import GongkaiModel
import GongkaiXLSX
@testable import GongkaiConvert

/// The plan's body and positions, held or made on demand.
@Suite struct SheetPlanTests {
    static let cell = SheetPlan.Cell(content: .blank, style: Styles.text)

    @Test func aMadeBodyMakesEachRowWhenReadAndHoldsWhatIsAssigned() {
        var made = 0
        var body = SheetBody(count: 3) { i in
            made += 1
            return [SheetPlan.Cell(content: .text("row \(i)"), style: Styles.text)]
        }
        #expect(body.count == 3)
        #expect(made == 0)
        guard case .text("row 2") = body[2][0].content else { Issue.record("row 2 is \(body[2][0].content)"); return }
        #expect(made == 1)
        body[1][0].content = .text("edited")
        guard case .text("edited") = body[1][0].content else { Issue.record("row 1 is \(body[1][0].content)"); return }
        guard case .text("row 0") = body[0][0].content else { Issue.record("row 0 is \(body[0][0].content)"); return }
        #expect(body.map(\.count) == [1, 1, 1])
    }

    @Test func aHeldBodyIsAnArray() {
        var body: SheetBody = [[Self.cell]]
        body.append([Self.cell, Self.cell])
        #expect(body.map(\.count) == [1, 2])
    }

    @Test func gridPositionsPutEachKeyOnItsLastRow() {
        var positions = SheetPositions(keys: ["total", "201", "20101", "201"], firstRow: 4,
                                       columns: [(id: "total", column: 2), (id: "basic", column: 3)])
        #expect(positions[.init(row: "total", column: "total")] == CellReference(row: 4, column: 2))
        #expect(positions[.init(row: "20101", column: "basic")] == CellReference(row: 6, column: 3))
        #expect(positions[.init(row: "201", column: "total")] == CellReference(row: 7, column: 2))
        #expect(positions[.init(row: "20101", column: "project")] == nil)
        #expect(positions[.init(row: "999", column: "total")] == nil)
        positions[.init(row: "note", column: "x")] = CellReference(row: 1, column: 1)
        let all = Dictionary(positions.map { ($0.key, $0.value) }, uniquingKeysWith: { a, b in
            Issue.record("a key listed twice: \(a), \(b)")
            return a
        })
        #expect(all.count == 3 * 2 + 1)
        #expect(all[.init(row: "201", column: "basic")] == CellReference(row: 7, column: 3))
        #expect(all[.init(row: "note", column: "x")] == CellReference(row: 1, column: 1))
    }
}
