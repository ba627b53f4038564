/// The subtotal tree of a table's rows: which rows are the sum of which.
///
/// Classification rows nest by code prefix (a 类 is the sum of its 款, a 款
/// of its 项) under the 合计 row; unit, category and project rows nest by
/// rank (合计 > 部门 > 单位 > 项目类别 > 项目), each under the nearest row above
/// it of a higher rank. Item tables (表1, 表4, 表7) have no tree.
public struct RowTree: Sendable, Equatable {
    /// `parent[i]`: the index of row `i`'s parent, or nil for a root.
    public let parent: [Int?]
    /// `children[i]`: the indices of row `i`'s children, in order.
    public let children: [[Int]]

    /// Builds the tree of `rows`.
    ///
    /// - Complexity: O(*n* · *d*) for *n* rows of depth at most *d*.
    public init(rows: [Row]) {
        var parent = [Int?](repeating: nil, count: rows.count)
        // The chain of open ancestors: (index, rank, code).
        var stack: [(index: Int, rank: Int, code: String)] = []
        for (i, row) in rows.enumerated() {
            guard let rank = Self.rank(row) else { continue }
            let code = row.code ?? ""
            while let top = stack.last {
                let above = rows[top.index]
                // Codes nest by prefix between rows of one kind (类 ⊃ 款,
                // 部门 067 ⊃ 单位 067001); a category holds projects whatever their codes.
                let samePrefixKind = above.kind == row.kind && (row.kind == .classification || row.kind == .unit)
                let contains = top.rank == 0 || top.code.isEmpty || code.isEmpty || !samePrefixKind
                    || (code.hasPrefix(top.code) && code.count > top.code.count)
                if top.rank < rank && contains { break }
                stack.removeLast()
            }
            parent[i] = stack.last?.index
            stack.append((i, rank, code))
        }
        var children = [[Int]](repeating: [], count: rows.count)
        for (i, p) in parent.enumerated() { if let p { children[p].append(i) } }
        self.parent = parent
        self.children = children
    }

    /// Depth rank of a row, or nil for rows outside any tree (items, lines).
    static func rank(_ row: Row) -> Int? {
        switch row.kind {
        case .total: 0
        case .classification: row.level.map { $0 } ?? (row.code.map { $0.count / 2 })
        case .unit: (row.code?.count ?? 3) > 3 ? 2 : 1
        case .category: 3
        case .project: 4
        case .item, .line: nil
        }
    }
}
