import Foundation
import GongkaiModel
import GongkaiXLSX

/// A finding listed on the `校验` sheet (from `gongkai check`, or the
/// converter's own formula mismatches).
public struct WorkbookFinding: Sendable, Equatable {
    public var table: Int?
    public var row: String?
    public var column: String?
    public var severity: String
    public var published: Amount?
    public var expected: Amount?
    public var line: Int?
    public var message: String

    public init(table: Int?, row: String?, column: String?, severity: String, published: Amount?, expected: Amount?,
                line: Int?, message: String) {
        self.table = table
        self.row = row
        self.column = column
        self.severity = severity
        self.published = published
        self.expected = expected
        self.line = line
        self.message = message
    }
}

/// The standardized workbook of a document: the 13 canonical tables, then
/// extras, `校验` and `说明` (DESIGN §4).
public enum StandardWorkbook {
    public static let toolVersion = "gongkai 0.1.0"
    /// The hidden sheet holding the model, so that a workbook reads back to
    /// the document it was written from.
    static let modelSheet = "_model"

    /// Documents with at least this many table rows are written in
    /// libxlsxwriter's constant-memory mode: its cells no longer grow with the
    /// document, at the price of strings stored inline (a larger file).
    /// Every sheet is written row by row, so both modes hold the same cells.
    public static let constantMemoryRows = 20_000

    /// What writing a workbook found.
    public struct Report: Sendable {
        /// Subtotal cells whose published figure differs from their formula.
        public var mismatches: Int
        public var sheets: [String]
    }

    /// Writes the workbook of `document` to `url`, atomically (a temporary
    /// file renamed into place), never over one of `inputs`.
    ///
    /// - Parameters:
    ///   - unit: the unit amounts are shown in.
    ///   - findings: the `校验` sheet's content; nil runs `gongkai check`'s rules.
    ///   - constantMemory: whether libxlsxwriter flushes each row as soon as
    ///     the next is written; nil decides by size (`constantMemoryRows`).
    /// - Throws: `XLSXError` with the library's message and the path.
    @discardableResult
    public static func write(_ document: Document, to url: URL, unit: SourceUnit = .wanYuan,
                             findings: [WorkbookFinding]? = nil, inputs: ProtectedFiles = [],
                             recorder: CallRecorder? = nil, constantMemory: Bool? = nil) throws -> Report {
        var report = Report(mismatches: 0, sheets: [])
        let streamed = constantMemory ?? (document.tables.reduce(0) { $0 + $1.rows.count } >= constantMemoryRows)
        try writeAtomically(to: url, refusingToOverwrite: inputs) { temporary in
            let workbook = try Workbook(path: temporary.path, options: .init(constantMemory: streamed), properties: .init(
                title: (document.year.map { "\($0)年" } ?? "") + (document.department ?? "") + "部门预算（标准化）",
                subject: "部门预算公开 公开表1–13", author: toolVersion, company: document.department,
                comments: "由 \(toolVersion) 从 \(document.source ?? "源文件") 生成"))
            workbook.recorder = recorder
            report = try write(document, into: workbook, unit: unit, findings: findings)
            try workbook.close()
        }
        return report
    }

    static func write(_ document: Document, into workbook: Workbook, unit: SourceUnit,
                      findings: [WorkbookFinding]?) throws -> Report {
        let planner = SheetPlanner(document: document, unit: unit, catalog: .shared)
        var mismatches: [SheetPlanner.Mismatch] = []
        var names: [String] = []
        // One sheet at a time: a plan is dropped once written, so a large
        // document never holds the plans of all its tables at once.
        for template in Catalog.shared.tables {
            let plan = self.plan(template, document, planner: planner, mismatches: &mismatches)
            try SheetWriter(plan: plan, unit: unit).write(into: workbook.addWorksheet(name: plan.sheetName))
            names.append(plan.sheetName)
        }
        for (i, extra) in document.extras.enumerated() {
            let name = sheetName("附\(i + 1) " + extra.title)
            try SheetWriter.writeExtra(extra, into: workbook.addWorksheet(name: name), unit: unit)
            names.append(name)
        }
        let listed = findings ?? WorkbookFinding.checking(document)
        try SheetWriter.writeFindings(listed, into: workbook.addWorksheet(name: "校验"), unit: unit)
        try SheetWriter.writeAbout(document, unit: unit, mismatches: mismatches.count, into: workbook.addWorksheet(name: "说明"))
        names += ["校验", "说明"]
        try SheetWriter.writeModel(document, unit: unit, into: workbook.addWorksheet(name: modelSheet))
        return Report(mismatches: mismatches.count, sheets: names)
    }

    /// The plans of the 13 canonical sheets.
    static func plans(_ document: Document, planner: SheetPlanner, mismatches: inout [SheetPlanner.Mismatch]) -> [SheetPlan] {
        Catalog.shared.tables.map { plan($0, document, planner: planner, mismatches: &mismatches) }
    }

    /// The plan of the sheet of `template`.
    static func plan(_ template: TableTemplate, _ document: Document, planner: SheetPlanner,
                     mismatches: inout [SheetPlanner.Mismatch]) -> SheetPlan {
        let table = document.table(template.id)
        guard table.status == .disclosed else { return planner.planStatusOnly(table, template) }
        switch template.rows {
        case .items: return planner.planPanels(table, template, mismatches: &mismatches)
        case .threePublic: return planner.planThreePublic(table, template, mismatches: &mismatches)
        case .forms: return planner.planForms(table, template, mismatches: &mismatches)
        default: return planner.planCodeTable(table, template, mismatches: &mismatches)
        }
    }

    /// A valid, at most 31-character sheet name.
    static func sheetName(_ text: String) -> String {
        let cleaned = String(text.map { "[]:*?/\\".contains($0) || $0.isNewline ? "_" : $0 })
        return String(cleaned.prefix(31))
    }
}
