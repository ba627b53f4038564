import GongkaiModel

/// The differences between two documents, as data: what `gongkai diff`
/// reports, before any rendering.
///
/// Amounts are compared in 元, whatever units the documents were published
/// in. A cell present on one side only is a change (a blank is not 0); a cell
/// present on both sides is a change when the amounts differ by more than
/// the tolerance. The 表13 forms are compared by `FormDiff`.
public struct DocumentDiff: Sendable {
    /// Why two documents cannot be compared.
    public struct Incomparable: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public let alignment: Alignment
    public var a: Document { alignment.a }
    public var b: Document { alignment.b }
    public let tolerance: Amount
    /// Metadata first, then by table id; within a table in merged row order
    /// and catalog column order.
    public let changes: [Change]

    /// Whether the documents are the same (within the tolerance).
    public var isEmpty: Bool { changes.isEmpty }

    /// Compares `a` with `b`.
    ///
    /// - Throws: `Incomparable` when the documents are of different kinds
    ///   (a budget and a final account).
    /// - Complexity: O(*n* · *c*) for *n* rows of at most *c* cells.
    public init(_ a: Document, _ b: Document, tolerance: Amount = .zero) throws {
        guard a.kind == b.kind else {
            throw Incomparable(description: "cannot compare a \(a.kind) document with a \(b.kind) document")
        }
        self.init(alignment: Alignment(a, b), tolerance: tolerance)
    }

    /// The changes of an alignment.
    public init(alignment: Alignment, tolerance: Amount = .zero) {
        self.alignment = alignment
        self.tolerance = tolerance.magnitude ?? .zero
        var changes: [Change] = []
        let a = alignment.a, b = alignment.b
        func meta(_ field: String, _ x: String?, _ y: String?) {
            if x != y { changes.append(Change(table: nil, detail: .metadata(field: field, a: x, b: y))) }
        }
        meta("district", a.district, b.district)
        meta("department", a.department, b.department)
        meta("year", a.year.map(String.init), b.year.map(String.init))
        for t in alignment.tables {
            Self.compare(t, a.table(t.id), b.table(t.id), tolerance: self.tolerance, into: &changes)
            if t.id == 13 {
                changes += FormDiff.changes(alignment.forms, a.table(13).forms, b.table(13).forms, tolerance: self.tolerance)
            }
        }
        self.changes = changes
    }

    static func compare(_ t: Alignment.TableAlignment, _ ta: Table, _ tb: Table, tolerance: Amount,
                        into changes: inout [Change]) {
        if ta.status != tb.status {
            changes.append(Change(table: t.id, detail: .status(a: ta.status, b: tb.status)))
        }
        // Column orders once per table, not per changed row.
        let valueOrder = CatalogOrder(table: t.id, text: false)
        let textOrder = CatalogOrder(table: t.id, text: true)
        for pair in t.rows {
            switch (pair.a, pair.b) {
            case (nil, let j?):
                let row = tb.rows[j]
                changes.append(Change(table: t.id, row: row.key, name: row.name, code: row.code,
                                      detail: .added(values: row.values.mapValues(\.amount), texts: row.texts)))
            case (let i?, nil):
                let row = ta.rows[i]
                changes.append(Change(table: t.id, row: row.key, name: row.name, code: row.code,
                                      detail: .removed(values: row.values.mapValues(\.amount), texts: row.texts)))
            case (let i?, let j?):
                let ra = ta.rows[i], rb = tb.rows[j]
                func change(_ detail: Change.Detail) {
                    changes.append(Change(table: t.id, row: rb.key, name: rb.name, code: rb.code, detail: detail))
                }
                if ra.key != rb.key { change(.recoded(a: ra.key, b: rb.key)) }
                if pair.rule == .key, !RowName.sameBytes(ra.name, rb.name),
                   RowName.comparable(ra.name) != RowName.comparable(rb.name) {
                    change(.renamed(a: ra.name, b: rb.name))
                }
                if !(ra.texts.isEmpty && rb.texts.isEmpty) {
                    for column in textOrder.sorted(Set(ra.texts.keys).union(rb.texts.keys)) {
                        let x = ra.texts[column], y = rb.texts[column]
                        if x.map(HeaderText.normalize) != y.map(HeaderText.normalize) { change(.text(column: column, a: x, b: y)) }
                    }
                }
                // One lookup per cell finds the differences (most rows have none);
                // only those are put in catalog order.
                var differing: [(column: String, a: Amount?, b: Amount?)] = []
                var shared = 0
                for (column, figure) in ra.values {
                    let y = rb.values[column]?.amount
                    if y != nil { shared += 1 }
                    if differs(figure.amount, y, tolerance: tolerance) { differing.append((column, figure.amount, y)) }
                }
                if shared < rb.values.count {
                    for (column, figure) in rb.values where ra.values[column] == nil {
                        if differs(nil, figure.amount, tolerance: tolerance) { differing.append((column, nil, figure.amount)) }
                    }
                }
                if differing.count > 1 { differing.sort { valueOrder.precedes($0.column, $1.column) } }
                for d in differing { change(.amount(column: d.column, a: d.a, b: d.b)) }
            case (nil, nil):
                continue
            }
        }
    }

    /// Whether two cells differ: a blank against an amount always does (a
    /// blank is not 0); two amounts when they are further apart than `tolerance`.
    static func differs(_ x: Amount?, _ y: Amount?, tolerance: Amount) -> Bool {
        switch (x, y) {
        case (nil, nil): return false
        case (let x?, let y?):
            guard x != y else { return false }
            if tolerance != .zero, let d = y.subtracting(x)?.magnitude, d <= tolerance { return false }
            return true
        default: return true
        }
    }

    /// For a cell change whose blank side comes from a table that does not
    /// publish that column at all (江岸 prints no 本年收入小计), that side:
    /// `"A"` or `"B"`. Such a cell is a difference of layout more than of money.
    public func unpublishedSide(_ change: Change) -> String? {
        guard case .amount(let column, let x, let y) = change.detail, let table = change.table, (x == nil) != (y == nil) else {
            return nil
        }
        let side = x == nil ? a.table(table) : b.table(table)
        guard !side.columns.isEmpty, !side.columns.contains(column) else { return nil }
        return x == nil ? "A" : "B"
    }

    /// How many changes of each kind, 表13 forms apart (`formCounts`).
    public var counts: [Change.Kind: Int] {
        var out: [Change.Kind: Int] = [:]
        for c in changes where c.form == nil { out[c.kind, default: 0] += 1 }
        return out
    }

    /// How many 表13 changes of each sort.
    public var formCounts: FormCounts { FormCounts(changes) }
}
