import Foundation
import GongkaiModel
@testable import GongkaiParse
import Testing

/// Segmentation of PDF header text into column headers.
@Suite struct HeaderReconstructionTests {
    /// A catalog of three headers, with a count of the questions asked.
    final class Catalog {
        var questions = 0
        func classify(_ path: [String]) -> String? {
            questions += 1
            switch path.joined() {
            case "一般公共预算": return "gpb"
            case "政府性基金": return "fund"
            case "合计": return "total"
            default: return nil
            }
        }
    }

    private func pieces(_ lines: [String]) -> [HeaderReconstruction.Piece] {
        lines.enumerated().map { .init(text: $1, line: $0 + 1, alone: true) }
    }

    @Test func joinsAStackedHeaderTheCatalogKnows() {
        let catalog = Catalog()
        let reconstruction = HeaderReconstruction(classify: catalog.classify)
        // 一般公 / 共预算 printed as a narrow stacked cell, then two cells of their own.
        let segments = reconstruction.segment(pieces(["合计", "一般公", "共预算", "政府性基金"]))
        #expect(segments.map(\.text) == ["合计", "一般公共预算", "政府性基金"])
        #expect(segments.map(\.stacked) == [false, true, false])
        #expect(segments.map(\.line) == [1, 2, 4])
    }

    @Test func aStackGoesOnPastOfWhichIntoTheHeaderItOpens() {
        // 政府采购's 其中：面向中小企业 and 其中：面向微小企业, three characters a
        // line, one stack under the other: either cut names both columns, but
        // 其中： opens the second, it does not end the first.
        let reconstruction = HeaderReconstruction(classify: { path in
            let s = path.joined()
            return s.contains("中小企业") ? "sme" : s.contains("微小企业") ? "micro" : nil
        })
        let segments = reconstruction.segment(pieces(["其中：", "面向中", "小企业", "其中：", "面向微", "小企业"]))
        #expect(segments.map(\.text) == ["其中：面向中小企业", "其中：面向微小企业"])
    }

    @Test func takesTextBeyondTheSearchBoundAsPrinted() {
        let catalog = Catalog()
        let reconstruction = HeaderReconstruction(classify: catalog.classify)
        // The same stack, buried in more header text than any budget table has.
        let filler = Array(repeating: "甲乙丙丁戊己庚辛壬癸", count: HeaderReconstruction.searchedCharacterLimit / 10)
        let input = ["合计", "一般公", "共预算"] + filler
        let segments = reconstruction.segment(pieces(input))
        #expect(segments.map(\.text) == input)
        #expect(catalog.questions == 0)
    }

    @Test func searchesTextAtTheBoundWithBoundedQuestions() {
        let catalog = Catalog()
        let reconstruction = HeaderReconstruction(classify: catalog.classify)
        // Just at the bound, as one stack of one-character lines, every
        // character different so that no answer can be reused: the worst case
        // the search still takes on.
        let input = (0..<HeaderReconstruction.searchedCharacterLimit).map { String(Unicode.Scalar(0x4E00 + $0)!) }
        let segments = reconstruction.segment(pieces(input))
        #expect(segments.map(\.text).joined() == input.joined())
        // It was searched (contrast takesTextBeyondTheSearchBoundAsPrinted), with
        // at most 40 texts per position, each alone and under up to 6 contexts.
        #expect(catalog.questions > HeaderReconstruction.searchedCharacterLimit)
        #expect(catalog.questions <= HeaderReconstruction.searchedCharacterLimit * 40 * 7)
    }
}

/// Headers with groups, as PDF text prints them (one cell per line where a
/// cell is narrow), read into the catalog's columns; each table prints every
/// amount, so the figures show where each column went.
@Suite struct GroupedHeaderTests {
    func parse(_ lines: [String]) throws -> Document {
        // A blank line after every line, as the PDF extraction gives it.
        let text = lines.map { $0 + "\n\n" }.joined()
        return try DocumentParser().parse(data: Data(text.utf8), file: "header.txt")
    }

    /// Amounts in 万元 as 分.
    func figures(_ row: Row?, _ columns: [String]) -> [Int64?] {
        columns.map { row?.values[$0]?.amount.fen }
    }

