import Foundation
import GongkaiModel

/// `narrative-share`: a share the narrative states (`基本支出 482.30 万元，
/// 占 12.50%`) is the figure over the whole it is part of.
///
/// The whole is the figure the enumeration hangs from (`支出 3859.30 万元，
/// 其中：…`), else the department's total (表1 收入总计 / 支出总计, 表3 合计,
/// 表5 合计). The share agrees if it is explained by the narrative's own
/// figures or by the tables' (a wrong figure beside a right share is the
/// `narrative` rule's finding, not this one's).
public struct NarrativeShareRule: Rule {
    public let id = "narrative-share"
    public let summary = "X 万元，占 p%: p = X / the whole it is part of"
    public let tables = [1, 3, 5]
    public var readsNarrative: Bool { true }

    public init() {}

    public func check(_ document: Document) -> [Finding] {
        let s = Statements(document.narrative)
        let enumerations = Enumeration.all(in: s, year: document.year)
        var findings: [Finding] = []
        let lookup = CellLookup(document)
        let totals: [Cell] = [
            Cell.panel(document, table: 1, row: "income.total"), Cell.panel(document, table: 1, row: "expenditure.total"),
            lookup.cell(table: 3, row: "total", column: "total"), lookup.cell(table: 5, row: "total", column: "total"),
        ].compactMap { $0 }.filter { $0.amount != nil }
        for percent in s.percents {
            guard let part = s.amount(endingBefore: percent.range.lowerBound) else { continue }
            let between = s.prose.string(part.range.upperBound..<percent.range.lowerBound)
            guard between.range(of: #"^[，,\s]*(占比|占)(的)?\s*(为)?\s*$"#, options: .regularExpression) != nil else { continue }
            var wholes: [Amount] = []
            if let e = enumerations.first(where: { $0.parts.contains { $0.range == part.range } }) { wholes.append(e.whole) }
            wholes += totals.compactMap(\.amount)
            var parts = [part.amount]
            if !part.isChange(year: document.year), let target = Target.of(label: part.label, in: lookup) {
                parts += target.cells.compactMap(\.amount)
            }
            let checks = wholes.flatMap { w in parts.map { PercentCheck(stated: percent, numerator: $0, denominator: w, half: part.unit.halfLastDigit) } }
                .filter { $0.exact != nil }
            guard let first = checks.first, !checks.contains(where: \.agrees) else { continue }
            let unit = part.unit
            let formula = "\(part.label) \(first.numerator.formatted(in: unit)) / \(first.denominator.formatted(in: unit))"
            if let f = first.finding(rule: id, formula: formula) { findings.append(f) }
        }
        return findings
    }
}
