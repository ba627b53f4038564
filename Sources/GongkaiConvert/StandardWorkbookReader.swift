import Foundation
import GongkaiModel
import GongkaiXLSX

/// Reads a workbook written by `StandardWorkbook` back into its document.
///
/// The hidden `_model` sheet gives the structure (row keys, names, lines,
/// published texts); the visible cells give the amounts: where a plain
/// (non-formula) amount cell no longer holds the published figure — someone
/// edited the workbook — the cell's value wins. model → workbook → model is
/// the identity for an unedited workbook.
public enum StandardWorkbookReader {
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Reads the workbook at `url`.
    ///
    /// - Parameter reader: the zip and XML reader, with its safety limits.
    public static func read(_ url: URL, using reader: WorkbookReader = WorkbookReader()) throws -> Document {
        let contents: WorkbookContents
        do { contents = try reader.read(contentsOf: url) } catch let e as XLSXError {
            throw ReadError(description: e.description)
        }
        guard let model = contents.sheet(named: StandardWorkbook.modelSheet),
              let head = model["A1"]?.value, head.hasPrefix("gongkai-model;unit=") else {
            throw ReadError(description: "is not a workbook written by gongkai convert (no \(StandardWorkbook.modelSheet) sheet)")
        }
        guard let unit = SourceUnit(rawValue: String(head.dropFirst("gongkai-model;unit=".count))) else {
            throw ReadError(description: "names an unknown unit in \(StandardWorkbook.modelSheet)!A1: \(head)")
        }
        let json = model.cells.filter { $0.reference.column == 0 && $0.reference.row > 0 }
            .sorted { $0.reference.row < $1.reference.row }.compactMap(\.value).joined()
        var doc: Document
        do { doc = try ModelJSON.decode(Data(json.utf8)) } catch let e as ModelJSON.ReadError {
            throw ReadError(description: "holds a damaged model (\(e.description))")
        }
        // Overlay the visible amounts of plain cells.
        let planner = SheetPlanner(document: doc, unit: unit, catalog: .shared)
        var none: [SheetPlanner.Mismatch] = []
        for plan in StandardWorkbook.plans(doc, planner: planner, mismatches: &none) {
            guard let sheet = contents.sheet(named: plan.sheetName),
                  let template = Catalog.shared.tables.first(where: { $0.sheet == plan.sheetName }) else { continue }
            var table = doc.table(template.id)
            var changed = false
            for (i, row) in table.rows.enumerated() {
                for (column, figure) in row.values {
                    guard let ref = plan.positions[.init(row: row.key, column: column)],
                          case .amount = plan.body[ref.row - plan.bodyStart][ref.column].content,
                          let cell = sheet.cell(at: ref), cell.formula == nil else { continue }
                    guard let text = cell.value, let amount = amount(text, unit: unit) else {
                        table.rows[i].values[column] = nil  // emptied by hand
                        changed = true
                        continue
                    }
                    if amount != figure.amount {
                        table.rows[i].values[column] = Figure(amount: amount, text: amount.formatted(in: unit))
                        changed = true
                    }
                }
            }
            if changed { doc.setTable(table) }
        }
        return doc
    }

    /// A cell's number (as the file stores it, e.g. `3859.3000000000002`) in
    /// `unit`, rounded to 分.
    static func amount(_ text: String, unit: SourceUnit) -> Amount? {
        guard let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        var scaled = decimal * Decimal(unit.fenPerUnit)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        guard let fen = Int64(exactly: NSDecimalNumber(decimal: rounded).int64Value),
              Decimal(fen) == rounded else { return nil }
        return Amount(fen: fen)
    }
}
