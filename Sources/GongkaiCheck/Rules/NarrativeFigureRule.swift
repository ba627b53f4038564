import GongkaiModel

/// `narrative`: the figures the narrative (说明) states against the tables:
/// 总预算, 收入, 支出, 一般公共预算 收入/支出, 基本支出, 项目支出, 人员经费,
/// 公用经费, 一般公共预算基本支出 (表5 and 表6), the 功能 classes (表3 类
/// rows), the 经济 classes (表6), 三公 and its parts (表7), 机关运行经费,
/// 政府采购 (表11), 政府购买服务 (表12) and projects named as in 表10.
///
/// What a figure is comes from the words just before it (`Target`); changes
/// (`比上年减少 …`), prior-year figures and unrecognised words are skipped. The
/// table figure is first rounded to the precision the narrative states (0.01
/// 万元 for a 元 table quoted in 万元), so a correct conversion is silent; n for
/// the bound is the number of leaf figures behind the table cell. A stated 0
/// against a blank cell is silent.
public struct NarrativeFigureRule: Rule {
    public let id = "narrative"
    public let summary = "figures the narrative states (总预算, 基本/项目支出, classes, 三公, 机关运行经费, 采购 …) = the tables"
    public let tables = [1, 2, 3, 4, 5, 6, 7, 10, 11, 12]
    public var readsNarrative: Bool { true }

    public init() {}

    public func check(_ document: Document) -> [Finding] {
        let statements = Statements(document.narrative)
        var findings: [Finding] = []
        let lookup = CellLookup(document)
        for stated in statements.amounts where !stated.isChange(year: document.year) {
            guard let target = Target.of(label: stated.label, in: lookup) else { continue }
            // nil: nothing to say (a blank cell and a stated 0).
            let results = target.cells.map { NarrativeComparison(stated, $0, document: document) }
            let comparisons = results.compactMap { $0 }
            switch target.mode {
            case .each:
                findings += comparisons.filter { !$0.agrees }.map { $0.finding(rule: id) }
            case .any:
                guard !results.contains(where: { $0 == nil || $0!.agrees }) else { continue }
                let closest = comparisons.min { ($0.difference.magnitude ?? $0.difference) < ($1.difference.magnitude ?? $1.difference) }!
                findings.append(closest.finding(rule: id))
            }
        }
        return findings
    }
}
