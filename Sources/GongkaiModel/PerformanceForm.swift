import Foundation

/// 表13 is not a grid of amounts but a set of forms: one 部门整体支出绩效目标表
/// per unit (`overall`) and one 项目支出绩效目标表 per project (`project`).
///
/// A form has header fields (项目名称, 主管部门, 总预算 …), small grids
/// (部门总体资金情况, 项目资金来源, 项目支出情况 …), goals in prose (长期目标,
/// 年度目标) and indicator rows (一级 / 二级 / 三级指标 with their values).
/// Text is kept as published (HTML markup removed, wrapped lines rejoined);
/// numbers that are amounts are `Figure`s as well.
public struct PerformanceForm: Hashable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// 部门（单位）整体支出绩效目标表.
        case overall
        /// 项目支出绩效目标表 / 项目资金绩效目标申报表 / 专项申报表.
        case project
    }

    public var kind: Kind
    /// The subject: the unit (整体) or the project (项目), as published.
    public var name: String
    /// The unit the form belongs to, when it says (单位名称, 实施单位 …).
    public var unit: String?
    /// The title as printed (`2020年整体预算绩效目标表`).
    public var title: String?
    /// The source lines the form occupies.
    public var lines: ClosedRange<Int>?
    /// Header fields, in source order.
    public var fields: [FormField]
    /// Small tables inside the form (funding, project list, sources of funds).
    public var grids: [FormGrid]
    /// Goals in prose, in source order.
    public var goals: [FormGoal]
    /// Indicator rows, in source order.
    public var indicators: [Indicator]
    /// Captions of the yearly value columns as printed (`yearBefore` →
    /// `2022年` or `前年`, `lastYear` → `2023年` or `上年`, `value` → `预期当年实现值`).
    public var valueCaptions: [String: String]
    /// Remarks printed with the form (备注, 注), and what the parser noticed
    /// about the form itself (an inferred name …) is in the document's diagnostics.
    public var notes: [String]

    public init(kind: Kind, name: String, unit: String? = nil, title: String? = nil, lines: ClosedRange<Int>? = nil,
                fields: [FormField] = [], grids: [FormGrid] = [], goals: [FormGoal] = [],
                indicators: [Indicator] = [], valueCaptions: [String: String] = [:], notes: [String] = []) {
        self.kind = kind
        self.name = name
        self.unit = unit
        self.title = title
        self.lines = lines
        self.fields = fields
        self.grids = grids
        self.goals = goals
        self.indicators = indicators
        self.valueCaptions = valueCaptions
        self.notes = notes
    }
}

/// One labelled field of a form (`项目名称：…`, `项目总预算 18000`).
public struct FormField: Hashable, Sendable {
    /// The canonical key of the field, when it is one gongkai knows
    /// (`FormField.Key`); nil for any other label.
    public var key: String?
    /// The label as printed (`项目总预算`).
    public var label: String
    /// The value as printed (HTML removed).
    public var text: String
    /// The value as an amount in 元, for amount fields (总预算 …).
    public var amount: Figure?
    public var line: Int?

    public init(key: String? = nil, label: String, text: String, amount: Figure? = nil, line: Int? = nil) {
        self.key = key
        self.label = label
        self.text = text
        self.amount = amount
        self.line = line
    }

    /// The canonical field keys.
    public enum Key {
        public static let name = "name"                  // 项目名称 / 单位名称 / 部门名称
        public static let code = "code"                  // 项目代码
        public static let department = "department"      // 主管部门
        public static let implementer = "implementer"    // 实施单位 / 执行单位
        public static let manager = "manager"            // 项目负责人 / 部门负责人
        public static let financeManager = "finance_manager" // 财务负责人
        public static let filledBy = "filled_by"         // 填报人
        public static let phone = "phone"                // 联系电话
        public static let date = "date"                  // 填报日期 / 编报时间
        public static let attribute = "attribute"        // 项目属性
        public static let period = "period"              // 项目起止时间
        public static let category = "category"          // 项目类别 / 支出项目类别
        public static let address = "address"            // 单位地址
        public static let postcode = "postcode"          // 邮政编码
        public static let startYear = "start_year"       // 起始年度
        public static let endYear = "end_year"           // 终止年度
        public static let totalBudget = "total_budget"   // 项目总预算 / 资金总额
        public static let yearBudget = "year_budget"     // 项目当年预算 / 当年资金总额
        public static let fiscalFunds = "fiscal_funds"   // 其中：财政拨款
        public static let yearFiscalFunds = "year_fiscal_funds" // 当年财政拨款
        public static let otherFunds = "other_funds"     // 其他资金
        public static let yearOtherFunds = "year_other_funds"   // 当年其他资金
        public static let reason = "reason"              // 项目申请理由
        public static let content = "content"            // 项目主要内容
        public static let budgetChange = "budget_change" // 项目前两年预算及当年预算变动情况
        public static let functions = "functions"        // 部门（单位）职能概述
        public static let organization = "organization"  // 机构设置、编制、人员情况
        public static let tasks = "tasks"                // 年度（主要）工作任务
        public static let details = "details"            // 项目支出明细测算 (PDF text, line by line)
        public static let purchases = "purchases"        // 项目采购
    }
}

