import Foundation
import GongkaiModel

/// One difference between two documents, as data.
///
/// `kind` follows DESIGN §3: `changed` (one per cell), `added` / `removed` /
/// `renamed` (one per row), `status` (one per table), plus `recoded` (a
/// project matched by name whose code differs: codes carry the year) and
/// `metadata` (district, department, year).
///
/// 表13 changes name their `form` (and `indicator`): a form added, removed
/// or renamed; a field, a 部门总体资金情况 / 项目支出情况 figure or a goal
/// changed (`formField`); an indicator added or removed; an indicator's value
/// changed (`indicatorValue`).
public struct Change: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case changed, added, removed, renamed, recoded, status, metadata
    }

    /// What changed, with the two sides.
    public enum Detail: Hashable, Sendable {
        /// An amount cell. A blank cell is nil (a blank is not 0).
        case amount(column: String, a: Amount?, b: Amount?)
        /// A text cell (项目单位, 情况说明 …).
        case text(column: String, a: String?, b: String?)
        /// A row only B has, with its cells.
        indirect case added(values: [String: Amount], texts: [String: String])
        /// A row only A has, with its cells.
        indirect case removed(values: [String: Amount], texts: [String: String])
        /// The same row (same key) under another name.
        case renamed(a: String, b: String)
        /// The same project (same name) under another code: A's key, B's key.
        case recoded(a: String, b: String)
        /// A table disclosed, empty or absent.
        case status(a: TableStatus, b: TableStatus)
        /// A document field: `district`, `department`, `year`, `kind`.
        case metadata(field: String, a: String?, b: String?)
        /// A 表13 form only B has, with its budget (当年预算, or the 整体
        /// form's 合计) and its number of indicators.
        case formAdded(budget: Amount?, indicators: Int)
        /// A 表13 form only A has.
        case formRemoved(budget: Amount?, indicators: Int)
        /// A value of a form: a field (`field` its key, `label:<label>` for a
        /// field gongkai has no key for), a figure of 部门总体资金情况
        /// (`funding.<row>.<column>`) or 项目支出情况 (`projects.<name>.<column>`),
        /// a goal (`goal.<term>.<n>`). `label` as B prints it (A's when B has
        /// none); texts as printed, amounts in 元 where the value is one.
        indirect case formField(field: String, label: String, a: String?, b: String?, amountA: Amount?, amountB: Amount?)
        /// A form field whose label is printed differently (`项目负责人` → `负责人`).
        case formFieldRenamed(field: String, a: String, b: String)
        /// An indicator only B's form has.
        indirect case indicatorAdded(Indicator)
        /// An indicator only A's form has.
        indirect case indicatorRemoved(Indicator)
        /// An indicator's value: `column` is `value` (指标值 / 预期当年实现值),
        /// `lastYear` or `yearBefore`, as the form's columns are captioned.
        case indicatorValue(column: String, a: String?, b: String?)
    }

    /// The 表13 form a change is about: its kind and name (B's, or A's when
    /// B has none) and its unit, when it says.
    public struct FormRef: Hashable, Sendable {
        public var kind: PerformanceForm.Kind
        public var name: String
        public var unit: String?

        public init(kind: PerformanceForm.Kind, name: String, unit: String? = nil) {
            self.kind = kind
            self.name = name
            self.unit = unit
        }

        /// `整体：武汉市…局`, `项目：科技管理工作经费`.
        public var label: String { (kind == .overall ? "整体：" : "项目：") + name }
    }

    /// The indicator a 表13 change is about, as printed (B's, or A's).
    public struct IndicatorRef: Hashable, Sendable {
        public var level1: String
        public var level2: String
        public var name: String
        public var term: GoalTerm?

        public init(_ indicator: Indicator) {
            level1 = indicator.level1
            level2 = indicator.level2
            name = indicator.name
            term = indicator.term
        }

        /// `产出指标 / 数量指标 / 新增技改项目`, with `（长期）` or `（年度）` when the form says.
        public var label: String {
            [level1, level2, name].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " / ")
                + (term.map { $0 == .longTerm ? "（长期）" : "（年度）" } ?? "")
        }
    }

    /// The canonical table, nil for metadata.
    public var table: Int?
    /// The row key: B's, or A's for a removed row.
    public var row: String?
    /// The row's name: B's, or A's for a removed row.
    public var name: String?
    /// The row's classification code, when it has one.
    public var code: String?
    public var detail: Detail
    /// The 表13 form of a form change.
    public var form: FormRef? {
        get { formBox?.value }
        set { formBox = newValue.map(OutOfLine.init) }
    }
    /// The indicator of an indicator change.
    public var indicator: IndicatorRef? {
        get { indicatorBox?.value }
        set { indicatorBox = newValue.map(OutOfLine.init) }
    }
    // Out of line: most changes are cells, and a diff of a million rows holds
    // hundreds of thousands of them (the rare cases are `indirect` for the same reason).
    private var formBox: OutOfLine<FormRef>?
    private var indicatorBox: OutOfLine<IndicatorRef>?

    public init(table: Int?, row: String? = nil, name: String? = nil, code: String? = nil, detail: Detail,
                form: FormRef? = nil, indicator: IndicatorRef? = nil) {
        self.table = table
        self.row = row
        self.name = name
        self.code = code
        self.detail = detail
        self.formBox = form.map(OutOfLine.init)
        self.indicatorBox = indicator.map(OutOfLine.init)
    }

    public var kind: Kind {
        switch detail {
        case .amount, .text, .formField, .indicatorValue: .changed
        case .added, .formAdded, .indicatorAdded: .added
        case .removed, .formRemoved, .indicatorRemoved: .removed
        case .renamed, .formFieldRenamed: .renamed
        case .recoded: .recoded
        case .status: .status
        case .metadata: .metadata
        }
    }

    /// The column of a cell change.
    public var column: String? {
        switch detail {
        case .amount(let c, _, _), .text(let c, _, _), .indicatorValue(let c, _, _): c
        case .formField(let field, _, _, _, _, _), .formFieldRenamed(let field, _, _): field
        default: nil
        }
    }

    /// B − A for an amount cell, a blank counting as 0; nil when it overflows
    /// or for other kinds of change.
    public var delta: Amount? {
        switch detail {
        case .amount(_, let a, let b): return (b ?? .zero).subtracting(a ?? .zero)
        case .formField(_, _, _, _, let a, let b) where a != nil || b != nil: return (b ?? .zero).subtracting(a ?? .zero)
        default: return nil
        }
    }

    /// A's amount of an amount cell or form figure.
    public var amountA: Amount? {
        switch detail {
        case .amount(_, let a, _), .formField(_, _, _, _, let a, _): a
        default: nil
        }
    }

    /// The change relative to A, for an amount cell whose A is published and
    /// not zero.
    public var percent: Percent? {
        guard let a = amountA, a != .zero, let delta else { return nil }
        return Percent(delta, of: a)
    }

    /// The size of the change, for ordering: |Δ| of a cell, the largest
    /// magnitude of an added or removed row's cells.
    public var magnitude: Amount {
        switch detail {
        case .amount: return delta?.magnitude ?? Amount(fen: .max)
        case .formField: return delta?.magnitude ?? .zero
        case .formAdded(let budget, _), .formRemoved(let budget, _): return budget?.magnitude ?? .zero
        case .added(let values, _), .removed(let values, _):
            return values.values.compactMap(\.magnitude).max() ?? .zero
        default: return .zero
        }
    }
}

