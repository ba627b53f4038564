import Foundation
import Testing
import GongkaiModel
@testable import GongkaiParse
import GongkaiTestSupport

/// GB18030/GBK and UTF-16 documents read to the same model as UTF-8.
@Suite("Text encodings")
struct EncodingTests {
    static func utf8Sample() throws -> String {
        try String(contentsOf: Fixtures.sample("000"), encoding: .utf8)
    }

    /// The model without what depends on the bytes (diagnostics note the encoding).
    static func tables(_ doc: Document) -> [Table] { doc.tables }

    @Test("the same document in every encoding gives the same model", arguments: [
        "gb18030", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf8-bom",
    ])
    func sameModel(encoding: String) throws {
        let text = try Self.utf8Sample()
        var data: Data
        switch encoding {
        case "gb18030": data = try #require(text.data(using: TextEncoding.foundationGB18030))
        case "utf16le-bom": data = Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
        case "utf16be-bom": data = Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!
        case "utf16le": data = text.data(using: .utf16LittleEndian)!
        case "utf16be": data = text.data(using: .utf16BigEndian)!
        default: data = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        }
        let reference = try DocumentParser().parse(data: Data(text.utf8), file: "000.txt")
        let doc = try DocumentParser().parse(data: data, file: "000.txt")
        #expect(doc.tables == reference.tables)
        #expect(doc.narrative == reference.narrative)
        #expect(doc.department == reference.department && doc.year == reference.year)
        if encoding.hasPrefix("utf8") {
            #expect(!doc.diagnostics.contains { $0.message.hasPrefix("read as") })
        } else {
            #expect(doc.diagnostics.first?.message.hasPrefix("read as") == true)
        }
    }

    /// Windows tools save text with `\r\n`: the lines, their numbers and
    /// so the whole model are those of the same text with `\n`.
    @Test("Windows line breaks give the same model", arguments: ["000", "001", "002", "003", "004"])
    func windowsLineBreaks(sample: String) throws {
        let text = try String(contentsOf: Fixtures.sample(sample), encoding: .utf8)
        let windows = text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(windows.utf8.count > text.utf8.count + 100)
        let reference = try DocumentParser().parse(data: Data(text.utf8), file: "\(sample).txt")
        for (data, utf8) in [(Data(windows.utf8), true), (try #require(windows.data(using: TextEncoding.foundationGB18030)), false)] {
            let doc = try DocumentParser().parse(data: data, file: "\(sample).txt")
            #expect(doc.tables == reference.tables)
            #expect(doc.extras == reference.extras)
            if utf8 { #expect(doc.diagnostics == reference.diagnostics) }
            #expect(doc.narrative == reference.narrative)
            #expect(doc.department == reference.department && doc.year == reference.year)
            #expect(doc.tables.contains { !$0.rows.isEmpty || !$0.forms.isEmpty })
        }
    }

    @Test("text in no known encoding is refused with a clear message")
    func unknown() {
        // Latin-1 bytes that are neither UTF-8 nor GB18030 text without control characters.
        let data = Data("合计\t1.00\n".utf8) + Data([0x80, 0x01, 0xFF, 0x0A])
        let error = #expect(throws: InputError.self) { try DocumentParser().parse(data: data, file: "x.txt") }
        #expect(error?.message.contains("not text in UTF-8, GB18030/GBK or UTF-16") == true)
        #expect(error?.line == 2)
    }

    @Test("UTF-16 cut mid-character is refused")
    func oddUTF16() {
        let data = Data([0xFF, 0xFE, 0x41, 0x00, 0x42])
        #expect(throws: InputError.self) { try DocumentParser().parse(data: data, file: "x.txt") }
    }
}
