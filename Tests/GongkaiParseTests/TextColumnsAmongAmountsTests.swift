import Foundation
import GongkaiModel
@testable import GongkaiParse
import Testing

/// PDF-text tables whose text columns sit between or after their amount
/// columns (项目 3.98 3.98 2060102 一般行政管理事务 机构运转): where rows end,
/// which columns print text, and where counts and codes go.
@Suite struct TextColumnsAmongAmountsTests {
    func parse(_ text: String) throws -> Document {
        try DocumentParser().parse(data: Data(text.utf8), file: "test.txt")
    }

    func fen(_ row: Row?, _ column: String) -> Int64? { row?.values[column]?.amount.fen }

    // MARK: Rows without a code

    /// 项目支出 keyed by name, its 功能科目编码, 科目名称 and 一级项目 printed
    /// after the amounts, 本年拨款 and 上年结转 amounts around them.
    static let projects = """
        2024年项目支出表

        单位：元

        项目编码 项目名称 合计
        本年拨款

        功能科目编码 科目名称 一级项目 事业收入 其他收入
        上年结转

        一般公共预算 政府性基金预算 财政拨款 其他

        合计 85,300.00 85,300.00 0.00 0.00 0.00 0.00 0.00

        后勤服务支出 39,800.00 39,800.00 2060102 一般行政管理事务 机构运转

        老干经费 45,500.00 45,500.00 2150599 其他工业和信息产业监管支出 工业和信息产业监管其他支出

        """

    @Test func aRowWhoseTextFollowsItsAmountsEndsWithTheirLine() throws {
        let table = try parse(Self.projects).table(10)
        #expect(table.rows.map(\.key) == ["total", "name:后勤服务支出", "name:老干经费"])
        let first = table.rows.first { $0.key == "name:后勤服务支出" }
        #expect(fen(first, "total") == 3_980_000)
        #expect(fen(first, "current.gpb") == 3_980_000)
        #expect(first?.values.count == 2)
        #expect(first?.texts["function_name"] == "一般行政管理事务")
        #expect(first?.texts["category"] == "机构运转")
        let second = table.rows.first { $0.key == "name:老干经费" }
        #expect(fen(second, "total") == 4_550_000)
        #expect(second?.texts["category"] == "工业和信息产业监管其他支出")
    }

    @Test func aCodeAmongTheAmountsGoesToItsTextColumnByTheSums() throws {
        // 2060102 could be 政府性基金预算 by position; 39,800.00 ≠ 39,800.00 +
        // 2,060,102 says it is the 功能科目编码, printed as a number.
        let doc = try parse(Self.projects)
        let row = doc.table(10).rows.first { $0.key == "name:后勤服务支出" }
        #expect(row?.texts["function"] == "2060102")
        #expect(row?.values["current.fund"] == nil)
        let notes = doc.diagnostics.filter { $0.table == 10 }.map(\.message)
        #expect(notes.contains { $0.contains("prints text in") && $0.contains("科目名称") && $0.contains("一级项目") })
        #expect(notes.contains { $0.contains("decided by the catalog's column sums") })
        #expect(!notes.contains { $0.contains("no placement of the amounts satisfies") })
    }

    @Test func aFigureWithDecimalsStaysOutOfTheCodeColumn() throws {
        // 合计 prints seven amounts for eight columns that take numbers; a
        // 0.00 is no 功能科目编码, so the one left blank is the code's.
        let doc = try parse(Self.projects)
        let total = doc.table(10).rows.first { $0.key == "total" }
        #expect(total?.texts["function"] == nil)
        #expect(fen(total, "total") == 8_530_000)
        #expect(fen(total, "current.gpb") == 8_530_000)
        #expect(fen(total, "carryover.other") == 0)
        #expect(total?.values.count == 7)
        #expect(!doc.diagnostics.contains { $0.table == 10 && $0.message.contains("fit more than one placement") })
    }

    // MARK: Counts

