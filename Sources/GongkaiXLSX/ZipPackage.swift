import Foundation
internal import ZIPFoundation

/// Read-only access to the parts of an XLSX zip, with every part size-checked before extraction.
///
/// A part's declared size and compression ratio are checked against the reader's
/// limits before a single byte is inflated, and the inflated byte count is checked
/// again while streaming, because the sizes in a zip's headers are only claims.
/// So memory never exceeds one part's limit, whatever the archive says.
struct ZipPackage {
    let path: String
    private let archive: Archive
    /// The whole file, memory-mapped: parts are inflated from it by range.
    private let bytes: Data
    private let locator: ZipEntryLocator
    private let limits: WorkbookReader.Limits

    /// Opens `url`; anything that is not a readable zip is reported as "not an XLSX workbook".
    init(url: URL, limits: WorkbookReader.Limits) throws {
        path = url.path
        self.limits = limits
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw XLSXError.fileSystem(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw XLSXError.fileSystem(path: path, reason: "is a directory, not a file") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw XLSXError.fileSystem(path: path, reason: "the file is not readable")
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
            bytes = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw XLSXError.notXLSX(path: path, reason: "it is not a zip archive (\(error))")
        }
        locator = ZipEntryLocator(bytes: bytes)
    }

    /// The bytes of `part` (e.g. `xl/workbook.xml`), or nil if the package has no such part.
    ///
    /// Part names are matched exactly first, then case-insensitively, as OPC part
    /// names are case-insensitive.
    func data(of part: String) throws -> Data? {
        guard let entry = archive[part] ?? archive.first(where: { $0.path.lowercased() == part.lowercased() }) else {
            return nil
        }
        func unsafe(_ reason: String) -> XLSXError { .unsafeContent(path: path, part: part, reason: reason) }
        guard entry.type == .file else { throw unsafe("it is not a regular file entry") }
        let declared = entry.uncompressedSize
        guard declared <= limits.maxPartSize else {
            throw unsafe("its uncompressed size \(declared) bytes exceeds the limit of \(limits.maxPartSize) bytes")
        }
        if declared > limits.compressionRatioThreshold {
            let ratio = Double(declared) / Double(max(entry.compressedSize, 1))
            guard ratio <= limits.maxCompressionRatio else {
                throw unsafe("its compression ratio \(Int(ratio)):1 exceeds \(Int(limits.maxCompressionRatio)):1 (possible zip bomb)")
            }
        }
        // The bytes are inflated here, from exactly the entry's range: a
        // corrupt header can claim gigabytes of compressed data in a 5 KB
        // file, and ZIPFoundation's Linux inflate then reads empty chunks for
        // ever (make fuzz found it: Tests/Fixtures/fuzz/xlsx-timeout-26daf21…).
        func malformed(_ reason: String) -> XLSXError { .malformedContent(path: path, part: part, reason: reason) }
        switch locator.span(of: entry.path) {
        case nil:
            throw malformed("its entry in the zip directory cannot be read")
        case .failure(let failure)?:
            throw malformed(failure.reason)
        case .success(let span)?:
            let checksum = limits.verifiesChecksums ? span.crc32 : nil
            do {
                return try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws(BoundedInflater.Failure) -> Data in
                    let input = UnsafeRawBufferPointer(rebasing: raw[span.dataStart..<(span.dataStart + Int(span.compressedSize))])
                    switch span.method {
                    case 0: return try BoundedInflater.stored(input, limit: declared, crc32: checksum)
                    case 8: return try BoundedInflater.inflate(input, limit: declared, crc32: checksum)
                    default:
                        throw BoundedInflater.Failure(kind: .damaged,
                            reason: "it uses compression method \(span.method); only stored and deflate are read")
                    }
                }
            } catch let failure as BoundedInflater.Failure {
                throw failure.kind == .oversized ? unsafe(failure.reason) : malformed(failure.reason)
            }
        }
    }
}
