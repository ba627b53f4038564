/// The JSON form of the 表13 forms: `tables[id=13].forms[]` (schema
/// `gongkai/1`; the key is optional, so that model files written before
/// forms existed still read).
///
/// Amounts are strings of 元 with two decimals beside the number as
/// published, as everywhere in the model JSON.
struct FormJSON: Codable {
    struct Field: Codable {
        var key: String?
        var label: String
        var text: String
        var amount: String?
        var published: String?
        var line: Int?
    }
    struct Column: Codable {
        var id: String
        var caption: String
    }
    struct GridRow: Codable {
        var key: String?
        var group: String?
        var label: String
        var cells: [String: String]
        var amounts: [String: String]?
        var published: [String: String]?
        var line: Int?
        /// Source lines of cells printed away from their row (re-attached).
        var cellLines: [String: Int]?
    }
    struct Grid: Codable {
        var key: String
        var title: String
        var columns: [Column]
        var rows: [GridRow]
    }
    struct Goal: Codable {
        var term: GoalTerm?
        var label: String?
        var text: String
        var line: Int?
    }
    struct IndicatorJSON: Codable {
        var level1: String
        var level2: String
        var name: String
        var value: String?
        var lastYear: String?
        var yearBefore: String?
        var basis: String?
        var note: String?
        var category: String?
        var term: GoalTerm?
        var goal: String?
        var line: Int?
    }

    var kind: PerformanceForm.Kind
    var name: String
    var unit: String?
    var title: String?
    var lines: [Int]?
    var fields: [Field]
    var grids: [Grid]?
    var goals: [Goal]?
    var indicators: [IndicatorJSON]
    var valueCaptions: [String: String]?
    var notes: [String]?

    init(_ f: PerformanceForm) {
        kind = f.kind
        name = f.name
        unit = f.unit
        title = f.title
        lines = f.lines.map { [$0.lowerBound, $0.upperBound] }
        fields = f.fields.map {
            Field(key: $0.key, label: $0.label, text: $0.text, amount: $0.amount?.amount.yuanString,
                  published: $0.amount?.text, line: $0.line)
        }
        grids = f.grids.isEmpty ? nil : f.grids.map { g in
            Grid(key: g.key, title: g.title, columns: g.columns.map { Column(id: $0.id, caption: $0.caption) },
                 rows: g.rows.map { r in
                     GridRow(key: r.key, group: r.group, label: r.label, cells: r.cells,
                             amounts: r.amounts.isEmpty ? nil : r.amounts.mapValues(\.amount.yuanString),
                             published: r.amounts.isEmpty ? nil : r.amounts.mapValues(\.text), line: r.line,
                             cellLines: r.amounts.compactMapValues(\.line).isEmpty ? nil : r.amounts.compactMapValues(\.line))
                 })
        }
        goals = f.goals.isEmpty ? nil : f.goals.map { Goal(term: $0.term, label: $0.label, text: $0.text, line: $0.line) }
        indicators = f.indicators.map {
            IndicatorJSON(level1: $0.level1, level2: $0.level2, name: $0.name, value: $0.value, lastYear: $0.lastYear,
                          yearBefore: $0.yearBefore, basis: $0.basis, note: $0.note, category: $0.category,
                          term: $0.term, goal: $0.goal, line: $0.line)
        }
        valueCaptions = f.valueCaptions.isEmpty ? nil : f.valueCaptions
        notes = f.notes.isEmpty ? nil : f.notes
    }

    func makeForm(unit sourceUnit: SourceUnit) throws -> PerformanceForm {
        func figure(_ yuan: String, published: String?, at place: String) throws -> Figure {
            guard case .success(let amount) = Amount.parse(yuan, unit: .yuan) else {
                throw ModelJSON.ReadError(description: "表13 form \"\(name)\" \(place): \"\(yuan)\" is not an amount in 元")
            }
            return Figure(amount: amount, text: published ?? amount.formatted(in: sourceUnit))
        }
        var lineRange: ClosedRange<Int>?
        if let lines {
            guard lines.count == 2, lines[0] <= lines[1] else {
                throw ModelJSON.ReadError(description: "表13 form \"\(name)\": \"lines\" must be [first, last], got \(lines)")
            }
            lineRange = lines[0]...lines[1]
        }
        let fields = try self.fields.map { f in
            FormField(key: f.key, label: f.label, text: f.text,
                      amount: try f.amount.map { try figure($0, published: f.published, at: "field \(f.label)") }, line: f.line)
        }
        let grids = try (self.grids ?? []).map { g in
            FormGrid(key: g.key, title: g.title, columns: g.columns.map { FormColumn(id: $0.id, caption: $0.caption) },
                     rows: try g.rows.map { r in
                         var amounts: [String: Figure] = [:]
                         for (column, yuan) in r.amounts ?? [:] {
                             var f = try figure(yuan, published: r.published?[column] ?? r.cells[column],
                                                at: "grid \(g.key) row \(r.label) column \(column)")
                             f.line = r.cellLines?[column]
                             amounts[column] = f
                         }
                         return FormGridRow(key: r.key, group: r.group, label: r.label, cells: r.cells, amounts: amounts, line: r.line)
                     })
        }
        return PerformanceForm(
            kind: kind, name: name, unit: unit, title: title, lines: lineRange, fields: fields, grids: grids,
            goals: (goals ?? []).map { FormGoal(term: $0.term, label: $0.label, text: $0.text, line: $0.line) },
            indicators: indicators.map {
                Indicator(level1: $0.level1, level2: $0.level2, name: $0.name, value: $0.value, lastYear: $0.lastYear,
                          yearBefore: $0.yearBefore, basis: $0.basis, note: $0.note, category: $0.category,
                          term: $0.term, goal: $0.goal, line: $0.line)
            },
            valueCaptions: valueCaptions ?? [:], notes: notes ?? [])
    }
}
