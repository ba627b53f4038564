import Foundation
import GongkaiXLSX
import Testing

/// The zip layer under the workbook reader: each part is inflated from exactly
/// its own bytes, so a damaged header or stream is refused, never waited on.
@Suite struct ZipPackageTests {
    /// A minimal workbook (deflated or stored), its bytes, and the offset of that entry's central directory record.
    private func workbook(in directory: URL, stored: Bool = false) throws -> (url: URL, bytes: Data, record: Int) {
        let url = directory.appendingPathComponent("w.xlsx")
        try makeMinimalXLSX(at: url, sheetXML: worksheetXML(#"<row r="1"><c r="A1"><v>42</v></c></row>"#), stored: stored)
        let bytes = try Data(contentsOf: url)
        let record = try #require(centralRecord(of: "xl/workbook.xml", in: bytes))
        return (url, bytes, record)
    }

    /// The offset of the central directory record naming `name`.
    private func centralRecord(of name: String, in bytes: Data) -> Int? {
        let signature = Data([0x50, 0x4B, 0x01, 0x02])
        var from = bytes.startIndex
        while let found = bytes.range(of: signature, in: from..<bytes.endIndex) {
            let at = found.lowerBound
            let length = Int(bytes[at + 28]) | Int(bytes[at + 29]) << 8
            if at + 46 + length <= bytes.count, bytes[(at + 46)..<(at + 46 + length)] == Data(name.utf8) { return at }
            from = found.upperBound
        }
        return nil
    }

    private func patched(_ bytes: Data, at offset: Int, _ value: UInt32) -> Data {
        var copy = bytes
        for i in 0..<4 { copy[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
        return copy
    }

    private func malformed(_ url: URL, reader: WorkbookReader = WorkbookReader()) -> (part: String, reason: String)? {
        do {
            _ = try reader.read(contentsOf: url)
            Issue.record("\(url.lastPathComponent) was read")
        } catch let XLSXError.malformedContent(path, part, reason) {
            #expect(path == url.path)
            return (part, reason)
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return nil
    }

    @Test func readsAnIntactWorkbookEitherWay() throws {
        for stored in [false, true] {
            try withTemporaryDirectory { directory in
                let url = try workbook(in: directory, stored: stored).url
                #expect(try WorkbookReader().read(contentsOf: url).sheets.first?["A1"]?.value == "42")
            }
        }
    }

    @Test func refusesAStreamCutShortByItsHeader() throws {
        try withTemporaryDirectory { directory in
            let (url, bytes, record) = try workbook(in: directory)
            let compressed = UInt32(bytes[record + 20]) | UInt32(bytes[record + 21]) << 8
            // Half the deflate stream: it cannot reach its end inside the entry.
            try patched(bytes, at: record + 20, compressed / 2).write(to: url)
            let refusal = malformed(url)
            #expect(refusal?.part == "xl/workbook.xml")
            #expect(refusal?.reason == "its compressed data ends before the deflate stream does")
        }
    }

    @Test(arguments: [false, true])
    func refusesAPartLargerThanItsDeclaredSize(stored: Bool) throws {
        try withTemporaryDirectory { directory in
            let (url, bytes, record) = try workbook(in: directory, stored: stored)
            // The directory says 10 bytes; the part holds more. That is a lie
            // zip bombs tell, so it is refused as unsafe, not merely damaged.
            try patched(bytes, at: record + 24, 10).write(to: url)
            let error = #expect(throws: XLSXError.self) { try WorkbookReader().read(contentsOf: url) }
            guard case let .unsafeContent(path, part, reason) = error else { Issue.record("\(String(describing: error))"); return }
            #expect(path == url.path)
            #expect(part == "xl/workbook.xml")
            #expect(reason == (stored ? "it holds more than its declared size of 10 bytes"
                                      : "it inflates beyond its declared size of 10 bytes"))
        }
    }

    @Test func refusesACompressedSizeLargerThanTheFile() throws {
        try withTemporaryDirectory { directory in
            let (url, bytes, record) = try workbook(in: directory)
            try patched(bytes, at: record + 20, 3_103_785_192).write(to: url)
            let refusal = malformed(url)
            #expect(refusal?.part == "xl/workbook.xml")
            #expect(refusal?.reason.hasPrefix("its header claims 3103785192 compressed bytes from offset") == true)
            #expect(refusal?.reason.hasSuffix("in a file of \(bytes.count) bytes") == true)
        }
    }

    @Test func refusesALocalHeaderOffsetOutsideTheFile() throws {
        try withTemporaryDirectory { directory in
            let (url, bytes, record) = try workbook(in: directory)
            try patched(bytes, at: record + 42, UInt32(bytes.count + 100)).write(to: url)
            // ZIPFoundation stops listing entries at one whose local header it cannot read.
            let error = #expect(throws: XLSXError.self) { try WorkbookReader().read(contentsOf: url) }
            guard case .notXLSX(let path, let reason) = error else { Issue.record("\(String(describing: error))"); return }
            #expect(path == url.path)
            #expect(reason == "it has no workbook part (xl/workbook.xml)")
        }
    }

    @Test(arguments: [false, true])
    func refusesAChecksumMismatchUnlessToldNotTo(stored: Bool) throws {
        try withTemporaryDirectory { directory in
            let (url, bytes, record) = try workbook(in: directory, stored: stored)
            let crc = UInt32(bytes[record + 16]) | UInt32(bytes[record + 17]) << 8
                | UInt32(bytes[record + 18]) << 16 | UInt32(bytes[record + 19]) << 24
            try patched(bytes, at: record + 16, crc ^ 1).write(to: url)
            let refusal = malformed(url)
            #expect(refusal?.part == "xl/workbook.xml")
            #expect(refusal?.reason.hasPrefix("its checksum does not match") == true)
            #expect(refusal?.reason.hasSuffix("the file is damaged") == true)
            let lenient = WorkbookReader(limits: .init(verifiesChecksums: false))
            #expect(try lenient.read(contentsOf: url).sheets.first?["A1"]?.value == "42")
        }
    }

    @Test func refusesACorruptDeflateStream() throws {
        try withTemporaryDirectory { directory in
            let (url, bytes, record) = try workbook(in: directory)
            let local = Int(bytes[record + 42]) | Int(bytes[record + 43]) << 8
                | Int(bytes[record + 44]) << 16 | Int(bytes[record + 45]) << 24
            let start = local + 30 + (Int(bytes[local + 26]) | Int(bytes[local + 27]) << 8)
                + (Int(bytes[local + 28]) | Int(bytes[local + 29]) << 8)
            var damaged = bytes
            // Block type 3 does not exist in deflate: zlib says so at once.
            damaged[start] = 0b0000_0111
            try damaged.write(to: url)
            let refusal = malformed(url)
            #expect(refusal?.part == "xl/workbook.xml")
            #expect(refusal?.reason.hasPrefix("its compressed data is corrupt (zlib:") == true)
        }
    }
}
