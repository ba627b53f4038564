import GongkaiModel

/// A named reconciliation rule: one identity (or family of identities) a
/// disclosure must satisfy, checked on the model.
///
/// Each rule is a small type with a stable `id` (used in JSON, in the text
/// report and in the workbook's 校验 sheet), a one-line description and the
/// canonical tables it reads.
public protocol Rule: Sendable {
    /// The stable id: `row-tree`, `column-group`, `cross-table` …
    var id: String { get }
    /// One line saying what the rule checks.
    var summary: String { get }
    /// The canonical tables the rule reads (1–13).
    var tables: [Int] { get }
    /// Whether the rule reads the narrative (说明).
    var readsNarrative: Bool { get }
    /// The findings on `document`.
    func check(_ document: Document) -> [Finding]
}

extension Rule {
    public var readsNarrative: Bool { false }
}

/// Runs a set of rules over a document.
public struct Checker: Sendable {
    public var rules: [any Rule]

    public init(rules: [any Rule] = Checker.standardRules) {
        self.rules = rules
    }

    /// Every rule gongkai knows, in report order.
    public static let standardRules: [any Rule] = [
        RowTreeRule(),
        ColumnGroupRule(),
        ItemSumRule(),
        LineSumRule(),
        PanelRule(),
        CrossTableRule(),
        NarrativeFigureRule(),
        NarrativeShareRule(),
        NarrativeChangeRule(),
        NarrativeSumRule(),
        PerformanceFormRule(),
        CompletenessRule(),
    ]

    /// The rule with `id`.
    public static func rule(_ id: String) -> (any Rule)? {
        standardRules.first { $0.id == id }
    }

    /// Checks `document` against every rule.
    public func check(_ document: Document) -> Report {
        var findings: [Finding] = []
        for rule in rules { findings += rule.check(document) }
        return Report(document: document, findings: findings)
    }
}

/// The findings on one document.
public struct Report: Sendable {
    public var document: Document
    /// Every finding, notes included, in a stable order: by table (the
    /// narrative last), then line, rule, row and column.
    public var findings: [Finding]

    public init(document: Document, findings: [Finding]) {
        self.document = document
        self.findings = findings.sorted(by: Report.order)
    }

    /// Findings with severity `rounding` or `discrepancy`.
    public var reconciliation: [Finding] { findings.filter { $0.severity != .note } }
    /// Severity-neutral notes (completeness).
    public var notes: [Finding] { findings.filter { $0.severity == .note } }
    /// Whether anything goes beyond rounding (`gongkai check` exits 1).
    public var hasDiscrepancies: Bool { findings.contains { $0.severity == .discrepancy } }

    /// The number of findings per rule and severity.
    public var counts: [String: [Severity: Int]] {
        var result: [String: [Severity: Int]] = [:]
        for f in findings { result[f.rule, default: [:]][f.severity, default: 0] += 1 }
        return result
    }

    static func order(_ a: Finding, _ b: Finding) -> Bool {
        let ta = a.table ?? 99, tb = b.table ?? 99
        if ta != tb { return ta < tb }
        let la = a.line ?? Int.max, lb = b.line ?? Int.max
        if la != lb { return la < lb }
        if a.rule != b.rule { return a.rule < b.rule }
        if (a.row ?? "") != (b.row ?? "") { return (a.row ?? "") < (b.row ?? "") }
        if (a.column ?? "") != (b.column ?? "") { return (a.column ?? "") < (b.column ?? "") }
        return a.message < b.message
    }
}
