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
        // Room for one change per merged row up front: growing by doubling
        // copied the array into fresh pages again and again, a fifth of the
        // diff of two large documents. Pages never written are never touched.
        changes.reserveCapacity(alignment.tables.reduce(0) { $0 + $1.rows.count })
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
        var cells = CellMatcher(table: t.id)
        let textOrder = CatalogOrder(table: t.id, text: true)
        // Rows are read in place through pointers: `rows[i]` handed over a
        // copy (five retains and releases) even to a borrowing parameter.
        // (A pair names a row only of a side that has rows: its base address is not nil.)
        ta.rows.withUnsafeBufferPointer { bufferA in
            tb.rows.withUnsafeBufferPointer { bufferB in
                let rowsA = bufferA.baseAddress.unsafelyUnwrapped, rowsB = bufferB.baseAddress.unsafelyUnwrapped
                for pair in t.rows {
                    switch (pair.a, pair.b) {
                    case (nil, let j?):
                        changes.append(Change(table: t.id, row: rowsB[j].key, name: rowsB[j].name, code: rowsB[j].code,
                                              detail: .added(values: rowsB[j].values.mapValues(\.amount), texts: rowsB[j].texts)))
                    case (let i?, nil):
                        changes.append(Change(table: t.id, row: rowsA[i].key, name: rowsA[i].name, code: rowsA[i].code,
                                              detail: .removed(values: rowsA[i].values.mapValues(\.amount), texts: rowsA[i].texts)))
                    case (let i?, let j?):
                        compare(rowsA + i, rowsB + j, table: t.id, rule: pair.rule, cells: &cells, textOrder: textOrder,
                                tolerance: tolerance, into: &changes)
                    case (nil, nil):
                        continue
                    }
                }
            }
        }
    }

    /// The changes between a row of A and the row of B it was aligned with.
    ///
    /// The rows are read through pointers, field by field: a copy of a row
    /// retains its five strings and dictionaries, a tenth of the diff, and a
    /// borrowing parameter was still copied once inlined.
    static func compare(_ ra: UnsafePointer<Row>, _ rb: UnsafePointer<Row>, table: Int, rule: Alignment.Rule,
                        cells: inout CellMatcher, textOrder: CatalogOrder, tolerance: Amount,
                        into changes: inout [Change]) {
        if ra.pointee.key != rb.pointee.key {
            append(of: rb, table: table, to: &changes, .recoded(a: ra.pointee.key, b: rb.pointee.key))
        }
        if rule == .key, !RowName.sameBytes(ra.pointee.name, rb.pointee.name), RowName.comparable(ra.pointee.name) != RowName.comparable(rb.pointee.name) {
            append(of: rb, table: table, to: &changes, .renamed(a: ra.pointee.name, b: rb.pointee.name))
        }
        if !(ra.pointee.texts.isEmpty && rb.pointee.texts.isEmpty), !sameBytes(ra.pointee.texts, rb.pointee.texts) {
            for column in textOrder.sorted(Set(ra.pointee.texts.keys).union(rb.pointee.texts.keys)) {
                let x = ra.pointee.texts[column], y = rb.pointee.texts[column]
                if x.map(HeaderText.normalize) != y.map(HeaderText.normalize) {
                    append(of: rb, table: table, to: &changes, .text(column: column, a: x, b: y))
                }
            }
        }
        cells.compare(ra.pointee.values, rb.pointee.values, tolerance: tolerance)
        for d in cells.differing {
            append(of: rb, table: table, to: &changes, .amount(column: cells.columns.ids[d.column], a: d.a, b: d.b))
        }
    }

    /// Appends a change to `row` of `table`, the change named by that row's key, name and code.
    static func append(of row: UnsafePointer<Row>, table: Int, to changes: inout [Change], _ detail: Change.Detail) {
        changes.append(Change(table: table, row: row.pointee.key, name: row.pointee.name, code: row.pointee.code, detail: detail))
    }

    /// Whether two rows' text cells are the same columns with the same bytes:
    /// then none can differ once normalized, and the sorted union of their
    /// columns need not be built (most project rows of two years).
    static func sameBytes(_ x: [String: String], _ y: [String: String]) -> Bool {
        x.count == y.count && x.allSatisfy { column, text in y[column].map { RowName.sameBytes($0, text) } ?? false }
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
