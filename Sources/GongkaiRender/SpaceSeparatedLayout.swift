import GongkaiModel

/// The layout of 青山 2022 (sample 004), text as a PDF extraction gives it:
///
/// - tables numbered `附表4-N` on a line of their own above the title, then
///   a `部门/单位：… 单位：元` line;
/// - cells separated by one space, a trailing space, a blank line after
///   every line;
/// - empty cells simply missing (the parser places the amounts left by the
///   catalog's sums);
/// - the level shown by U+3000 indentation before the code and the name
///   (`　　2060101 　　行政运行`);
/// - names too long for their column wrapped: the code alone on a line, the
///   first part of the name, a blank line, the rest, then the amounts;
/// - amounts with thousands separators, in 元 unless told otherwise.
struct SpaceSeparatedLayout: LayoutWriter {
    let context: LayoutContext
    var groupsThousands: Bool { true }
    /// Characters of indentation and name that fit the name column.
    static let nameWidth = 15

    mutating func writeParagraph<Output: TextOutputStream>(_ text: String, to output: inout Output) {
        output.write(Self.withoutTabs(text))
        output.write("\n\n")
    }

    mutating func writeTable<Output: TextOutputStream>(_ table: TextTable, number: Int, to output: inout Output) {
        if !table.raw.isEmpty {
            for line in table.raw { output.write(Self.withoutTabs(line)); output.write("\n") }
            output.write("\n")
            return
        }
        output.write("附表4-\(number)\n\n\(table.title)\n\n")
        if table.id != nil {
            output.write("部门/单位：\(context.department ?? "") \(context.unitLine)\n\n")
        }
        writeHeader(table.header, to: &output)
        if !table.header.isEmpty { output.write("\n") }
        for row in table.rows { write(row, of: table, to: &output) }
        output.write("\n")
        for note in table.notes { output.write(note); output.write("\n\n") }
    }

    /// The header as 004 prints it: the top row's cells left to right, but
    /// group headers (基本支出 over 小计, 人员经费, 公用经费; 本年收入
    /// 上年结转结余) on a line of their own followed by a blank line; then
    /// each lower row on a line.
    func writeHeader<Output: TextOutputStream>(_ header: [[String]], to output: inout Output) {
        guard let top = header.first else { return }
        let lower = header.dropFirst()
        var line: [String] = [], groups: [String] = []
        func flush() {
            if !line.isEmpty { output.write(line.joined(separator: " ") + "\n"); line = [] }
            if !groups.isEmpty { output.write(groups.joined(separator: " ") + "\n\n"); groups = [] }
        }
        for (i, cell) in top.enumerated() where !cell.isEmpty {
            if lower.contains(where: { i < $0.count && !$0[i].isEmpty }) {
                if !line.isEmpty { flush() }
                groups.append(cell)
            } else {
                if !groups.isEmpty { flush() }
                line.append(cell)
            }
        }
        flush()
        for row in lower {
            let cells = row.filter { !$0.isEmpty }
            if !cells.isEmpty { output.write(cells.joined(separator: " ") + "\n") }
        }
    }

    func write<Output: TextOutputStream>(_ row: TextRow, of table: TextTable, to output: inout Output) {
        let indent = String(repeating: "\u{3000}", count: max(0, row.level - 1))
        var lead: [String] = []
        var rest: [String] = []
        for (i, cell) in row.cells.enumerated() where !cell.isEmpty {
            let text = Self.withoutTabs(cell)
            if i == table.codeColumn || i == table.nameColumn { lead.append(indent + text) } else { rest.append(text) }
        }
        let name = table.nameColumn.flatMap { $0 < row.cells.count ? row.cells[$0] : nil } ?? ""
        let width = Self.nameWidth - indent.count
        if name.count > width, let last = lead.last, last == indent + name {
            // 　　2080505 / 　　机关事业单位基本养老保险缴 / (blank) / 费支出 / amounts
            for cell in lead.dropLast() { output.write(cell); output.write("\n") }
            output.write(indent + name.prefix(width) + "\n\n")
            output.write(String(name.dropFirst(width)) + "\n")
            if !rest.isEmpty { output.write(rest.joined(separator: " ") + " \n") }
            output.write("\n")
            return
        }
        output.write((lead + rest).joined(separator: " "))
        output.write(" \n\n")
    }

    /// A PDF extraction has no TAB; one in a cell would make the text look TAB-laid.
    static func withoutTabs(_ text: String) -> String {
        text.contains("\t") ? text.replacingOccurrences(of: "\t", with: " ") : text
    }
}
