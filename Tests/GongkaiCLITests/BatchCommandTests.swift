import Foundation
import Testing
import GongkaiTestSupport
import GongkaiXLSX

/// `gongkai batch`, run as a user runs it.
@Suite("gongkai batch (the binary)")
struct BatchCommandTests {
    func folder(_ prefixes: [String], extra: [String: Data] = [:]) throws -> URL {
        let dir = try Fixtures.temporaryDirectory().appendingPathComponent("in")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for (i, p) in prefixes.enumerated() {
            let target = i % 2 == 0 ? dir : dir.appendingPathComponent("sub")
            try FileManager.default.copyItem(at: Fixtures.sample(p), to: target.appendingPathComponent(Fixtures.sample(p).lastPathComponent))
        }
        for (name, data) in extra { try data.write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    @Test("converts a folder (subfolders too) and writes an index linking every workbook")
    func converts() throws {
        let input = try folder(["000", "001", "002"])
        let out = input.deletingLastPathComponent().appendingPathComponent("out")
        let r = try CLI.run(["batch", input.path, "-o", out.path, "--jobs", "2"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("converted 3 of 3 documents"))
        // Not a terminal: no progress bar.
        #expect(!r.stderr.contains("docs/s"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(files.filter { $0.hasSuffix(".xlsx") }.count == 4)
        let index = try #require(try WorkbookReader().read(contentsOf: out.appendingPathComponent("索引.xlsx")).sheet(named: "索引"))
        #expect(index["C3"]?.value == "江汉区科学技术和经济信息化局")
        #expect(index["D3"]?.numericValue == 3859.3)
        #expect(index["G3"]?.numericValue == 1)  // 表6 合计
        #expect(index["H3"]?.value == "江汉区-2020-江汉区科学技术和经济信息化局.xlsx")
        // In path order: in/000…, in/002…, in/sub/001….
        #expect(index["A4"]?.value == "新洲区")
        #expect(index["A5"]?.value == "洪山区")
    }

    @Test("a failing document never stops the batch; exit 1 and the reason")
    func failure() throws {
        let input = try folder(["002"], extra: ["broken.txt": Data("本文件没有表格。\n".utf8), "empty.json": Data()])
        let out = input.deletingLastPathComponent().appendingPathComponent("out")
        let r = try CLI.run(["batch", input.path, "-o", out.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("converted 1 of 3 documents"))
        #expect(r.stdout.contains("broken.txt:1: no budget table found"))
        #expect(r.stdout.contains("empty.json: the file is empty"))
        let index = try #require(try WorkbookReader().read(contentsOf: out.appendingPathComponent("索引.xlsx")).sheet(named: "索引"))
        #expect(index.cells.contains { $0.value?.hasPrefix("失败：") == true })
    }

    @Test("a folder that does not exist: exit 2")
    func missingFolder() throws {
        let r = try CLI.run(["batch", "/nonexistent-folder", "-o", try Fixtures.temporaryDirectory().path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/nonexistent-folder"))
    }
}
