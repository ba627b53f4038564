import Foundation
import GongkaiModel

/// A stated percentage checked against the amounts it is computed from.
///
/// `numerator / denominator × 100` is computed exactly (`Decimal`). The
/// statement agrees when that, rounded to the decimals stated, is the stated
/// percentage. Otherwise the finding is `rounding` when the stated
/// percentage is within what rounding explains — half a unit of its last
/// digit, widened by the range the percentage takes when each amount moves
/// by half a unit of its last digit (0.005 万元 or 0.005 元) — and
/// `discrepancy` beyond.
struct PercentCheck {
    var stated: StatedPercent
    var numerator: Amount
    var denominator: Amount
    /// Half a unit of the amounts' last digit, in 分.
    var half: Amount

    var exact: Decimal? {
        guard denominator != .zero else { return nil }
        return Decimal(numerator.fen) * 100 / Decimal(denominator.fen)
    }

    /// The exact percentage rounded to the stated decimals.
    var rounded: Decimal? { exact.map { PercentCheck.round($0, stated.decimals) } }

    var agrees: Bool { rounded == stated.value }

    /// How far from the exact value rounding can put the stated percentage.
    var bound: Decimal? {
        guard let exact, denominator.fen > half.fen else { return nil }
        let n = Decimal(numerator.fen), d = Decimal(denominator.fen), h = Decimal(half.fen)
        let low = (n - h) * 100 / (d + h), high = (n + h) * 100 / (d - h)
        let spread = max(abs(high - exact), abs(exact - low))
        return PercentCheck.halfUnit(stated.decimals) + spread
    }

    var severity: Severity {
        guard let exact, let bound else { return .discrepancy }
        return abs(stated.value - exact) <= bound ? .rounding : .discrepancy
    }

    func finding(rule: String, formula: String) -> Finding? {
        guard let exact, let rounded, rounded != stated.value else { return nil }
        let d = stated.decimals
        let where_ = stated.line.map { "说明 第\($0)行 " } ?? "说明 "
        let message = "\(where_)\(stated.text) ≠ \(formula) = \(PercentCheck.format(exact, d))%"
        return Finding(rule: rule, severity: severity, table: nil, row: nil, column: nil,
                       published: .percent(stated.value, decimals: d), expected: .percent(rounded, decimals: d),
                       difference: .percent(stated.value - rounded, decimals: d),
                       bound: bound.map { PercentCheck.round($0, d + 2) },
                       addends: 2, line: stated.line, message: message)
    }

    static func halfUnit(_ decimals: Int) -> Decimal {
        var h = Decimal(5)
        for _ in 0...decimals { h /= 10 }
        return h
    }

    /// `value` rounded half away from zero to `decimals`.
    static func round(_ value: Decimal, _ decimals: Int) -> Decimal {
        var v = value, r = Decimal()
        NSDecimalRound(&r, &v, decimals, .plain)
        return r
    }

    /// `value` with exactly `decimals` decimals: `12.50`.
    static func format(_ value: Decimal, _ decimals: Int) -> String {
        let r = round(value, decimals)
        var s = NSDecimalNumber(decimal: r).stringValue
        if decimals > 0 {
            if !s.contains(".") { s += "." }
            let have = s.split(separator: ".", omittingEmptySubsequences: false).last?.count ?? 0
            s += String(repeating: "0", count: max(0, decimals - have))
        }
        return s
    }
}
