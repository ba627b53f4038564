import Foundation
import GongkaiModel
import Testing
@testable import GongkaiParse

/// 表2 printed as one column of funds (江苏's 收入预算总表) is read as the 合计
/// row of the canonical table, each group's 小计 under the column its name matches.
@Suite struct IncomeListReaderTests {
    static let text = """
    公开02表
    收入预算总表
    单位：万元
    项目名称\t\t金额
    \t收入总计\t10,150.48
    \t小计\t10,070.48
    一般公共预算资金\t公共财政拨款(补助)资金\t10,070.48
    \t专项收入\t
    政府性基金\t小计\t
    \t小计\t
    财政专户管理资金\t专户管理教育收费\t
    \t其他非税收入\t
    \t小计\t80.00
    其他资金\t事业收入\t
    \t其他收入\t80.00
    """

    @Test func fundsBecomeTheTotalRowsColumns() throws {
        let doc = try DocumentParser().parse(SourceLines(text: Self.text), file: "t.txt")
        let t2 = doc.table(2)
        #expect(t2.status == .disclosed)
        #expect(t2.rows.count == 1)
        let total = try #require(t2.rows.first)
        #expect(total.key == "total")
        func wan(_ s: String) -> Amount? { try? Amount.parse(s, unit: .wanYuan).get() }
        #expect(total.values["total"]?.amount == wan("10150.48"))
        #expect(total.values["current.gpb"]?.amount == wan("10070.48"))
        #expect(total.values["current.fund"] == nil)  // printed blank: blank, not 0
        #expect(total.values["current.special_account"] == nil)
        #expect(total.values["header:其他资金"]?.amount == wan("80.00"))
        #expect(total.values["current.other"]?.amount == wan("80.00"))
        // Items the catalog has no column for keep their figures under their labels.
        #expect(total.values["header:一般公共预算资金/公共财政拨款(补助)资金"]?.amount == wan("10070.48"))
        #expect(t2.columns.contains("header:财政专户管理资金/其他非税收入"))
        #expect(!doc.diagnostics.contains { $0.severity == .warning && $0.table == 2 })
    }
}
