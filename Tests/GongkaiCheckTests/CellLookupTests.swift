import Testing
@testable import GongkaiCheck
import GongkaiModel

@Suite("CellLookup: the cells the rules compare, each table indexed once")
struct CellLookupTests {
    /// 表3 with 合计, a 类, its 款 and two 项 (the first blank in `basic`), and a repeated key.
    func document() -> Document {
        func f(_ fen: Int64) -> Figure { Figure(amount: Amount(fen: fen), text: "") }
        var doc = Document()
        doc.setTable(Table(id: 3, key: "function", status: .disclosed, columns: ["total", "basic"], rows: [
            Row(key: "total", kind: .total, name: "合计", values: ["total": f(300), "basic": f(100)], line: 10),
            Row(key: "201", kind: .classification, code: "201", level: 1, name: "一般公共服务支出",
                values: ["total": f(300), "basic": f(100)], line: 11),
            Row(key: "20101", kind: .classification, code: "20101", level: 2, name: "人大事务",
                values: ["total": f(300), "basic": f(100)], line: 12),
            Row(key: "2010101", kind: .classification, code: "2010101", level: 3, name: "行政运行",
                values: ["total": f(100)], line: 13),
            Row(key: "2010102", kind: .classification, code: "2010102", level: 3, name: "一般行政管理事务",
                values: ["total": f(200), "basic": f(100)], line: 14),
            Row(key: "2010102", kind: .classification, code: "2010102", level: 3, name: "一般行政管理事务（续）",
                values: ["total": f(1)], line: 15),
        ]))
        doc.setTable(Table(id: 8, key: "fund", status: .empty))
        return doc
    }

    @Test func findsRowsByKeyAndTheTotalRow() throws {
        let lookup = CellLookup(document())
        let total = try #require(lookup.cell(table: 3, row: "total", column: "total"))
        #expect(total.amount == Amount(fen: 300))
        #expect(total.line == 10)
        // Leaves below 合计 with a figure in the column: both 项 for total, one for basic.
        #expect(total.figures == 3)
        #expect(lookup.cell(table: 3, row: "total", column: "basic")?.figures == 1)
        let leaf = try #require(lookup.cell(table: 3, row: "2010101", column: "total"))
        #expect(leaf.row?.name == "行政运行")
        #expect(leaf.figures == 1)
    }

    @Test func aRepeatedKeyFindsItsFirstRow() {
        let cell = CellLookup(document()).cell(table: 3, row: "2010102", column: "total")
        #expect(cell?.row?.line == 14)
        #expect(cell?.amount == Amount(fen: 200))
    }

    @Test func missingRowsColumnsAndTables() {
        let lookup = CellLookup(document())
        // A disclosed table without the row: the row is 0 there, said by `row == nil`.
        let missing = lookup.cell(table: 3, row: "205", column: "total")
        #expect(missing != nil && missing?.row == nil && missing?.amount == nil)
        // A column the table does not publish, an absent table: nothing to compare.
        #expect(lookup.cell(table: 3, row: "total", column: "project") == nil)
        #expect(lookup.cell(table: 5, row: "total", column: "total") == nil)
        // An empty table publishes 0 for everything.
        #expect(lookup.cell(table: 8, row: "total", column: "total")?.amount == .zero)
    }

    @Test func theIndexHoldsFirstPositionsTheTotalAndTheTree() {
        let index = CellLookup(document()).index(3)
        #expect(index.positions["2010102"] == 4)
        #expect(index.total == 0)
        // 项 under 款 under 类 under 合计.
        #expect(index.tree.parent[3] == 2 && index.tree.parent[2] == 1 && index.tree.parent[1] == 0)
    }
}
