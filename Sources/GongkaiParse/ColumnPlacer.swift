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
    }

    let columns: [Column]
    let rules: [Rule]
    /// Half a unit of the last published digit, in 分.
    let half: Int64

    static let maxCandidates = 20_000

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
            guard let per = row.allowedPerValue else { return all }
            let ok = all.filter { p in zip(p, per).allSatisfy { $1.contains($0) } }
            return ok.isEmpty ? all : ok
        }
        var outcome = Outcome(placement: cands.map { $0[0] })
        for (i, row) in rows.enumerated() where row.values.count < (row.allowed?.count ?? columns.count) && cands[i].count > 1 {
            outcome.decided.append(i)
        }
        guard tree, !outcome.decided.isEmpty else { return outcome }

        var children = [[Int]](repeating: [], count: rows.count)
        for (i, r) in rows.enumerated() { if let p = r.parent { children[p].append(i) } }
        // Parents before children, so partial sums can be bounded.
        var order: [Int] = []
        func visit(_ i: Int) { order.append(i); children[i].forEach(visit) }
        for (i, r) in rows.enumerated() where r.parent == nil { visit(i) }
        let nonNegative = rows.allSatisfy { $0.values.allSatisfy { $0 >= 0 } }
        let amountColumns = columns.indices.filter { columns[$0].isAmount }
        let width = columns.count

        var chosen = [Int](repeating: -1, count: rows.count)
        // sums[p][c]: Σ of the assigned children of p in column c.
        var sums = [[Int64]](repeating: [Int64](repeating: 0, count: width), count: rows.count)
        var assignedChildren = [Int](repeating: 0, count: rows.count)
        var value = [[Int64?]](repeating: [Int64?](repeating: nil, count: width), count: rows.count)
        var solutions: [[Int]] = []
        var nodes = 0
        let nodeLimit = 200_000

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

        func dfs(_ depth: Int) {
            if solutions.count >= 2 || nodes > nodeLimit { return }
            if depth == order.count { solutions.append(chosen); return }
            let r = order[depth]
            let p = rows[r].parent
            for (ci, placement) in cands[r].enumerated() {
                nodes += 1
                var vals = [Int64?](repeating: nil, count: width)
                for (v, c) in zip(rows[r].values, placement) where c < width { vals[c] = v }
                var ok = true
                if let p {
                    let last = assignedChildren[p] + 1 == children[p].count
                    for c in amountColumns where !skipped.contains(p * width + c) {
                        let s = sums[p][c] &+ (vals[c] ?? 0)
                        let parent = value[p][c] ?? 0
                        if last {
                            if abs(parent &- s) > allowance(p, c) { ok = false; break }
                        } else if nonNegative, s > parent &+ allowance(p, c) {
                            ok = false; break
                        }
                    }
                }
                guard ok else { continue }
                chosen[r] = ci
                value[r] = vals
                if let p {
                    for c in 0..<width { sums[p][c] &+= vals[c] ?? 0 }
                    assignedChildren[p] += 1
                }
                dfs(depth + 1)
                if let p {
                    for c in 0..<width { sums[p][c] &-= vals[c] ?? 0 }
                    assignedChildren[p] -= 1
                }
                value[r] = [Int64?](repeating: nil, count: width)
                chosen[r] = -1
                if solutions.count >= 2 || nodes > nodeLimit { return }
            }
        }
        // A placement whose sums hold to the 分 is what was published; one
        // that needs the rounding of the published unit is only possible
        // (江汉 表6: 邮电费 0.05 万元 fits 人员经费 within rounding, but only
        // 公用经费 makes 302's 58.65 exact). Exact placements are searched
        // first; rounding is allowed only where none exists.
        exact = true
        dfs(0)
        if solutions.isEmpty {
            exact = false
            nodes = 0
            dfs(0)
        }
        guard let first = solutions.first else {
            outcome.inconsistent = true
            outcome.unsatisfiable = []
            return outcome
        }
        outcome.placement = first.enumerated().map { cands[$0.offset][$0.element] }
        if solutions.count > 1 {
            outcome.ambiguous = rows.indices.filter { solutions[0][$0] != solutions[1][$0] }
        }
        return outcome
    }
}
