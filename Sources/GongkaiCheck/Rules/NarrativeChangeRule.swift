import Foundation
import GongkaiModel

/// `narrative-change`: a statement of change is consistent in itself:
/// in `总预算 3859.30 万元，比 2019 年预算减少 553.54 万元，下降 14.34%` the
/// percent is the change over the base year's figure, and the base is this
/// year's figure ∓ the change (3859.30 + 553.54 = 4412.84, so 12.54%).
///
/// The figure is the nearest amount stated before the change in the same
/// paragraph; the change is an amount after 比/较/与 … 增加/减少; the percent
/// follows it directly (`，下降 14.34%`). Statements without a percent, or
/// whose base is not positive, are not checked.
public struct NarrativeChangeRule: Rule {
    public let id = "narrative-change"
    public let summary = "比上年增加/减少 X 万元，增长/下降 p%: p = X / (this year ∓ X)"
    public let tables: [Int] = []
    public var readsNarrative: Bool { true }

    public init() {}

    static let decrease = ["减少", "下降", "降低", "减"]
    static let increase = ["增加", "增长", "上升", "提高", "增"]

    public func check(_ document: Document) -> [Finding] {
        let s = Statements(document.narrative)
        var findings: [Finding] = []
        for percent in s.percents {
            // The change amount right before: `减少 553.54 万元，下降 14.34%`.
            guard let change = s.amount(endingBefore: percent.range.lowerBound) else { continue }
            let between = s.prose.string(change.range.upperBound..<percent.range.lowerBound)
            guard between.range(of: #"^[，,\s]*(增长|下降|增加|减少|上升|降低|提高)了?\s*(幅度为|幅度|为)?\s*$"#,
                                options: .regularExpression) != nil else { continue }
            let label = change.label
            guard ["比", "较", "与", "同比"].contains(where: label.contains) else { continue }
            let down: Bool
            if Self.decrease.contains(where: label.contains) { down = true }
            else if Self.increase.contains(where: label.contains) { down = false }
            else { continue }
            // This year's figure: the nearest stated amount before the change, same paragraph.
            guard let subject = s.amounts.last(where: {
                $0.range.upperBound <= change.range.lowerBound && !$0.isChange(year: document.year)
            }), !s.prose.string(subject.range.upperBound..<change.range.lowerBound).contains("\n") else { continue }
            guard let base = down ? subject.amount.adding(change.amount) : subject.amount.subtracting(change.amount),
                  base.fen > 0 else { continue }
            let check = PercentCheck(stated: percent, numerator: change.amount, denominator: base,
                                     half: change.unit.halfLastDigit)
            let unit = subject.unit
            let formula = "\(change.amount.formatted(in: unit)) / (\(subject.amount.formatted(in: unit)) \(down ? "+" : "−") \(change.amount.formatted(in: unit)))"
            if let f = check.finding(rule: id, formula: formula) { findings.append(f) }
        }
        return findings
    }
}
