@testable import GongkaiParse
import Testing

/// Amounts placed in columns when PDF text dropped the empty cells.
@Suite struct ColumnPlacerTests {
    /// A total and its two parts, with `half` the rounding allowance (half
    /// the last printed digit): 表6's personnel (人员经费) and public
    /// (公用经费), 表3's basic (基本支出) and project (项目支出).
    static func totalOfTwo(half: Int64 = 50) -> ColumnPlacer {
        ColumnPlacer(columns: [.init(rank: 0, isAmount: true), .init(rank: 1, isAmount: true), .init(rank: 2, isAmount: true)],
                     rules: [.init(of: 0, addends: [1, 2])], half: half)
    }

    /// 表6: total = personnel + public.
    let placer = ColumnPlacerTests.totalOfTwo()

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
        let placer = Self.totalOfTwo(half: 5_000)
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
        let placer = Self.totalOfTwo(half: 5_000)
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

    /// 表3: total = basic + project.
    let expenditure = ColumnPlacerTests.totalOfTwo()

    /// A 项 of one kind of spending prints `t t`: basic or project, either
    /// fits its own row. Sixteen of them under two 款 make 65,536
    /// placements; only the 款 sums decide, each 款 on its own.
    @Test func theSubtotalsOfEachKuanDecideAmongManyPlacements() {
        // 20101: 1, 4, 8, 64 basic and 2, 16, 32, 128 project (元): 77.00 + 178.00.
        // 20102: 3, 10, 40, 320 basic and 5, 20, 80, 160 project: 373.00 + 265.00.
        let first: [Int64] = [1, 2, 4, 8, 16, 32, 64, 128]
        let second: [Int64] = [3, 5, 10, 20, 40, 80, 160, 320]
        let basic: Set<Int64> = [1, 4, 8, 64, 3, 10, 40, 320]
        var rows: [ColumnPlacer.Row] = [
            .init(values: [893_00, 450_00, 443_00], parent: nil),  // 合计
            .init(values: [893_00, 450_00, 443_00], parent: 0),  // 201
            .init(values: [255_00, 77_00, 178_00], parent: 1),  // 20101
        ]
        rows += first.map { .init(values: [$0 * 100, $0 * 100], parent: 2) }
        rows.append(.init(values: [638_00, 373_00, 265_00], parent: 1))  // 20102
        rows += second.map { .init(values: [$0 * 100, $0 * 100], parent: 11) }
        let outcome = expenditure.place(rows, tree: true)
        #expect(!outcome.inconsistent)
        #expect(outcome.ambiguous.isEmpty)
        #expect(outcome.decided.count == 16)
        for (r, yuan) in zip(Array(3...10) + Array(12...19), first + second) {
            #expect(outcome.placement[r] == (basic.contains(yuan) ? [0, 1] : [0, 2]), "项 of \(yuan) 元")
        }
    }

    /// Three 项 of 1.00 under a 款 of 2.00 basic and 1.00 project: any one of
    /// them may be the project. The catalog's order places the first two in
    /// basic, and the doubt is reported on the rows that could change.
    @Test func placementsTheSumsCannotTellApartAreReported() {
        let rows: [ColumnPlacer.Row] = [
            .init(values: [3_00, 2_00, 1_00], parent: nil),  // 20101
            .init(values: [1_00, 1_00], parent: 0),
            .init(values: [1_00, 1_00], parent: 0),
            .init(values: [1_00, 1_00], parent: 0),
        ]
        let outcome = expenditure.place(rows, tree: true)
        #expect(!outcome.inconsistent)
        #expect(outcome.placement[1] == [0, 1])
        #expect(outcome.placement[2] == [0, 1])
        #expect(outcome.placement[3] == [0, 2])
        #expect(outcome.ambiguous == [2, 3])
    }

    /// 类 rows that each print one kind of spending fit either column with
    /// their whole subtree, so only 合计 tells them apart. Forty 类 of
    /// 1,001.00 to 1,040.00 元 under a 合计 whose basic is 20,610.00: only
    /// the last twenty add up to it (any other twenty add to less), one of
    /// C(40, 20) ways to choose twenty, which a search row by row from the
    /// preferred placements does not reach.
    @Test func aTotalDecidesAmongClassesWhoseSubtreesFitEitherWay() {
        var rows: [ColumnPlacer.Row] = [.init(values: [0, 0, 0], parent: nil)]
        var basic: Int64 = 0, total: Int64 = 0
        for k in 1...40 {
            let yuan = 1_000 + Int64(k)
            total += yuan
            if k > 20 { basic += yuan }
            let c = rows.count
            rows.append(.init(values: [yuan * 100, yuan * 100], parent: 0))  // 类
            rows.append(.init(values: [yuan * 100, yuan * 100], parent: c))  // its only 款
        }
        rows[0].values = [total * 100, basic * 100, (total - basic) * 100]
        #expect(basic == 20_610)
        let outcome = expenditure.place(rows, tree: true)
        #expect(!outcome.inconsistent)
        #expect(outcome.ambiguous.isEmpty)
        for k in 1...40 {
            let expected = k > 20 ? [0, 1] : [0, 2]
            #expect(outcome.placement[2 * k - 1] == expected)
            #expect(outcome.placement[2 * k] == expected)
        }
    }

    /// The same three 项 when another table says the second one is project
    /// (表5 for the same code): that placement comes first, and the sums,
    /// which fit it, still cannot tell the others apart, so the doubt stays.
    @Test func anotherTablesColumnsComeFirstAmongPlacementsThatFit() {
        var rows: [ColumnPlacer.Row] = [
            .init(values: [3_00, 2_00, 1_00], parent: nil),  // 20101
            .init(values: [1_00, 1_00], parent: 0),
            .init(values: [1_00, 1_00], parent: 0),
            .init(values: [1_00, 1_00], parent: 0),
        ]
        rows[2].hint = [2]
        let outcome = expenditure.place(rows, tree: true)
        #expect(outcome.placement[1] == [0, 1])
        #expect(outcome.placement[2] == [0, 2])
        #expect(outcome.placement[3] == [0, 1])
        #expect(!outcome.ambiguous.isEmpty)

        // A hint the sums refute is not followed: 20101 has no project.
        var basicOnly: [ColumnPlacer.Row] = [
            .init(values: [2_00, 2_00], parent: nil),
            .init(values: [1_00, 1_00], parent: 0),
            .init(values: [1_00, 1_00], parent: 0),
        ]
        basicOnly[0].hint = [1]
        basicOnly[1].hint = [2]
        let refuted = expenditure.place(basicOnly, tree: true)
        #expect(!refuted.inconsistent)
        #expect(refuted.placement[1] == [0, 1])
        #expect(refuted.placement[2] == [0, 1])
    }
}
