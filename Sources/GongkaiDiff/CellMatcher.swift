import GongkaiModel

/// Finds the amount cells that differ between two rows of one table, in
/// catalog column order.
///
/// Reused for every row pair of a table: the cells are matched through the
/// table's `ColumnNumbering` and a per-column mark instead of one dictionary
/// lookup per cell, in scratch memory kept from row to row (resetting or
/// writing an array cost more than comparing a row's few cells).
struct CellMatcher {
    /// One cell that differs: its column number and its two sides.
    typealias Difference = (column: Int, a: Amount?, b: Amount?)

    private(set) var columns: ColumnNumbering
    private var slots = Slots(capacity: 0)
    /// Which comparison the marks in `slots` belong to.
    private var pass = 0
    private var differences = 0

    init(table: Int) {
        columns = ColumnNumbering(table: table)
    }

    /// The cells that differ in the last pair compared, in column order.
    /// Valid until the next `compare`.
    var differing: UnsafeBufferPointer<Difference> { UnsafeBufferPointer(start: slots.found, count: differences) }

    /// Compares the cells of a row of A with those of a row of B into `differing`.
    mutating func compare(_ a: [String: Figure], _ b: [String: Figure], tolerance: Amount) {
        // Each row's cells are in distinct columns, so one slot per column number is room enough.
        if slots.capacity < columns.count + a.count + b.count { slots = Slots(capacity: 2 * (columns.count + a.count + b.count)) }
        let s = slots
        pass += 1
        differences = 0
        // By index, not `for (column, figure) in`: the element tuple copied
        // (retained) the id and the figure's text of every cell.
        var inA = 0
        var i = a.startIndex
        while i != a.endIndex {
            let n = columns.number(a.keys[i])
            s.mark[n] = pass
            s.amountA[n] = a.values[i].amount
            s.columnsA[inA] = n
            inA += 1
            a.formIndex(after: &i)
        }
        var j = b.startIndex
        while j != b.endIndex {
            let n = columns.number(b.keys[j])
            let y = b.values[j].amount
            if s.mark[n] == pass {
                s.mark[n] = -pass
                if DocumentDiff.differs(s.amountA[n], y, tolerance: tolerance) { add((n, s.amountA[n], y)) }
            } else {
                add((n, nil, y))  // a blank against an amount always differs
            }
            b.formIndex(after: &j)
        }
        for k in 0..<inA where s.mark[s.columnsA[k]] == pass {
            add((s.columnsA[k], s.amountA[s.columnsA[k]], nil))
        }
        // Insertion sort: a row has a handful of differing cells.
        var k = 1
        while k < differences {
            let d = s.found[k]
            var m = k
            while m > 0, columns.precedes(d.column, s.found[m - 1].column) {
                s.found[m] = s.found[m - 1]
                m -= 1
            }
            s.found[m] = d
            k += 1
        }
    }

    private mutating func add(_ d: Difference) {
        slots.found[differences] = d
        differences += 1
    }

    /// Scratch memory, one slot per column number: `mark[n] == pass` when
    /// the current row of A has a cell in column n (`-pass` once B's cell of
    /// that column is seen), `amountA[n]` its amount; `columnsA` A's columns
    /// in the order met, `found` the differences. Fixed size (a larger one
    /// replaces it), so the matcher writes through plain pointers.
    private final class Slots {
        let capacity: Int
        let mark: UnsafeMutablePointer<Int>
        let amountA: UnsafeMutablePointer<Amount>
        let columnsA: UnsafeMutablePointer<Int>
        let found: UnsafeMutablePointer<Difference>

        init(capacity: Int) {
            self.capacity = capacity
            mark = .allocate(capacity: capacity)
            mark.initialize(repeating: 0, count: capacity)
            amountA = .allocate(capacity: capacity)
            amountA.initialize(repeating: .zero, count: capacity)
            columnsA = .allocate(capacity: capacity)
            columnsA.initialize(repeating: 0, count: capacity)
            found = .allocate(capacity: capacity)
            found.initialize(repeating: (0, nil, nil), count: capacity)
        }

        deinit {
            mark.deallocate()
            amountA.deallocate()
            columnsA.deallocate()
            found.deallocate()
        }
    }
}
