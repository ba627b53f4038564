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
        // Audit 003 #2, #3: 表十二 本级 合计 2022 1,167.90 and 2023 1,108.64 (line 1590) against 人员类 + 运转类 +
        // 特定目标类 978.27 + 47.02 + 142.62 = 1,167.91 and 972.25 + 45.85 + 90.55 = 1,108.65: rounding, as published.
        let forms = report.reconciliation.filter { $0.rule == "performance-form" }
        #expect(forms.map(\.column) == ["year:2022", "year:2023"])
        #expect(forms.map(\.line) == [1590, 1590])
        #expect(forms.map { $0.publishedAmount?.yuanString } == ["11679000.00", "11086400.00"])
        #expect(forms.map { $0.expectedAmount?.yuanString } == ["11679100.00", "11086500.00"])
        // The 中心's 在职人员体检费 form (0.96, line 4635) is not compared with 表九's 在职人员体检费, which is 本级's
        // (1.84, line 915; 表九 calls the 中心's 职工体检费, line 1062): both 整体 forms list one of that name.
        #expect(!report.reconciliation.contains { $0.row == "在职人员体检费/year_budget" })
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
        // The forms are printed in 万元 beside 元 tables (line 861 `（万元）`): the 整体 form's 2126.26 / 916.79 /
        // 1209.47 (lines 879–888) are the tables' 21,262,614.31 / 9,167,874.31 / 12,094,740.00 to 0.01 万元, not findings.
        if !doc.table(13).forms.isEmpty {
            let forms = f.filter { $0.rule == "performance-form" }
            #expect(forms.count == 1)
            #expect(forms.first?.line == 719 && forms.first?.row == "科学技术研究与开发资金/year_budget")
            #expect(forms.first?.publishedAmount == Amount(fen: 1_009_400_000) && forms.first?.expectedAmount == Amount(fen: 980_000_000))
        }
        // Nothing else beyond rounding: the tables reconcile to the 分 (audit 004 §4c).
        let known = f.filter { ["narrative", "narrative-sum"].contains($0.rule)
            || ($0.rule == "performance-form" && $0.differenceAmount == Amount(fen: 29_400_000)) }
        #expect(f.count == known.count, "\(f.filter { !["narrative", "narrative-sum", "performance-form"].contains($0.rule) }.map(\.message))")
        #expect(f.filter { $0.rule == "narrative" }.count == 2)
        #expect(report.notes.map(\.table) == [9])
    }
}
