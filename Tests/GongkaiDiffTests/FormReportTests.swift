import Foundation
import Testing
import GongkaiModel
import GongkaiXLSX
import GongkaiTestSupport
@testable import GongkaiDiff

@Suite("表13 in every diff report: text, JSON, CSV and the workbook's 表13 sheet")
struct FormReportTests {
    /// 001 against a copy with one indicator value changed, one form removed and one added.
    static func diff() throws -> DocumentDiff {
        let a = try Samples.document("001")
        var b = a
        var t = b.table(13)
        let i = t.forms.firstIndex { $0.name == "科学技术研究与开发资金" }!
        let k = t.forms[i].indicators.firstIndex { $0.name == "新增技改项目" }!
        t.forms[i].indicators[k].value = "≥25个"
        t.forms.removeAll { $0.name == "上级转移支付" }
        t.forms.append(PerformanceForm(kind: .project, name: "新增测试项目", indicators: [
            Indicator(level1: "产出指标", level2: "数量指标", name: "测试", value: "1个"),
        ]))
        b.setTable(t)
        return try DocumentDiff(a, b)
    }

    @Test("text: the count in the summary, then form by form; no 'compared by status only' note")
    func text() throws {
        let out = TextReport.render(try Self.diff())
        #expect(out.contains("表13 绩效目标表：新增绩效目标表 1 张，删除绩效目标表 1 张，指标值变动 1 处"))
        #expect(out.contains("  项目：科学技术研究与开发资金\n    指标 产出指标 / 数量指标 / 新增技改项目（长期） · 指标值：≥20个 → ≥25个\n"))
        #expect(out.contains("  - 删除 项目：上级转移支付（预算 1,200.00，指标 13 项）\n"))
        #expect(out.contains("  + 新增 项目：新增测试项目（指标 1 项）\n"))
        #expect(!out.contains("只比较是否公开"))
    }

    @Test("text: a long form text is cut to one line, with its length")
    func shortText() {
        let long = String(repeating: "贯彻落实", count: 30) + "\n第二行"
        #expect(TextReport.short(long) == String(repeating: "贯彻落实", count: 15) + "…（全文 124 字）")
        #expect(TextReport.short("一\n二") == "一 二")
    }

    @Test("JSON: DESIGN's keys (table, row, name, kind, column, a, b) plus form and indicator")
    func json() throws {
        let out = JSONReport.render(try Self.diff())
        let object = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any]
        let changes = (object["changes"] as! [[String: Any]]).filter { $0["table"] as? Int == 13 }
        #expect(changes.count == 3)
        let value = try #require(changes.first { $0["kind"] as? String == "changed" })
        #expect(value["row"] as? String == "form:project:科学技术研究与开发资金")
        #expect(value["column"] as? String == "value" && value["a"] as? String == "≥20个" && value["b"] as? String == "≥25个")
        #expect((value["form"] as? [String: Any])?["kind"] as? String == "project")
        #expect((value["indicator"] as? [String: Any])?["name"] as? String == "新增技改项目")
        #expect((value["indicator"] as? [String: Any])?["term"] as? String == "long_term")
        let removed = try #require(changes.first { $0["kind"] as? String == "removed" })
        #expect((removed["a"] as? [String: Any])?["budget"] as? String == "12000000.00" && removed["indicators"] as? Int == 13)
        let added = try #require(changes.first { $0["kind"] as? String == "added" })
        #expect(added["name"] as? String == "新增测试项目" && added["indicators"] as? Int == 1)
    }

    @Test("CSV: one line per form change, the indicator in column and column_name")
    func csv() throws {
        let lines = CSVReport.render(try Self.diff(), byteOrderMark: false).split(separator: "\r\n").filter { $0.hasPrefix("13,") }
        #expect(lines.count == 3)
        #expect(lines.contains("13,绩效目标表,form:project:科学技术研究与开发资金,科学技术研究与开发资金,indicator:产出指标/数量指标/新增技改项目:value,产出指标 / 数量指标 / 新增技改项目（长期）·指标值,changed,≥20个,≥25个,,"))
        #expect(lines.contains("13,绩效目标表,form:project:上级转移支付,上级转移支付,,,removed,budget=12000000.00; indicators=13,,,"))
    }

    @Test("workbook: a 表13 sheet, form by form, A and B side by side; 摘要 counts the form changes")
    func workbook() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("forms.xlsx")
        try XLSXReport.write(try Self.diff(), to: url)
        let book = try WorkbookReader().read(contentsOf: url)
        let sheet = try #require(book.sheet(named: Labels.sheet(13)))
        let values = sheet.cells.compactMap(\.value)
        #expect(values.contains("项目：科学技术研究与开发资金（武汉市洪山区科学技术与经济信息化局）"))
        #expect(values.contains("产出指标 / 数量指标 / 新增技改项目（长期） · 指标值"))
        let changed = try #require(sheet.cells.first { $0.value == "≥25个" })
        #expect(sheet.cell(at: CellReference(row: changed.reference.row, column: 2))?.value == "≥20个")
        #expect(values.contains("删除表") && values.contains("新增表"))
        let summary = try #require(book.sheet(named: "摘要"))
        #expect(!summary.cells.contains { $0.value == "内容未比较" })
        let row = try #require(summary.cells.first { $0.value == "表13 绩效目标表" }).reference.row
        #expect(summary.cell(at: CellReference(row: row, column: 3))?.numericValue == 3)
    }
}
