import Testing
@testable import GongkaiModel

@Suite("RowTree: which rows are sums of which")
struct RowTreeTests {
    func row(_ key: String, _ kind: RowKind, code: String? = nil) -> Row {
        Row(key: key, kind: kind, code: code, level: code.flatMap { Row.level(ofCode: $0) }, name: key)
    }

    @Test("classification rows nest by code prefix under 合计")
    func classification() {
        let rows = [
            row("total", .total),
            row("206", .classification, code: "206"),
            row("20601", .classification, code: "20601"),
            row("2060101", .classification, code: "2060101"),
            row("2060102", .classification, code: "2060102"),
            row("20604", .classification, code: "20604"),
            row("2060404", .classification, code: "2060404"),
            row("208", .classification, code: "208"),
            row("20805", .classification, code: "20805"),
        ]
        let tree = RowTree(rows: rows)
        #expect(tree.children[0] == [1, 7])
        #expect(tree.children[1] == [2, 5])
        #expect(tree.children[2] == [3, 4])
        #expect(tree.children[5] == [6])
        #expect(tree.children[7] == [8])
        #expect(tree.parent[8] == 7)
    }

    @Test("a 款 whose code does not extend the 类 above it is not its child")
    func prefixMatters() {
        let rows = [row("total", .total), row("206", .classification, code: "206"), row("20805", .classification, code: "20805")]
        let tree = RowTree(rows: rows)
        #expect(tree.parent[2] == 0)
    }

    @Test("units, categories and projects nest by rank")
    func projects() {
        let rows = [
            row("total", .total), row("unit:067", .unit, code: "067"), row("unit:067001", .unit, code: "067001"),
            row("category:31", .category, code: "31"), row("4201", .project, code: "42011124067700000100"),
            row("4202", .project, code: "42011124067700000101"),
        ]
        let tree = RowTree(rows: rows)
        #expect(tree.children[0] == [1])
        #expect(tree.children[1] == [2])
        #expect(tree.children[2] == [3])
        #expect(tree.children[3] == [4, 5])
    }

    @Test("items have no tree")
    func items() {
        let tree = RowTree(rows: [row("income.gpb", .item), row("income.total", .item)])
        #expect(tree.parent == [nil, nil])
    }
}
