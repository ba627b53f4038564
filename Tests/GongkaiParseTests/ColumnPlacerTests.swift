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
    /// 江汉 表6 in 万元 (half a unit of the last digit: 50 元): 邮电费 0.01
    /// fits 人员经费 within the rounding of 302's parts as well as 公用经费,
    /// but only 公用经费 makes 302's 4.05 hold to the 分.
    @Test func aPlacementWhoseSumsHoldExactlyWinsOverOneWithinRounding() {
        let placer = ColumnPlacer(columns: placer.columns, rules: placer.rules, half: 5_000)
        let rows: [ColumnPlacer.Row] = [
            .init(values: [14_050_000, 10_000_000, 4_050_000], parent: nil),  // 合计
            .init(values: [10_000_000, 10_000_000], parent: 0),  // 301
            .init(values: [10_000_000, 10_000_000], parent: 1),  // 30101
            .init(values: [4_050_000, 4_050_000], parent: 0),  // 302
            .init(values: [4_040_000, 4_040_000], parent: 3),  // 30201 办公费
            .init(values: [10_000, 10_000], parent: 3),  // 30207 邮电费
        ]
        let outcome = placer.place(rows, tree: true)
        #expect(!outcome.inconsistent)
        #expect(outcome.placement[3] == [0, 2])
        #expect(outcome.placement[4] == [0, 2])
        #expect(outcome.placement[5] == [0, 2])
        #expect(outcome.ambiguous.isEmpty)
    }

    @Test func roundingIsAllowedWhereNoPlacementHoldsExactly() {
        // 302 prints 4.05 over parts printed 2.00, 2.03 and 0.01: no placement
        // makes it hold to the 分, so the rounding is allowed, 邮电费 fits
        // either column, the catalog's order decides and the doubt is reported.
        let placer = ColumnPlacer(columns: placer.columns, rules: placer.rules, half: 5_000)
        let rows: [ColumnPlacer.Row] = [
            .init(values: [14_050_000, 10_000_000, 4_050_000], parent: nil),  // 合计
            .init(values: [10_000_000, 10_000_000], parent: 0),  // 301
            .init(values: [4_050_000, 4_050_000], parent: 0),  // 302
            .init(values: [2_000_000, 2_000_000], parent: 2),  // 30201 办公费
            .init(values: [2_030_000, 2_030_000], parent: 2),  // 30202 印刷费
            .init(values: [10_000, 10_000], parent: 2),  // 30207 邮电费
        ]
        let outcome = placer.place(rows, tree: true)
        #expect(!outcome.inconsistent)
        #expect(outcome.placement[2] == [0, 2])
        #expect(outcome.placement[3] == [0, 2])
        #expect(outcome.placement[4] == [0, 2])
        #expect(outcome.placement[5] == [0, 1])
        #expect(outcome.ambiguous == [5])
    }
}
