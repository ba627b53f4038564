import GongkaiModel

/// The TAB layout of 江汉 2020 and 洪山 2024 (samples 000, 001): a number
/// line (`公开表3`), the title, 单位 lines, then one line per table row with
/// its cells separated by TAB; a blank line between paragraphs.
struct TabLayout: LayoutWriter {
    let context: LayoutContext
    var groupsThousands: Bool { true }

    mutating func writeParagraph<Output: TextOutputStream>(_ text: String, to output: inout Output) {
        output.write(text)
        output.write("\n\n")
    }

    mutating func writeTable<Output: TextOutputStream>(_ table: TextTable, number: Int, to output: inout Output) {
        if !table.raw.isEmpty {
            // 表13: the forms as published (their first line is the title).
            for line in table.raw { output.write(line); output.write("\n") }
            output.write("\n")
            return
        }
        output.write("公开表\(number)\n\n\(table.title)\n\n")
        if let department = context.department { output.write("单位名称：\(department)\n\n") }
        if table.id != nil { output.write(context.unitLine + "\n\n") }
        let width = table.width
        for row in table.header + table.rows.map(\.cells) {
            var line = ""
            for i in 0..<width {
                if i > 0 { line.append("\t") }
                if i < row.count { line.append(row[i]) }
            }
            output.write(line)
            output.write("\n")
        }
        output.write("\n")
        for note in table.notes { output.write(note); output.write("\n\n") }
    }
}
