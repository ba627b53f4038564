/// One budget disclosure, normalized: the centre of gongkai.
///
/// Every table, row, number and note of the source is either here or
/// reported in `diagnostics` as not understood.
public struct Document: Hashable, Sendable {
    public var district: String?
    public var department: String?
    public var year: Int?
    /// Always `budget` for now (部门预算).
    public var kind: String
    public var sourceUnit: SourceUnit
    /// The source file's name.
    public var source: String?
    /// SHA-256 of the source file, hex.
    public var sourceSHA256: String?
    /// The 13 canonical tables, by id, always all of them.
    public var tables: [Table]
    public var extras: [ExtraTable]
    /// The narrative (说明), paragraph by paragraph.
    public var narrative: [SourceText]
    public var diagnostics: [Diagnostic]

    public init(district: String? = nil, department: String? = nil, year: Int? = nil,
                kind: String = "budget", sourceUnit: SourceUnit = .wanYuan, source: String? = nil,
                sourceSHA256: String? = nil, tables: [Table]? = nil, extras: [ExtraTable] = [],
                narrative: [SourceText] = [], diagnostics: [Diagnostic] = []) {
        self.district = district
        self.department = department
        self.year = year
        self.kind = kind
        self.sourceUnit = sourceUnit
        self.source = source
        self.sourceSHA256 = sourceSHA256
        self.tables = tables ?? Catalog.shared.tables.map { Table(id: $0.id, key: $0.key) }
        self.extras = extras
        self.narrative = narrative
        self.diagnostics = diagnostics
    }

    /// The canonical table with `id` (1–13).
    public func table(_ id: Int) -> Table {
        tables.first { $0.id == id } ?? Table(id: id, key: Catalog.shared.table(id)?.key ?? "")
    }

    /// Replaces the canonical table with the same id.
    public mutating func setTable(_ table: Table) {
        if let i = tables.firstIndex(where: { $0.id == table.id }) { tables[i] = table }
        else { tables.append(table); tables.sort { $0.id < $1.id } }
    }
}

/// Something the parser noticed: a guess it had to make, or something it
/// could not understand and kept aside.
public struct Diagnostic: Hashable, Sendable, Codable {
    public enum Severity: String, Codable, Sendable {
        /// Worth knowing; the model is complete.
        case note
        /// Something was inferred or could not be placed.
        case warning
        /// Part of the document could not be read.
        case error
    }

    public var severity: Severity
    public var line: Int?
    public var table: Int?
    public var message: String

    public init(_ severity: Severity, line: Int? = nil, table: Int? = nil, _ message: String) {
        self.severity = severity
        self.line = line
        self.table = table
        self.message = message
    }
}
