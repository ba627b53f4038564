import Foundation
import Testing
import GongkaiModel
@testable import GongkaiParse
import GongkaiTestSupport

/// Broken input gets `FILE:LINE: what was expected`, never a crash.
@Suite("Broken input")
struct BrokenInputTests {
    func parse(_ text: String) throws -> Document {
        try DocumentParser().parse(data: Data(text.utf8), file: "broken.txt")
    }

    func sample(_ prefix: String) throws -> [String] {
        try String(contentsOf: Fixtures.sample(prefix), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test("a 表1 title straight over data rows (no header): no crash, each row reported by line")
    func headerlessPanel() throws {
        // make fuzz found this crash (PanelReader read the first column of an
        // empty header); the input it found was not kept, this one crashes the same way.
        let doc = try parse("测试局 2020 年 部门预算\n\n2020年收支预算总表\n\n单位：万元\n\n一、一般公共预算拨款\t100.00\t一、一般公共服务支出\t100.00\n")
        let reported = doc.diagnostics.filter { $0.table == 1 && $0.line == 7 && $0.message.contains("100.00") }
        #expect(reported.count == 1, "\(doc.diagnostics.map(\.message))")
    }

    @Test("an empty file")
    func empty() {
        #expect(throws: InputError(file: "broken.txt", "the file is empty; expected the text of a budget disclosure")) {
            try DocumentParser().parse(data: Data(), file: "broken.txt")
        }
    }

    @Test("binary data names the line of its first NUL byte")
    func binary() {
        let error = #expect(throws: InputError.self) {
            try DocumentParser().parse(data: Data("第一行\n第二行\0\u{1}\u{2}".utf8), file: "broken.txt")
        }
        #expect(error?.line == 2)
        #expect(error?.message.contains("binary") == true)
    }

    @Test("invalid UTF-8")
    func invalidUTF8() {
        var data = Data("合计\t1.00\n".utf8)
        data.append(contentsOf: [0xC3, 0x28, 0x0A])
        let error = #expect(throws: InputError.self) { try DocumentParser().parse(data: data, file: "broken.txt") }
        #expect(error?.line == 2)
    }

    @Test("prose with no table")
    func prose() {
        let error = #expect(throws: InputError.self) { try parse("本部门2020年预算说明。\n收入3859.30万元。\n") }
        #expect(error?.message.contains("no budget table found") == true)
    }

    @Test("a malformed number names file, line, table and column", arguments: ["1,2.3", "2O73O.23", "3,85"])
    func malformed(bad: String) throws {
        var lines = try sample("000")
        // 表3 合计 row, line 320: 合计 \t\t 3,859.30 \t 482.30 …
        lines[319] = lines[319].replacingOccurrences(of: "482.30", with: bad)
        let error = #expect(throws: InputError.self) { try parse(lines.joined(separator: "\n")) }
        #expect(error?.line == 320)
        #expect(error?.description.hasPrefix("broken.txt:320: 表3 column basic: \"\(bad)\"") == true)
    }

    @Test("a table cut off mid-row keeps what was published")
    func truncated() throws {
        let lines = try sample("000")
        // Cut 表3 inside row 2060102 (line 324), after its total.
        var cut = Array(lines[0..<323])
        cut.append("2060102\t一般行政管理事务（科学技术）\t258.00")
        let doc = try parse(cut.joined(separator: "\n"))
        #expect(doc.table(3).status == .disclosed)
        #expect(doc.table(3).row("2060102")?.values.keys.sorted() == ["total"])
        #expect(doc.table(5).status == .absent)
    }

    @Test("absurd input never traps", arguments: [
        "表1\n收支总表\n单位：万元\n项目\t预算数\n一、一般公共预算拨款收入\t99999999999999999999.99\n",
        "收支总表\n\t\t\t\n\t\t\n",
        "支出总表\n单位：万元\n科目编码\t科目名称\t合计\n\t\t\t\t\t\t\t\t\t1.00\n",
        String(repeating: "一般公共预算支出表\n", count: 50) + "科目编码\t科目名称\t合计\n合计\t\t1.00\n",
    ])
    func absurd(text: String) {
        do {
            let doc = try parse(text)
            #expect(doc.tables.count == 13)
        } catch let error as InputError {
            #expect(error.file == "broken.txt")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
