import GongkaiXLSX
import Testing

@Suite struct CellReferenceTests {
    /// Columns A–Z take a one-letter shortcut; every column's name must
    /// read back as that column, and the letters roll over as in Excel.
    @Test func everyColumnNameReadsBackAsItsColumn() {
        for column in 0..<CellReference.maxColumns {
            let name = CellReference.columnName(column)
            #expect(CellReference(a1: name + "1")?.column == column, "\(column) → \(name)")
            #expect(name.count == (column < 26 ? 1 : column < 702 ? 2 : 3) && name == name.uppercased(), "\(column) → \(name)")
        }
        #expect(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"] == [0, 25, 26, 51, 52, 701, 702, 16_383].map(CellReference.columnName))
    }

    @Test(arguments: [("A1", 0, 0), ("Z1", 0, 25), ("AA10", 9, 26), ("AZ3", 2, 51), ("XFD1048576", 1_048_575, 16_383)])
    func convertsA1BothWays(text: String, row: Int, column: Int) throws {
        let reference = try #require(CellReference(a1: text))
        #expect(reference == CellReference(row: row, column: column))
        #expect(reference.a1 == text)
        #expect(reference.isWithinExcelLimits)
    }

    @Test func parsesAbsoluteAndLowercaseAndFlagsOffGridReferences() {
        #expect(CellReference(a1: "$B$5") == CellReference(row: 4, column: 1))
        #expect(CellReference(a1: "b5") == CellReference(row: 4, column: 1))
        #expect(CellReference(row: 4, column: 1).absoluteA1 == "$B$5")
        #expect(CellReference(a1: "XFE1")?.isWithinExcelLimits == false)
        #expect(CellReference(a1: "A1048577")?.isWithinExcelLimits == false)
        for bad in ["", "A", "1", "A0", "1A", "A1B", "A-1", "AAAAAAAA1", "A12345678901", "表1"] {
            #expect(CellReference(a1: bad) == nil, "\(bad)")
        }
    }

    @Test func rangesNormaliseCornersAndFormat() throws {
        let range = CellRange(CellReference(row: 3, column: 2), CellReference(row: 0, column: 0))
        #expect(range.a1 == "A1:C4")
        #expect(range.rowCount == 4 && range.columnCount == 3)
        #expect(CellRange(a1: "C4:A1") == range)
        #expect(CellRange(a1: "B2")?.a1 == "B2")
        #expect(CellRange(a1: "A1:B2:C3") == nil)
        #expect(range.contains(CellReference(row: 2, column: 1)))
        #expect(!range.contains(CellReference(row: 4, column: 1)))
    }
}
