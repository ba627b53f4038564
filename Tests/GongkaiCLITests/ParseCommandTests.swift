import Foundation
import Testing
import GongkaiTestSupport

/// `gongkai parse`, run as a user runs it: the built binary.
@Suite("gongkai parse (the binary)")
struct ParseCommandTests {
    @Test("--format summary prints status, rows and 合计 per table")
    func summary() throws {
        let r = try CLI.run(["parse", Fixtures.sample("000").path, "--format", "summary"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("表3 部门支出总表: disclosed, 28 rows; 合计: total 3,859.30, basic 482.30, project 3,377.00"))
        #expect(r.stdout.contains("表8 政府性基金预算支出表: empty (注：本部门无政府性基金财政拨款支出。)"))
        #expect(r.stdout.contains("表9 国有资本经营预算支出表: absent"))
    }

    @Test("--format json prints the model, which parse reads back as input")
    func jsonRoundTrip() throws {
        let r = try CLI.run(["parse", Fixtures.sample("001").path])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "gongkai/1")
        let dir = try Fixtures.temporaryDirectory()
        let model = dir.appendingPathComponent("model.json")
        try Data(r.stdout.utf8).write(to: model)
        let again = try CLI.run(["parse", model.path])
        #expect(again.status == 0)
        #expect(again.stdout == r.stdout)
    }

    @Test("bad input: exit 2 and FILE:LINE on stderr")
    func badInput() throws {
        let dir = try Fixtures.temporaryDirectory()
        let empty = dir.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        var r = try CLI.run(["parse", empty.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(empty.path): the file is empty"))

        let binary = dir.appendingPathComponent("binary.txt")
        try Data([0x41, 0x0A, 0x42, 0x00, 0xFF]).write(to: binary)
        r = try CLI.run(["parse", binary.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(binary.path):2: binary data"))

        var lines = try String(contentsOf: Fixtures.sample("000"), encoding: .utf8).components(separatedBy: "\n")
        lines[319] = lines[319].replacingOccurrences(of: "482.30", with: "1,2.3")
        let malformed = dir.appendingPathComponent("malformed.txt")
        try lines.joined(separator: "\n").write(to: malformed, atomically: true, encoding: .utf8)
        r = try CLI.run(["parse", malformed.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(malformed.path):320: 表3 column basic: \"1,2.3\" is not a number"))
        #expect(r.stdout.isEmpty)

        r = try CLI.run(["parse", dir.appendingPathComponent("missing.txt").path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("missing.txt: cannot be read (no such file)"))
    }

    @Test("--help describes the command")
    func help() throws {
        let r = try CLI.run(["parse", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("--format"))
    }
}
