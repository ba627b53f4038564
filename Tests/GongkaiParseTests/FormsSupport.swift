import Foundation
import Testing
import GongkaiModel

/// Helpers for the 表13 form tests.
enum Forms {
    static func forms(_ doc: Document) -> [PerformanceForm] { doc.table(13).forms }

    /// The indicator published on source line `line` of `form`.
    static func indicator(_ form: PerformanceForm, line: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> Indicator {
        try #require(form.indicators.first { $0.line == line }, "no indicator on line \(line)", sourceLocation: sourceLocation)
    }

    /// Every text the forms hold (fields, grids, goals, indicators, notes).
    static func texts(_ doc: Document) -> [String] {
        forms(doc).flatMap { f -> [String] in
            var t = [f.name, f.title ?? ""] + f.notes + f.fields.flatMap { [$0.label, $0.text] }
            t += f.goals.map(\.text)
            t += f.grids.flatMap { g in g.rows.flatMap { [$0.label] + Array($0.cells.values) } }
            t += f.indicators.flatMap { i in
                [i.level1, i.level2, i.name, i.value, i.lastYear, i.yearBefore, i.basis, i.note, i.category].compactMap { $0 }
            }
            return t
        }
    }
}

/// Asserts an indicator's levels and values.
func expectIndicator(_ i: Indicator, _ level1: String, _ level2: String, _ name: String, value: String?,
                     lastYear: String? = nil, yearBefore: String? = nil, basis: String? = nil,
                     term: GoalTerm? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(i.level1 == level1, "line \(i.line ?? 0) 一级", sourceLocation: sourceLocation)
    #expect(i.level2 == level2, "line \(i.line ?? 0) 二级", sourceLocation: sourceLocation)
    #expect(i.name == name, "line \(i.line ?? 0) 三级", sourceLocation: sourceLocation)
    #expect(i.value == value, "line \(i.line ?? 0) 指标值", sourceLocation: sourceLocation)
    #expect(i.lastYear == lastYear, "line \(i.line ?? 0) 上年", sourceLocation: sourceLocation)
    #expect(i.yearBefore == yearBefore, "line \(i.line ?? 0) 前年", sourceLocation: sourceLocation)
    if let basis { #expect(i.basis == basis, "line \(i.line ?? 0) 依据", sourceLocation: sourceLocation) }
    if let term { #expect(i.term == term, "line \(i.line ?? 0) term", sourceLocation: sourceLocation) }
}
