import Foundation
import Testing
import GongkaiCheck
import GongkaiModel

/// One rule decides severity for all: rounding when |difference| ≤ n × half
/// a unit of the last published digit.
@Suite("severity: n × half a unit of the last published digit")
struct SeverityTests {
    /// A 合计 over `n` 类 of 1.00 each, published as `total`.
    func tree(_ n: Int, total: String, unit: SourceUnit = .wanYuan) -> [Finding] {
        let one = unit == .wanYuan ? "1.00" : "1.00"
        var rows: [(String, RowKind, [String: String])] = [("total", .total, ["total": total])]
        for i in 0..<n { rows.append((String(201 + i), .classification, ["total": one])) }
        return findings(document([table(3, columns: ["total"], rows: rows, unit: unit)], unit: unit), RowTreeRule())
    }

    @Test("万元: 5 addends allow 0.025 万元", arguments: [
        ("5.02", Severity.rounding), ("4.98", .rounding), ("5.03", .discrepancy), ("4.97", .discrepancy),
    ])
    func wanYuan(_ total: String, _ severity: Severity) {
        let f = tree(5, total: total)
        #expect(f.count == 1 && f.first?.severity == severity)
        #expect(f.first?.bound == 250)  // 元
        #expect(f.first?.addends == 5)
    }

    @Test("one addend allows half a unit only: 0.01 is a discrepancy")
    func single() {
        #expect(tree(1, total: "1.01").first?.severity == .discrepancy)
    }

    @Test("元: the bound is 0.005 元 per addend (half a 分): 0.01 over one addend is a discrepancy, over two rounding")
    func yuan() {
        #expect(tree(1, total: "1.01", unit: .yuan).first?.severity == .discrepancy)
        let f = tree(2, total: "2.01", unit: .yuan)
        #expect(f.first?.severity == .rounding)
        #expect(f.first?.bound == Decimal(string: "0.01"))
        #expect(tree(2, total: "2.02", unit: .yuan).first?.severity == .discrepancy)
        let three = tree(3, total: "2.99", unit: .yuan)
        #expect(three.first?.severity == .rounding)
        #expect(three.first?.bound == Decimal(string: "0.015"))
        #expect(tree(3, total: "2.98", unit: .yuan).first?.severity == .discrepancy)
    }

    @Test("equal is silent")
    func equal() {
        #expect(tree(3, total: "3.00").isEmpty)
    }
}
