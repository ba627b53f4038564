import Foundation
import GongkaiModel

/// Decides which columns the amounts of a row belong to when the layout
/// dropped its empty cells (PDF text prints `合计 1033.90 903.72 130.18`
/// for a row of six columns).
///
/// The amounts keep their left-to-right order, so a row of *k* amounts in
/// *n* columns has C(*n*, *k*) possible placements. A placement must satisfy
/// the table's column sums (catalog `sums`: total = basic + project …) and,
/// over the whole table, the subtotal tree (a 类 is the sum of its 款, 合计
/// of its 类; `RowTree`), each within what rounding of the published
/// figures explains; placements whose subtotals hold to the 分 come before
/// those that need the rounding. Among the placements that fit, the one
/// whose columns come first in the catalog wins (一般公共预算 before 上年结转); when more
/// than one fits, the caller says so in a diagnostic.
///
/// A row meets the rest of the table only through its parent's sums, so the
/// search goes subtree by subtree: bottom up, which placements of a row its
/// children can complete (a subset-sum over their partial sums); then top
/// down, each row's first placement that its siblings can still complete.
/// The work grows with the distinct partial sums under one parent, not with
/// the product of every row's placements.
struct ColumnPlacer {
    struct Column {
        /// Preference: the column's position in the catalog (lower first).
        var rank: Int
        /// Whether it holds amounts that sums apply to (a 数量 column does not).
        var isAmount: Bool
    }

    struct Rule {
        var of: Int
        var addends: [Int]
    }

    struct Row {
        /// The amounts in 分, in printed order.
        var values: [Int64]
        /// The row whose subtotal this row is part of (index into the rows).
        var parent: Int?
        /// The columns this row's amounts may go to, in order (nil: all).
        var allowed: [Int]? = nil
        /// Per amount, the columns it may go to (nil: any of `allowed`).
        var allowedPerValue: [Set<Int>]? = nil
        /// Columns another table says this row has amounts in (表5's basic
        /// and project for 表3's row of the same code): placements that
        /// fill them come first; the sums still decide.
        var hint: Set<Int> = []
    }

    struct Outcome {
        /// For each row, the column of each of its amounts (a value beyond
        /// the last column gets an index ≥ the column count).
        var placement: [[Int]]
        /// Rows whose amounts were fewer than the columns and could go to
        /// more than one place before the sums were applied.
        var decided: [Int] = []
        /// Rows placed differently in two placements that both fit.
        var ambiguous: [Int] = []
        /// No placement satisfies every sum; the preferred one per row was kept.
        var inconsistent = false
        /// Subtotals that no placement can make add up, as (row, column):
        /// the row and its parts print the same amounts in that column
        /// wherever the vanished cells were, so the published figures
        /// themselves disagree there (江汉 表6 合计 462.30 over parts adding to
        /// 482.30). The placement was decided by the other sums.
        var unsatisfiable: [(row: Int, column: Int)] = []
        /// The sums leave more combinations than the search may hold; the
        /// preferred placement per row was kept.
        var tooMany = false
    }

    let columns: [Column]
    let rules: [Rule]
    /// Half a unit of the last published digit, in 分.
    let half: Int64

    static let maxCandidates = 20_000
    /// Partial sums one search may hold, over the table and for one parent's
    /// children: where the sums leave more combinations than that, each row
    /// keeps its preferred placement. (A 款 of fifty 项 that may each go to
    /// basic or project can reach millions of distinct sums, and so many
    /// that some coincide: the figures could not decide it anyway.)
    static let stateLimit = 2_000_000
    static let frameLimit = 100_000

    /// Placements of `values` that satisfy the row's own column sums, best first.
    func candidates(_ values: [Int64], allowed: [Int]? = nil) -> [[Int]] {
        let allowed = allowed ?? Array(columns.indices)
        let n = allowed.count, k = values.count
        if k >= n {
            // Every column printed (or more amounts than columns: the extra
            // ones go past the last column).
            return [allowed + (0..<(k - n)).map { columns.count + $0 }]
        }
        var result: [[Int]] = []
        var current: [Int] = []
        func recurse(_ start: Int) {
            if result.count >= Self.maxCandidates { return }
            if current.count == k { result.append(current); return }
            let remaining = k - current.count
            guard start <= n - remaining else { return }
            for c in start...(n - remaining) {
                current.append(c)
                recurse(c + 1)
                current.removeLast()
            }
        }
        recurse(0)
        result = result.map { $0.map { allowed[$0] } }
        let fitting = result.filter { fits($0, values) }
        let pool = fitting.isEmpty ? result : fitting
        return pool.sorted { a, b in
            let ra = a.map { columns[$0].rank }.sorted(), rb = b.map { columns[$0].rank }.sorted()
            return ra.lexicographicallyPrecedes(rb)
        }
    }

