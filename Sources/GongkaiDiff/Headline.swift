import GongkaiModel

/// The figures a reader looks at first: the totals of the main tables, A
/// and B, and the class-level (类) totals.
public struct Headline: Sendable, Hashable {
    public var label: String
    public var table: Int
    public var row: String
    public var column: String
    public var a: Amount?
    public var b: Amount?

    /// B − A, a blank counting as 0.
    public var delta: Amount? { (b ?? .zero).subtracting(a ?? .zero) }

    /// Δ relative to A, when A is published and not zero.
    public var percent: Percent? {
        guard let a, a != .zero, let delta else { return nil }
        return Percent(delta, of: a)
    }

    /// Where the headline figures come from, in reading order.
    static let sources: [(label: String, table: Int, row: String, column: String)] = [
        ("收入总计", 1, "income.total", "amount"),
        ("支出总计", 1, "expenditure.total", "amount"),
        ("财政拨款收入总计", 4, "income.total", "total"),
        ("部门支出合计", 3, "total", "total"),
        ("其中：基本支出", 3, "total", "basic"),
        ("其中：项目支出", 3, "total", "project"),
        ("一般公共预算支出", 5, "total", "total"),
        ("一般公共预算基本支出", 6, "total", "total"),
        ("“三公”经费", 7, "total", "amount"),
        ("政府性基金预算支出", 8, "total", "total"),
        ("国有资本经营预算支出", 9, "total", "total"),
        ("项目支出", 10, "total", "total"),
    ]

    /// The headline figures either document publishes.
    ///
    /// - Complexity: O(*n*) in the rows of the tables involved.
    public static func figures(_ a: Document, _ b: Document) -> [Headline] {
        sources.compactMap { s in
            let x = a.table(s.table).row(s.row)?.values[s.column]?.amount
            let y = b.table(s.table).row(s.row)?.values[s.column]?.amount
            guard x != nil || y != nil else { return nil }
            return Headline(label: s.label, table: s.table, row: s.row, column: s.column, a: x, b: y)
        }
    }

    /// Class-level (类) totals by 功能分类: 表3's 类 rows (合计 column),
    /// else 表5's, else 表1's `function.<类>` items; codes of both sides in
    /// code order, labelled `206 科学技术支出`.
    public static func classTotals(_ a: Document, _ b: Document) -> (table: Int, figures: [Headline]) {
        for (table, column) in [(3, "total"), (5, "total"), (1, "amount")] {
            func classes(_ doc: Document) -> [String: (name: String, amount: Amount?)] {
                var out: [String: (String, Amount?)] = [:]
                for row in doc.table(table).rows {
                    if table == 1 {
                        guard row.key.hasPrefix("function."), let code = row.code, code.count == 3 else { continue }
                        out[code] = (row.name, row.values[column]?.amount)
                    } else {
                        guard row.kind == .classification, let code = row.code, code.count == 3 else { continue }
                        out[code] = (row.name, row.values[column]?.amount)
                    }
                }
                return out
            }
            let ca = classes(a), cb = classes(b)
            guard !ca.isEmpty || !cb.isEmpty else { continue }
            let codes = Set(ca.keys).union(cb.keys).sorted()
            let figures = codes.compactMap { code -> Headline? in
                let x = ca[code]?.amount, y = cb[code]?.amount
                // 表1 lists every class, most at 0.00: keep those either side spends on.
                if table == 1, (x ?? .zero) == .zero, (y ?? .zero) == .zero { return nil }
                let name = Catalog.shared.items.functionClasses[code] ?? cb[code]?.name ?? ca[code]?.name ?? ""
                return Headline(label: code + " " + name, table: table, row: code, column: column, a: x, b: y)
            }
            return (table, figures)
        }
        return (3, [])
    }
}
