import Foundation
import Testing
import GongkaiConvert
import GongkaiModel
import GongkaiTestSupport
@testable import GongkaiDiff

@Suite("The diff: changes as data")
struct DocumentDiffTests {
    @Test("a document against itself: no change", arguments: Samples.all)
    func same(prefix: String) throws {
        let doc = try Samples.document(prefix)
        let diff = try DocumentDiff(doc, doc)
        #expect(diff.isEmpty, "\(diff.changes.prefix(5))")
    }

    @Test("a document against its own standardized workbook (万元 and 元): no change", arguments: Samples.all)
    func againstWorkbook(prefix: String) throws {
        let doc = try Samples.document(prefix)
        let dir = try Fixtures.temporaryDirectory()
        for unit in SourceUnit.allCases {
            let url = dir.appendingPathComponent("\(prefix)-\(unit.rawValue).xlsx")
            try StandardWorkbook.write(doc, to: url, unit: unit)
            let back = try Inputs.load(url)
            let diff = try DocumentDiff(doc, back)
            #expect(diff.isEmpty, "\(unit): \(diff.changes.prefix(5))")
        }
    }

    @Test("the same amounts published in 元 instead of 万元: no change")
    func units() throws {
        let doc = try Samples.document("000")
        var inYuan = doc
        inYuan.sourceUnit = .yuan
        inYuan.source = "same-in-yuan.txt"
        inYuan.tables = doc.tables.map { t in
            var t = t
            t.rows = t.rows.map { r in
                var r = r
                r.values = r.values.mapValues { Figure(amount: $0.amount, text: $0.amount.formatted(in: .yuan)) }
                return r
            }
            return t
        }
        #expect(inYuan != doc)
        #expect(try DocumentDiff(doc, inYuan).isEmpty)
    }

    @Test("a changed cell: a, b, delta and percent, exact")
    func changedCell() throws {
        let a = Make.document(table: 3, [Make.row("2070101", "行政运行", ["total": "1500000.00", "basic": "3.00"])], columns: ["total", "basic"])
        let b = Make.document(table: 3, [Make.row("2070101", "行政运行", ["total": "1650000.00", "basic": "3.00"])], columns: ["total", "basic"])
        let diff = try DocumentDiff(a, b)
        #expect(diff.changes.count == 1)
        let c = try #require(diff.changes.first)
        #expect(c.kind == .changed && c.column == "total" && c.table == 3 && c.row == "2070101" && c.name == "行政运行")
        #expect(c.delta == Make.yuan("150000.00").amount)
        #expect(c.percent == Percent(hundredths: 1000))
        #expect(c.percent?.json == "10.0")
    }

    @Test("a blank cell is not 0: blank → 0.00 is a change with Δ 0 and no percent")
    func blankIsNotZero() throws {
        let a = Make.document(table: 3, [Make.row("206", "科学技术支出", ["total": "5.00"])])
        let b = Make.document(table: 3, [Make.row("206", "科学技术支出", ["total": "5.00", "basic": "0.00"])])
        let c = try #require(try DocumentDiff(a, b).changes.first)
        #expect(c.detail == .amount(column: "basic", a: nil, b: .zero))
        #expect(c.delta == .zero && c.percent == nil)
        // …and the other way round.
        #expect(try DocumentDiff(b, a).changes.map(\.detail) == [.amount(column: "basic", a: .zero, b: nil)])
    }

    @Test("tolerance ignores differences up to the amount, never a blank")
    func tolerance() throws {
        let a = Make.document(table: 3, [Make.row("206", "科学技术支出", ["total": "100.00", "basic": "7.00"])])
        let b = Make.document(table: 3, [Make.row("206", "科学技术支出", ["total": "100.50", "project": "0.10"])])
        #expect(try DocumentDiff(a, b).changes.count == 3)
        let tolerant = try DocumentDiff(a, b, tolerance: Make.yuan("0.50").amount)
        #expect(tolerant.changes.map(\.column) == ["basic", "project"])
        #expect(try DocumentDiff(a, b, tolerance: Make.yuan("0.49").amount).changes.count == 3)
    }

