import Foundation
import Testing
import GongkaiTestSupport

/// `gongkai diff`, run as a user runs it.
@Suite("gongkai diff (the binary)")
struct DiffCommandTests {
    /// 000 as a model JSON with every 38,593,000.00 元 figure (the 合计s) moved by `cents` 分.
    static func shifted(by cents: Int, kind: String? = nil) throws -> URL {
        let parsed = try CLI.run(["parse", Fixtures.sample("000").path])
        #expect(parsed.status == 0)
        var json = parsed.stdout.replacingOccurrences(of: "\"38593000.00\"", with: "\"38593000.\(String(format: "%02d", cents))\"")
        if let kind { json = json.replacingOccurrences(of: "\"kind\" : \"budget\"", with: "\"kind\" : \"\(kind)\"") }
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("000-shifted.json")
        try Data(json.utf8).write(to: url)
        return url
    }

    @Test("the same document: exit 0 and says so")
    func same() throws {
        let r = try CLI.run(["diff", Fixtures.sample("001").path, Fixtures.sample("001").path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("两份文档相同：没有发现差异。"))
    }

    @Test("a document against its own workbook: exit 0")
    func againstWorkbook() throws {
        let book = try Fixtures.temporaryDirectory().appendingPathComponent("000.xlsx")
        #expect(try CLI.run(["convert", Fixtures.sample("000").path, "-o", book.path]).status == 0)
        let r = try CLI.run(["diff", Fixtures.sample("000").path, book.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    }

    @Test("two districts: exit 1, text summary; json, csv and highlighter formats")
    func formats() throws {
        let a = Fixtures.sample("000").path, b = Fixtures.sample("001").path
        let text = try CLI.run(["diff", a, b])
        #expect(text.status == 1)
        let headline = text.stdout.split(separator: "\n").first { $0.contains("部门支出合计（表3）") }
        #expect(headline?.split(separator: " ") == ["部门支出合计（表3）", "3,859.30", "20,730.23", "+16,870.93", "+437.15%"])
        let json = try CLI.run(["diff", a, b, "--format", "json"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let changes = try #require(object?["changes"] as? [[String: Any]])
        #expect(changes.contains { $0["table"] as? Int == 3 && $0["row"] as? String == "total" && $0["column"] as? String == "total"
                                   && $0["a"] as? String == "38593000.00" && $0["b"] as? String == "207302300.00" })
        let csv = try CLI.run(["diff", a, b, "--format", "csv"])
        #expect(csv.status == 1)
        #expect(CSV.parse(csv.stdout.replacingOccurrences(of: "\r\n", with: "\n")).count == changes.count + 1)
        let highlighter = try CLI.run(["diff", a, b, "--format", "highlighter"])
        #expect(highlighter.status == 1)
        #expect(highlighter.stdout.hasPrefix("@@,表,编码,名称,预算数(元)\n"))
    }

    @Test("-o writes the workbook report")
    func report() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("对比.xlsx")
        let r = try CLI.run(["diff", Fixtures.sample("000").path, Fixtures.sample("001").path, "-o", out.path, "--format", "json"])
        #expect(r.status == 1)
        #expect(FileManager.default.fileExists(atPath: out.path))
        #expect(r.stderr.contains("report written to"))
    }

    @Test("--tolerance in 元 or 万元 ignores small differences")
    func tolerance() throws {
        let a = Fixtures.sample("000").path
        let b = try Self.shifted(by: 50).path  // +0.50 元 on every 合计
        #expect(try CLI.run(["diff", a, b]).status == 1)
        #expect(try CLI.run(["diff", a, b, "--tolerance", "0.49"]).status == 1)
        #expect(try CLI.run(["diff", a, b, "--tolerance", "0.5"]).status == 0)
        #expect(try CLI.run(["diff", a, b, "--tolerance", "0.5元"]).status == 0)
        let wan = try CLI.run(["diff", a, b, "--tolerance", "0.01万元"])
        #expect(wan.status == 0)
        #expect(wan.stdout.contains("差额不超过 100.00 元的数值视为相同"))
        let bad = try CLI.run(["diff", a, b, "--tolerance", "一点"])
        #expect(bad.status != 0 && bad.status != 1)
        #expect(bad.stderr.contains("--tolerance must be an amount"))
    }

    @Test("bad input: an unreadable workbook, documents of different kinds, a missing file — exit 2 with the file named")
    func badInput() throws {
        let dir = try Fixtures.temporaryDirectory()
        let broken = dir.appendingPathComponent("broken.xlsx")
        try Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 200)).write(to: broken)
        var r = try CLI.run(["diff", Fixtures.sample("000").path, broken.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("broken.xlsx"))

        let other = try Self.shifted(by: 0, kind: "final_accounts")
        r = try CLI.run(["diff", Fixtures.sample("000").path, other.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot compare a budget document with a final_accounts document"))

        // A workbook gongkai did not convert (here: a diff report) is not a document.
        let report = dir.appendingPathComponent("report.xlsx")
        #expect(try CLI.run(["diff", Fixtures.sample("000").path, Fixtures.sample("001").path, "-o", report.path]).status == 1)
        r = try CLI.run(["diff", report.path, Fixtures.sample("001").path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("report.xlsx") && r.stderr.contains("not a workbook written by gongkai convert"))

        // The report never overwrites an input.
        let book = dir.appendingPathComponent("000.xlsx")
        #expect(try CLI.run(["convert", Fixtures.sample("000").path, "-o", book.path]).status == 0)
        let before = try Data(contentsOf: book)
        r = try CLI.run(["diff", book.path, Fixtures.sample("001").path, "-o", book.path])
        #expect(r.status == 2)
        #expect(try Data(contentsOf: book) == before)

        r = try CLI.run(["diff", Fixtures.sample("000").path, dir.appendingPathComponent("nope.txt").path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("nope.txt"))

        r = try CLI.run(["diff", Fixtures.sample("000").path, Fixtures.sample("001").path, "-o", dir.appendingPathComponent("x.csv").path])
        #expect(r.status != 0 && r.status != 1)
        #expect(r.stderr.contains("-o must name a .xlsx file"))
    }

    @Test("--help explains formats, tolerance and exit codes")
    func help() throws {
        let r = try CLI.run(["diff", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("--tolerance") && r.stdout.contains("highlighter") && r.stdout.contains("Exit 0"))
    }
}
