import Foundation
import Testing
import GongkaiTestSupport

/// `gongkai check`, run as a user runs it: the built binary.
@Suite("gongkai check (the binary)")
struct CheckCommandTests {
    @Test("000: discrepancies, grouped by table with line and numbers in 万元; exit 1")
    func discrepancies() throws {
        let r = try CLI.run(["check", Fixtures.sample("000").path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("7 discrepancies, 0 rounding"))
        #expect(r.stdout.contains("表6 一般公共预算基本支出表\n"))
        #expect(r.stdout.contains("discrepancy  row-tree  line 427  row 合计, column total\n    表6 合计 total 462.30 ≠ Σ类 482.30 (万元)"))
        #expect(r.stdout.contains("说明 (narrative)\n"))
        #expect(r.stdout.contains("说明 第109行 14.34% ≠ 553.54 / (3,859.30 + 553.54) = 12.54%"))
        #expect(r.stdout.contains("Not disclosed: 表9 国有资本经营预算支出表, 表10 项目支出表, 表11 政府采购预算表, 表12 政府购买服务预算表"))
    }

    @Test("001: only rounding, so exit 0; the JSON follows DESIGN §3")
    func roundingJSON() throws {
        let r = try CLI.run(["check", Fixtures.sample("001").path, "--format", "json"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "gongkai-check/1")
        let document = try #require(json["document"] as? [String: Any])
        #expect(document["sourceUnit"] as? String == "万元")
        #expect(document["year"] as? Int == 2024)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count >= 16)
        #expect(findings.allSatisfy { $0["severity"] as? String == "rounding" })
        let t3 = try #require(findings.first { $0["table"] as? Int == 3 && $0["row"] as? String == "total" && $0["column"] as? String == "total" })
        #expect(t3["rule"] as? String == "row-tree")
        #expect(t3["published"] as? String == "207302300.00")
        #expect(t3["expected"] as? String == "207302400.00")
        #expect(t3["difference"] as? String == "-100.00")
        #expect(t3["bound"] as? String == "250.00")
        #expect(t3["line"] as? Int == 180)
        #expect(t3["message"] as? String == "表3 合计 total 20,730.23 ≠ Σ类 20,730.24 (万元)")
        let notes = try #require(json["notes"] as? [[String: Any]])
        #expect(notes.map { $0["table"] as? Int } == [11, 12])
        #expect(notes.allSatisfy { $0["severity"] == nil })
    }

    @Test("several inputs: a JSON array, exit 1 if any has a discrepancy; a model JSON is an input too")
    func several() throws {
        let dir = try Fixtures.temporaryDirectory()
        let parsed = try CLI.run(["parse", Fixtures.sample("000").path])
        let model = dir.appendingPathComponent("000.json")
        try Data(parsed.stdout.utf8).write(to: model)
        let r = try CLI.run(["check", model.path, Fixtures.sample("001").path, "--format", "json"])
        #expect(r.status == 1)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(reports.count == 2)
        #expect((reports[0]["findings"] as? [Any])?.count == 7)
        #expect((reports[1]["findings"] as? [[String: Any]])?.allSatisfy { $0["severity"] as? String == "rounding" } == true)
    }

    @Test("000 repaired (表6 合计 482.30, the percentages over the base year): no findings, exit 0")
    func clean() throws {
        let dir = try Fixtures.temporaryDirectory()
        var json = try CLI.run(["parse", Fixtures.sample("000").path]).stdout
        for (old, new) in [("\"total\" : \"4623000.00\"", "\"total\" : \"4823000.00\""), ("\"total\" : \"462.30\"", "\"total\" : \"482.30\""),
                           ("下降 14.34%", "下降 12.54%"), ("增长 51.66%", "增长 106.87%"), ("下降 23.77%", "下降 19.20%")] {
            #expect(json.contains(old), "\(old)")
            json = json.replacingOccurrences(of: old, with: new)
        }
        let model = dir.appendingPathComponent("000-repaired.json")
        try Data(json.utf8).write(to: model)
        let r = try CLI.run(["check", model.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("no findings: the document agrees with itself"), "\(r.stdout)")
    }

    @Test("bad input: exit 2, FILE:LINE on stderr, no report")
    func badInput() throws {
        let dir = try Fixtures.temporaryDirectory()
        let empty = dir.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let r = try CLI.run(["check", Fixtures.sample("000").path, empty.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(empty.path): the file is empty"))
        #expect(r.stdout.isEmpty)
        let missing = try CLI.run(["check", dir.appendingPathComponent("missing.txt").path])
        #expect(missing.status == 2)
    }

    @Test("--help names the rules, the severities and the exit codes")
    func help() throws {
        let r = try CLI.run(["check", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("--format"))
        #expect(r.stdout.contains("row-tree"))
        #expect(r.stdout.contains("Exit 0"))
    }
}