    @Test("row added, removed, renamed (once, beside its value changes), recoded; table status; metadata")
    func kinds() throws {
        var a = Make.document(table: 3, [
            Make.row("206", "科学技术支出", ["total": "10.00"]), Make.row("20601", "科学技术管理事务", ["total": "10.00"]),
        ])
        var b = Make.document(table: 3, [
            Make.row("206", "科学技术支出（调整）", ["total": "12.00"]), Make.row("20602", "基础研究", ["total": "2.00"]),
        ])
        a.setTable(Table(id: 10, key: "projects", status: .disclosed, columns: ["total"],
                         rows: [Make.row("42011124067700000100", "党建工作经费", kind: .project, ["total": "1.00"])]))
        b.setTable(Table(id: 10, key: "projects", status: .disclosed, columns: ["total"],
                         rows: [Make.row("42011125067700000100", "党建工作经费", kind: .project, ["total": "1.00"])]))
        b.setTable(Table(id: 8, key: "gov_fund", status: .empty, notes: ["本部门无政府性基金预算"]))
        b.year = 2025
        let diff = try DocumentDiff(a, b)
        let kinds = diff.changes.map(\.kind)
        #expect(kinds == [.metadata, .renamed, .changed, .removed, .added, .status, .recoded])
        #expect(diff.changes[0].detail == .metadata(field: "year", a: "2024", b: "2025"))
        #expect(diff.changes[1].detail == .renamed(a: "科学技术支出", b: "科学技术支出（调整）"))
        #expect(diff.changes[5].detail == .status(a: .absent, b: .empty))
        #expect(diff.changes[6].detail == .recoded(a: "42011124067700000100", b: "42011125067700000100"))
        #expect(diff.counts[.changed] == 1)
    }

    @Test("a renumbered item (三、事业收入 → 五、事业收入) is not a rename; a new word is")
    func ordinals() {
        #expect(RowName.comparable("三、事业收入") == RowName.comparable("五、事业收入"))
        #expect(RowName.comparable("(一) 一般公共预算拨款") == RowName.comparable("（二）一般公共预算拨款"))
        #expect(RowName.comparable("收 入 总 计") == RowName.comparable("收入总计"))
        #expect(RowName.comparable("一般行政管理事务") != RowName.comparable("一般行政管理事务（文化）"))
        #expect(RowName.comparable("一般公共服务支出") == "一般公共服务支出")
    }

    @Test("documents of different kinds cannot be compared")
    func kinds_differ() throws {
        let a = Document(kind: "budget")
        let b = Document(kind: "final_accounts")
        #expect(throws: DocumentDiff.Incomparable.self) { try DocumentDiff(a, b) }
    }

    @Test("percent: exact, rounded half away from zero")
    func percent() {
        #expect(Percent(Amount(fen: 1), of: Amount(fen: 3)).description == "33.33")
        #expect(Percent(Amount(fen: 2), of: Amount(fen: 3)).description == "66.67")
        #expect(Percent(Amount(fen: -2), of: Amount(fen: 3)).description == "-66.67")
        #expect(Percent(Amount(fen: 1), of: Amount(fen: 200_000)).description == "0.00")
        #expect(Percent(Amount(fen: 1), of: Amount(fen: 20_000)).description == "0.01")  // 0.005 % rounds up
        #expect(Percent(Amount(fen: -553_540_000), of: Amount(fen: 3_859_300_000)).signed == "-14.34%")
        #expect(Percent(Amount(fen: .max / 2), of: Amount(fen: 1)).hundredths > 0)  // no trap on overflow
    }

    @Test("tolerance arguments: 元 by default, 万元 with a suffix")
    func toleranceArgument() throws {
        #expect(try Tolerance.parse("0.5") == Amount(fen: 50))
        #expect(try Tolerance.parse("0.5元") == Amount(fen: 50))
        #expect(try Tolerance.parse("0.01万元") == Amount(fen: 10_000))
        #expect(try Tolerance.parse("１万元") == Amount(fen: 1_000_000))
        #expect(throws: Tolerance.ParseError.self) { try Tolerance.parse("-1") }
        #expect(throws: Tolerance.ParseError.self) { try Tolerance.parse("0.001") }
        #expect(throws: Tolerance.ParseError.self) { try Tolerance.parse("abc") }
    }
}
