import Testing
import GongkaiCheck
import GongkaiModel

/// 003 and 004, the PDF-text samples, by their audits (Tests/Fixtures/audit/
/// 003.md, 004.md §4). They run when the sample parses (the layout parser
/// reads both since 7fb3be4); a parser that misplaces a column makes the
/// tables disagree, and these tests say where.
@Suite("the PDF-layout samples 003 and 004: their audited inconsistencies, and no other finding")
struct LayoutSampleFindingsTests {
    static func ready(_ prefix: String) -> Bool { Samples.parses(prefix) }

    @Test("003: every table reconciles to the 分; only the 整体 form's 2022/2023 合计 are 0.01 off (audit 003 #2, #3)",
          .enabled(if: ready("003")))
    func sample003() throws {
        let report = Checker().check(try Samples.document("003"))
        let unexpected = report.reconciliation
            .filter { !($0.rule == "performance-form" && $0.severity == .rounding && $0.differenceAmount == Amount(fen: -10_000)) }
            .map(\.message)
        #expect(unexpected == [])
        #expect(report.notes.map(\.table) == [])  // 表八 and 表十四 are published empty
    }

    @Test("004: 项目支出 1209.74 (F1) and its sum, 1009.40 for a 980.00 project (F2, F2b), the 其中 that exceeds its whole (F3)",
          .enabled(if: ready("004")))
    func sample004() throws {
        let doc = try Samples.document("004")
        let report = Checker().check(doc)
        let f = report.reconciliation
        // F1: the narrative's 项目支出 against 表3 (元 table, 万元 narrative).
        expectFinding(f.filter { $0.rule == "narrative" && $0.line == 240 }, table: 3, row: "total", column: "project",
                      published: "12,097,400.00", expected: "12,094,700.00", difference: "2,700.00",
                      severity: .discrepancy, unit: .yuan)
        // …which makes 基本支出 + 项目支出 + … exceed the 2126.26 they break down.
        expectFinding(f.filter { $0.rule == "narrative-sum" && $0.line == 238 }, table: nil, row: nil, column: nil,
                      published: "21,262,600.00", expected: "21,265,300.00", difference: "-2,700.00",
                      severity: .discrepancy, unit: .yuan)
        // F3: 1209.47 万元 …。其中：基本支出 916.79 万元，项目支出 1209.47 万元.
        expectFinding(f.filter { $0.rule == "narrative-sum" && $0.line != 238 }, table: nil, row: nil, column: nil,
                      published: "12,094,700.00", expected: "21,262,600.00", difference: "-9,167,900.00",
                      severity: .discrepancy, unit: .yuan)
        // F2: 科学技术研究与开发资金 1009.40 万元 against the 表10 project of that name (980.00 万元).
        let f2 = f.filter { $0.rule == "narrative" && $0.table == 10 }
        #expect(f2.count == 1 && f2.first?.differenceAmount == Amount(fen: 29_400_000), "\(f2.map(\.message))")
        // F2b, when the parser structures the forms: the 专项 form says 1009.40 too.
        if !doc.table(13).forms.isEmpty {
            #expect(f.contains { $0.rule == "performance-form" && $0.differenceAmount == Amount(fen: 29_400_000) })
        }
        // Nothing else beyond rounding: the tables reconcile to the 分 (audit 004 §4c).
        let known = f.filter { ["narrative", "narrative-sum"].contains($0.rule)
            || ($0.rule == "performance-form" && $0.differenceAmount == Amount(fen: 29_400_000)) }
        #expect(f.count == known.count, "\(f.filter { !["narrative", "narrative-sum", "performance-form"].contains($0.rule) }.map(\.message))")
        #expect(f.filter { $0.rule == "narrative" }.count == 2)
        #expect(report.notes.map(\.table) == [9])
    }
}
