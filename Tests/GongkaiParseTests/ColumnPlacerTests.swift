@testable import GongkaiParse
import Testing

/// Amounts placed in columns when PDF text dropped the empty cells.
@Suite struct ColumnPlacerTests {
    /// 表6: total, personnel (人员经费), public (公用经费); total = personnel + public.
    let placer = ColumnPlacer(
        columns: [.init(rank: 0, isAmount: true), .init(rank: 1, isAmount: true), .init(rank: 2, isAmount: true)],
        rules: [.init(of: 0, addends: [1, 2])], half: 50)

    /// 江汉 表6 with its 合计 printed as `total` (the classes add to 482.30):
    /// three classes whose vanished cells leave two amounts each.
    func table6(total: Int64) -> [ColumnPlacer.Row] {
        [
            .init(values: [total, 4_236_500_00, 586_500_00], parent: nil),
            .init(values: [3_329_100_00, 3_329_100_00], parent: 0),
            .init(values: [586_500_00, 586_500_00], parent: 0),
            .init(values: [907_400_00, 907_400_00], parent: 0),
        ]
    }

    @Test func aMisprintedTotalLeavesTheOtherSumsToPlaceTheAmounts() {
        // 合计 prints 462.30; 人员经费 and 公用经费 add up, and they alone
        // tell where 302's amounts go.
        let outcome = placer.place(table6(total: 4_623_000_00), tree: true)
        #expect(!outcome.inconsistent)
        #expect(outcome.placement[2] == [0, 2])
        #expect(outcome.placement[1] == [0, 1])
        #expect(outcome.unsatisfiable.map(\.row) == [0])
        #expect(outcome.unsatisfiable.map(\.column) == [0])
    }

    @Test func sumsThatPlacementsCanMeetAreKept() {
        // The same table printed right: nothing is left out.
        let outcome = placer.place(table6(total: 4_823_000_00), tree: true)
        #expect(outcome.unsatisfiable.isEmpty)
        #expect(outcome.placement[2] == [0, 2])
    }
}
