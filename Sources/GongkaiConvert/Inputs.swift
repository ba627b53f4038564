import Foundation
import GongkaiModel
import GongkaiParse

/// Opens any input a command accepts: a disclosure's text, a model JSON, or
/// a workbook written by `gongkai convert`.
public enum Inputs {
    /// Loads the document at `url`, deciding by content what it is.
    ///
    /// - Throws: `InputError` naming the file (and line) on bad input.
    public static func load(_ url: URL) throws -> Document {
        if isZip(url) {
            do { return try StandardWorkbookReader.read(url) } catch let e as StandardWorkbookReader.ReadError {
                throw InputError(file: url.path, e.description)
            }
        }
        return try DocumentLoader.load(url)
    }

    /// An XLSX file is a zip: it starts with `PK\u{3}\u{4}`.
    static func isZip(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 4)) ?? Data()
        return magic == Data([0x50, 0x4B, 0x03, 0x04])
    }
}
