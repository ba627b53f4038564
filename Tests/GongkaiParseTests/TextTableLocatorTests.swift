import Foundation
import GongkaiModel
@testable import GongkaiParse
import Testing

/// Tables found in PDF text by their titles and what follows them.
@Suite struct TextTableLocatorTests {
    func located(_ text: String) throws -> [TextTableLocator.Located] {
        TextTableLocator(catalog: .shared).locate(try SourceLines(data: Data(text.utf8), file: "test.txt"))
    }

    @Test func aHeaderOfManyColumnsConfirmsItsTitle() throws {
        // 江岸's 政府采购 header: 18 columns, far more than 60 characters on one line.
        let tables = try located("""
            2024年政府采购预算表

            单位：元

            编码 项目名称 采购品目 数量 合计 一般公共预算 政府性基金预算 国有资本经营预算 采购品目名称 计量单位 政府采购方式 事业收入 上级补助收入 附属单位上缴收入 事业单位经营收入 其他收入 用事业基金弥补收支差额 上年结转

            合计 15,000.00 15,000.00

            """)
        #expect(tables.map(\.region.tableID) == [11])
    }

    @Test func anExtraTableIsConfirmedByItsNumberAbove() throws {
        // 青山's 资产配置预算表 publishes a header and no amounts: no 单位 line
        // may follow its title, but its number stands above it.
        let tables = try located("""
            附表4-13

            青山区科学技术和经济信息化局资产配置预算表

            单位代码 单位名称 项目 资产分类 资产名称 资产数量

            """)
        #expect(tables.map(\.extraTitle) == ["青山区科学技术和经济信息化局资产配置预算表"])
        #expect(tables.first?.region.first == 1)
    }

    @Test func anExtraTableIsConfirmedByTheNumberAfterItsName() throws {
        // The same table numbered as 江岸 numbers every table, after its name:
        // no 单位 line follows and nothing stands above it.
        let tables = try located("""
            青山区科学技术和经济信息化局资产配置预算表（表十三）

            单位代码 单位名称 项目

            资产分类 资产名称 资产数量

            """)
        #expect(tables.map(\.extraTitle) == ["青山区科学技术和经济信息化局资产配置预算表（表十三）"])
        #expect(tables.first?.data.map(\.trimmed) == ["单位代码 单位名称 项目", "资产分类 资产名称 资产数量"])
    }

    @Test func proseAfterATitleDoesNotConfirmIt() throws {
        // A title quoted in the narrative, followed by a paragraph.
        let tables = try located("""
            2024年政府采购预算表

            2024年本部门政府采购预算15,000.00元，其中货物类采购预算9,000.00元，服务类采购预算6,000.00元，比上年减少。

            """)
        #expect(tables.isEmpty)
    }

    /// The byte reader of column numbering accepts exactly what its pattern
    /// does, on every text of up to six characters from digits, `+`, `=`, a
    /// letter and line ends.
    @Test func columnNumberingAgreesWithItsPattern() throws {
        let alphabet = ["1", "5", "+", "=", "a", "\n", "\r\n", "\u{2028}"]
        let (compared, numberings) = try expectAgreement(of: TextTableLocator.isColumnNumbering,
                                                         withPattern: TextTableLocator.columnNumberingPattern,
                                                         on: exhaustiveTexts(alphabet, upTo: 6))
        #expect(compared > 250_000)
        #expect(numberings > 1_000)
    }
}
