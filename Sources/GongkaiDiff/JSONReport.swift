import GongkaiModel

/// `diff --format json` (DESIGN §3): the two documents' metadata and the
/// changes. Amounts are strings of 元 with two decimals, a blank cell has no
/// key, `percent` is a number rounded to 0.01. Keys are written in a fixed
/// order, so the same diff gives the same bytes.
///
/// 表13 changes add keys to DESIGN §3's (additions only; `table` is 13, `row`
/// is `form:<kind>:<name>`, `name` the form's name):
///
/// - `form`: `{"kind": "overall"|"project", "name": …, "unit": …}` on every one;
/// - a form only one side has: `kind` `added` (`b`) or `removed` (`a`), the
///   side being `{"budget": "200000.00"}` (当年预算 or 合计, when printed) and
///   `indicators` (how many);
/// - a form matched under another name: `renamed`, `a` and `b` the names;
/// - a field, a 资金情况 figure or a goal: `changed` with `column` (the field
///   key: `year_budget`, `label:<label>`, `funding.expenditure.basic.current`,
///   `projects.<name>.year`, `goal.annual.1`) and `label`; amounts as in
///   DESIGN (`a`, `b`, `delta`, `percent`), texts with `"text": true`;
///   a label printed differently: `renamed` with `column`;
/// - an indicator: `indicator` `{"level1", "level2", "name", "term"}`;
///   `added` / `removed` with `b` / `a` its values (`value`, `lastYear`,
///   `yearBefore`, `basis`), or `changed` with `column` `value`, `lastYear`
///   or `yearBefore` and `"text": true`.
public enum JSONReport {
    public static func render(_ diff: DocumentDiff) -> String {
        var out = "{\n"
        out += "  \"a\": \(document(diff.a)),\n"
        out += "  \"b\": \(document(diff.b)),\n"
        if diff.tolerance != .zero { out += "  \"tolerance\": \(string(diff.tolerance.yuanString)),\n" }
        out += "  \"changes\": ["
        out += diff.changes.map { "\n    " + change($0) }.joined(separator: ",")
        out += diff.changes.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    static func document(_ d: Document) -> String {
        object([
            ("district", d.district.map(string)), ("department", d.department.map(string)),
            ("year", d.year.map { String($0) }), ("kind", string(d.kind)), ("sourceUnit", string(d.sourceUnit.rawValue)),
            ("source", d.source.map(string)), ("sha256", d.sourceSHA256.map(string)),
        ])
    }

    static func change(_ c: Change) -> String {
        var fields: [(String, String?)] = [
            ("table", c.table.map { String($0) }), ("row", c.row.map(string)), ("name", c.name.map(string)),
        ]
        if let form = c.form {
            fields.append(("form", object([("kind", string(form.kind.rawValue)), ("name", string(form.name)),
                                           ("unit", form.unit.map(string))])))
        }
        if let i = c.indicator {
            fields.append(("indicator", object([("level1", string(i.level1)), ("level2", string(i.level2)),
                                                ("name", string(i.name)), ("term", i.term.map { string($0.rawValue) })])))
        }
        switch c.detail {
        case .amount(let column, let a, let b):
            fields += [("column", string(column)), ("kind", string("changed")),
                       ("a", a.map { string($0.yuanString) }), ("b", b.map { string($0.yuanString) }),
                       ("delta", c.delta.map { string($0.yuanString) }), ("percent", c.percent?.json)]
        case .text(let column, let a, let b):
            fields += [("column", string(column)), ("kind", string("changed")), ("text", "true"),
                       ("a", a.map(string)), ("b", b.map(string))]
        case .added(let values, let texts):
            fields += [("kind", string("added")), ("b", amounts(values)), ("texts", texts.isEmpty ? nil : strings(texts))]
        case .removed(let values, let texts):
            fields += [("kind", string("removed")), ("a", amounts(values)), ("texts", texts.isEmpty ? nil : strings(texts))]
        case .renamed(let a, let b):
            fields += [("kind", string("renamed")), ("a", string(a)), ("b", string(b))]
        case .recoded(let a, let b):
            fields += [("kind", string("recoded")), ("a", string(a)), ("b", string(b))]
        case .status(let a, let b):
            fields += [("kind", string("status")), ("a", string(a.rawValue)), ("b", string(b.rawValue))]
        case .metadata(let field, let a, let b):
            fields += [("kind", string("metadata")), ("field", string(field)), ("a", a.map(string)), ("b", b.map(string))]
        case .formAdded(let budget, let n):
            fields += [("kind", string("added")), ("b", object([("budget", budget.map { string($0.yuanString) })])),
                       ("indicators", String(n))]
        case .formRemoved(let budget, let n):
            fields += [("kind", string("removed")), ("a", object([("budget", budget.map { string($0.yuanString) })])),
                       ("indicators", String(n))]
        case .formField(let column, let label, let a, let b, let x, let y):
            fields += [("column", string(column)), ("label", string(label)), ("kind", string("changed"))]
            if FormLabels.isAmount(c.detail) {
                fields += [("a", x.map { string($0.yuanString) }), ("b", y.map { string($0.yuanString) }),
                           ("delta", c.delta.map { string($0.yuanString) }), ("percent", c.percent?.json)]
            } else {
                fields += [("text", "true"), ("a", a.map(string)), ("b", b.map(string))]
            }
        case .formFieldRenamed(let column, let a, let b):
            fields += [("column", string(column)), ("kind", string("renamed")), ("a", string(a)), ("b", string(b))]
        case .indicatorAdded(let i):
            fields += [("kind", string("added")), ("b", indicatorValues(i))]
        case .indicatorRemoved(let i):
            fields += [("kind", string("removed")), ("a", indicatorValues(i))]
        case .indicatorValue(let column, let a, let b):
            fields += [("column", string(column)), ("kind", string("changed")), ("text", "true"),
                       ("a", a.map(string)), ("b", b.map(string))]
        }
        return object(fields)
    }

    /// `{"value": "≥10 个", "lastYear": …}`: an indicator's published values.
    static func indicatorValues(_ i: Indicator) -> String {
        object([("value", i.value.map(string)), ("lastYear", i.lastYear.map(string)),
                ("yearBefore", i.yearBefore.map(string)), ("basis", i.basis.map(string))])
    }

    static func amounts(_ values: [String: Amount]) -> String {
        object(values.keys.sorted().map { ($0, string(values[$0]!.yuanString)) })
    }

    static func strings(_ values: [String: String]) -> String {
        object(values.keys.sorted().map { ($0, string(values[$0]!)) })
    }

    /// `{"k": v, …}` on one line, leaving out nil values.
    static func object(_ fields: [(String, String?)]) -> String {
        "{" + fields.compactMap { k, v in v.map { "\(string(k)): \($0)" } }.joined(separator: ", ") + "}"
    }

    /// A JSON string literal.
    static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
