import GongkaiModel

/// Writes a `Document` back to text in one of the layouts gongkai reads.
///
/// What is written: the narrative, paragraph by paragraph; then every table
/// the document publishes (`disclosed` or `empty`, in canonical order) with
/// its title, a 单位名称 and a 单位 line, its header, its rows and its notes;
/// the 表13 forms as their source lines; the extra tables as their grids.
/// Absent tables are left out. Reading the text back with `gongkai parse`
/// gives the same tables, rows and amounts (see `RoundTripTests`).
///
/// Titles are the catalog's (with the document's year), not the source's;
/// amounts are printed in `unit`, with every significant digit, so that a
/// 元 document printed in 万元 loses nothing.
public enum Renderer {
    /// The text of `document` in `layout`.
    ///
    /// - Parameter unit: the unit to print amounts in; the layout's own
    ///   (万元, or 元 for `.spaceSeparated`) when nil.
    /// - Complexity: O(*n*) in the size of the document.
    public static func render(_ document: Document, layout: Layout, unit: SourceUnit? = nil) -> String {
        var text = ""
        write(document, layout: layout, unit: unit, to: &text)
        return text
    }

    /// Writes `document` in `layout` to `output`, table by table and row by
    /// row, so that a stream such as `FileTextSink` never holds it whole.
    ///
    /// - Complexity: O(*n*) in the size of the document.
    public static func write<Output: TextOutputStream>(_ document: Document, layout: Layout, unit: SourceUnit? = nil,
                                                       to output: inout Output) {
        let unit = unit ?? layout.defaultUnit
        let context = LayoutContext(department: document.department, unit: unit)
        var writer: any LayoutWriter = switch layout {
        case .tab: TabLayout(context: context)
        case .cellPerLine: CellPerLineLayout(context: context)
        case .spaceSeparated: SpaceSeparatedLayout(context: context)
        }
        for paragraph in document.narrative {
            writer.writeParagraph(paragraph.text, to: &output)
        }
        let catalog = Catalog.shared
        var number = 0
        for table in document.tables where table.status != .absent {
            guard let template = catalog.table(table.id) else { continue }
            number += 1
            let text = TextTable(table: table, template: template, year: document.year, unit: unit,
                                 grouping: writer.groupsThousands)
            writer.writeTable(text, number: number, to: &output)
        }
        for extra in document.extras {
            number += 1
            writer.writeTable(TextTable(extra: extra), number: number, to: &output)
        }
    }
}

/// What every layout needs to know about the document it writes.
struct LayoutContext {
    var department: String?
    var unit: SourceUnit

    /// `单位：万元`.
    var unitLine: String { "单位：\(unit.rawValue)" }
}

/// One text layout: how paragraphs and tables are printed.
protocol LayoutWriter {
    /// Whether amounts carry thousands separators.
    var groupsThousands: Bool { get }
    mutating func writeParagraph<Output: TextOutputStream>(_ text: String, to output: inout Output)
    mutating func writeTable<Output: TextOutputStream>(_ table: TextTable, number: Int, to output: inout Output)
}
