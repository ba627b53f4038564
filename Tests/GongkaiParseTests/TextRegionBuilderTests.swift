import Foundation
import GongkaiModel
@testable import GongkaiParse
import Testing

/// Tables located in PDF text rebuilt as header and rows.
@Suite struct TextRegionBuilderTests {
    func builder(_ table: Int) -> TextRegionBuilder {
        TextRegionBuilder(template: Catalog.shared.table(table)!, catalog: .shared, unit: .wanYuan, file: "test.txt")
    }

    func lines(_ texts: [String]) -> [TextLine] {
        texts.enumerated().map { TextLine(number: $0 + 1, raw: $1) }
    }

    func parse(_ text: String) throws -> Document {
        try DocumentParser().parse(data: Data(text.utf8), file: "test.txt")
    }

    // MARK: Panel captions

    @Test func panelCaptionsPrintedOnTheirOwnRowHeadTheirPanels() {
        let columns = builder(1).headerColumns(lines([
            "收入 支出（功能分类） 支出（经济分类）",
            "项目 预算数 项目 预算数 项目 预算数",
        ]))
        #expect(columns.map(\.path) == [
            ["收入", "项目"], ["收入", "预算数"],
            ["支出(功能分类)", "项目"], ["支出(功能分类)", "预算数"],
            ["支出(经济分类)", "项目"], ["支出(经济分类)", "预算数"],
        ])
    }

    @Test func stackedPanelCaptionsAreCutAtEachSide() {
        // Narrow caption cells come out one piece per line and are read as one text.
        let columns = builder(1).headerColumns(lines([
            "收入", "支出（", "功能分", "类）", "支出（", "经济分", "类）",
            "项目 预算数 项目 预算数 项目 预算数",
        ]))
        #expect(columns.map { $0.path.first ?? "" } == ["收入", "收入", "支出(功能分类)", "支出(功能分类)", "支出(经济分类)", "支出(经济分类)"])
    }

    @Test func sideCaptionsOverMorePanelsAreLeftOut() {
        // 江岸 prints 收 入 / 支 出 over three panels: they name sides, not panels.
        let columns = builder(1).headerColumns(lines([
            "收 入 支 出",
            "项目 预算数 项目（按功能分类） 预算数 项目(按支出性质和经济分类) 预算数",
        ]))
        #expect(columns.count == 6)
        #expect(columns.allSatisfy { $0.path.count == 1 })
    }

    // MARK: Panel rows

    static let summary = """
        2020年部门收支总表

        单位：万元

        收入 支出（功能分类） 支出（经济分类）

        项目 预算数 项目 预算数 项目 预算数

        一、一般公共预算财政拨款收入 100.00 201 一般公共服务支出 60.00 301 工资福利支出 70.00

        本年收入合计 100.00 206 科学技术支出 40.00 302 商品和服务支出 30.00

        收入总计 100.00 207 文化旅游体育与传媒支出 本年支出合计 100.00

        208 社会保障和就业支出 支出总计 100.00

        本年支出合计 100.00

        支出总计 100.00

        """

    @Test func theEconomicPanelIsReadByItsCaption() throws {
        let table = try parse(Self.summary).table(1)
        let economic = table.rows.filter { $0.key.hasPrefix("economic.") }.map(\.key)
        #expect(economic == ["economic.301", "economic.302", "economic.current_total", "economic.total"])
        #expect(!table.rows.contains { $0.key == "function.301" })
    }

    @Test func aPanelEndsAtItsGrandTotal() throws {
        // The economic panel is shorter: the 本年支出合计 printed below its
        // 支出总计 is the function panel's.
        let keys = try parse(Self.summary).table(1).rows.map(\.key)
        #expect(keys.filter { $0.hasPrefix("expenditure.") } == ["expenditure.current_total", "expenditure.total"])
        #expect(!keys.contains { $0.contains("#") })
    }

    // MARK: Labels

    @Test func aNumberingPrintedApartIsPartOfItsLabel() {
        // 洪山 表4 in PDF text: `(一) 一般公共预算拨款 207,302,300.00`.
        let labels = builder(4).labels(lines(["(一) 一般公共预算拨款 207,302,300.00 201 一般公共服务支出"]))
        #expect(labels.map(\.text) == ["(一) 一般公共预算拨款", "201 一般公共服务支出"])
        #expect(labels.first?.numbers.map(\.text) == ["207,302,300.00"])
    }

    @Test func aLabelNumberedWithDigitsInParenthesesStartsANewLabel() {
        // 江汉 表7: two 其中 items on lines of their own, without amounts.
        let labels = builder(7).labels(lines(["其中：(1)公务用车购置", "(2)公务用车运行维护费", "3.公务接待费 0.20"]))
        #expect(labels.map(\.text) == ["其中：(1)公务用车购置", "(2)公务用车运行维护费", "3.公务接待费"])
    }
}
