import Foundation
import Testing
import GongkaiModel
import GongkaiParse
import GongkaiXLSX
@testable import GongkaiConvert
import GongkaiTestSupport

/// Every input `make fuzz` ever found (and the seeds it starts from) is
/// handled: a model or a user-facing error, never a trap.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static func files(_ folder: String) -> [URL] {
        let dir = Fixtures.directory.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0 != "README.md" }.sorted().map { dir.appendingPathComponent($0) }
    }

    @Test("text inputs: parsed or refused with an InputError")
    func text() throws {
        let inputs = Self.files("fuzz").filter { $0.lastPathComponent.hasPrefix("parse-") } + Self.files("fuzz-seeds/parse")
        #expect(inputs.count >= 200)
        for url in inputs {
            let data = try Data(contentsOf: url)
            do {
                let doc = try DocumentParser().parse(data: data, file: url.lastPathComponent)
                #expect(doc.tables.count == 13)
                #expect(try ModelJSON.decode(ModelJSON.encode(doc)) == doc, "\(url.lastPathComponent)")
            } catch is InputError {
            }
        }
    }

    @Test("a workbook.xml whose attribute name is not UTF-8 is refused, naming the part and the line")
    func invalidUTF8AttributeName() throws {
        // Found by make fuzz: FoundationXML's XMLParser trapped on `<calcPr \u{FFFD}nllCalcOnLoad="1"/>`.
        let url = Fixtures.directory.appendingPathComponent("fuzz/xlsx-crash-d7065b9566ceea653baf229c32d8fdda3a556a99")
        let error = #expect(throws: XLSXError.self) { try WorkbookReader().read(contentsOf: url) }
        guard case let .malformedContent(_, part, reason) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(part == "xl/workbook.xml")
        #expect(reason == "the XML is not valid UTF-8 at line 2")
    }

    @Test("workbook inputs: read or refused with an XLSXError")
    func workbooks() throws {
        let inputs = Self.files("fuzz").filter { $0.lastPathComponent.hasPrefix("xlsx-") } + Self.files("fuzz-seeds/xlsx")
        #expect(inputs.count >= 3)
        for url in inputs {
            do { _ = try WorkbookReader().read(contentsOf: url) } catch is XLSXError {}
            do { _ = try StandardWorkbookReader.read(url) } catch is StandardWorkbookReader.ReadError {}
        }
    }
}
