import Foundation
import Testing
@testable import GongkaiModel

@Suite("表13 forms in the model and its JSON")
struct PerformanceFormTests {
    func form() -> PerformanceForm {
        PerformanceForm(
            kind: .project, name: "（预下达）科技研究与开发资金", unit: "区科经局", title: "项目支出绩效目标评价指标表", lines: 539...554,
            fields: [
                FormField(key: FormField.Key.name, label: "项目名称", text: "（预下达）科技研究与开发资金", line: 543),
                FormField(key: FormField.Key.totalBudget, label: "项目总预算", text: "3000 万元",
                          amount: Figure(amount: Amount(fen: 3_000_000_000), text: "3000"), line: 543),
            ],
            grids: [FormGrid(key: FormGrid.Key.funding, title: "部门总体资金情况",
                             columns: [FormColumn(id: "current", caption: "当年金额"), FormColumn(id: "share", caption: "占比")],
                             rows: [FormGridRow(key: "expenditure.basic", group: "支出构成", label: "基本支出",
                                                cells: ["current": "482.3", "share": "12.5%"],
                                                amounts: ["current": Figure(amount: Amount(fen: 482_300_000), text: "482.3")], line: 495)])],
            goals: [FormGoal(term: .longTerm, label: "长期目标1", text: "推进科技成果转化", line: 20)],
            indicators: [
                Indicator(level1: "产出指标", level2: "数量指标", name: "新增众创空间数量", value: "1 家", line: 545),
                Indicator(level1: "效益指标", level2: "经济效益指 标", name: "规上工业总 产值", value: "330亿元",
                          lastYear: "318亿元", yearBefore: "379亿元", basis: "计划数据", term: .annual, goal: "年度绩效目标1", line: 599),
                Indicator(level1: "成本指标", level2: "社会成本指标", name: "", term: .longTerm, line: 887),
            ],
            valueCaptions: ["yearBefore": "前年", "lastYear": "上年", "value": "预计当年实现"],
            notes: ["备注：无"])
    }

    func document() -> Document {
        var doc = Document(department: "江汉区科学技术和经济信息化局", year: 2020)
        var t = doc.table(13)
        t.status = .disclosed
        t.raw = [SourceText(line: 539, text: "项目支出绩效目标评价指标表")]
        t.forms = [form(), PerformanceForm(kind: .overall, name: "区科经局")]
        doc.setTable(t)
        return doc
    }

    @Test("decode(encode(doc)) == doc with forms")
    func roundTrip() throws {
        let doc = document()
        #expect(try ModelJSON.decode(ModelJSON.encode(doc)) == doc)
    }

    @Test("JSON: tables[id=13].forms[] with fields, amounts in 元, indicators with their values")
    func contract() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: ModelJSON.encode(document())) as? [String: Any])
        let tables = try #require(json["tables"] as? [[String: Any]])
        let t13 = try #require(tables.first { $0["id"] as? Int == 13 })
        let forms = try #require(t13["forms"] as? [[String: Any]])
        #expect(forms.count == 2)
        #expect(forms[0]["kind"] as? String == "project")
        #expect(forms[1]["kind"] as? String == "overall")
        let fields = try #require(forms[0]["fields"] as? [[String: Any]])
        #expect(fields[1]["key"] as? String == "total_budget")
        #expect(fields[1]["amount"] as? String == "30000000.00")
        #expect(fields[1]["published"] as? String == "3000")
        let indicators = try #require(forms[0]["indicators"] as? [[String: Any]])
        #expect(indicators[1]["yearBefore"] as? String == "379亿元")
        #expect(indicators[1]["term"] as? String == "annual")
        #expect(indicators[0]["term"] == nil)
        let grid = try #require((forms[0]["grids"] as? [[String: Any]])?.first)
        let row = try #require((grid["rows"] as? [[String: Any]])?.first)
        #expect(row["amounts"] as? [String: String] == ["current": "4823000.00"])
        // Other tables carry no forms key.
        #expect(tables.first { $0["id"] as? Int == 3 }?["forms"] == nil)
    }

    @Test("a model file written before forms existed still reads")
    func oldFiles() throws {
        let text = #"{"schema": "gongkai/1", "document": {"kind": "budget", "sourceUnit": "万元"}, "tables": [{"id": 13, "key": "performance", "status": "disclosed", "columns": [], "rows": [], "raw": [{"line": 3, "text": "绩效目标表"}]}], "narrative": [], "diagnostics": []}"#
        let doc = try ModelJSON.decode(Data(text.utf8))
        #expect(doc.table(13).forms.isEmpty)
        #expect(doc.table(13).raw.count == 1)
    }

    @Test("a form amount that is not an amount is refused")
    func badAmount() {
        let text = #"{"schema": "gongkai/1", "document": {"kind": "budget", "sourceUnit": "万元"}, "tables": [{"id": 13, "key": "performance", "status": "disclosed", "columns": [], "rows": [], "forms": [{"kind": "project", "name": "x", "fields": [{"label": "项目总预算", "text": "1", "amount": "1,2.3"}], "indicators": []}]}], "narrative": [], "diagnostics": []}"#
        #expect(throws: ModelJSON.ReadError.self) { try ModelJSON.decode(Data(text.utf8)) }
    }

    @Test("what check and diff use: 总预算, funding amounts, keys for forms and indicators")
    func accessors() throws {
        let f = form()
        #expect(f.totalBudget?.amount == Amount(fen: 3_000_000_000))
        #expect(f.yearBudget == nil)
        #expect(f.funding("expenditure.basic")?.amount == Amount(fen: 482_300_000))
        #expect(f.funding("expenditure.basic", column: "share") == nil)
        // Forms match by kind and name; a leading （预下达） does not count.
        #expect(f.matchKey == FormKey(kind: .project, name: "科技研究与开发资金"))
        // Indicators match by term and the three levels, spaces ignored.
        let key = IndicatorKey(term: .annual, level1: "效益指标", level2: "经济效益指标", name: "规上工业总产值")
        #expect(f.indicator(key)?.line == 599)
        #expect(f.indicators(.longTerm).count == 1)
        #expect(f.indicators[2].isPlaceholder)
        #expect(!f.indicators[0].isPlaceholder)
        let t = document().table(13)
        #expect(t.form(FormKey(kind: .project, name: "科技研究与开发资金"))?.lines == 539...554)
        #expect(t.forms(.overall).map(\.name) == ["区科经局"])
    }
}
