import GongkaiModel

/// `completeness`: the canonical tables (公开表 1–13) the document does not
/// disclose at all (status `absent`).
///
/// Not a reconciliation result: its findings have severity `note`, are
/// written in JSON's `notes` array (never among `findings`) and never make
/// `gongkai check` exit 1. A table published empty (本部门无政府性基金预算)
/// is disclosed and not noted.
public struct CompletenessRule: Rule {
    public let id = "completeness"
    public let summary = "which of the 13 canonical tables the document does not disclose"
    public var tables: [Int] { Catalog.shared.tables.map(\.id) }

    public init() {}

    public func check(_ document: Document) -> [Finding] {
        Catalog.shared.tables.compactMap { template in
            guard document.table(template.id).status == .absent else { return nil }
            return Finding(rule: id, severity: .note, table: template.id,
                           message: "表\(template.id) \(template.title) 未公开 (not disclosed)")
        }
    }
}
