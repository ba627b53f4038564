import Foundation
import GongkaiModel

/// Forms in text extracted from a PDF (no TABs: cells in reading order,
/// long cells wrapped over several lines, 江岸 2024 and 青山 2022).
///
/// Not structured yet: such forms stay in `Table.raw` (every line, as
/// published) and the workbook shows those lines; a note says so.
struct TextFormReader {
    let unit: SourceUnit
    let document: Document

    mutating func read(_ raw: [SourceText]) -> FormReader.Result {
        var result = FormReader.Result()
        result.diagnostics.append(Diagnostic(.note, line: raw.first?.line, table: 13,
            "表13: the forms of a PDF-text document are kept as their \(raw.count) source lines (raw); they are not structured into fields and indicators yet"))
        return result
    }
}
