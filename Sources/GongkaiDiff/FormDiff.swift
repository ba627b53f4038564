import GongkaiModel

/// The differences between the 表13 forms of two documents, as `Change`s,
/// from a `FormAlignment`.
///
/// - A form only one side has: `formAdded` / `formRemoved` (with its budget
///   and number of indicators; its indicators are not listed one by one).
/// - A form matched by a name other than its own: `renamed`.
/// - Fields, by key (a field gongkai has no key for, by its label): text
///   compared without spaces and width differences; a field that is an
///   amount on both sides compared as an amount (within the tolerance).
///   A label printed differently: `formFieldRenamed`.
/// - 部门总体资金情况 figures by row and column (当年, and the years both
///   forms print; not 占比), 项目支出情况 figures by project, goals by term and
///   position: `formField` with a key of their own.
/// - Indicators (`FormAlignment`): added, removed, and per value column
///   (指标值 / 当年, 上年, 前年) changed.
enum FormDiff {
    static func changes(_ alignment: FormAlignment, _ a: [PerformanceForm], _ b: [PerformanceForm],
                        tolerance: Amount) -> [Change] {
        var out: [Change] = []
        for pair in alignment.forms {
            switch (pair.a, pair.b) {
            case (nil, let j?):
                let f = b[j]
                out.append(change(f, .formAdded(budget: budget(f), indicators: f.indicators.count { !$0.isPlaceholder })))
            case (let i?, nil):
                let f = a[i]
                out.append(change(f, .formRemoved(budget: budget(f), indicators: f.indicators.count { !$0.isPlaceholder })))
            case (let i?, let j?):
                compare(a[i], b[j], pair: pair, tolerance: tolerance, into: &out)
            case (nil, nil):
                continue
            }
        }
        return out
    }

    /// The row key of a form's changes: `form:project:科技管理工作经费`.
    static func rowKey(_ form: PerformanceForm) -> String {
        "form:\(form.kind.rawValue):\(form.matchKey.name)"
    }

    static func ref(_ form: PerformanceForm) -> Change.FormRef {
        Change.FormRef(kind: form.kind, name: form.name, unit: form.unit)
    }

    static func change(_ form: PerformanceForm, _ detail: Change.Detail, indicator: Indicator? = nil) -> Change {
        Change(table: 13, row: rowKey(form), name: form.name, detail: detail, form: ref(form),
               indicator: indicator.map(Change.IndicatorRef.init))
    }

    /// 当年预算 (else 总预算) of a project form, 合计 of an 整体 form's funding.
    static func budget(_ form: PerformanceForm) -> Amount? {
        (form.yearBudget ?? form.totalBudget ?? form.funding("expenditure.total") ?? form.funding("income.total"))?.amount
    }

