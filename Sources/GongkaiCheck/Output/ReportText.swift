import Foundation
import GongkaiModel

/// `gongkai check --format text`: the report for people, grouped by table,
/// each finding with where it is (table, row, column, source line) and its
/// numbers in the document's unit:
///
/// ```
/// 000_a71e29afdd43a94e.txt — 江汉区 · 江汉区科学技术和经济信息化局 · 2020年 · 单位：万元
/// 7 discrepancies, 0 rounding
///
/// 表6 一般公共预算基本支出表
///   discrepancy  row-tree  line 427  row 合计, column total
///     表6 合计 total 462.30 ≠ Σ类 482.30 (万元); difference -20.00, beyond rounding (3 × 0.005 = 0.015)
/// …
/// 说明 (narrative)
///   discrepancy  narrative-change  line 109
///     说明 第109行 14.34% ≠ 553.54 / (3,859.30 + 553.54) = 12.54%; difference 1.80 points
///
/// Not disclosed: 表9 国有资本经营预算支出表, 表10 项目支出表, …
/// ```
public enum ReportText {
    public static func render(_ report: Report) -> String {
        let d = report.document
        let unit = d.sourceUnit
        var out = ""
        let title = [d.district, d.department, d.year.map { "\($0)年" }, "单位：\(unit.rawValue)"]
            .compactMap { $0 }.joined(separator: " · ")
        out += "\(d.source ?? "document") — \(title)\n"
        let findings = report.reconciliation
        let discrepancies = findings.filter { $0.severity == .discrepancy }.count
        let rounding = findings.count - discrepancies
        out += findings.isEmpty ? "no findings: the document agrees with itself\n"
            : "\(discrepancies) \(discrepancies == 1 ? "discrepancy" : "discrepancies"), \(rounding) rounding\n"

        var groups: [(Int?, [Finding])] = []
        for f in findings {
            if let last = groups.last, last.0 == f.table { groups[groups.count - 1].1.append(f) }
            else { groups.append((f.table, [f])) }
        }
        for (table, items) in groups {
            out += "\n" + (table.map(Names.table) ?? "说明 (narrative)") + "\n"
            for f in items {
                var place = ["\(f.severity.rawValue)", f.rule]
                if let line = f.line { place.append("line \(line)") }
                var cell: [String] = []
                if let row = f.row { cell.append("row \(row == "total" ? "合计" : row)") }
                if let column = f.column { cell.append("column \(column)") }
                if !cell.isEmpty { place.append(cell.joined(separator: ", ")) }
                out += "  " + place.joined(separator: "  ") + "\n"
                out += "    \(f.message)\(detail(f, unit: unit))\n"
            }
        }
        let notes = report.notes
        if !notes.isEmpty {
            out += "\nNot disclosed: " + notes.compactMap { $0.table.map(Names.table) }.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// Several reports, separated by a blank line.
    public static func render(_ reports: [Report]) -> String {
        reports.map(render).joined(separator: "\n")
    }

    /// `; difference -0.01, within rounding (5 × 0.005 = 0.025)`.
    static func detail(_ f: Finding, unit: SourceUnit) -> String {
        let how = f.severity == .rounding ? "within rounding" : "beyond rounding"
        switch f.difference {
        case .amount(let d)?:
            let n = f.addends ?? 1
            let u = f.unit ?? unit
            let scale: Decimal = u == .wanYuan ? 10_000 : 1
            let half = RoundingBound.half(u) / scale, bound = RoundingBound(figures: n, unit: u).yuan / scale
            return "; difference \(d.formatted(in: u)), \(how) (\(n) × \(half) = \(bound) \(u.rawValue))"
        case .percent(let d, let places)?:
            var s = "; difference \(PercentCheck.format(d, places)) points"
            if let b = f.bound { s += ", \(how) (± \(PercentCheck.format(b, places + 2)))" }
            return s
        default:
            return ""
        }
    }
}
