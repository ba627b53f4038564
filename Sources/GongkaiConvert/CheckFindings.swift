import GongkaiCheck
import GongkaiModel

extension WorkbookFinding {
    /// The findings of `gongkai check` on `document`, for its 校验 sheet:
    /// one implementation, two outputs.
    public static func checking(_ document: Document) -> [WorkbookFinding] {
        Checker().check(document).findings.map { f in
            WorkbookFinding(table: f.table, row: f.row, column: f.column, severity: f.severity.rawValue,
                            published: f.publishedAmount, expected: f.expectedAmount, line: f.line, message: f.message)
        }
    }
}
