import GongkaiModel

/// The layout of 江岸 2024 (sample 003), text as a PDF extraction gives it:
///
/// - titles numbered in Chinese numerals after the title
///   (`…2024年部门收支总表（表一）`), then `单位：万元`;
/// - headers spread over many lines: short header cells side by side, long
///   ones stacked a few characters a line (`一般公` / `共预算` / `收入`), then
///   a row of column numbers (`1 2 3 4 5`) and, over 功能 codes, `类 款 项`;
/// - a row's cells on one line when they fit, empty cells simply missing;
///   a long name wrapped: the code alone on its line (a 7-digit code broken
///   in two, `2060` / `102`), the name cut in pieces, then the amounts;
/// - a blank line after every row; amounts without thousands separators.
struct CellPerLineLayout: LayoutWriter {
    let context: LayoutContext
    var groupsThousands: Bool { false }
    /// Characters of a name that fit its column.
    static let nameWidth = 12
    /// Characters of a header cell that fit one line of it.
    static let headerWidth = 3

    mutating func writeParagraph<Output: TextOutputStream>(_ text: String, to output: inout Output) {
        output.write(SpaceSeparatedLayout.withoutTabs(text))
        output.write("\n\n")
    }

    mutating func writeTable<Output: TextOutputStream>(_ table: TextTable, number: Int, to output: inout Output) {
        if !table.raw.isEmpty {
            for line in table.raw { output.write(SpaceSeparatedLayout.withoutTabs(line)); output.write("\n") }
            output.write("\n")
            return
        }
        output.write("\(table.title)（表\(Self.numeral(number))）\n\n")
        if table.id != nil { output.write(context.unitLine + "\n\n") }
        writeHeader(table, to: &output)
        for row in table.rows { write(row, of: table, to: &output) }
        output.write("\n")
        for note in table.notes { output.write(note); output.write("\n\n") }
    }

    /// Header cells of up to four characters side by side; longer ones
    /// stacked, `headerWidth` characters a line with blank lines between;
    /// then the column numbers.
    func writeHeader<Output: TextOutputStream>(_ table: TextTable, to output: inout Output) {
        guard !table.header.isEmpty else { return }
        for (r, row) in table.header.enumerated() {
            var line: [String] = []
            for (i, cell) in row.enumerated() where !cell.isEmpty {
                // A group header (基本支出 over 小计 …) stands alone, as the PDF prints it.
                let isGroup = table.header[(r + 1)...].contains { i < $0.count && !$0[i].isEmpty }
                if cell.count <= 6 && !isGroup { line.append(cell); continue }
                if isGroup && cell.count <= 6 {
                    if !line.isEmpty { output.write(line.joined(separator: " ") + "\n\n"); line = [] }
                    output.write(cell + "\n\n")
                    continue
                }
                if !line.isEmpty { output.write(line.joined(separator: " ") + "\n\n"); line = [] }
                var rest = Substring(cell)
                while !rest.isEmpty {
                    output.write(String(rest.prefix(Self.headerWidth)) + "\n\n")
                    rest = rest.dropFirst(Self.headerWidth)
                }
            }
            if !line.isEmpty { output.write(line.joined(separator: " ") + "\n\n") }
        }
        if table.codeColumn != nil, table.id != nil {
            let count = max(0, table.width - 2)
            if count > 0 { output.write((1...count).map(String.init).joined(separator: " ") + "\n") }
            if table.rows.contains(where: { $0.level == 3 }) { output.write("类 款 项\n") }
            output.write("\n")
        }
    }

    func write<Output: TextOutputStream>(_ row: TextRow, of table: TextTable, to output: inout Output) {
        var code = "", rest: [String] = []
        for (i, cell) in row.cells.enumerated() where !cell.isEmpty && i != table.nameColumn {
            if i == table.codeColumn { code = cell } else { rest.append(SpaceSeparatedLayout.withoutTabs(cell)) }
        }
        let name = table.nameColumn.flatMap { $0 < row.cells.count ? row.cells[$0] : nil } ?? ""
        if name.count > Self.nameWidth {
            // 2060 / 102 / 其他科学技 / 术管理事务 / 支出 / amounts
            if code.count == 7, code.allSatisfy(\.isASCIIDigit) {
                output.write(code.prefix(4) + "\n" + code.dropFirst(4) + "\n\n")
            } else if !code.isEmpty {
                output.write(code + "\n")
            }
            var piece = Substring(name)
            while !piece.isEmpty {
                output.write(String(piece.prefix(Self.nameWidth)) + "\n")
                piece = piece.dropFirst(Self.nameWidth)
                if !piece.isEmpty && piece.count <= 3 { output.write("\n") }
            }
            if !rest.isEmpty { output.write(rest.joined(separator: " ") + "\n") }
            output.write("\n")
            return
        }
        output.write(([code, name].filter { !$0.isEmpty } + rest).joined(separator: " "))
        output.write("\n\n")
    }

    /// 一 … 九十九 for the numbers of tables.
    static func numeral(_ n: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch n {
        case 1...9: return digits[n]
        case 10: return "十"
        case 11...19: return "十" + digits[n % 10]
        default: return digits[(n / 10) % 10] + "十" + digits[n % 10]
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
