import Foundation
import Testing
import GongkaiTestSupport
import GongkaiXLSX

/// PDFs given to the binary as a user gives them: refused with a reason when
/// they cannot be read, read whole (and paired) when they can.
@Suite("PDF input (the binary)")
struct PDFInputTests {
    static let corpus = Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/real")

    /// A one-page PDF with `content` as its page's content stream, with a
    /// correct cross-reference table.
    static func pdf(content: String) -> Data {
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(format: "%010d 00000 n \n", o) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        objects.removeAll()
        return Data(out.utf8)
    }

    @Test("a PDF without a text layer (a scan) is refused, exit 2")
    func scanned() throws {
        let dir = try Fixtures.temporaryDirectory()
        let file = dir.appendingPathComponent("扫描件.pdf")
        // A page that only draws (a rectangle), as a scan only shows an image.
        try Self.pdf(content: "0 0 100 100 re f").write(to: file)
        let r = try CLI.run(["parse", file.path, "--format", "summary"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("扫描件.pdf"))
        #expect(r.stderr.contains("no text layer (scanned?)"))
    }

    @Test("a damaged PDF is refused with its name, exit 2, and no workbook is written")
    func damaged() throws {
        let dir = try Fixtures.temporaryDirectory()
        let file = dir.appendingPathComponent("坏.pdf")
        try Data("%PDF-1.7\n1 0 obj << /Type /Catalog".utf8).write(to: file)
        let r = try CLI.run(["convert", file.path, "-o", dir.appendingPathComponent("out").path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("坏.pdf"))
        #expect(r.stderr.contains("cannot be opened"))
        let written = (try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)) ?? []
        #expect(written.filter { $0.hasSuffix(".xlsx") }.isEmpty)
    }

    @Test("batch reads a folder of real PDFs, pairs each narrative-only PDF with its tables")
    func batchOfRealPDFs() throws {
        guard FileManager.default.fileExists(atPath: Self.corpus.path) else {
            print("PDFInputTests: \(Self.corpus.path) is absent; the real corpus is not checked")
            return
        }
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("out")
        let r = try CLI.run(["batch", Self.corpus.path, "-o", out.path, "--jobs", "2"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("converted 14 of 14 documents"))
        #expect(r.stdout.components(separatedBy: "read with its tables").count - 1 == 4)
        #expect(r.stdout.contains("narrative jiangsu-2018-zhengxie-dept-narrative.pdf read with its tables, jiangsu-2018-zhengxie-dept-tables.pdf"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(files.contains("普陀区-2025-上海市普陀区人民政府万里街道办事处.xlsx"))
        #expect(files.contains("2018-江苏省政协办公厅.xlsx"))
        #expect(files.filter { $0.hasSuffix(".xlsx") }.count == 15)
    }

    @Test("a narrative-only PDF is reported as such, not refused")
    func narrativeOnly() throws {
        let file = Self.corpus.appendingPathComponent("jiangsu-2018-zhengxie-dept-narrative.pdf")
        guard FileManager.default.fileExists(atPath: file.path) else { return }
        let r = try CLI.run(["parse", file.path, "--format", "summary"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("narrative only"))
    }
}