/// A small table inside a form: 部门总体资金情况, 项目支出情况, 项目资金来源,
/// 项目支出明细预算.
public struct FormGrid: Hashable, Sendable {
    /// What the grid is (`FormGrid.Key`).
    public var key: String
    /// The caption as printed (`部门总体资金情况 (万元)`).
    public var title: String
    /// The columns, in order; a row's cells are keyed by column id.
    public var columns: [FormColumn]
    public var rows: [FormGridRow]

    public init(key: String, title: String, columns: [FormColumn] = [], rows: [FormGridRow] = []) {
        self.key = key
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    public enum Key {
        /// 部门总体资金情况: rows `income.*`, `expenditure.*`; columns
        /// `current` (当年), `share` (占比), `year:<yyyy>` (近两年).
        public static let funding = "funding"
        /// 项目支出情况 of a 整体 form: one row per project.
        public static let projects = "projects"
        /// 项目资金来源 of a project form.
        public static let sources = "sources"
        /// 项目支出明细预算 of a project form.
        public static let details = "details"
    }

    /// The row with `key`, if any.
    public func row(_ key: String) -> FormGridRow? { rows.first { $0.key == key } }
}

/// A column of a `FormGrid`.
public struct FormColumn: Hashable, Sendable {
    /// `current`, `share`, `year:2022`, `name`, `amount` …
    public var id: String
    /// The caption as printed.
    public var caption: String

    public init(id: String, caption: String) {
        self.id = id
        self.caption = caption
    }
}

/// A row of a `FormGrid`.
public struct FormGridRow: Hashable, Sendable {
    /// `income.fiscal`, `income.other`, `income.total`, `expenditure.basic`,
    /// `expenditure.project`, `expenditure.personnel`, `expenditure.operation`,
    /// `expenditure.specific`, `expenditure.total`, `total` …; nil when the
    /// label is none gongkai knows.
    public var key: String?
    /// The group label (`收入构成`, `支出构成`), when printed.
    public var group: String?
    /// The row label as printed.
    public var label: String
    /// Text cells by column id, as printed.
    public var cells: [String: String]
    /// The cells that are amounts, in 元, by column id.
    public var amounts: [String: Figure]
    public var line: Int?

    public init(key: String? = nil, group: String? = nil, label: String, cells: [String: String] = [:],
                amounts: [String: Figure] = [:], line: Int? = nil) {
        self.key = key
        self.group = group
        self.label = label
        self.cells = cells
        self.amounts = amounts
        self.line = line
    }
}

/// Whether a goal or an indicator belongs to the long-term (长期 / 中期) or
/// to the annual (年度) target.
public enum GoalTerm: String, Codable, Sendable, CaseIterable {
    case longTerm = "long_term"
    case annual
}

/// A goal stated in prose (`长期目标1：…`, `年度目标`).
public struct FormGoal: Hashable, Sendable {
    public var term: GoalTerm?
    /// The label as printed (`长期目标1`, `年度绩效目标1`), when there is one.
    public var label: String?
    public var text: String
    public var line: Int?

    public init(term: GoalTerm?, label: String? = nil, text: String, line: Int? = nil) {
        self.term = term
        self.label = label
        self.text = text
        self.line = line
    }
}

/// One indicator row (三级指标) of a form.
public struct Indicator: Hashable, Sendable {
    /// 一级指标 (产出指标, 效益指标, 满意度指标 …); inherited from the rows
    /// above when its cell is blank (a merged cell in the source).
    public var level1: String
    /// 二级指标 (数量指标, 经济效益指标 …), inherited likewise.
    public var level2: String
    /// 三级指标: the indicator itself (`新增技改项目`). Empty on placeholder
    /// rows that publish only a 二级指标.
    public var name: String
    /// 指标值, or the expected value for the current year (预期当年实现值).
    public var value: String?
    /// The value published for the previous year (上年 / 2023年).
    public var lastYear: String?
    /// The value published for the year before (前年 / 2022年).
    public var yearBefore: String?
    /// 指标值确定依据 / 绩效标准.
    public var basis: String?
    /// 备注 / 指标说明.
    public var note: String?
    /// 指标类别, when the form has such a column (the project an 整体 indicator
    /// belongs to).
    public var category: String?
    /// Long-term or annual, when the form says.
    public var term: GoalTerm?
    /// The goal the indicator serves, as labelled (`长期目标1`).
    public var goal: String?
    public var line: Int?

