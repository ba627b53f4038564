import GongkaiModel

/// `narrative-sum`: a figure the narrative breaks down (`其中` / `包括`) is not
/// exceeded by its parts, and equals them when they are a complete family
/// (人员经费 + 公用经费 = 基本支出; 货物 + 工程 + 服务 = 政府采购). See
/// `Enumeration` for how the whole and the parts are found. Parts that fall
/// short of the whole are not a finding unless the family is complete: a
/// breakdown may name only the main items.
public struct NarrativeSumRule: Rule {
    public let id = "narrative-sum"
    public let summary = "X 万元，其中 a + b …: the parts do not exceed X (and make it up when they are 人员/公用, 货物/工程/服务)"
    public let tables: [Int] = []
    public var readsNarrative: Bool { true }

    public init() {}

    public func check(_ document: Document) -> [Finding] {
        let s = Statements(document.narrative)
        var findings: [Finding] = []
        for e in Enumeration.all(in: s, year: document.year) {
            guard let sum = Amount.sum(e.parts.map(\.amount)), let difference = e.whole.subtracting(sum),
                  difference != .zero else { continue }
            if !e.isComplete, difference.fen > 0 { continue }
            let n = e.parts.count
            let bound = RoundingBound(figures: n, unit: e.wholeUnit)
            let severity: Severity = bound.admits(difference) ? .rounding : .discrepancy
            let unit = e.wholeUnit
            let parts = e.parts.map { "\($0.label) \($0.amount.formatted(in: unit))" }.joined(separator: " + ")
            let relation = e.isComplete ? "≠" : "<"
            let where_ = e.line.map { "说明 第\($0)行 " } ?? "说明 "
            let message = "\(where_)\(e.whole.formatted(in: unit)) \(relation) 其中 \(parts) = \(sum.formatted(in: unit)) (\(unit.rawValue))"
            findings.append(Finding(rule: id, severity: severity, table: nil, row: nil, column: nil,
                                    published: .amount(e.whole), expected: .amount(sum), difference: .amount(difference),
                                    bound: bound.yuan, addends: n, line: e.line, unit: unit, message: message))
        }
        return findings
    }
}
