import GongkaiModel

/// How many 表13 changes of each sort a diff has: what the reports' summaries
/// say about the performance forms.
public struct FormCounts: Hashable, Sendable {
    public var formsAdded = 0
    public var formsRemoved = 0
    /// Forms matched under another name.
    public var formsRenamed = 0
    /// Fields, 资金情况 figures and goals whose value changed (or label).
    public var fields = 0
    public var indicatorsAdded = 0
    public var indicatorsRemoved = 0
    /// Indicator values (指标值, 上年, 前年) that changed.
    public var indicatorValues = 0

    public init(_ changes: [Change]) {
        for c in changes where c.form != nil {
            switch c.detail {
            case .formAdded: formsAdded += 1
            case .formRemoved: formsRemoved += 1
            case .renamed: formsRenamed += 1
            case .formField, .formFieldRenamed: fields += 1
            case .indicatorAdded: indicatorsAdded += 1
            case .indicatorRemoved: indicatorsRemoved += 1
            case .indicatorValue: indicatorValues += 1
            default: continue
            }
        }
    }

    /// Whether there is no form change at all.
    public var isEmpty: Bool { total == 0 }

    public var total: Int {
        formsAdded + formsRemoved + formsRenamed + fields + indicatorsAdded + indicatorsRemoved + indicatorValues
    }

    /// `新增表 1 张，删除表 2 张，指标值变动 5 处` (only what is not zero).
    public var summary: String {
        [("新增绩效目标表", formsAdded, "张"), ("删除绩效目标表", formsRemoved, "张"), ("名称不同、按主体对应的表", formsRenamed, "张"),
         ("栏目或金额变动", fields, "处"), ("新增指标", indicatorsAdded, "项"), ("删除指标", indicatorsRemoved, "项"),
         ("指标值变动", indicatorValues, "处")]
            .filter { $0.1 > 0 }.map { "\($0.0) \($0.1) \($0.2)" }.joined(separator: "，")
    }
}