    public init(level1: String, level2: String, name: String, value: String? = nil, lastYear: String? = nil,
                yearBefore: String? = nil, basis: String? = nil, note: String? = nil, category: String? = nil,
                term: GoalTerm? = nil, goal: String? = nil, line: Int? = nil) {
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.value = value
        self.lastYear = lastYear
        self.yearBefore = yearBefore
        self.basis = basis
        self.note = note
        self.category = category
        self.term = term
        self.goal = goal
        self.line = line
    }

    /// A row that names no indicator and gives no value (`││社会成本指标││││`):
    /// kept, because it was published, but it measures nothing.
    public var isPlaceholder: Bool {
        name.isEmpty && [value, lastYear, yearBefore].allSatisfy { ($0 ?? "").isEmpty }
    }

    /// The key that matches this indicator across documents: term and the
    /// three levels, compared without spaces or width differences (and a
    /// level without its printed code: `01 产出数量` is `产出数量`).
    public var matchKey: IndicatorKey {
        IndicatorKey(term: term, level1: FormText.matchableLevel(level1), level2: FormText.matchableLevel(level2),
                     name: FormText.matchable(name))
    }
}

/// What identifies an indicator within a form (see `Indicator.matchKey`).
public struct IndicatorKey: Hashable, Sendable, CustomStringConvertible {
    public var term: GoalTerm?
    public var level1: String
    public var level2: String
    public var name: String

    public init(term: GoalTerm?, level1: String, level2: String, name: String) {
        self.term = term
        self.level1 = level1
        self.level2 = level2
        self.name = name
    }

    public var description: String {
        (term.map { $0 == .longTerm ? "长期/" : "年度/" } ?? "") + [level1, level2, name].joined(separator: "/")
    }
}

/// What identifies a form within a document (see `PerformanceForm.matchKey`).
public struct FormKey: Hashable, Sendable, CustomStringConvertible {
    public var kind: PerformanceForm.Kind
    public var name: String

    public init(kind: PerformanceForm.Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    public var description: String { (kind == .overall ? "整体：" : "项目：") + name }
}

extension PerformanceForm {
    /// The key that matches this form across documents: kind and name,
    /// compared without spaces, width differences or a leading `（预下达）`-style
    /// parenthesis.
    public var matchKey: FormKey {
        var n = FormText.matchable(name)
        if let r = n.range(ofPattern: #"^[(（][^)）]{1,8}[)）]"#), r.upperBound < n.endIndex {
            n.removeSubrange(r)
        }
        return FormKey(kind: kind, name: n)
    }

    /// The field with `key` (`FormField.Key`), if any.
    public func field(_ key: String) -> FormField? { fields.first { $0.key == key } }

    /// The grid with `key` (`FormGrid.Key`), if any.
    public func grid(_ key: String) -> FormGrid? { grids.first { $0.key == key } }

    /// 项目总预算 (资金总额) of a project form, in 元.
    public var totalBudget: Figure? { field(FormField.Key.totalBudget)?.amount }

    /// 项目当年预算 (当年资金总额) of a project form, in 元.
    public var yearBudget: Figure? { field(FormField.Key.yearBudget)?.amount }

    /// An amount of the funding grid (部门总体资金情况) of an 整体 form:
    /// `funding("expenditure.basic")` is 基本支出 of the current year;
    /// `column` may be `share` or `year:2022`.
    public func funding(_ row: String, column: String = "current") -> Figure? {
        grid(FormGrid.Key.funding)?.row(row)?.amounts[column]
    }

    /// Indicators of `term` (nil: all).
    public func indicators(_ term: GoalTerm?) -> [Indicator] {
        guard let term else { return indicators }
        return indicators.filter { $0.term == term }
    }

    /// The indicator with `key`, if any (the first, should a form repeat one).
    public func indicator(_ key: IndicatorKey) -> Indicator? { indicators.first { $0.matchKey == key } }
}

extension Table {
    /// The form with `key`, if any.
    public func form(_ key: FormKey) -> PerformanceForm? { forms.first { $0.matchKey == key } }

    /// The forms of `kind`.
    public func forms(_ kind: PerformanceForm.Kind) -> [PerformanceForm] { forms.filter { $0.kind == kind } }
}

/// Text helpers shared by the forms' parser and their users.
public enum FormText {
    /// `text` without white space and with full-width letters, digits and
    /// punctuation made half-width: for matching, never for display.
    public static func matchable(_ text: String) -> String {
        let half = NumberText.halfWidth(text)
        var out = String.UnicodeScalarView()
        for u in half.unicodeScalars {
            if CharacterSet.whitespacesAndNewlines.contains(u) { continue }
            switch u.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(u.value - 0xFEE0)!)
            case 0x3000: continue
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// A level (一级 / 二级) for matching: `matchable`, without a leading
    /// code such as `01` or `02.`.
    public static func matchableLevel(_ text: String) -> String {
        matchable(text).replacingMatches(ofPattern: #"^[0-9]{1,2}[.、]?"#, with: "")
    }
}