/// A value kept on the heap, compared and hashed by value.
final class OutOfLine<Value: Hashable & Sendable>: Hashable, Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
    static func == (a: OutOfLine, b: OutOfLine) -> Bool { a.value == b.value }
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// A percentage held exactly, in hundredths of a percent (`1000` is 10.00%),
/// rounded half away from zero.
public struct Percent: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var hundredths: Int64

    public init(hundredths: Int64) { self.hundredths = hundredths }

    /// `part / whole × 100`, rounded to 0.01 %.
    public init(_ part: Amount, of whole: Amount) {
        let (scaled, overflow) = part.fen.multipliedReportingOverflow(by: 20_000)
        if !overflow, whole.fen != 0 {
            // round(part × 10000 / whole) = (2 · part × 10000 / whole ± 1) / 2, truncating.
            let q = scaled / whole.fen
            hundredths = q >= 0 ? (q + 1) / 2 : (q - 1) / 2
        } else {
            let v = (Double(part.fen) / Double(whole.fen) * 10_000).rounded(.toNearestOrAwayFromZero)
            hundredths = v.isFinite ? Int64(max(min(v, 9e18), -9e18)) : 0
        }
    }

    public static func < (a: Percent, b: Percent) -> Bool { a.hundredths < b.hundredths }

    /// `10.00`, `-14.34` (no sign for positive, no % sign).
    public var description: String {
        let negative = hundredths < 0
        let m = hundredths.magnitude
        let fraction = String(m % 100)
        return (negative ? "-" : "") + String(m / 100) + "." + (fraction.count == 1 ? "0" + fraction : fraction)
    }

    /// `+10.00%`, `-14.34%`.
    public var signed: String { (hundredths > 0 ? "+" : "") + description + "%" }

    /// The value as a JSON number: `10.0`, `-14.34`.
    public var json: String {
        var s = description
        while s.hasSuffix("0"), !s.hasSuffix(".0") { s.removeLast() }
        return s
    }
}
