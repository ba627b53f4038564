import GongkaiModel

/// The layout of 江岸 2024 (sample 003). Not written yet: falls back to TAB.
struct CellPerLineLayout: LayoutWriter {
    let context: LayoutContext
    var base: TabLayout { TabLayout(context: context) }
    var groupsThousands: Bool { false }

    mutating func writeParagraph<Output: TextOutputStream>(_ text: String, to output: inout Output) {
        var b = base; b.writeParagraph(text, to: &output)
    }

    mutating func writeTable<Output: TextOutputStream>(_ table: TextTable, number: Int, to output: inout Output) {
        var b = base; b.writeTable(table, number: number, to: &output)
    }
}
