import Foundation
import GongkaiModel

/// How the text of a disclosure lays out its tables.
///
/// The parser detects the layout from the text itself; there is no switch.
public enum SourceLayout: String, Sendable, CaseIterable {
    /// One table row per line, cells separated by TAB (江汉 2020, 洪山 2024).
    case tab
    /// Text extracted from a PDF, every cell of a row in reading order with
    /// long cells wrapped over several lines and empty cells simply missing;
    /// amounts in 万元, plain indentation (江岸 2024).
    case cellLines
    /// Text extracted from a PDF with space-separated cells, full-width
    /// (U+3000) indentation showing the level, amounts with thousands
    /// separators, usually in 元 (青山 2022).
    case spaced

    /// Whether rows are read from PDF text (cells in reading order) rather
    /// than from TAB-separated lines.
    var isPDFText: Bool { self != .tab }
}

/// Decides the layout of a source.
public enum LayoutDetector {
    /// The layout of `source`.
    ///
    /// A document whose lines carry TABs is TAB-laid (a PDF extraction never
    /// produces them). Otherwise it is PDF text; it is
    /// `spaced` when its lines are indented with U+3000 or its amounts carry
    /// thousands separators, `cellLines` otherwise.
    ///
    /// - Complexity: O(*n*) in the size of the text.
    public static func detect(_ source: SourceLines) -> SourceLayout {
        var ideographicIndent = 0, groupedAmounts = 0
        for n in stride(from: 1, through: source.count, by: 1) {
            // Bytes first: a TAB decides at once, and only a line starting
            // with U+3000 (E3 80 80) or holding a `,` can count for `spaced`.
            let (tab, indent, comma) = source.withUTF8(line: n) { b in
                (b.contains(0x09), b.starts(with: [0xE3, 0x80, 0x80]), b.contains(0x2C))
            }
            if tab { return .tab }
            // Once `spaced` is decided, only a TAB could change the answer.
            guard indent || comma, ideographicIndent < 3, groupedAmounts < 5 else { continue }
            let line = source[n]
            if line.hasPrefix("\u{3000}") { ideographicIndent += 1 }
            if comma, line.range(ofPattern: #"(^|\s)[0-9]{1,3}(,[0-9]{3})+\.[0-9]{2}(\s|$)"#) != nil {
                groupedAmounts += 1
            }
        }
        return ideographicIndent >= 3 || groupedAmounts >= 5 ? .spaced : .cellLines
    }
}
