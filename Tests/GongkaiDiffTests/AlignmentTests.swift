import Testing
import GongkaiModel
@testable import GongkaiDiff

@Suite("Alignment: which row of A is which row of B")
struct AlignmentTests {
    @Test("rows match by key whatever their order; rows only one side has are kept in place")
    func byKey() {
        let a = Make.document(table: 3, [
            Make.row("total", "合计", kind: .total), Make.row("206", "科学技术支出"),
            Make.row("20601", "科学技术管理事务"), Make.row("20602", "基础研究"), Make.row("208", "社会保障和就业支出"),
        ])
        let b = Make.document(table: 3, [
            Make.row("total", "合计", kind: .total), Make.row("208", "社会保障和就业支出"), Make.row("206", "科学技术支出"),
            Make.row("20601", "科学技术管理事务"), Make.row("20603", "应用研究"),
        ])
        let t = Alignment(a, b).table(3)!
        let pairs = t.rows.map { [$0.a, $0.b] }
        // B's order; 20602 (only in A) right after 20601, the row it followed in A.
        #expect(pairs == [[0, 0], [4, 1], [1, 2], [2, 3], [3, nil], [nil, 4]])
    }

    @Test("a key that occurs twice pairs its occurrences in order")
    func duplicates() {
        let a = Make.document(table: 11, [Make.row("x", "甲", kind: .line), Make.row("x", "乙", kind: .line), Make.row("x", "丙", kind: .line)])
        let b = Make.document(table: 11, [Make.row("x", "甲", kind: .line), Make.row("x", "乙", kind: .line)])
        let t = Alignment(a, b).table(11)!
        #expect(t.rows.map { [$0.a, $0.b] } == [[0, 0], [1, 1], [2, nil]])
    }

    @Test("a common prefix pairs by position, the rest by hash, occurrences still in order")
    func prefixThenHash() {
        let a = Make.document(table: 11, [Make.row("k", "甲", kind: .line), Make.row("k", "乙", kind: .line), Make.row("x", "丙", kind: .line)])
        let b = Make.document(table: 11, [Make.row("k", "甲", kind: .line), Make.row("y", "丁", kind: .line), Make.row("k", "乙", kind: .line)])
        let t = Alignment(a, b).table(11)!
        #expect(t.rows.map { [$0.a, $0.b] } == [[0, 0], [nil, 1], [1, 2], [2, nil]])
        // Identical key sequences pair row by row.
        let same = Alignment(a, a).table(11)!
        #expect(same.rows.map { [$0.a, $0.b] } == [[0, 0], [1, 1], [2, 2]])
    }

    @Test("projects whose codes differ (they carry the year) match by normalized name")
    func projectsByName() {
        let a = Make.document(table: 10, [
            Make.row("42011124067700000100", "2024年支持工业经济发展-科学技术研究与开发资金", kind: .project),
            Make.row("42011124067700000101", "党建工作经费", kind: .project),
            Make.row("42011124067700000102", "只在A", kind: .project),
        ])
        let b = Make.document(table: 10, [
            Make.row("42011125067700000107", "党建工作经费", kind: .project),
            Make.row("42011125067700000100", "2025年度 支持工业经济发展－科学技术研究与开发资金", kind: .project),
            Make.row("name:只在B", "只在B", kind: .project),
        ])
        let t = Alignment(a, b).table(10)!
        #expect(t.rows.map { [$0.a, $0.b] } == [[1, 0], [2, nil], [0, 1], [nil, 2]])
        #expect(t.rows[0].rule == .name && t.rows[2].rule == .name)
    }

    @Test("a project code that exists on both sides wins over a name")
    func codeFirst() {
        let a = Make.document(table: 10, [Make.row("P1", "甲项目", kind: .project), Make.row("P2", "乙项目", kind: .project)])
        let b = Make.document(table: 10, [Make.row("P1", "乙项目", kind: .project), Make.row("P3", "甲项目", kind: .project)])
        let t = Alignment(a, b).table(10)!
        // P1 ↔ P1 by code (a rename); P2 ↔ P3 stay apart: their names differ.
        #expect(t.rows.map { [$0.a, $0.b] } == [[0, 0], [1, nil], [nil, 1]])
    }

    @Test("columns: catalog order, then columns outside the catalog")
    func columns() {
        let a = Make.document(table: 3, [Make.row("206", "科学技术支出", ["project": "1.00", "unlabeled.9": "2.00"])])
        let b = Make.document(table: 3, [Make.row("206", "科学技术支出", ["total": "1.00", "basic": "0.00"])])
        #expect(Alignment(a, b).columns(3) == ["total", "basic", "project", "unlabeled.9"])
    }

    @Test("normalized project names drop years, spaces, punctuation and width")
    func names() {
        #expect(ProjectName.normalize("2024年科技创新专项（区级）") == ProjectName.normalize("2025年度 科技创新专项(区级)"))
        #expect(ProjectName.normalize("科技创新专项") != ProjectName.normalize("科技创新专项二期"))
        // Numbers that are not years stay.
        #expect(ProjectName.normalize("5G基站建设") != ProjectName.normalize("4G基站建设"))
        #expect(ProjectName.normalize("12345项目") == "12345项目")
    }

    @Test("alignment is linear: 200,000 rows a side")
    func large() {
        var rowsA: [Row] = [], rowsB: [Row] = []
        rowsA.reserveCapacity(200_000); rowsB.reserveCapacity(200_000)
        for i in 0..<200_000 {
            rowsA.append(Row(key: "P\(i)", kind: .project, code: "P\(i)", name: "项目\(i)"))
            // B renumbers every tenth project: matched by name.
            let key = i % 10 == 0 ? "Q\(i)" : "P\(i)"
            rowsB.append(Row(key: key, kind: .project, code: key, name: "项目\(i)"))
        }
        let a = Make.document(table: 10, rowsA), b = Make.document(table: 10, rowsB)
        let clock = ContinuousClock()
        var t: Alignment.TableAlignment?
        let elapsed = clock.measure { t = Alignment(a, b).table(10) }
        #expect(t?.rows.count == 200_000)
        #expect(t?.rows.filter { $0.rule == .name }.count == 20_000)
        // Generous even for a debug build; a quadratic alignment would take minutes.
        #expect(elapsed < .seconds(20))
    }
}
