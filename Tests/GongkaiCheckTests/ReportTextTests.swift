import Testing
import GongkaiCheck
import GongkaiModel

@Suite("text report: grouped by table, each finding with its place and numbers")
struct ReportTextTests {
    @Test("000: a header, tables in order, the narrative last, then what is not disclosed")
    func sample000() throws {
        let text = ReportText.render(Checker().check(try Samples.document("000")))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "000_a71e29afdd43a94e.txt — 江汉区 · 江汉区科学技术和经济信息化局 · 2020年 · 单位：万元")
        #expect(lines[1] == "7 discrepancies, 0 rounding")
        let t6 = try #require(lines.firstIndex(of: "表6 一般公共预算基本支出表"))
        let narrative = try #require(lines.firstIndex(of: "说明 (narrative)"))
        #expect(t6 < narrative)
        #expect(lines.contains("  discrepancy  row-tree  line 427  row 合计, column total"))
        #expect(lines.contains("    表6 合计 total 462.30 ≠ Σ类 482.30 (万元); difference -20.00, beyond rounding (3 × 0.005 = 0.015 万元)"))
        #expect(lines.contains("  discrepancy  narrative  line 145  row 合计, column total"))
        #expect(lines.contains("    说明 第109行 14.34% ≠ 553.54 / (3,859.30 + 553.54) = 12.54%; difference 1.80 points, beyond rounding (± 0.0051)"))
        #expect(text.hasSuffix("Not disclosed: 表9 国有资本经营预算支出表, 表10 项目支出表, 表11 政府采购预算表, 表12 政府购买服务预算表\n"))
    }

    @Test("001: rounding findings say the bound they are within")
    func sample001() throws {
        let text = ReportText.render(Checker().check(try Samples.document("001")))
        #expect(text.contains("0 discrepancies, 17 rounding"))
        #expect(text.contains("    表6 302 public 132.39 ≠ Σ款 132.41 (万元); difference -0.02, within rounding (14 × 0.005 = 0.07 万元)"))
        #expect(text.contains("    说明 第933行 科学技术支出 18,964.90 ≠ 表3 206 total 18,964.91 (万元); difference -0.01, within rounding (4 × 0.005 = 0.02 万元)"))
    }

    @Test("a clean document says so")
    func clean() throws {
        let text = ReportText.render(Checker().check(try Repaired.sample000()))
        #expect(text.contains("no findings: the document agrees with itself"))
    }
}
