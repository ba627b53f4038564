import Foundation
import Testing
import GongkaiModel
@testable import GongkaiParse
import GongkaiTestSupport

/// 004: 青山区 2022, space-separated PDF text with U+3000 indentation, 元.
/// Figures from Tests/Fixtures/audit/004.md, checked against the source by hand.
@Suite("Sample 004 (青山区 2022, PDF text in 元)")
struct Sample004Tests {
    let doc: Document
    init() throws { doc = try Samples.document("004") }

    @Test("the layout is detected from the text")
    func layout() throws {
        let source = try SourceLines(data: Data(contentsOf: Fixtures.sample("004")), file: "004")
        #expect(LayoutDetector.detect(source) == .spaced)
    }

    @Test("metadata: unit 元; year from the text (the titles have none)")
    func metadata() {
        #expect(doc.district == "青山区")
        #expect(doc.department == "武汉市青山区科学技术和经济信息化局")
        #expect(doc.year == 2022)
        #expect(doc.sourceUnit == .yuan)
    }

    @Test("status of all 13 tables: no 国有资本经营 table at all; the 目录 starts no table")
    func statuses() {
        #expect(doc.tables.map(\.status) == [.disclosed, .disclosed, .disclosed, .disclosed, .disclosed, .disclosed, .disclosed,
                                             .empty, .absent, .disclosed, .disclosed, .disclosed, .disclosed])
        #expect(doc.table(8).notes == ["注：本单位无政府性基金预算，特此说明"])
        #expect(doc.table(1).notes == ["备注：财政专户管理资金收入是指教育收费收入；事业收入不含教育收费收入，下同。"])
        #expect(doc.table(1).lines == 1103...1167)
        #expect(doc.table(2).lines == 1171...1238)
        #expect(doc.table(11).sourceTitle == "青山区科学技术和经济信息化局政府采购预算表")
        #expect(doc.table(12).sourceTitle == "青山区科学技术和经济信息化局政府向社会力量购买服务预算表")
        #expect(doc.narrative.contains { $0.line == 137 })  // 表 1.…收支总表 in the 目录
    }

    @Test("row counts (audit §2)")
    func rowCounts() {
        #expect(doc.table(1).rows.count == 39)
        #expect(doc.table(2).rows.count == 6)
        #expect(doc.table(3).rows.count == 27)
        #expect(doc.table(4).rows.count == 36)
        #expect(doc.table(5).rows.count == 27)
        #expect(doc.table(6).rows.count == 24)
        #expect(doc.table(7).rows.count == 6)
        #expect(doc.table(10).rows.count == 6)
        #expect(doc.table(11).rows.count == 6)
        #expect(doc.table(12).rows.count == 7)
    }

    @Test("合计 rows of 表1 and 表4")
    func panelTotals() {
        expectRow(doc, table: 1, key: "income.current_total", ["amount": "21,262,614.31"], line: 1161, name: "本年收入合计")
        expectRow(doc, table: 1, key: "expenditure.current_total", ["amount": "21,262,614.31"], line: 1161)
        expectRow(doc, table: 1, key: "income.carryover", ["amount": "0.00"], line: 1163, name: "上年结转结余")
        expectRow(doc, table: 1, key: "expenditure.carry_forward", ["amount": "0.00"], line: 1163, name: "年终结转结余")
        expectRow(doc, table: 1, key: "income.total", ["amount": "21,262,614.31"], line: 1165, name: "收    入    总    计")
        expectRow(doc, table: 1, key: "expenditure.total", ["amount": "21,262,614.31"], line: 1165, name: "支    出    总    计")
        expectRow(doc, table: 4, key: "income.current_total", ["total": "21,262,614.31"], line: 1328, name: "一、本年收入")
        expectRow(doc, table: 4, key: "expenditure.current_total", ["total": "21,262,614.31"], line: 1328, name: "一、本年支出")
        expectRow(doc, table: 4, key: "expenditure.carry_forward", [:], line: 1378, name: "二、年终结转结余")
        expectRow(doc, table: 4, key: "income.total", ["total": "21,262,614.31"], line: 1380)
        expectRow(doc, table: 4, key: "expenditure.total", ["total": "21,262,614.31"], line: 1380)
    }

    @Test("合计 rows of the code, line tables and 表7")
    func totals() {
        var t2 = zeros(["current.fund", "current.soe", "current.special_account", "current.business", "current.business_operating",
                        "current.higher_subsidy", "current.affiliate", "current.other", "carryover.subtotal", "carryover.gpb",
                        "carryover.fund", "carryover.soe", "carryover.special_account", "carryover.unit_funds"])
        t2["total"] = "21,262,614.31"; t2["current.subtotal"] = "21,262,614.31"; t2["current.gpb"] = "21,262,614.31"
        expectRow(doc, table: 2, key: "total", t2, line: 1212)
        expectRow(doc, table: 3, key: "total", ["total": "21,262,614.31", "basic": "9,167,874.31", "project": "12,094,740.00"], line: 1258)
        expectRow(doc, table: 5, key: "total", ["total": "21,262,614.31", "basic.subtotal": "9,167,874.31", "basic.personnel": "8,656,092.95",
                                                "basic.public": "511,781.36", "project": "12,094,740.00"], line: 1396)
        expectRow(doc, table: 6, key: "total", ["total": "9,167,874.31", "personnel": "8,656,092.95", "public": "511,781.36"], line: 1462)
        for key in ["total", "abroad", "vehicle", "vehicle.purchase", "vehicle.operation", "reception"] {
            expectRow(doc, table: 7, key: key, ["amount": "0.00"], line: 1526)
        }
        // 表10 has no 合计: its category row carries the sum.
        #expect(doc.table(10).row("total") == nil)
        var t10 = zeros(["current.fund", "current.soe", "carryover.gpb", "carryover.fund", "carryover.soe",
                         "current.special_account", "current.unit_funds"])
        t10["total"] = "12,094,740.00"; t10["current.gpb"] = "12,094,740.00"
        expectRow(doc, table: 10, key: "category:31", t10, line: 1583, name: "本级支出项目")
        expectRow(doc, table: 11, key: "total", ["total": "542960", "unit_price": "513290", "sme": "0", "micro": "542960"], line: 1657)
        #expect(doc.table(11).row("total")?.texts == ["quantity": "141"])
        expectRow(doc, table: 12, key: "total", ["total": "677860"], line: 1746)
        #expect(doc.table(12).row("total")?.texts == ["quantity": "11"])
    }

    @Test("表2: unit rows, wrapped names; 307 prints 15 amounts for 17 columns and says the placement is a guess")
    func income() {
        var t = zeros(["current.fund", "current.soe", "current.special_account", "current.business", "current.business_operating",
                       "current.higher_subsidy", "current.affiliate", "current.other", "carryover.subtotal", "carryover.gpb",
                       "carryover.fund", "carryover.soe", "carryover.special_account", "carryover.unit_funds"])
        t["total"] = "16,170,556.58"; t["current.subtotal"] = "16,170,556.58"; t["current.gpb"] = "16,170,556.58"
        expectRow(doc, table: 2, key: "unit:307001", t, line: 1220, name: "武汉市青山区科学技术和经济信息化局本级")
        #expect(doc.table(2).row("unit:307001")?.values["total"]?.line == 1224)
        t["total"] = "540,869.17"; t["current.subtotal"] = "540,869.17"; t["current.gpb"] = "540,869.17"
        expectRow(doc, table: 2, key: "unit:307003", t, line: 1232, name: "武汉市青山区技术市场中心")
        let unit = doc.table(2).row("unit:307")
        #expect(unit?.name == "武汉市青山区科学技术和经济信息化局")
        #expect(unit?.values.count == 15)
        for column in ["total", "current.subtotal", "current.gpb"] {
            #expect(unit?.values[column]?.text == "21,262,614.31")
        }
        #expect(doc.diagnostics.contains { $0.table == 2 && $0.severity == .warning && $0.message.contains("1214") })
        #expect(doc.table(2).rows.map(\.kind) == [.total, .unit, .unit, .unit, .unit, .unit])
    }

    @Test("表3 and 表5: U+3000 indentation and code length agree; a wrapped and a truncated name kept as printed")
    func expenditure() {
        expectRow(doc, table: 3, key: "206", ["total": "14,395,329.71", "basic": "4,301,329.71", "project": "10,094,000.00"], line: 1260)
        expectRow(doc, table: 3, key: "20604", ["total": "10,094,000.00", "basic": "0.00", "project": "10,094,000.00"], line: 1270)
        expectRow(doc, table: 3, key: "2080505", ["total": "472,257.60", "basic": "472,257.60", "project": "0.00"], line: 1278,
                  name: "机关事业单位基本养老保险缴费支出")
        #expect(doc.table(3).row("2080505")?.values["total"]?.line == 1282)
        #expect(doc.table(3).row("2080505")?.level == 3)
        expectRow(doc, table: 5, key: "215", ["total": "4,704,380.09", "basic.subtotal": "2,703,640.09", "basic.personnel": "2,587,240.09",
                                              "basic.public": "116,400.00", "project": "2,000,740.00"], line: 1430)
        expectRow(doc, table: 5, key: "2150801", ["total": "2,703,640.09", "basic.subtotal": "2,703,640.09",
                                                  "basic.personnel": "2,587,240.09", "basic.public": "116,400.00",
                                                  "project": "0.00"], line: 1438, name: "行政运行")
        #expect(doc.table(5).row("2080505")?.name == "机关事业单位基本养老保险缴费支")
        #expect(doc.table(3).columns == ["total", "basic", "project", "business_operating", "remit_upper", "affiliate_subsidy"])
    }

    @Test("表6, 表1 and 表4 items")
    func itemsAndBasic() {
        expectRow(doc, table: 6, key: "301", ["total": "7,709,358.23", "personnel": "7,709,358.23", "public": "0.00"], line: 1464)
        expectRow(doc, table: 6, key: "30216", ["total": "11,112.84", "personnel": "0.00", "public": "11,112.84"], line: 1490)
        expectRow(doc, table: 6, key: "30201", ["total": "0.00", "personnel": "0.00", "public": "0.00"], line: 1488)
        expectRow(doc, table: 1, key: "income.gpb", ["amount": "21,262,614.31"], line: 1113, name: "一、一般公共预算拨款收入")
        expectRow(doc, table: 1, key: "function.223", ["amount": "0.00"], line: 1149, name: "国有资本经营预算支出")
        expectRow(doc, table: 1, key: "function.233", ["amount": "0.00"], line: 1159)
        // 表4: a blank item is no 0.00; the amount after (一)一般公共预算拨款 is the income item's.
        expectRow(doc, table: 4, key: "income.gpb", ["total": "21,262,614.31"], line: 1330)
        expectRow(doc, table: 4, key: "function.201", [:], line: 1330)
        expectRow(doc, table: 4, key: "income.carryover", [:], line: 1336, name: "二、上年结转")
        expectRow(doc, table: 4, key: "function.206", ["total": "14,395,329.71"], line: 1336)
        expectRow(doc, table: 4, key: "income.carryover.gpb", [:], line: 1338)
        #expect(doc.table(4).rows.filter { !$0.values.isEmpty }.count == 10)
    }

    @Test("表10: 31 本级支出项目 over five projects keyed by their codes, 项目单位 rejoined")
    func projects() {
        let t = doc.table(10)
        #expect(t.rows.map(\.key) == ["category:31", "42010722307T000000102", "42010722307T000000103", "42010722307T000000104",
                                      "42010722307T000000106", "42010722307T000000107"])
        var v = zeros(["current.fund", "current.soe", "carryover.gpb", "carryover.fund", "carryover.soe",
                       "current.special_account", "current.unit_funds"])
        v["total"] = "420,240.00"; v["current.gpb"] = "420,240.00"
        expectRow(doc, table: 10, key: "42010722307T000000102", v, line: 1585, name: "基层党建2022")
        #expect(t.row("42010722307T000000102")?.texts == ["unit": "武汉市青山区科学技术和经济信息化局本级"])
        v["total"] = "180,000.00"; v["current.gpb"] = "180,000.00"
        expectRow(doc, table: 10, key: "42010722307T000000107", v, line: 1621, name: "维稳经费")
        #expect(t.row("42010722307T000000107")?.texts == ["unit": "武汉市青山区中小企业服务中心"])
        #expect(t.columns == ["unit", "total", "current.gpb", "current.fund", "current.soe", "carryover.gpb", "carryover.fund",
                              "carryover.soe", "current.special_account", "current.unit_funds"])
    }

    @Test("表11 and 表12: 合计, 科室, 部门 and lines; 计量单位 printed as 0 stays text")
    func lines() {
        let t11 = doc.table(11)
        #expect(t11.rows.map(\.key) == ["total", "category:05", "unit:307", "name:项目管理费1", "name:经济运行", "name:经济运行#2"])
        expectRow(doc, table: 11, key: "category:05", ["total": "542960", "unit_price": "513290", "sme": "0", "micro": "542960"],
                  line: 1659, name: "经济建设科")
        expectRow(doc, table: 11, key: "name:项目管理费1", ["unit_price": "215", "total": "12900", "sme": "0", "micro": "12900"], line: 1667)
        #expect(t11.row("name:项目管理费1")?.texts == [
            "unit": "武汉市青山区科学技术和经济信息化局本级", "category": "[A090101]复印纸",
            "function": "[2060499]其他技术研究与开发支出", "economic": "[30201]办公费",
            "header:资金来源": "年初安排", "header:资金性质": "经费拨款补助", "quantity": "60", "measure_unit": "0",
        ])
        #expect(t11.row("name:项目管理费1")?.code == "307001")
        #expect(t11.row("name:经济运行#2")?.texts["category"] == "[C1204]物业管理服务")
        let t12 = doc.table(12)
        #expect(t12.rows.map(\.key) == ["total", "category:05", "unit:307", "name:项目管理费1", "name:项目管理费1#2",
                                        "name:经济运行", "name:经济运行#2"])
        expectRow(doc, table: 12, key: "name:经济运行", ["total": "512860"], line: 1793)
        #expect(t12.row("name:经济运行")?.texts == [
            "unit": "武汉市青山区科学技术和经济信息化局本级", "includes_procurement": "否", "content": "物业管理服务",
            "quantity": "1", "header:资金来源": "年初安排", "header:资金性质": "经费拨款补助",
            "function": "[2150502]一般行政管理事务", "economic": "[30299]其他商品和服务支出",
            "category.1": "政府履职所需辅助性服务", "category.2": "后勤服务", "category.3": "物业服务",
        ])
    }

    @Test("资产配置预算表 is kept as an extra table, header only")
    func extra() {
        #expect(doc.extras.count == 1)
        let extra = doc.extras.first
        #expect(extra?.title == "青山区科学技术和经济信息化局资产配置预算表")
        #expect(extra?.lines == 1832...1861)
        #expect(extra?.grid.first == ["单位代码", "单位名称", "项目"])
        #expect(extra?.grid.last == ["资金来源", "资金性质", "金额(元)"])
        #expect(extra?.gridLines.first == 1838)
        #expect(extra?.grid.count == 16)
    }
}