    func fits(_ placement: [Int], _ values: [Int64]) -> Bool {
        var byColumn: [Int: Int64] = [:]
        for (v, c) in zip(values, placement) { byColumn[c] = v }
        for rule in rules {
            let terms = [rule.of] + rule.addends
            guard terms.contains(where: { byColumn[$0] != nil }) else { continue }
            let total = byColumn[rule.of] ?? 0
            var sum: Int64 = 0
            for a in rule.addends { sum &+= byColumn[a] ?? 0 }
            if abs(total &- sum) > half * Int64(rule.addends.count + 1) { return false }
        }
        return true
    }

    /// Places the amounts of every row; `tree` enables the subtotal checks.
    func place(_ rows: [Row], tree: Bool) -> Outcome {
        let cands = rows.map { row -> [[Int]] in
            let all = candidates(row.values, allowed: row.allowed)
            var ok = all
            if let per = row.allowedPerValue {
                ok = all.filter { p in zip(p, per).allSatisfy { $1.contains($0) } }
                if ok.isEmpty { ok = all }
            }
            guard !row.hint.isEmpty else { return ok }
            let hinted = ok.filter { row.hint.isSubset(of: $0) }
            return hinted.isEmpty ? ok : hinted + ok.filter { !row.hint.isSubset(of: $0) }
        }
        var outcome = Outcome(placement: cands.map { $0[0] })
        for (i, row) in rows.enumerated() where row.values.count < (row.allowed?.count ?? columns.count) && cands[i].count > 1 {
            outcome.decided.append(i)
        }
        guard tree, !outcome.decided.isEmpty else { return outcome }

        var children = [[Int]](repeating: [], count: rows.count)
        for (i, r) in rows.enumerated() { if let p = r.parent { children[p].append(i) } }
        // Preorder (parents before children): the order in which placements
        // are preferred, row by row, when more than one fits.
        var order: [Int] = []
        func visit(_ i: Int) { order.append(i); children[i].forEach(visit) }
        for (i, r) in rows.enumerated() where r.parent == nil { visit(i) }
        // slot[r]: r's position among its parent's children.
        var slot = [Int](repeating: 0, count: rows.count)
        for kids in children { for (k, child) in kids.enumerated() { slot[child] = k } }
        let nonNegative = rows.allSatisfy { $0.values.allSatisfy { $0 >= 0 } }
        let amountColumns = columns.indices.filter { columns[$0].isAmount }
        let width = columns.count

        func tolerance(_ terms: Int) -> Int64 { half * Int64(terms + 1) }

        // A subtotal whose column holds the same amounts in every placement of
        // the row and of its parts is decided by the published figures alone:
        // when they disagree, no placement fits, and searching would throw the
        // whole table's tree away for one misprint. Such sums are left out.
        func fixed(_ r: Int, _ c: Int) -> Int64? {
            let column = { (placement: [Int]) -> Int64 in
                zip(rows[r].values, placement).first { $0.1 == c }?.0 ?? 0
            }
            let first = column(cands[r][0])
            return cands[r].dropFirst().allSatisfy { column($0) == first } ? first : nil
        }
        var skipped = Set<Int>()  // p * width + c
        // Sums that hold only within rounding wherever the amounts go.
        var rounded = Set<Int>()
        // Whether the search wants every other sum to hold to the 分.
        var exact = false
        func allowance(_ p: Int, _ c: Int) -> Int64 {
            exact && !rounded.contains(p * width + c) ? 0 : tolerance(children[p].count)
        }
        for p in rows.indices where !children[p].isEmpty {
            for c in amountColumns {
                guard let parent = fixed(p, c) else { continue }
                var sum: Int64 = 0
                var decided = true
                for child in children[p] {
                    guard let v = fixed(child, c) else { decided = false; break }
                    sum &+= v
                }
                guard decided else { continue }
                if abs(parent &- sum) > tolerance(children[p].count) {
                    skipped.insert(p * width + c)
                    outcome.unsatisfiable.append((p, c))
                } else if parent != sum {
                    rounded.insert(p * width + c)
                }
            }
        }

        // The search decomposes by subtree: a row's placement meets the rest
        // of the table only through its parent's sums, so whether a subtree
        // can be completed is decided once per placement of its root, bottom
        // up, instead of by a search over the whole table (a thousand rows
        // whose vanished cells leave two places each are far too many
        // combinations to try one by one).
        //
        // vectors[r][i]: row r's amount in each amount column under its
        // placement i (0 where the cell is blank).
        var amountIndex = [Int](repeating: -1, count: width)
        for (a, c) in amountColumns.enumerated() { amountIndex[c] = a }
        let vectors: [[[Int64]]] = rows.indices.map { r in
            cands[r].map { placement in
                var v = [Int64](repeating: 0, count: amountColumns.count)
                for (value, c) in zip(rows[r].values, placement) where c < width && amountIndex[c] >= 0 {
                    v[amountIndex[c]] = value
                }
                return v
            }
        }
        // cols[p]: the amount columns (indices into amountColumns) whose sums
        // over p's children are held to p's figure.
        let cols: [[Int]] = rows.indices.map { p in
            amountColumns.indices.filter { !skipped.contains(p * width + amountColumns[$0]) }
        }
        // Partial sums kept per search pass: bounds the work where the sums
        // leave too many combinations to tell apart.
        var states = 0
        var gaveUp = false
        // feasible[r]: r's placements under which its subtree can be completed.
        var feasible = cands.map { Array($0.indices) }

        /// p's children summed child by child, when p is placed by `target`.
        struct Frame {
            /// The columns (of cols[p]) whose sum depends on where the
            /// children's amounts go; the others add up the same anyway.
            var varying: [Int]
            /// Layer k: the sums of children 0..<k, over `varying`, from which
            /// the later children can still meet p's figures.
            var layers: [Set<PartialSum>]
        }
        func add(_ s: PartialSum, _ r: Int, _ i: Int, _ varying: [Int]) -> PartialSum {
            var t = s
            for (j, c) in varying.enumerated() { t[j] &+= vectors[r][i][c] }
            return t
        }
        /// Nil when over the limit.
        func frame(_ p: Int, _ target: Int) -> Frame? {
            let kids = children[p]
            var varying: [Int] = []
            var constant = true
            for c in cols[p] {
                let varies = kids.contains { k in feasible[k].dropFirst().contains { vectors[k][$0][c] != vectors[k][feasible[k][0]][c] } }
                if varies { varying.append(c); continue }
                // Every child adds the same here: the sum holds or it does not.
                var sum: Int64 = 0
                for k in kids { if let i = feasible[k].first { sum &+= vectors[k][i][c] } }
                if abs(vectors[p][target][c] &- sum) > allowance(p, amountColumns[c]) { constant = false }
            }
            let width = varying.count
            let goal = varying.map { vectors[p][target][$0] }
            let slack = varying.map { allowance(p, amountColumns[$0]) }
            // With no negative amounts a partial sum can neither exceed the
            // parent's figure nor fall short of it by more than the later
            // children can add at most.
            var rest = [[Int64]](repeating: [Int64](repeating: 0, count: width), count: kids.count + 1)
            if nonNegative {
                for k in kids.indices.reversed() {
                    for (j, c) in varying.enumerated() {
                        let most = feasible[kids[k]].map { vectors[kids[k]][$0][c] }.max() ?? 0
                        rest[k][j] = rest[k + 1][j] &+ most
                    }
                }
            }
            let empty = PartialSum(count: width)
            var result: [Set<PartialSum>] = [constant ? [empty] : []]
            result.reserveCapacity(kids.count + 1)
            for (k, child) in kids.enumerated() {
                var next = Set<PartialSum>(minimumCapacity: result[k].count * feasible[child].count)
                let last = k + 1 == kids.count
                for s in result[k] {
                    for i in feasible[child] {
                        let t = add(s, child, i, varying)
                        var ok = true
                        for j in 0..<width {
                            if nonNegative {
                                if t[j] > goal[j] &+ slack[j] || t[j] &+ rest[k + 1][j] < goal[j] &- slack[j] { ok = false; break }
                            } else if last, abs(goal[j] &- t[j]) > slack[j] {
                                ok = false; break
                            }
                        }
                        if ok { next.insert(t) }
                    }
                }
                states += next.count
                if states > Self.stateLimit || next.count > Self.frameLimit { gaveUp = true; return nil }
                result.append(next)
            }
            return Frame(varying: varying, layers: result)
        }
        /// Keeps, in each layer, only the sums from which p's figures can be met.
        func prune(_ p: Int, _ frame: Frame) -> Frame {
            var good = frame
            let kids = children[p]
            for k in kids.indices.reversed() {
                good.layers[k] = frame.layers[k].filter { s in
                    feasible[kids[k]].contains { good.layers[k + 1].contains(add(s, kids[k], $0, frame.varying)) }
                }
            }
            return good
        }

        var solution = [Int](repeating: -1, count: rows.count)
        // For the first solution: each parent's pruned frame, and the sum of
        // the earlier siblings before each row.
        var goodOf = [Frame?](repeating: nil, count: rows.count)
        var before = [PartialSum](repeating: PartialSum(count: 0), count: rows.count)
        /// Places p's children from the k-th on, each in its first placement
        /// that leaves the rest completable, and their subtrees likewise: the
        /// first placement, row by row in preorder, that fits every sum.
        func complete(_ p: Int, from k0: Int, _ start: PartialSum, _ good: Frame, _ sol: inout [Int], record: Bool) -> Bool {
            let kids = children[p]
            var s = start
            for k in k0..<kids.count {
                let child = kids[k]
                guard let i = feasible[child].first(where: { good.layers[k + 1].contains(add(s, child, $0, good.varying)) }) else { return false }
                if record { before[child] = s }
                s = add(s, child, i, good.varying)
                guard solve(child, i, &sol, record: record) else { return false }
            }
            return true
        }
        func solve(_ r: Int, _ i: Int, _ sol: inout [Int], record: Bool) -> Bool {
            sol[r] = i
            guard !children[r].isEmpty else { return true }
            guard let f = frame(r, i) else { return false }
            let good = prune(r, f)
            if record { goodOf[r] = good }
            return complete(r, from: 0, PartialSum(count: good.varying.count), good, &sol, record: record)
        }
        /// Whether a placement fitting every sum was found (in `solution`).
        func search() -> Bool {
            states = 0
            feasible = cands.map { Array($0.indices) }
            // Children before parents: a placement is feasible when its
            // children can meet it in their own feasible placements.
            for r in order.reversed() where !children[r].isEmpty {
                var ok: [Int] = []
                for i in cands[r].indices {
                    guard let f = frame(r, i) else { return false }
                    if !f.layers[f.layers.count - 1].isEmpty { ok.append(i) }
                }
                feasible[r] = ok
            }
            for r in rows.indices where rows[r].parent == nil {
                guard let i = feasible[r].first, solve(r, i, &solution, record: true) else { return false }
            }
            return true
        }

        // A placement whose sums hold to the 分 is what was published; one
        // that needs the rounding of the published unit is only possible
        // (江汉 表6: 邮电费 0.05 万元 fits 人员经费 within rounding, but only
        // 公用经费 makes 302's 58.65 exact). Exact placements are searched
        // first; rounding is allowed only where none exists. (When the exact
        // search is over the limit, the looser one would be too.)
        exact = true
        if !search() {
            exact = false
            guard !gaveUp, search() else {
                outcome.inconsistent = !gaveUp
                outcome.tooMany = gaveUp
                outcome.unsatisfiable = []
                return outcome
            }
        }
        outcome.placement = solution.enumerated().map { cands[$0.offset][$0.element] }

        // A second placement that fits: the next one in the same order, which
        // differs from the first at the last row (in preorder) that can be
        // placed otherwise; the rows after it are completed again.
        for r in order.reversed() {
            let parent = rows[r].parent
            let alternative = feasible[r].first { i in
                guard i > solution[r] else { return false }
                guard let p = parent, let good = goodOf[p] else { return true }
                return good.layers[slot[r] + 1].contains(add(before[r], r, i, good.varying))
            }
            guard let i = alternative else { continue }
            var second = solution
            guard solve(r, i, &second, record: false) else { break }
            if let p = parent, let good = goodOf[p] {
                guard complete(p, from: slot[r] + 1, add(before[r], r, i, good.varying), good, &second, record: false) else { break }
            }
            outcome.ambiguous = rows.indices.filter { solution[$0] != second[$0] }
            break
        }
        return outcome
    }
}

/// A partial sum over a few columns, kept inline for up to four of them
/// (the search holds many; arrays would each be an allocation).
struct PartialSum: Hashable {
    private var a: Int64 = 0, b: Int64 = 0, c: Int64 = 0, d: Int64 = 0
    private var more: [Int64]

    init(count: Int) { more = count > 4 ? [Int64](repeating: 0, count: count - 4) : [] }

    subscript(j: Int) -> Int64 {
        get {
            switch j {
            case 0: a
            case 1: b
            case 2: c
            case 3: d
            default: more[j - 4]
            }
        }
        set {
            switch j {
            case 0: a = newValue
            case 1: b = newValue
            case 2: c = newValue
            case 3: d = newValue
            default: more[j - 4] = newValue
            }
        }
    }
}
