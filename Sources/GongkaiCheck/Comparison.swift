import Foundation
import GongkaiModel

/// One published figure compared with what a rule says it should be.
///
/// This is where the severity is decided, the same way for every rule:
///
/// - equal: no finding;
/// - `|published − expected| ≤ n × half a unit of the last published digit`
///   (0.005 万元 or 0.005 元; n is the number of rounded figures behind the
///   expected value, at least 1): `rounding`;
/// - otherwise: `discrepancy`.
///
/// Blank cells (DESIGN: a blank is not 0):
///
/// - an expected value over all-blank addends is nil: nothing is compared
///   (a sum of nothing published says nothing);
/// - a blank published cell whose expected value is 0 is silent (blank and
///   0 both say "none");
/// - a blank published cell with a non-zero expected value is reported only
///   when `blankMatters` — where the layout says the cell should hold the
///   sum (every row of a classification table publishes every column; a
///   panel total is the total of its panel). In the panel tables (表1, 表4)
///   a row's blank cell in another panel's column is layout, not an
///   omission, and stays silent.
struct Comparison {
    var rule: String
    var table: Int?
    var row: String?
    /// How the checked cell is named in the message: `表6 合计 total`.
    var subject: String
    var column: String?
    var line: Int?
    var unit: SourceUnit
    var published: Amount?
    var expected: Amount?
    /// How the expected value is named in the message: `Σ类`, `表5 合计 basic.subtotal`.
    var expectedLabel: String
    /// n: the rounded figures behind `expected`.
    var addends: Int
    var blankMatters: Bool

    /// The finding, or nil when the figures agree (or cannot be compared).
    func evaluate() -> Finding? {
        guard let expected else { return nil }
        let value: Amount
        if let published { value = published } else {
            guard blankMatters, expected != .zero else { return nil }
            value = .zero
        }
        guard let difference = value.subtracting(expected), difference != .zero else { return nil }
        let n = max(1, addends)
        let bound = RoundingBound(figures: n, unit: unit)
        let severity: Severity = bound.admits(difference) ? .rounding : .discrepancy
        let shown = published.map { $0.formatted(in: unit) } ?? "(blank)"
        let message = "\(subject) \(shown) ≠ \(expectedLabel) \(expected.formatted(in: unit)) (\(unit.rawValue))"
        return Finding(rule: rule, severity: severity, table: table, row: row, column: column,
                       published: published.map { .amount($0) }, expected: .amount(expected),
                       difference: .amount(difference), bound: bound.yuan, addends: n,
                       line: line, unit: unit, message: message)
    }
}

/// Names used in messages.
enum Names {
    /// How a row is named in messages: `合计` for the total row, else its key.
    static func row(_ row: Row) -> String {
        row.kind == .total ? "合计" : row.key
    }

    /// `表6 合计 total`.
    static func cell(table: Int, row: Row, column: String) -> String {
        "表\(table) \(Names.row(row)) \(column)"
    }

    /// `Σ类`, `Σ款`, `Σ项`, `Σ单位`, `Σ项目类别`, `Σ项目` by the kind of the first child.
    static func children(_ first: Row) -> String {
        switch first.kind {
        case .classification:
            switch first.level ?? first.code.flatMap(Row.level(ofCode:)) {
            case 1: return "Σ类"
            case 2: return "Σ款"
            case 3: return "Σ项"
            default: return "Σ下级"
            }
        case .unit: return "Σ单位"
        case .category: return "Σ项目类别"
        case .project: return "Σ项目"
        case .line: return "Σ明细"
        case .item, .total: return "Σ"
        }
    }

    /// The canonical title of table `id`: `表6 一般公共预算基本支出表`.
    static func table(_ id: Int) -> String {
        "表\(id) " + (Catalog.shared.table(id)?.title ?? "")
    }
}

extension Table {
    /// The value of `column` in the row with `key`, nil when blank or missing.
    func amount(_ key: String, _ column: String) -> Amount? {
        row(key)?.values[column]?.amount
    }

    /// The 合计 row, if the table has one.
    var totalRow: Row? { rows.first { $0.kind == .total } }

    /// Whether the table is published with rows or as empty.
    var isPublished: Bool { status != .absent }
}

extension Row {
    /// The source line of the cell in `column` (PDF rows spread over lines),
    /// else the row's line.
    func line(_ column: String) -> Int? { values[column]?.line ?? line }
}

extension RowTree {
    /// The number of non-blank figures in `column` at the leaves below row
    /// `index` (1 when the row has no children): how many rounded figures a
    /// subtotal may have been added up from.
    func leaves(below index: Int, in rows: [Row], column: String) -> Int {
        if children[index].isEmpty { return 1 }
        var count = 0
        var stack = children[index]
        while let i = stack.popLast() {
            if children[i].isEmpty { if rows[i].values[column] != nil { count += 1 } }
            else { stack += children[i] }
        }
        return max(1, count)
    }
}
