import Foundation
import GongkaiModel

/// How serious a finding is.
///
/// `rounding` and `discrepancy` are the two severities of the JSON contract
/// (DESIGN §3). `note` is not a reconciliation result but a fact about the
/// document (a canonical table it does not disclose); JSON writes notes in
/// their own `notes` array, never among `findings`, and they never make
/// `gongkai check` exit 1.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    /// Within what rounding in the published unit explains: |difference| ≤
    /// n × half a unit of the last published digit (`bound`).
    case rounding
    /// Beyond rounding.
    case discrepancy
    /// Severity-neutral: nothing is inconsistent (completeness).
    case note

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    private var rank: Int { self == .note ? 0 : self == .rounding ? 1 : 2 }
}

/// A number a finding is about: an amount, or a percentage stated in the
/// narrative.
public enum Quantity: Hashable, Sendable {
    case amount(Amount)
    /// A percentage, exact as far as it was computed (`Decimal`), and the
    /// number of decimals it is shown with.
    case percent(Decimal, decimals: Int)
}

/// One thing `gongkai check` found: data first, the message for people is
/// derived from it.
public struct Finding: Hashable, Sendable {
    /// The id of the rule that found it (`row-tree`, `narrative-change` …).
    public var rule: String
    public var severity: Severity
    /// The canonical table the checked figure is in; nil for findings about
    /// the narrative alone.
    public var table: Int?
    /// The row key of the checked figure (`total`, `20601`, `function.206`).
    public var row: String?
    /// The canonical column of the checked figure.
    public var column: String?
    /// The figure as published; nil when the cell is blank.
    public var published: Quantity?
    /// What it should be by the rule.
    public var expected: Quantity?
    /// `published − expected` (a blank published cell counts as 0).
    public var difference: Quantity?
    /// The rounding bound the difference was measured against, exactly: n ×
    /// half a unit of the last published digit, in 元 for amounts (0.015 for
    /// three figures published in 元, 150 for three in 万元), in percentage
    /// points for percentages.
    public var bound: Decimal?
    /// The number of rounded figures behind the bound (n).
    public var addends: Int?
    /// The source line of the checked figure.
    public var line: Int?
    /// The unit the message shows amounts in: the document's, or the one the
    /// narrative states a figure in (004 quotes its 元 tables in 万元).
    public var unit: SourceUnit?
    /// A one-line message for people, numbers in the document's unit:
    /// `表6 合计 total 462.30 ≠ Σ类 482.30 (万元)`.
    public var message: String

    public init(rule: String, severity: Severity, table: Int? = nil, row: String? = nil, column: String? = nil,
                published: Quantity? = nil, expected: Quantity? = nil, difference: Quantity? = nil,
                bound: Decimal? = nil, addends: Int? = nil, line: Int? = nil, unit: SourceUnit? = nil,
                message: String) {
        self.rule = rule
        self.severity = severity
        self.table = table
        self.row = row
        self.column = column
        self.published = published
        self.expected = expected
        self.difference = difference
        self.bound = bound
        self.addends = addends
        self.line = line
        self.unit = unit
        self.message = message
    }

    /// The published amount, if this finding is about amounts.
    public var publishedAmount: Amount? { if case .amount(let a)? = published { a } else { nil } }
    /// The expected amount, if this finding is about amounts.
    public var expectedAmount: Amount? { if case .amount(let a)? = expected { a } else { nil } }
    /// The difference, if this finding is about amounts.
    public var differenceAmount: Amount? { if case .amount(let a)? = difference { a } else { nil } }
}

/// n × half a unit of the last published digit (0.005 万元 or 0.005 元), the
/// most that rounding n published figures can move their sum. Exact: half a
/// 分 is not an `Amount`, so the bound is a `Decimal` of 元.
public struct RoundingBound: Hashable, Sendable {
    public var figures: Int
    public var unit: SourceUnit

    public init(figures: Int, unit: SourceUnit) {
        self.figures = max(1, figures)
        self.unit = unit
    }

    /// Half a unit of the last digit, in 元: 50 for 万元, 0.005 for 元.
    public static func half(_ unit: SourceUnit) -> Decimal {
        unit == .wanYuan ? 50 : Decimal(5) / 1000
    }

    /// The bound in 元.
    public var yuan: Decimal { Decimal(figures) * RoundingBound.half(unit) }

    /// Whether rounding explains `difference`.
    public func admits(_ difference: Amount) -> Bool {
        Decimal(difference.fen.magnitude) / 100 <= yuan
    }
}
