import Foundation
import Testing
import GongkaiModel
@testable import GongkaiParse
import GongkaiTestSupport

/// 003: 江岸区 2024, PDF text with cells split over lines, 万元. Figures from
/// Tests/Fixtures/audit/003.md, checked against the source by hand.
@Suite("Sample 003 (江岸区 2024, PDF text)")
struct Sample003Tests {
    let doc: Document
    init() throws { doc = try Samples.document("003") }

    @Test("the layout is detected from the text")
    func layout() throws {
        let source = try SourceLines(data: Data(contentsOf: Fixtures.sample("003")), file: "003")
        #expect(LayoutDetector.detect(source) == .cellLines)
    }

    @Test("metadata: the full department name is only in the 整体 form (line 1555)")
    func metadata() {
        #expect(doc.district == "江岸区")
        #expect(doc.department == "武汉市江岸区科学技术和经济信息化局")
        #expect(doc.year == 2024)
        #expect(doc.sourceUnit == .wanYuan)
        #expect(doc.kind == "budget")
    }

    @Test("status of all 13 tables: 表十四 is canonical 9, 表九–表十一 are 10–12")
    func statuses() {
        #expect(doc.tables.map(\.status) == [.disclosed, .disclosed, .disclosed, .disclosed, .disclosed, .disclosed, .disclosed,
                                             .empty, .empty, .disclosed, .disclosed, .disclosed, .disclosed])
        #expect(doc.table(8).notes == ["本单位无政府性基金支出"])
        #expect(doc.table(9).notes == ["2024 年本部门没有国有资本经营预算支出安排"])
        #expect(doc.table(9).sourceTitle == "江岸区科经局 2024 年国有资本经营预算支出表（表十四）")
        #expect(doc.table(10).sourceTitle == "江岸区科经局项目支出情况表（表九）")
        #expect(doc.table(11).sourceTitle == "江岸区科经局政府采购支出情况表（表十）")
        #expect(doc.table(12).sourceTitle == "江岸区科经局政府向社会力量购买服务支出情况表（表十一）")
        #expect(doc.table(1).lines == 181...277)
        #expect(doc.table(9).lines == 5370...5378)
    }

    @Test("row counts (audit §2)")
    func rowCounts() {
        #expect(doc.table(1).rows.count == 44)  // income 12, function 21, economic 11
        for id in [2, 3, 5] { #expect(doc.table(id).rows.count == 28, "表\(id)") }  // 合计 + 6 类 + 7 款 + 14 项
        #expect(doc.table(4).rows.count == 46)  // income 5, function 30, economic 11
        #expect(doc.table(6).rows.count == 21)
        #expect(doc.table(7).rows.count == 6)
        #expect(doc.table(10).rows.count == 21)  // 合计 + 20 projects
        #expect(doc.table(11).rows.count == 5)
        #expect(doc.table(12).rows.count == 3)
    }

    @Test("合计 rows of 表一 and 表四 (every panel)")
    func panelTotals() {
        expectRow(doc, table: 1, key: "income.current_total", ["amount": "1033.90"], line: 269, name: "本年收入合计")
        expectRow(doc, table: 1, key: "expenditure.current_total", ["amount": "1033.90"], line: 269)
        expectRow(doc, table: 1, key: "economic.current_total", ["amount": "1033.90"], line: 269)
        expectRow(doc, table: 1, key: "income.total", ["amount": "1033.90"], line: 277, name: "收入总计")
        expectRow(doc, table: 1, key: "expenditure.total", ["amount": "1033.90"], line: 277)
        expectRow(doc, table: 1, key: "economic.total", ["amount": "1033.90"], line: 277)
        expectRow(doc, table: 4, key: "income.current_total", ["total": "1033.90"], line: 647)
        expectRow(doc, table: 4, key: "expenditure.current_total", ["total": "1033.90", "gpb": "1033.90"], line: 647)
        expectRow(doc, table: 4, key: "economic.current_total", ["total": "1033.90", "gpb": "1033.90"], line: 647)
        expectRow(doc, table: 4, key: "income.total", ["total": "1033.90"], line: 651, name: "收 入 总 计")
        expectRow(doc, table: 4, key: "expenditure.total", ["total": "1033.90", "gpb": "1033.90"], line: 651)
        expectRow(doc, table: 4, key: "economic.total", ["total": "1033.90", "gpb": "1033.90"], line: 651)
        expectRow(doc, table: 4, key: "expenditure.carry_forward", [:], line: 649)
    }

    @Test("合计 rows of the code, project and line tables")
    func totals() {
        expectRow(doc, table: 2, key: "total", ["total": "1033.90", "current.gpb": "1033.90"], line: 364)
        expectRow(doc, table: 3, key: "total", ["total": "1033.90", "basic": "903.72", "project": "130.18"], line: 471)
        expectRow(doc, table: 5, key: "total", ["total": "1033.90", "basic.subtotal": "903.72", "project": "130.18"], line: 666)
        expectRow(doc, table: 6, key: "total", ["total": "903.72", "personnel": "836.28", "public": "67.44"], line: 734)
        expectRow(doc, table: 7, key: "total", ["amount": "0.3"], line: 784, name: "合 计")
        var t10 = Dictionary(uniqueKeysWithValues: ["current.fund", "current.soe", "current.business", "current.higher_subsidy",
                                                    "current.affiliate", "current.business_operating", "current.other",
                                                    "reserve_fund", "carryover.fiscal", "carryover.other"].map { ($0, "0") })
        t10["total"] = "130.18"; t10["current.gpb"] = "130.18"
        expectRow(doc, table: 10, key: "total", t10, line: 887)
        var t11 = Dictionary(uniqueKeysWithValues: ["fund", "soe", "business", "higher_subsidy", "affiliate", "business_operating",
                                                    "other", "reserve_fund", "carryover"].map { ($0, "0") })
        t11["total"] = "1.50"; t11["gpb"] = "1.50"
        expectRow(doc, table: 11, key: "total", t11, line: 1298)
        var t12 = t11
        t12["total"] = "6.50"; t12["gpb"] = "6.50"
        expectRow(doc, table: 12, key: "total", t12, line: 1503)
    }

    @Test("表一: panels share lines; an amount belongs to the label before it, wrapped labels are rejoined")
    func summaryItems() {
        expectRow(doc, table: 1, key: "income.fiscal", ["amount": "1033.90"], line: 193, name: "一、财政拨款收入")
        // 其中：一般公共预算 / 拨款, its amount first on line 202.
        expectRow(doc, table: 1, key: "income.gpb", ["amount": "1033.90"], line: 199, name: "其中：一般公共预算拨款")
        #expect(doc.table(1).row("income.gpb")?.values["amount"]?.line == 202)
        expectRow(doc, table: 1, key: "income.affiliate", [:], line: 222, name: "四、附属单位上缴收入")
        expectRow(doc, table: 1, key: "function.204", [:], line: 202, name: "公共安全支出")
        expectRow(doc, table: 1, key: "function.208", ["amount": "90.28"], line: 226, name: "社会保障和就业支出")
        expectRow(doc, table: 1, key: "function.215", ["amount": "203.08"], line: 244, name: "资源勘探工业信息等支出")
        expectRow(doc, table: 1, key: "economic.basic.301", ["amount": "752.58"], line: 202, name: "工资福利支出")
        expectRow(doc, table: 1, key: "economic.basic.303", ["amount": "83.70"], line: 209, name: "对个人和家庭的补助")
        expectRow(doc, table: 1, key: "economic.project", ["amount": "130.18"], line: 220)
        expectRow(doc, table: 1, key: "economic.carry_forward", [:], line: 275, name: "六、结转下年")
        // 12 blank function classes of the audit, all kept as blank rows.
        #expect(doc.table(1).rows.filter { $0.key.hasPrefix("function.") && $0.values.isEmpty }.count == 12)
    }

    @Test("表四: classes named without codes, two amounts placed as 合计 and 一般公共预算")
    func fiscalItems() {
        expectRow(doc, table: 4, key: "income.fiscal", ["total": "1033.90"], line: 568, name: "一、财政预算拨款收入")
        expectRow(doc, table: 4, key: "function.206", ["total": "559.09", "gpb": "559.09"], line: 591, name: "科学技术支出")
        expectRow(doc, table: 4, key: "function.215", ["total": "203.08", "gpb": "203.08"], line: 614, name: "资源勘探工业信息等支出")
        expectRow(doc, table: 4, key: "function.233", [:], line: 645)
        expectRow(doc, table: 4, key: "economic.basic.301", ["total": "752.58", "gpb": "752.58"], line: 576, name: "工资福利性支出")
        expectRow(doc, table: 4, key: "economic.affiliate_subsidy", [:], line: 601, name: "五、对附属单位的补助支出")
        #expect(doc.table(4).columns == ["total", "gpb"])
    }

    @Test("表二: two amounts per row are total and 一般公共预算 (not 上年结转), and the decision is reported")
    func income() {
        expectRow(doc, table: 2, key: "208", ["total": "90.28", "current.gpb": "90.28"], line: 380, name: "社会保障和就业支出")
        expectRow(doc, table: 2, key: "20805", ["total": "88.92", "current.gpb": "88.92"], line: 382)
        // Code alone on 386, name wrapped over 387/389, amounts on 390.
        expectRow(doc, table: 2, key: "2080505", ["total": "76.20", "current.gpb": "76.20"], line: 386,
                  name: "机关事业单位基本养老保险缴费支出")
        #expect(doc.table(2).row("2080505")?.values["total"]?.line == 390)
        expectRow(doc, table: 2, key: "2130599", ["total": "5.00", "current.gpb": "5.00"], line: 414,
                  name: "其他巩固脱贫攻坚成果衔接乡村振兴支出")
        #expect(doc.table(2).columns == ["total", "current.gpb", "current.fund", "current.business", "current.business_operating",
                                         "current.higher_subsidy", "current.affiliate", "current.other", "carryover.subtotal"])
        #expect(doc.diagnostics.contains { $0.table == 2 && $0.severity == .note && $0.message.contains("column sums") })
        #expect(doc.diagnostics.contains { $0.table == 2 && $0.severity == .warning && $0.message.contains("more than one placement") })
    }

    @Test("表三 and 表五: basic or project decided by the subtotal tree (audit: 20601 469.52 / 89.57)")
    func expenditure() {
        expectRow(doc, table: 3, key: "208", ["total": "90.28", "basic": "77.56", "project": "12.72"], line: 483)
        expectRow(doc, table: 3, key: "20805", ["total": "88.92", "basic": "76.20", "project": "12.72"], line: 485)
        expectRow(doc, table: 3, key: "2080502", ["total": "12.72", "project": "12.72"], line: 487, name: "事业单位离退休")
        expectRow(doc, table: 3, key: "2060101", ["total": "469.52", "basic": "469.52"], line: 477)
        expectRow(doc, table: 3, key: "2060102", ["total": "62.17", "project": "62.17"], line: 479)
        expectRow(doc, table: 3, key: "2089999", ["total": "1.36", "basic": "1.36"], line: 497)
        expectRow(doc, table: 3, key: "213", ["total": "5.00", "project": "5.00"], line: 509)
        expectRow(doc, table: 3, key: "2150502", ["total": "14.62", "project": "14.62"], line: 527)
        expectRow(doc, table: 3, key: "2150599", ["total": "188.46", "basic": "180.19", "project": "8.27"], line: 529,
                  name: "其他工业和信息产业监管支出")
        expectRow(doc, table: 3, key: "2210202", ["total": "15.98", "basic": "15.98"], line: 541, name: "提租补贴")
        expectRow(doc, table: 5, key: "215", ["total": "203.08", "basic.subtotal": "180.19", "project": "22.89"], line: 710)
        expectRow(doc, table: 5, key: "21505", ["total": "203.08", "basic.subtotal": "180.19", "project": "22.89"], line: 712)
        expectRow(doc, table: 5, key: "2150502", ["total": "14.62", "project": "14.62"], line: 714)
        expectRow(doc, table: 5, key: "2130599", ["total": "5.00", "project": "5.00"], line: 704,
                  name: "其他巩固脱贫攻坚成果衔接乡村振兴支出")
        #expect(doc.table(5).row("2130599")?.values["total"]?.line == 708)
        #expect(doc.table(3).row("2060101")?.level == 3)
        #expect(doc.table(3).row("20601")?.level == 2)
        #expect(doc.table(3).columns == ["total", "basic", "project", "business_operating", "remit_upper", "affiliate_subsidy"])
        #expect(doc.table(5).columns == ["total", "basic.subtotal", "project"])
    }

    @Test("表六: 301/303 are personnel, 302 public")
    func basic() {
        expectRow(doc, table: 6, key: "302", ["total": "67.44", "public": "67.44"], line: 754, name: "商品和服务支出")
        expectRow(doc, table: 6, key: "30201", ["total": "21.22", "public": "21.22"], line: 756, name: "办公费")
        expectRow(doc, table: 6, key: "30108", ["total": "76.20", "personnel": "76.20"], line: 746, name: "机关事业单位基本养老保险缴费")
        expectRow(doc, table: 6, key: "30307", ["total": "53.18", "personnel": "53.18"], line: 774)
    }

    @Test("表七: the explicit zeros are values, not blanks")
    func threePublic() {
        #expect(doc.table(7).rows.map(\.key) == ["total", "abroad", "vehicle", "vehicle.purchase", "vehicle.operation", "reception"])
        expectRow(doc, table: 7, key: "abroad", ["amount": "0"], line: 786, name: "1、因公出国(境)费用")
        expectRow(doc, table: 7, key: "vehicle.purchase", ["amount": "0"], line: 790)
        expectRow(doc, table: 7, key: "reception", ["amount": "0.3"], line: 794)
    }

    @Test("表九: broken codes rejoined, wrapped names rejoined, projects keyed by 二级项目 with #n for repeats")
    func projects() {
        let t = doc.table(10)
        expectRow(doc, table: 10, key: "name:后勤服务支出", ["total": "3.98", "current.gpb": "3.98"], line: 889, name: "后勤服务支出")
        let first = t.row("name:后勤服务支出")
        #expect(first?.texts == ["function": "2060102", "function_name": "一般行政管理事务", "category": "机构运转"])
        #expect(first?.values["total"]?.line == 895)
        expectRow(doc, table: 10, key: "name:后勤服务支出#2", ["total": "46.80", "current.gpb": "46.80"], line: 897)
        expectRow(doc, table: 10, key: "name:后勤服务支出#3", ["total": "3.97", "current.gpb": "3.97"], line: 1038)
        expectRow(doc, table: 10, key: "name:老干经费#2", ["total": "0.31", "current.gpb": "0.31"], line: 1064)
        expectRow(doc, table: 10, key: "name:促进新民营经济发展工作经费", ["total": "5.37", "current.gpb": "5.37"], line: 1023)
        #expect(t.row("name:促进新民营经济发展工作经费")?.texts["category"] == "工业和信息产业监管一般行政管理事务")
        expectRow(doc, table: 10, key: "name:有色金属中南公司离休干部津补贴", ["total": "10.96", "current.gpb": "10.96"], line: 1119)
        let nonferrous = t.row("name:有色金属中南公司离休干部津补贴")
        #expect(nonferrous?.texts == ["function": "2080502", "function_name": "事业单位离退休",
                                      "category": "工业和信息产业监管其他工业和信息产业监管支出"])
        #expect(t.row("name:在职人员体检费")?.texts["category"] == "机构运转")
        #expect(t.row("name:驻村扶贫工作经费")?.texts["function_name"] == "其他巩固脱贫攻坚成果衔接乡村振兴支出")
        #expect(t.row("name:科技管理工作经费")?.texts["category"] == "其他科学技术管理事务支出")
        // Σ 20 projects = 130.18 (audit §4.2).
        let sum = Amount.sum(t.rows.filter { $0.kind == .project }.compactMap { $0.values["total"]?.amount })
        #expect(sum == Amount(fen: 130_180_000))
    }

    @Test("表十 and 表十一: purchase and service lines, repeated names numbered in order")
    func lines() {
        let t11 = doc.table(11)
        #expect(t11.rows.map(\.key) == ["total", "name:一般公用支出", "name:一般公用支出#2", "name:一般公用支出#3", "name:安全生产经费"])
        expectRow(doc, table: 11, key: "name:一般公用支出#3", ["total": "0.45", "gpb": "0.45"], line: 1328)
        #expect(t11.row("name:一般公用支出#3")?.texts == ["category": "服务类", "item": "电脑、打印机维修服务", "quantity": "1",
                                                        "measure_unit": "次", "method": "电子商城"])
        expectRow(doc, table: 11, key: "name:安全生产经费", ["total": "0.15", "gpb": "0.15"], line: 1348)
        let t12 = doc.table(12)
        expectRow(doc, table: 12, key: "name:科技管理工作经费", ["total": "3.00", "gpb": "3.00"], line: 1505)
        #expect(t12.row("name:科技管理工作经费")?.texts == ["function": "2060199", "function_name": "其他科学技术管理事务支出",
                                                      "category.1": "政府履职所需辅助性服务", "category.2": "评审服务"])
        expectRow(doc, table: 12, key: "name:科技专项工作经费", ["total": "3.50", "gpb": "3.50"], line: 1527)
    }

    @Test("the 表十二/表十三 forms stay raw lines; the narrative after the tables is kept")
    func formsAndNarrative() {
        let raw = doc.table(13).raw
        #expect(raw.first?.line == 1551)
        #expect(raw.contains { $0.line == 3782 })
        #expect(!raw.contains { $0.line >= 5370 })
        #expect(doc.narrative.contains { $0.line == 5384 && $0.text.contains("2024 年部门预算总收入 1033.9 万元") })
        #expect(doc.narrative.contains { $0.line == 179 })
        #expect(!doc.narrative.contains { (181...1547).contains($0.line) })
    }
}
