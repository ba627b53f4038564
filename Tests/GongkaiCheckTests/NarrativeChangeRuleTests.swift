import Foundation
import Testing
import GongkaiCheck
import GongkaiModel

@Suite("narrative-change: 比上年减少 X 万元，下降 p% is consistent in itself")
struct NarrativeChangeRuleTests {
    let rule = NarrativeChangeRule()

    func percent(_ f: Finding?) -> (String?, String?, String?) {
        func s(_ q: Quantity?) -> String? {
            if case .percent(let v, let d)? = q { return "\(v.formatted(decimals: d))" } else { return nil }
        }
        return (s(f?.published), s(f?.expected), s(f?.difference))
    }

    @Test("000: the three percentages divided by this year, not by the base year (audit 000 #5–#7)")
    func sample000() throws {
        let f = findings(try Samples.document("000"), rule)
        #expect(f.count == 3)
        #expect(f.allSatisfy { $0.severity == .discrepancy && $0.table == nil })
        let byLine = Dictionary(uniqueKeysWithValues: f.map { ($0.line ?? 0, $0) })
        #expect(percent(byLine[109]) == ("14.34", "12.54", "1.80"))
        #expect(percent(byLine[129]) == ("51.66", "106.87", "-55.21"))
        #expect(percent(byLine[131]) == ("23.77", "19.20", "4.57"))
        #expect(byLine[109]?.message == "说明 第109行 14.34% ≠ 553.54 / (3,859.30 + 553.54) = 12.54%")
        #expect(byLine[129]?.message == "说明 第129行 51.66% ≠ 249.16 / (482.30 − 249.16) = 106.87%")
    }

    @Test("001: 下降 2.33% over 21225.47 and 增长 0% over an unchanged base are right")
    func sample001() throws {
        #expect(findings(try Samples.document("001"), rule).isEmpty)
    }

    @Test("silent on the repaired 000")
    func repaired() throws {
        #expect(findings(try Repaired.sample000(), rule).isEmpty)
    }

    @Test("a percent within what rounding the two amounts explains is rounding, not a discrepancy")
    func rounding() throws {
        // 1.00 / (10.00 − 1.00) = 11.111…%: 11.11 agrees; 11.12 is explained by rounding 1.00 and 9.00 to 0.01.
        let base = try Samples.document("002")
        #expect(findings(base.withNarrative(["支出 10.00 万元，比上年增加 1.00 万元，增长 11.11%。"]), rule).isEmpty)
        let f = findings(base.withNarrative(["支出 10.00 万元，比上年增加 1.00 万元，增长 11.12%。"]), rule)
        #expect(f.count == 1 && f.first?.severity == .rounding)
        let g = findings(base.withNarrative(["支出 10.00 万元，比上年增加 1.00 万元，增长 10.00%。"]), rule)
        #expect(g.count == 1 && g.first?.severity == .discrepancy)
    }

    @Test("statements without a percent, or whose base is not positive, are not checked")
    func unchecked() throws {
        let base = try Samples.document("002")
        #expect(findings(base.withNarrative([
            "财政拨款收支总预算 20730.23 万元，与 2023 年相比减少 495.24 万元，主要原因是…",
            "三公经费 0 万元，比上年增加 0 万元，增长 0%。",
            "经费 5 万元，比上年增加 5 万元，增长 100%。",
        ]), rule).isEmpty)
    }
}

extension Decimal {
    func formatted(decimals: Int) -> String {
        var v = self, r = Decimal()
        NSDecimalRound(&r, &v, decimals, .plain)
        var s = NSDecimalNumber(decimal: r).stringValue
        if decimals > 0 {
            if !s.contains(".") { s += "." }
            let have = s.split(separator: ".", omittingEmptySubsequences: false).last?.count ?? 0
            s += String(repeating: "0", count: max(0, decimals - have))
        }
        return s
    }
}
