import Foundation
import Testing
import GongkaiTestSupport

/// `gongkai convert`, run as a user runs it.
@Suite("gongkai convert (the binary)")
struct ConvertCommandTests {
    @Test("converts into a folder, naming files by district, year and department")
    func intoFolder() throws {
        let dir = try Fixtures.temporaryDirectory()
        let r = try CLI.run(["convert", Fixtures.sample("000").path, Fixtures.sample("002").path, "-o", dir.path])
        #expect(r.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["新洲区-2020-新洲区科学技术和经济信息化局.xlsx", "江汉区-2020-江汉区科学技术和经济信息化局.xlsx"])
        #expect(r.stdout.contains("1 subtotals differ from their items"))
    }

    @Test("two documents of one department and year make two workbooks, the second with -2")
    func sameNameTwice() throws {
        let dir = try Fixtures.temporaryDirectory()
        let r = try CLI.run(["convert", Fixtures.sample("000").path, Fixtures.sample("000").path, "-o", dir.path])
        #expect(r.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["江汉区-2020-江汉区科学技术和经济信息化局-2.xlsx", "江汉区-2020-江汉区科学技术和经济信息化局.xlsx"])
        #expect(r.stdout.contains("→ \(dir.path)/江汉区-2020-江汉区科学技术和经济信息化局-2.xlsx"))
    }

    @Test("a single input to a named .xlsx, amounts in 元")
    func namedFile() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("x.xlsx")
        let r = try CLI.run(["convert", Fixtures.sample("001").path, "-o", out.path, "--unit", "元"])
        #expect(r.status == 0)
        #expect(FileManager.default.fileExists(atPath: out.path))
        // The workbook is itself an input: parse reads it back.
        let back = try CLI.run(["parse", out.path, "--format", "summary"])
        #expect(back.status == 0)
        #expect(back.stdout.contains("表3 部门支出总表: disclosed, 25 rows"))
    }

    @Test("default output folder is Outputs/ in the working directory")
    func defaultFolder() throws {
        let dir = try Fixtures.temporaryDirectory()
        let r = try CLI.run(["convert", Fixtures.sample("002").path], in: dir)
        #expect(r.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Outputs").path).count == 1)
    }

    @Test("bad input and unwritable outputs: exit 2, a clear message, nothing half-written")
    func errors() throws {
        let dir = try Fixtures.temporaryDirectory()
        let file = dir.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        var r = try CLI.run(["convert", Fixtures.sample("002").path, "-o", file.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("is a file, not a folder"))

        r = try CLI.run(["convert", Fixtures.sample("002").path, "-o", "/proc/nope/x.xlsx"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/proc/nope/x.xlsx"))

        // A bad input among good ones: the good ones are converted, the exit code says 2.
        let empty = dir.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let out = dir.appendingPathComponent("out")
        r = try CLI.run(["convert", empty.path, Fixtures.sample("002").path, "-o", out.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("empty.txt: the file is empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).count == 1)

        r = try CLI.run(["convert", Fixtures.sample("002").path, "--unit", "美元"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--unit must be 万元 or 元"))
    }
}
