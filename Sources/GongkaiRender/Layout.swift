import GongkaiModel

/// The text layouts of disclosures that gongkai reads, as the renderer
/// writes them.
///
/// Each is the layout of bundled samples, with their quirks, so that what is
/// rendered exercises the parser the way real documents do.
public enum Layout: String, Sendable, CaseIterable {
    /// One table row per line, cells separated by TAB, amounts in 万元
    /// (江汉 2020, 洪山 2024: samples 000–002).
    case tab
    /// Text as a PDF extraction gives it: every cell on a line of its own,
    /// long names wrapped and codes broken over lines, titles numbered 表一,
    /// multi-line headers with a row of column numbers, amounts in 万元
    /// (江岸 2024: sample 003).
    case cellPerLine = "cell-per-line"
    /// Text as a PDF extraction gives it: cells separated by spaces, amounts
    /// in 元 with thousands separators, U+3000 indentation showing the level,
    /// wrapped names, a blank line between lines, empty cells left out,
    /// tables numbered 附表 (青山 2022: sample 004).
    case spaceSeparated = "space-separated"

    /// The unit the layout's samples publish amounts in.
    public var defaultUnit: SourceUnit {
        self == .spaceSeparated ? .yuan : .wanYuan
    }
}
