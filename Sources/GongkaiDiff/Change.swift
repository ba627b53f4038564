import GongkaiModel

/// One difference between two documents, as data.
///
/// `kind` follows DESIGN §3: `changed` (one per cell), `added` / `removed` /
/// `renamed` (one per row), `status` (one per table), plus `recoded` (a
/// project matched by name whose code differs: codes carry the year) and
/// `metadata` (district, department, year).
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
        case added(values: [String: Amount], texts: [String: String])
        /// A row only A has, with its cells.
        case removed(values: [String: Amount], texts: [String: String])
        /// The same row (same key) under another name.
        case renamed(a: String, b: String)
        /// The same project (same name) under another code: A's key, B's key.
        case recoded(a: String, b: String)
        /// A table disclosed, empty or absent.
        case status(a: TableStatus, b: TableStatus)
        /// A document field: `district`, `department`, `year`, `kind`.
        case metadata(field: String, a: String?, b: String?)
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

    public init(table: Int?, row: String? = nil, name: String? = nil, code: String? = nil, detail: Detail) {
        self.table = table
        self.row = row
        self.name = name
        self.code = code
        self.detail = detail
    }

    public var kind: Kind {
        switch detail {
        case .amount, .text: .changed
        case .added: .added
        case .removed: .removed
        case .renamed: .renamed
        case .recoded: .recoded
        case .status: .status
        case .metadata: .metadata
        }
    }

    /// The column of a cell change.
    public var column: String? {
        switch detail {
        case .amount(let c, _, _), .text(let c, _, _): c
        default: nil
        }
    }

    /// B − A for an amount cell, a blank counting as 0; nil when it overflows
    /// or for other kinds of change.
    public var delta: Amount? {
        guard case .amount(_, let a, let b) = detail else { return nil }
        return (b ?? .zero).subtracting(a ?? .zero)
    }

    /// The change relative to A, for an amount cell whose A is published and
    /// not zero.
    public var percent: Percent? {
        guard case .amount(_, let a?, _) = detail, a != .zero, let delta else { return nil }
        return Percent(delta, of: a)
    }

    /// The size of the change, for ordering: |Δ| of a cell, the largest
    /// magnitude of an added or removed row's cells.
    public var magnitude: Amount {
        switch detail {
        case .amount: return delta?.magnitude ?? Amount(fen: .max)
        case .added(let values, _), .removed(let values, _):
            return values.values.compactMap(\.magnitude).max() ?? .zero
        default: return .zero
        }
    }
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
