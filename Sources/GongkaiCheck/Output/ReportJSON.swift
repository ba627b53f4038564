import Foundation
import GongkaiModel

/// `gongkai check --format json` (DESIGN §3):
///
/// ```json
/// {"schema": "gongkai-check/1",
///  "document": {"district": …, "year": 2020, "sourceUnit": "万元", "source": "000_….txt", …},
///  "findings": [{"rule": "row-tree", "severity": "discrepancy", "table": 6, "row": "total",
///                "column": "total", "published": "4623000.00", "expected": "4823000.00",
///                "difference": "-200000.00", "bound": "15000.00", "addends": 3, "unit": "元",
///                "line": 427, "message": "表6 合计 total 462.30 ≠ Σ类 482.30 (万元)"}],
///  "notes": [{"rule": "completeness", "table": 9, "message": "表9 国有资本经营预算支出表 未公开 (not disclosed)"}],
///  "summary": {"discrepancy": 7, "rounding": 0, "notes": 4}}
/// ```
///
/// `findings` hold only the contract's severities, `rounding` and
/// `discrepancy`; completeness is written in `notes`. Amounts are strings of
/// 元 with two decimals (`unit` "元"); a blank published cell is null. Findings
/// about a stated percentage carry `unit` "%" and percentages as decimal
/// strings (`"14.34"`). `bound` is the rounding bound (n × half a unit of the
/// last published digit), `addends` its n. Every key is always present.
public enum ReportJSON {
    public static let schema = "gongkai-check/1"

    /// One report as JSON.
    public static func encode(_ report: Report) throws -> Data {
        try encoder.encode(ReportObject(report))
    }

    /// Several reports: one object for one document, an array for several.
    public static func encode(_ reports: [Report]) throws -> Data {
        reports.count == 1 ? try encode(reports[0]) : try encoder.encode(reports.map(ReportObject.init))
    }

    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }

    static func string(_ q: Quantity?) -> String? {
        switch q {
        case .amount(let a)?: a.yuanString
        case .percent(let p, let d)?: PercentCheck.format(p, d)
        case nil: nil
        }
    }

    /// `value` with at least `decimals` decimals and no more than it has: 250.00, 0.015.
    static func decimal(_ value: Decimal, atLeast decimals: Int) -> String {
        var s = NSDecimalNumber(decimal: value).stringValue
        let have = s.contains(".") ? s.split(separator: ".").last!.count : 0
        if have < decimals { s += (have == 0 ? "." : "") + String(repeating: "0", count: decimals - have) }
        return s
    }

    struct DocumentObject: Encodable {
        var district, department: String?
        var year: Int?
        var kind: String
        var sourceUnit: String
        var source, sha256: String?

        init(_ d: Document) {
            district = d.district; department = d.department; year = d.year; kind = d.kind
            sourceUnit = d.sourceUnit.rawValue; source = d.source; sha256 = d.sourceSHA256
        }

        enum CodingKeys: String, CodingKey { case district, department, year, kind, sourceUnit, source, sha256 }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(district, forKey: .district)
            try c.encode(department, forKey: .department)
            try c.encode(year, forKey: .year)
            try c.encode(kind, forKey: .kind)
            try c.encode(sourceUnit, forKey: .sourceUnit)
            try c.encode(source, forKey: .source)
            try c.encode(sha256, forKey: .sha256)
        }
    }

    struct FindingObject: Encodable {
        let f: Finding
        enum CodingKeys: String, CodingKey {
            case rule, severity, table, row, column, published, expected, difference, bound, addends, unit, line, message
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(f.rule, forKey: .rule)
            try c.encode(f.severity.rawValue, forKey: .severity)
            try c.encode(f.table, forKey: .table)
            try c.encode(f.row, forKey: .row)
            try c.encode(f.column, forKey: .column)
            try c.encode(ReportJSON.string(f.published), forKey: .published)
            try c.encode(ReportJSON.string(f.expected), forKey: .expected)
            try c.encode(ReportJSON.string(f.difference), forKey: .difference)
            let bound: String? = f.bound.map { b in
                if case .percent(_, let d)? = f.expected ?? f.published { return PercentCheck.format(b, d + 2) }
                return ReportJSON.decimal(b, atLeast: 2)
            }
            try c.encode(bound, forKey: .bound)
            try c.encode(f.addends, forKey: .addends)
            let unit: String? = switch f.expected ?? f.published {
            case .amount?: "元"
            case .percent?: "%"
            case nil: nil
            }
            try c.encode(unit, forKey: .unit)
            try c.encode(f.line, forKey: .line)
            try c.encode(f.message, forKey: .message)
        }
    }

    struct NoteObject: Encodable {
        let f: Finding
        enum CodingKeys: String, CodingKey { case rule, table, message }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(f.rule, forKey: .rule)
            try c.encode(f.table, forKey: .table)
            try c.encode(f.message, forKey: .message)
        }
    }

    struct ReportObject: Encodable {
        var schema = ReportJSON.schema
        var document: DocumentObject
        var findings: [FindingObject]
        var notes: [NoteObject]
        var summary: [String: Int]

        init(_ r: Report) {
            document = DocumentObject(r.document)
            findings = r.reconciliation.map(FindingObject.init)
            notes = r.notes.map(NoteObject.init)
            summary = [
                "discrepancy": r.findings.filter { $0.severity == .discrepancy }.count,
                "rounding": r.findings.filter { $0.severity == .rounding }.count,
                "notes": r.notes.count,
            ]
        }
    }
}
