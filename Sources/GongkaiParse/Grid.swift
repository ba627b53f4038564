import Foundation
import GongkaiModel

/// One logical row of a table as the layout delivered it: its cells and the
/// line it starts on.
struct GridRow: Sendable {
    var line: Int
    var cells: [String]
    /// The source line of each cell, when the layout spreads a row over
    /// several lines (PDF text); empty when every cell is on `line`.
    var cellLines: [Int] = []

    init(line: Int, cells: [String], cellLines: [Int] = []) {
        self.line = line
        self.cells = cells
        self.cellLines = cellLines
    }

    /// The line cell `index` was printed on.
    func line(of index: Int) -> Int {
        index < cellLines.count && cellLines[index] > 0 ? cellLines[index] : line
    }

    /// The line of cell `index` when it differs from the row's line (what
    /// `Figure.line` records), else nil.
    func distinctLine(of index: Int) -> Int? {
        let l = line(of: index)
        return l == line ? nil : l
    }

    /// The cell at `index`, trimmed; "" past the end.
    subscript(index: Int) -> String {
        index < cells.count ? cells[index].trimmingWhitespace() : ""
    }

    /// Whether the row holds data rather than header text: a number, or a
    /// 合计 label in one of its first cells.
    var isData: Bool {
        if cells.contains(where: { NumberText.looksNumeric($0) && !Self.isCodeLike($0) }) { return true }
        // A 合计 label, in a row that is not a header naming its columns.
        let isHeader = cells.contains { c in ["编码", "代码", "名称", "项目"].contains { c.contains($0) } }
            // 合计 among other column names (the “三公” table printed as one row of columns).
            || cells.filter { !$0.trimmingWhitespace().isEmpty }.count >= 3
        return !isHeader && cells.prefix(2).contains { Self.isTotalLabel($0) }
    }

    /// A bare code (`206`, `2060101`, `067001`), which is not an amount.
    static func isCodeLike(_ text: String) -> Bool {
        // ASCII, byte by byte: this runs on every numeric cell of a table.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // `trimmingWhitespace` trims spaces and tabs, not line breaks.
            let bytes = text.utf8.drop { $0 == 0x09 || $0 == 0x20 }
            let trimmed = bytes.reversed().drop { $0 == 0x09 || $0 == 0x20 }
            let count = trimmed.count
            return count > 0 && count != 4 && trimmed.allSatisfy { (0x30...0x39).contains($0) } && (count <= 7 || count >= 12)
        }
        let t = text.trimmingWhitespace()
        return !t.isEmpty && t.count != 4 && t.allSatisfy(\.isNumber) && !t.contains(".")
            && (t.count <= 7 || t.count >= 12)
    }

    /// `合计`, `合 计`, `总计`.
    static func isTotalLabel(_ text: String) -> Bool {
        let t = HeaderText.normalize(text)
        return t == "合计" || t == "总计"
    }
}

/// The header of a table: for each column index, the header cells above it.
struct HeaderGrid {
    /// `paths[i]`: the header texts of column `i`, top to bottom.
    var paths: [[String]]

    /// Builds the column paths from header rows.
    ///
    /// A group header (本年收入) is printed once at the left of the columns it
    /// spans, the cells to its right left empty; it is carried right only
    /// over columns that have a header of their own below it, so a column
    /// with no header at all stays unnamed.
    init(rows: [GridRow]) {
        let width = rows.map(\.cells.count).max() ?? 0
        var paths = Array(repeating: [String](), count: width)
        for (r, row) in rows.enumerated() {
            var carried = ""
            for i in 0..<width {
                let cell = row[i]
                if !cell.isEmpty {
                    carried = cell
                    paths[i].append(cell)
                } else if !carried.isEmpty, rows[(r + 1)...].contains(where: { !$0[i].isEmpty }) {
                    paths[i].append(carried)
                } else {
                    carried = ""
                }
            }
        }
        self.paths = paths
    }

    var width: Int { paths.count }
}
