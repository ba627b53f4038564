import Foundation
import GongkaiXLSX
import Testing

@Suite struct ChartTests {
    @Test func clusteredColumnChartWithTwoSeries() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("chart.xlsx")
            let workbook = try Workbook(path: url.path)
            let sheet = try workbook.addWorksheet(name: "表 3")
            for (row, item) in [("教育", 880.0, 879.99), ("卫生健康", 450, 430), ("农林水", 300, 310)].enumerated() {
                try sheet.writeString(item.0, row: row + 1, column: 0)
                try sheet.writeNumber(item.1, row: row + 1, column: 1)
                try sheet.writeNumber(item.2, row: row + 1, column: 2)
            }
            let range = { (column: Int) in
                SheetRange(sheet: "表 3", range: CellRange(firstRow: 1, firstColumn: column, lastRow: 3, lastColumn: column))
            }
            let chart = try workbook.addChart(ColumnChart(
                title: "预算与执行对比", categories: range(0),
                series: [.init(name: "预算数", values: range(1)), .init(name: "执行数", values: range(2))],
                categoryAxisTitle: "功能分类", valueAxisTitle: "万元"))
            try sheet.insertChart(chart, row: 1, column: 4, xScale: 1.5)
            #expect(throws: XLSXError.self) { try sheet.insertChart(chart, row: 20, column: 4) }
            try workbook.close()

            let xml = try zipEntryText(url, "xl/charts/chart1.xml")
            #expect(xml.contains(#"<c:barDir val="col"/><c:grouping val="clustered"/>"#))
            #expect(xml.components(separatedBy: "<c:ser>").count - 1 == 2)
            #expect(xml.contains("<c:f>'表 3'!$A$2:$A$4</c:f>"))
            #expect(xml.contains("<c:f>'表 3'!$C$2:$C$4</c:f>"))
            #expect(xml.contains("<c:v>预算数</c:v>"))
            #expect(xml.contains("<a:t>预算与执行对比</a:t>"))
            #expect(xml.contains("<c:v>879.99</c:v>"))  // values cached from the sheet
            #expect(xml.contains(#"<c:legendPos val="b"/>"#))
            let drawing = try zipEntryText(url, "xl/drawings/drawing1.xml")
            #expect(drawing.contains("<xdr:col>4</xdr:col>"))
        }
    }

    @Test func refusesUnknownSheetsAndTwoDimensionalRanges() throws {
        let workbook = try Workbook(path: "/nonexistent/never-written.xlsx")
        _ = try workbook.addWorksheet(name: "S")
        let values = SheetRange(sheet: "S", range: CellRange(a1: "B1:B3")!)
        let missing = SheetRange(sheet: "T", range: CellRange(a1: "A1:A3")!)
        let block = SheetRange(sheet: "S", range: CellRange(a1: "A1:B3")!)
        #expect(throws: XLSXError.self) { try workbook.addChart(ColumnChart(categories: missing, series: [.init(name: "x", values: values)])) }
        #expect(throws: XLSXError.self) { try workbook.addChart(ColumnChart(categories: values, series: [.init(name: "x", values: block)])) }
        #expect(throws: XLSXError.self) { try workbook.addChart(ColumnChart(categories: values, series: [])) }
        #expect(throws: XLSXError.self) { try workbook.addChart(ColumnChart(title: "=A1", categories: values, series: [.init(name: "x", values: values)])) }

        let other = try Workbook(path: "/nonexistent/other.xlsx")
        let otherSheet = try other.addWorksheet(name: "S")
        let chart = try workbook.addChart(ColumnChart(categories: values, series: [.init(name: "x", values: values)]))
        let error = #expect(throws: XLSXError.self) { try otherSheet.insertChart(chart, row: 0, column: 0) }
        #expect(error?.description.contains("another workbook") == true)
    }
}
