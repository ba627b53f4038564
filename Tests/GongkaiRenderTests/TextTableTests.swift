import GongkaiModel
@testable import GongkaiRender
import Testing

/// Canonical tables laid out as cells of text.
@Suite struct TextTableTests {
    func figure(_ yuan: Int64) -> Figure {
        Figure(amount: Amount(fen: yuan * 100), text: "\(yuan).00")
    }

    /// 江汉 表4: income under 预算数 (total), expenditure under 一般公共预算.
    func fiscalTable() -> Table {
        Table(id: 4, key: "fiscal", status: .disclosed, columns: ["total", "gpb"], rows: [
            Row(key: "income.gpb", kind: .item, name: "一、一般公共预算财政拨款收入", values: ["total": figure(100)]),
            Row(key: "income.total", kind: .item, name: "收入总计", values: ["total": figure(100)]),
            Row(key: "function.206", kind: .item, code: "206", level: 1, name: "科学技术支出", values: ["gpb": figure(100)]),
            Row(key: "expenditure.total", kind: .item, name: "支出总计", values: ["gpb": figure(100)]),
        ])
    }

    @Test func eachPanelPrintsTheColumnsItFills() {
        let table = TextTable(table: fiscalTable(), template: Catalog.shared.table(4)!, year: 2020, unit: .wanYuan, grouping: true)
        #expect(table.header == [["收入", "", "支出（功能分类）", ""], ["项目", "合计", "项目", "一般公共预算"]])
        #expect(table.rows.first?.cells == ["一、一般公共预算财政拨款收入", "0.01", "206 科学技术支出", "0.01"])
        #expect(table.amountColumns == [1, 3])
    }

    @Test func aPanelWithNoAmountsPrintsTheFirstColumn() {
        var fiscal = fiscalTable()
        fiscal.rows = fiscal.rows.map { row in
            var row = row
            if row.key.hasPrefix("function.") || row.key.hasPrefix("expenditure.") { row.values = [:] }
            return row
        }
        let table = TextTable(table: fiscal, template: Catalog.shared.table(4)!, year: 2020, unit: .wanYuan, grouping: true)
        #expect(table.header.last == ["项目", "合计", "项目", "合计"])
    }
}