    @Test func twoGroupsPrintedOnLinesOfTheirOwnKeepTheirSubtotals() throws {
        // 洪山 表2: 本年收入 and 上年结转结余 each alone on a line (read as
        // one stack before), each over its own 小计 and sources.
        let doc = try parse([
            "2024年部门收入总表（表二）", "单位：万元",
            "单位代码 单位名称 合计", "本年收入", "上年结转结余",
            "小计 一般公共预算", "政府性", "基金预", "算", "事业收入", "事业单", "位经营", "收入",
            "其他收入 小计 一般公共预算", "单位资金",
            "1 2 3 4 5 6 7 8 9 10",
            "合计 100.00 80.00 70.00 0.00 5.00 0.00 5.00 20.00 20.00 0.00",
        ])
        let t = doc.table(2)
        let columns = ["total", "current.subtotal", "current.gpb", "current.fund", "current.business",
                       "current.business_operating", "current.other", "carryover.subtotal", "carryover.gpb",
                       "carryover.unit_funds"]
        #expect(t.columns == columns)
        #expect(figures(t.row("total"), columns)
            == [100_000_000, 80_000_000, 70_000_000, 0, 5_000_000, 0, 5_000_000, 20_000_000, 20_000_000, 0])
    }

    @Test func aGroupAloneOverAStackedGroupAndRepeatedSources() throws {
        // 洪山 表10: 本年拨款 alone, then 财政拨款结转结余 stacked three
        // characters wide; 一般公共预算 and 政府性基金预算 printed once under each.
        let doc = try parse([
            "2024年项目支出表（表十）", "单位：万元",
            "项目编码 项目名称 项目单位 合计", "本年拨款", "财政拨", "款结转", "结余",
            "财政专", "户管理", "资金", "单位资金",
            "一般公共预算", "政府性", "基金预", "算", "一般公共预算", "政府性", "基金预", "算",
            "1 2 3 4 5 6 7 8",
            "合计 100.00 60.00 0.00 40.00 0.00 0.00 0.00",
        ])
        let t = doc.table(10)
        let columns = ["total", "current.gpb", "current.fund", "carryover.gpb", "carryover.fund",
                       "current.special_account", "current.unit_funds"]
        #expect(t.columns == ["unit"] + columns)
        #expect(figures(t.row("total"), columns) == [100_000_000, 60_000_000, 0, 40_000_000, 0, 0, 0])
    }

    @Test func theVehicleGroupIsOneStackOverItsOwnSubtotal() throws {
        // 洪山 表7 with its items as columns: 公务用 / 车购置 / 及运行 / 费 is
        // one header (not 公务用车购置 and 及运行费), 小计 is a header of its own
        // (not the end of 公务接待费), and they head 小计, 购置费 and 运行费.
        let doc = try parse([
            "2024年“三公”经费支出表（表七）", "单位：万元",
            "“三公", "”经费", "合计", "因公出", "国（境", "）费",
            "公务用", "车购置", "及运行", "费", "公务接待费", "小计",
            "公务用", "车购置", "费", "公务用", "车运行", "费",
            "10.00 1.00 6.00 2.00 4.00 3.00",
        ])
        let t = doc.table(7)
        #expect(t.rows.map(\.key) == ["total", "abroad", "vehicle", "vehicle.purchase", "vehicle.operation", "reception"])
        #expect(t.rows.map { $0.values["amount"]?.amount.fen }
            == [10_000_000, 1_000_000, 6_000_000, 2_000_000, 4_000_000, 3_000_000])
    }

    @Test func headersPrintedBelowAColumnWithoutPartsAreColumnsOfTheirOwn() throws {
        // 青山 表11 printed as 江岸 prints: 资金性质 and 资金来源, which the
        // catalog does not know, on a line after the stacked 其中：面向微小企业.
        // A column without parts heads no sub-columns: they are columns of
        // their own, not the 微小企业 column restated twice.
        let doc = try parse([
            "2022年政府采购预算表（表十）", "单位：万元",
            "编码 项目名称 合计", "其中：", "面向微", "小企业", "资金性质 资金来源",
            "1 2 3 4",
            "合计 1.29 1.29",
            "307001 项目管理费1 1.29 1.29 经费拨款补助 年初安排",
        ])
        let t = doc.table(11)
        #expect(t.columns == ["total", "micro"])
        let line = t.rows.first { $0.kind == .line }
        #expect(figures(line, ["total", "micro"]) == [1_290_000, 1_290_000])
        #expect(line?.texts == ["header:资金性质": "经费拨款补助", "header:资金来源": "年初安排"])
    }

    @Test func aGroupOverItsOwnSubtotalAloneAfterAnotherGroup() throws {
        // 江汉 表2 laid out with spaces: 上年结转结余 heads only its 小计,
        // printed last on the sub-header line (not 本年收入's 小计, which would
        // come before its sources).
        let text = """
            2020年部门收入总表

            部门/单位：江汉区科学技术和经济信息化局 单位：元

            科目编码 科目名称 合计
            本年收入

            用事业基金弥补收支差额
            上年结转结余

            一般公共预算 政府性基金预算 事业收入 其他收入 小计
            合计 1,000.00 600.00 100.00 50.00 50.00 0.00 200.00

            206 科学技术支出 1,000.00 600.00 100.00 50.00 50.00 0.00 200.00

            """
        let doc = try DocumentParser().parse(data: Data(text.utf8), file: "header.txt")
        let t = doc.table(2)
        let columns = ["total", "current.gpb", "current.fund", "current.business", "current.other",
                       "reserve_fund", "carryover.subtotal"]
        #expect(t.columns == columns)
        #expect(figures(t.row("total"), columns) == [100_000, 60_000, 10_000, 5_000, 5_000, 0, 20_000])
    }
}
