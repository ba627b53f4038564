import Foundation
import GongkaiModel
import GongkaiPDF
import Testing
@testable import GongkaiParse

/// The geometry → grid step on pages made word by word, so that every
/// rule (baselines, alignment, group headers, wrapped cells, blank
/// columns, split codes, page breaks) is held to a page whose answer is
/// known.
@Suite struct PDFGridTests {
    /// A word of 10-point text at (x, y): `x` its left edge, or its right
    /// edge when `right` (amounts are right-aligned).
    nonisolated static func w(_ text: String, _ x: Double, _ y: Double, right: Bool = false) -> PDFWord {
        let width = Double(text.count) * (text.allSatisfy(\.isASCII) ? 5 : 10)
        let x0 = right ? x - width : x
        return PDFWord(text: text, x0: x0, y0: y, x1: x0 + width, y1: y + 10)
    }

    /// `w` centred on `x`.
    nonisolated static func c(_ text: String, _ x: Double, _ y: Double) -> PDFWord {
        let width = Double(text.count) * (text.allSatisfy(\.isASCII) ? 5 : 10)
        return PDFWord(text: text, x0: x - width / 2, y0: y, x1: x + width / 2, y1: y + 10)
    }

    static func page(_ words: [PDFWord], number: Int = 1) -> PDFPage {
        PDFPage(number: number, width: 600, height: 800, words: words, hiddenGlyphs: 0)
    }

    /// Columns: 类 [40,70) 款 [70,100) 项 [100,130) 名称 [130,300) 合计 [300,400) 基本支出 [400,500) 项目支出 [500,600).
    static let table5: [PDFWord] = [
        Self.c("2025年部门一般公共预算支出功能分类预算表", 300, 40),
        Self.w("编制部门：某某街道办事处", 40, 70), Self.w("单位：元", 520, 70),
        // Header: 项目 over the code and name, 一般公共预算支出 over three amounts.
        Self.c("项目", 170, 100), Self.c("一般公共预算支出", 450, 100),
        Self.c("功能分类科目编码", 85, 120), Self.c("功能分类科目名称", 215, 130), Self.c("合计", 350, 130),
        Self.c("基本支出", 450, 130), Self.c("项目支出", 550, 130),
        Self.c("类", 55, 140), Self.c("款", 85, 140), Self.c("项", 115, 140),
        // Rows: amounts right-aligned at 395, 495, 595; a wrapped name.
        Self.w("201", 42, 170), Self.w("一般公共服务支出", 132, 170), Self.w("1,000", 395, 170, right: true),
        Self.w("600", 495, 170, right: true), Self.w("400", 595, 170, right: true),
        Self.w("201", 42, 200), Self.w("05", 72, 200), Self.w("统计信息事务", 132, 200), Self.w("1,000", 395, 200, right: true),
        Self.w("600", 495, 200, right: true), Self.w("400", 595, 200, right: true),
        // 项 row: the name wraps over two lines; the amounts are centred between them.
        Self.w("201", 42, 230), Self.w("05", 72, 230), Self.w("07", 102, 230), Self.w("专项普查活动（统计", 132, 224),
        Self.w("信息事务）", 132, 236), Self.w("1,000", 395, 230, right: true), Self.w("600", 495, 230, right: true),
        Self.w("400", 595, 230, right: true),
        Self.w("合", 170, 260), Self.w("计", 200, 260), Self.w("1,000", 395, 260, right: true), Self.w("600", 495, 260, right: true),
        Self.w("400", 595, 260, right: true),
    ]

