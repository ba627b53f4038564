/// What a row of a canonical table is.
public enum RowKind: String, Codable, Sendable {
    /// The 合计 row.
    case total
    /// A classification row keyed by a 功能 or 经济 code (类/款/项).
    case classification
    /// A row of a panel (表1, 表4) or of 表7, keyed by an item id.
    case item
    /// A 部门/单位 row, keyed `unit:<code>`.
    case unit
    /// A group of projects under a unit (表10 `31 本级支出项目`).
    case category
    /// A project (表10), keyed by its code or `name:<name>`.
    case project
    /// A line of 表11 / 表12 (purchases, purchased services).
    case line
}

/// One row of a canonical table.
public struct Row: Hashable, Sendable {
    /// The row's key within its table (DESIGN §3): a code, `total`, an item
    /// id, `unit:<code>`, a project code or `name:<name>`.
    public var key: String
    public var kind: RowKind
    /// The classification, unit or project code, when published.
    public var code: String?
    /// 1 for 类, 2 for 款, 3 for 项 (classification rows only).
    public var level: Int?
    /// The name as published (wrapped lines rejoined).
    public var name: String
    /// Amounts by canonical column id. A blank cell has no entry.
    public var values: [String: Figure]
    /// Text cells by canonical column id (项目单位, 情况说明, 数量 …).
    public var texts: [String: String]
    /// The source line the row starts on.
    public var line: Int?

    public init(key: String, kind: RowKind, code: String? = nil, level: Int? = nil,
                name: String, values: [String: Figure] = [:], texts: [String: String] = [:],
                line: Int? = nil) {
        self.key = key
        self.kind = kind
        self.code = code
        self.level = level
        self.name = name
        self.values = values
        self.texts = texts
        self.line = line
    }

    /// The classification level a code of this length has (3 → 1, 5 → 2, 7 → 3).
    public static func level(ofCode code: String) -> Int? {
        switch code.count {
        case 3: 1
        case 5: 2
        case 7: 3
        default: nil
        }
    }
}
