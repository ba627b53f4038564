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
        // The mutation also broke the part's CRC: read as the harness read it, checksums off.
        let url = Fixtures.directory.appendingPathComponent("fuzz/xlsx-crash-d7065b9566ceea653baf229c32d8fdda3a556a99")
        let error = #expect(throws: XLSXError.self) {
            try WorkbookReader(limits: .init(verifiesChecksums: false)).read(contentsOf: url)
        }
        guard case let .malformedContent(_, part, reason) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(part == "xl/workbook.xml")
        #expect(reason == "the XML is not valid UTF-8 at line 2")
        // A user's reader stops earlier, at the checksum, naming the same part.
        let checked = #expect(throws: XLSXError.self) { try WorkbookReader().read(contentsOf: url) }
        guard case let .malformedContent(_, checkedPart, checkedReason) = checked else { Issue.record("\(String(describing: checked))"); return }
        #expect(checkedPart == "xl/workbook.xml")
        #expect(checkedReason.hasPrefix("its checksum does not match"))
    }

    @Test("a zip whose headers point past its end is refused, not read for ever")
    func headersPastTheEnd() throws {
        // Found by make fuzz: ZIPFoundation's Linux inflate read empty chunks
        // for ever. This 5 KB file's workbook.xml header points its data at the
        // end of the file, and its workbook.xml.rels claims 3.1 GB.
        let url = Fixtures.directory.appendingPathComponent("fuzz/xlsx-timeout-26daf21a908d2a71654a5af655600f45597fde3d")
        let error = #expect(throws: XLSXError.self) { try WorkbookReader().read(contentsOf: url) }
        guard case let .malformedContent(_, part, reason) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(part == "xl/workbook.xml")
        #expect(reason == "its header claims 355 compressed bytes from offset 5221 in a file of 5221 bytes")
    }

    @Test("workbook inputs: read or refused with an XLSXError")
    func workbooks() throws {
        let inputs = Self.files("fuzz").filter { $0.lastPathComponent.hasPrefix("xlsx-") } + Self.files("fuzz-seeds/xlsx")
        #expect(inputs.count >= 3)
        // Both ways: as the harness reads them (checksums off) and as a user's would be.
        for url in inputs {
            for reader in [WorkbookReader(limits: .init(verifiesChecksums: false)), WorkbookReader()] {
                do { _ = try reader.read(contentsOf: url) } catch is XLSXError {}
                do { _ = try StandardWorkbookReader.read(url, using: reader) } catch is StandardWorkbookReader.ReadError {}
            }
        }
    }
}