    @Test func rebuildsHeaderRowsCodesAndWrappedNames() {
        let (text, pages) = PDFGrid.text(of: [Self.page(Self.table5)])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "2025年部门一般公共预算支出功能分类预算表")
        #expect(lines.contains("编制部门：某某街道办事处"))
        #expect(lines.contains("单位：元"))
        // The group header at the left of its span, the split code one column.
        #expect(lines.contains("项目\t\t一般公共预算支出\t\t"))
        #expect(lines.contains("功能分类科目编码\t功能分类科目名称\t合计\t基本支出\t项目支出"))
        #expect(lines.contains("201\t一般公共服务支出\t1,000\t600\t400"))
        #expect(lines.contains("20105\t统计信息事务\t1,000\t600\t400"))
        #expect(lines.contains("2010507\t专项普查活动（统计信息事务）\t1,000\t600\t400"))
        // A label letter-spaced across a merged cell is one label.
        #expect(lines.contains("\t合计\t1,000\t600\t400"))
        #expect(pages.allSatisfy { $0 == 1 })
    }

    @Test func theParserReadsTheGridAsTable5() throws {
        let (text, _) = PDFGrid.text(of: [Self.page(Self.table5)])
        let doc = try DocumentParser().parse(SourceLines(text: text), file: "t.pdf")
        let t5 = try #require(doc.table(5).rows.first { $0.key == "2010507" }, "\(doc.table(5).rows.map(\.key)) \(doc.diagnostics)")
        #expect(t5.values["total"]?.text == "1,000")
        #expect(t5.values["total"]?.amount == (try? Amount.parse("1000", unit: SourceUnit.yuan).get()))
        #expect(doc.sourceUnit == .yuan)
        #expect(doc.table(5).columns == ["total", "basic.subtotal", "project"])
    }

    @Test func aColumnTheBodyLeavesBlankKeepsItsHeader() {
        // 合计 and 财政拨款收入 hold amounts; 事业收入 and 其他收入 none.
        let words: [PDFWord] = [
            Self.c("2025年部门收入预算总表", 300, 40), Self.w("单位：元", 520, 70),
            Self.c("功能分类科目名称", 150, 100), Self.c("合计", 280, 100), Self.c("财政拨款收入", 360, 100),
            Self.c("事业收入", 450, 100), Self.c("其他收入", 540, 100),
            Self.w("一般公共服务支出", 100, 130), Self.w("22,186.80", 310, 130, right: true), Self.w("22,186.80", 400, 130, right: true),
            Self.w("合计", 100, 160), Self.w("22,186.80", 310, 160, right: true), Self.w("22,186.80", 400, 160, right: true),
        ]
        let (text, _) = PDFGrid.text(of: [Self.page(words)])
        #expect(text.contains("功能分类科目名称\t合计\t财政拨款收入\t事业收入\t其他收入\n"))
        #expect(text.contains("一般公共服务支出\t22,186.80\t22,186.80\t\t\n"))
    }

    @Test func aTableGoesOnOverAPageBreakAndNarrativeDoesNot() {
        let first = Self.page(Self.table5.filter { $0.y0 < 240 }, number: 1)
        let second = Self.page([
            Self.w("201", 42, 60), Self.w("06", 72, 60), Self.w("财政事务", 132, 60), Self.w("5", 395, 60, right: true),
            Self.w("5", 495, 60, right: true), Self.w("0", 595, 60, right: true),
        ], number: 2)
        let third = Self.page([Self.w("一、2025年“三公”经费预算情况说明以及其他相关的情况说明如下所述", 40, 60)], number: 3)
        let (text, pages) = PDFGrid.text(of: [first, second, third])
        let lines = text.split(separator: "\n").map(String.init)
        let row = lines.firstIndex(of: "20106\t财政事务\t5\t5\t0")
        #expect(row != nil)
        #expect(row.map { pages[$0] } == 2)
        #expect(lines.last == "一、2025年“三公”经费预算情况说明以及其他相关的情况说明如下所述")
    }

    @Test func pageNumbersAreNotRows() {
        var words = Self.table5
        words.append(Self.c("13", 300, 760))
        let (text, _) = PDFGrid.text(of: [Self.page(words)])
        #expect(!text.split(separator: "\n").contains("13"))
    }

    @Test func twoAmountsNeverShareACell() {
        // A wide name in one row bridges the 金额 columns of the others.
        let words: [PDFWord] = [
            Self.c("2018年财政拨款收支预算总表", 300, 40), Self.w("单位：万元", 520, 70),
            Self.c("项目", 100, 100), Self.c("金额", 260, 100), Self.c("项目", 380, 100), Self.c("金额", 540, 100),
            Self.w("一、一般公共预算", 40, 130), Self.w("15,897.44", 290, 130, right: true), Self.w("一、一般公共服务支出", 320, 130),
            Self.w("15,897.44", 580, 130, right: true),
            Self.w("二、政府性基金预算财政拨款收入和其他各项", 40, 160), Self.w("6,333.96", 580, 160, right: true),
            Self.w("收入总计", 40, 190), Self.w("15,897.44", 290, 190, right: true), Self.w("支出总计", 320, 190),
            Self.w("15,897.44", 580, 190, right: true),
        ]
        let (text, _) = PDFGrid.text(of: [Self.page(words)])
        for line in text.split(separator: "\n") {
            for cell in line.split(separator: "\t") {
                #expect(cell.filter { $0 == "." }.count <= 1, "two amounts in one cell: \(cell)")
            }
        }
    }
}