    static func compare(_ fa: PerformanceForm, _ fb: PerformanceForm, pair: FormAlignment.FormPair, tolerance: Amount,
                        into out: inout [Change]) {
        if pair.rule != .key { out.append(change(fb, .renamed(a: fa.name, b: fb.name))) }
        func field(_ key: String, _ label: String, _ x: String?, _ y: String?, _ ax: Amount?, _ ay: Amount?) {
            if let ax, let ay {
                guard ax != ay else { return }
                if tolerance != .zero, let d = ay.subtracting(ax)?.magnitude, d <= tolerance { return }
            } else if same(x, y) {
                return
            }
            out.append(change(fb, .formField(field: key, label: label, a: x, b: y, amountA: ax, amountB: ay)))
        }

        // Fields, paired by key (the k-th with the k-th).
        let fieldsA = Dictionary(grouping: fa.fields.indices, by: { fieldKey(fa.fields[$0]) })
        var used = Set<Int>()
        var seen: [String: Int] = [:]
        for f in fb.fields {
            let key = fieldKey(f)
            let k = seen[key, default: 0]
            seen[key] = k + 1
            let partner = fieldsA[key].flatMap { k < $0.count ? fa.fields[$0[k]] : nil }
            if let p = fieldsA[key].flatMap({ k < $0.count ? $0[k] : nil }) { used.insert(p) }
            if let partner, FormText.matchable(partner.label) != FormText.matchable(f.label) {
                out.append(change(fb, .formFieldRenamed(field: key, a: partner.label, b: f.label)))
            }
            field(key, f.label, partner?.text, f.text, partner?.amount?.amount, f.amount?.amount)
        }
        for i in fa.fields.indices where !used.contains(i) {
            let f = fa.fields[i]
            field(fieldKey(f), f.label, f.text, nil, f.amount?.amount, nil)
        }

        // 部门总体资金情况: the rows both or either print, in the columns both print (not 占比).
        if let ga = fa.grid(FormGrid.Key.funding), let gb = fb.grid(FormGrid.Key.funding) {
            let columns = gb.columns.filter { c in c.id != "share" && ga.columns.contains { $0.id == c.id } }
            for row in rowsOf(ga, gb) {
                let ra = ga.row(row), rb = gb.row(row)
                for c in columns {
                    let x = ra?.amounts[c.id], y = rb?.amounts[c.id]
                    guard x != nil || y != nil else { continue }
                    let caption = c.id == "current" ? "当年" : c.caption
                    field("funding.\(row).\(c.id)", "部门总体资金情况·\(fundingLabel(row, (rb ?? ra)!.label))·\(caption)",
                          x?.text, y?.text, x?.amount, y?.amount)
                }
            }
        }
        // 项目支出情况 of an 整体 form: each listed project's 总预算 and 本年度预算.
        if let ga = fa.grid(FormGrid.Key.projects), let gb = fb.grid(FormGrid.Key.projects) {
            for row in rowsOf(ga, gb) {
                let ra = ga.row(row), rb = gb.row(row)
                for (column, caption) in [("total", "项目总预算"), ("year", "项目本年度预算")] {
                    let x = ra?.amounts[column], y = rb?.amounts[column]
                    guard x != nil || y != nil else { continue }
                    let name = (rb ?? ra)!.key.map { $0.hasPrefix("name:") ? String($0.dropFirst(5)) : $0 } ?? (rb ?? ra)!.label
                    field("projects.\(FormText.matchable(name)).\(column)", "项目支出情况·\(name)·\(caption)",
                          x?.text, y?.text, x?.amount, y?.amount)
                }
            }
        }
        // Goals, by term and position.
        let goalsA = Dictionary(grouping: fa.goals, by: { $0.term }), goalsB = Dictionary(grouping: fb.goals, by: { $0.term })
        for term in [GoalTerm.longTerm, .annual, nil] {
            let xs = goalsA[term] ?? [], ys = goalsB[term] ?? []
            for n in 0..<max(xs.count, ys.count) {
                let x = n < xs.count ? xs[n] : nil, y = n < ys.count ? ys[n] : nil
                let label = y?.label ?? x?.label ?? (term == .longTerm ? "长期目标" : term == .annual ? "年度目标" : "目标") + "\(n + 1)"
                field("goal.\(term?.rawValue ?? "other").\(n + 1)", label, x?.text, y?.text, nil, nil)
            }
        }

        // Indicators.
        for p in pair.indicators {
            switch (p.a, p.b) {
            case (nil, let j?): out.append(change(fb, .indicatorAdded(fb.indicators[j]), indicator: fb.indicators[j]))
            case (let i?, nil): out.append(change(fb, .indicatorRemoved(fa.indicators[i]), indicator: fa.indicators[i]))
            case (let i?, let j?):
                let x = fa.indicators[i], y = fb.indicators[j]
                for (column, vx, vy) in [("value", x.value, y.value), ("lastYear", x.lastYear, y.lastYear),
                                         ("yearBefore", x.yearBefore, y.yearBefore)] where !same(vx, vy) {
                    out.append(change(fb, .indicatorValue(column: column, a: vx, b: vy), indicator: y))
                }
            case (nil, nil): continue
            }
        }
    }

    /// A funding row's label, told apart where the form prints `合计` twice:
    /// `收入合计`, `支出合计`.
    static func fundingLabel(_ key: String, _ label: String) -> String {
        guard FormText.matchable(label) == "合计" else { return label }
        return key.hasPrefix("income.") ? "收入合计" : key.hasPrefix("expenditure.") ? "支出合计" : label
    }

    /// A field's key: its canonical key, else `label:<label>` (matchable).
    static func fieldKey(_ f: FormField) -> String {
        f.key ?? "label:" + FormText.matchable(f.label)
    }

    /// The row keys of two grids: B's order, then A's rows B lacks.
    static func rowsOf(_ a: FormGrid, _ b: FormGrid) -> [String] {
        var keys = b.rows.compactMap(\.key)
        let known = Set(keys)
        keys += a.rows.compactMap(\.key).filter { !known.contains($0) }
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }

    /// Whether two texts say the same (spaces, widths and blank-vs-empty aside).
    static func same(_ x: String?, _ y: String?) -> Bool {
        FormText.matchable(x ?? "") == FormText.matchable(y ?? "")
    }
}
