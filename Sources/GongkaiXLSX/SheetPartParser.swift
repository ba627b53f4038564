/// Reads cells and merged ranges from one worksheet part (`xl/worksheets/sheetN.xml`).
///
/// Handles what Excel, LibreOffice and libxlsxwriter write: shared strings
/// (`t="s"`), inline strings (`t="inlineStr"`, used in constant-memory mode),
/// formula strings (`t="str"`), booleans, errors, ISO dates and plain numbers,
/// plus rows and cells whose `r` attribute is omitted (allowed by the standard:
/// position then follows the previous one). Any row or column beyond Excel's grid
/// is refused rather than trusted.
final class SheetPartParser: XMLPartHandler {
    private let path: String
    private let part: String
    private let sharedStrings: [String]
    private(set) var cells: [CellContents] = []
    private(set) var merges: [CellRange] = []

    /// One-based number of the current `<row>`; 0 before the first.
    private var rowNumber = 0
    private var nextColumn = 0
    private var cell: PendingCell?
    private var capture: Capture = .none
    private var buffer = ""
    private var inInlineString = false
    private var phoneticDepth = 0

    private enum Capture { case none, value, formula, inlineText }

    private struct PendingCell {
        let reference: CellReference
        let type: String
        let style: Int?
        var value: String?
        var formula: String?
        var inlineText = ""
    }

    init(path: String, part: String, sharedStrings: [String]) {
        self.path = path
        self.part = part
        self.sharedStrings = sharedStrings
    }

    func start(_ element: String, _ attributes: [String: String]) throws {
        switch element {
        case "row":
            if let text = attributes["r"] {
                guard let number = Int(text), number >= 1 else { throw malformed("row number \"\(text)\" is not valid") }
                guard number <= CellReference.maxRows else {
                    throw unsafe("row \(number) exceeds Excel's \(CellReference.maxRows) rows")
                }
                rowNumber = number
            } else {
                rowNumber += 1
            }
            nextColumn = 0
        case "c":
            let reference: CellReference
            if let text = attributes["r"] {
                guard let parsed = CellReference(a1: text) else { throw malformed("cell reference \"\(text)\" is not valid") }
                reference = parsed
            } else {
                reference = CellReference(row: max(rowNumber, 1) - 1, column: nextColumn)
            }
            guard reference.isWithinExcelLimits else {
                throw unsafe("cell \(attributes["r"] ?? "#\(reference.column + 1)") lies outside Excel's \(CellReference.maxRows) × \(CellReference.maxColumns) grid")
            }
            nextColumn = reference.column + 1
            cell = PendingCell(reference: reference, type: attributes["t"] ?? "n", style: attributes["s"].flatMap { Int($0) })
        case "v" where cell != nil:
            (capture, buffer) = (.value, "")
        case "f" where cell != nil:
            (capture, buffer) = (.formula, "")
        case "is" where cell != nil:
            inInlineString = true
        case "rPh":
            phoneticDepth += 1
        case "t" where inInlineString && phoneticDepth == 0:
            (capture, buffer) = (.inlineText, "")
        case "mergeCell":
            guard let ref = attributes["ref"], let range = CellRange(a1: ref) else {
                throw malformed("a <mergeCell> has no valid ref")
            }
            guard range.isWithinExcelLimits else { throw unsafe("merge \(ref) lies outside Excel's grid") }
            merges.append(range)
        default:
            break
        }
    }

    func end(_ element: String) throws {
        switch element {
        case "v" where capture == .value:
            cell?.value = buffer
            capture = .none
        case "f" where capture == .formula:
            cell?.formula = buffer
            capture = .none
        case "t" where capture == .inlineText:
            cell?.inlineText += buffer
            capture = .none
        case "rPh":
            phoneticDepth -= 1
        case "is":
            inInlineString = false
        case "c":
            if let pending = cell { cells.append(try finish(pending)) }
            cell = nil
        default:
            break
        }
    }

    func text(_ characters: String) {
        if capture != .none { buffer += characters }
    }

    /// Resolves the cell's type attribute and raw value into kind and text.
    private func finish(_ pending: PendingCell) throws -> CellContents {
        var kind: CellContents.Kind
        var value = pending.value
        switch pending.type {
        case "s":
            kind = .string
            if let raw = pending.value {
                guard let index = Int(raw), sharedStrings.indices.contains(index) else {
                    throw malformed("cell \(pending.reference) refers to shared string \(raw), but there are \(sharedStrings.count)")
                }
                value = sharedStrings[index]
            }
        case "inlineStr":
            kind = .string
            value = OOXMLText.decode(pending.inlineText)
        case "str":
            kind = .string
            value = value.map(OOXMLText.decode)
        case "b": kind = .boolean
        case "e": kind = .error
        case "d": kind = .date
        default: kind = .number
        }
        if value == nil { kind = .blank }
        return CellContents(reference: pending.reference, kind: kind, value: value,
                            formula: pending.formula, styleIndex: pending.style)
    }

    private func malformed(_ reason: String) -> XLSXError { .malformedContent(path: path, part: part, reason: reason) }
    private func unsafe(_ reason: String) -> XLSXError { .unsafeContent(path: path, part: part, reason: reason) }
}