    @Test func aWholeNumberAmongDecimalAmountsIsTheCount() throws {
        // 1 = 0.50 + 0.50 fits 合计 = 一般公共预算 + 政府性基金预算 as well;
        // amounts print decimals, the count does not.
        let doc = try parse("""
            2024年政府采购预算表

            单位：万元

            编码 项目名称 采购品目 数量 合计 一般公共预算 政府性基金预算 采购品目名称 计量单位 政府采购方式 事业收入 上年结转

            合计 0.90 0.90 0.00 0.00 0.00

            一般公用支出 货物类 1 0.50 0.50 复印纸 批 电子商城

            一般公用支出 货物类 2 0.40 0.40 复印纸 批 电子商城

            """)
        let rows = doc.table(11).rows
        #expect(rows.map(\.key) == ["total", "name:一般公用支出", "name:一般公用支出#2"])
        #expect(rows[1].texts["quantity"] == "1")
        #expect(fen(rows[1], "total") == 500_000)
        #expect(fen(rows[1], "gpb") == 500_000)
        #expect(rows[1].values["fund"] == nil)
        #expect(rows[1].texts["item"] == "复印纸")
        #expect(rows[1].texts["measure_unit"] == "批")
        #expect(rows[1].texts["method"] == "电子商城")
        #expect(rows[2].texts["quantity"] == "2")
        #expect(fen(rows[2], "total") == 400_000)
    }

    // MARK: Line tables in 元 with sum rows

    @Test func purchaseLinesKeepTheirCountsPricesAndTexts() throws {
        // 青山's purchase lines written in catalog order: 数量 and 合计 before
        // the texts, 计量单位 printed `0` among 单价 and the 中小企业 amounts.
        let doc = try parse("""
            2022年政府采购预算表

            部门/单位：武汉市青山区科学技术和经济信息化局 单位：元

            编码 项目名称 采购品目 数量 合计 单位名称 功能科目 部门支出经济分类 计量单位 单价 其中：面向中小企业 其中：面向微小企业

            合计 60 12,900.00 215.00 0.00 12,900.00

            05 经济建设科 60 12,900.00 215.00 0.00 12,900.00

            307001 项目管理费1 [A090101]复印纸 60 12,900.00 武汉市青山区科学技术和经济信息化局本级 [2060499]其他技术研究与开发支出 [30201]办公费 0 215.00 0.00 12,900.00

            """)
        let rows = doc.table(11).rows
        #expect(rows.map(\.key) == ["total", "category:05", "name:项目管理费1"])
        #expect(rows[1].name == "经济建设科")
        #expect(rows[1].texts["quantity"] == "60")
        #expect(fen(rows[1], "unit_price") == 21_500)
        #expect(fen(rows[1], "micro") == 1_290_000)
        let line = rows[2]
        #expect(line.texts["quantity"] == "60")
        #expect(line.texts["category"] == "[A090101]复印纸")
        #expect(line.texts["unit"] == "武汉市青山区科学技术和经济信息化局本级")
        #expect(line.texts["function"] == "[2060499]其他技术研究与开发支出")
        #expect(line.texts["economic"] == "[30201]办公费")
        #expect(line.texts["measure_unit"] == "0")
        #expect(fen(line, "total") == 1_290_000)
        #expect(fen(line, "unit_price") == 21_500)
        #expect(fen(line, "sme") == 0)
        #expect(fen(line, "micro") == 1_290_000)
    }

    @Test func aSumRowWhoseNameFollowsItsAmountStartsARow() throws {
        // 青山 购买服务: a 科室 row prints no 项目, so its amount comes right
        // after its code and its name after that.
        let doc = try parse("""
            2022年政府购买服务预算表

            部门/单位：武汉市青山区科学技术和经济信息化局 单位：元

            编码 项目名称 合计 单位名称 政府购买服务内容 数量

            合计 80,000.00 3

            05 80,000.00 经济建设科 3

            307001 项目管理费1 80,000.00 武汉市青山区科学技术和经济信息化局本级 审计服务 3

            """)
        let rows = doc.table(12).rows
        #expect(rows.map(\.key) == ["total", "category:05", "name:项目管理费1"])
        #expect(rows[1].name == "经济建设科")
        #expect(fen(rows[1], "total") == 8_000_000)
        #expect(rows[1].texts["quantity"] == "3")
        #expect(rows[2].texts["content"] == "审计服务")
    }
}
