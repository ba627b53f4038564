import Foundation
import GongkaiModel

/// Opens any input a command accepts: a source text document, or a model
/// JSON written by `gongkai parse --format json`.
public enum DocumentLoader {
    /// Loads the document at `url`, deciding by content what it is.
    ///
    /// - Throws: `InputError` naming the file (and line) on bad input.
    public static func load(_ url: URL) throws -> Document {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InputError(file: url.path, "cannot be read (\(DocumentParser.reason(error))); expected a budget disclosure (.pdf or .txt) or a model JSON")
        }
        if isModelJSON(data) {
            do { return try ModelJSON.decode(data) } catch let e as ModelJSON.ReadError {
                throw InputError(file: url.path, "is not a valid gongkai model JSON: \(e.description)")
            }
        }
        var doc = PDFReader.isPDF(data)
            ? try PDFReader.parse(data, file: url.path)
            : try DocumentParser().parse(data: data, file: url.path)
        doc.source = url.lastPathComponent
        doc.sourceSHA256 = SHA256.hex(of: data)
        return doc
    }

    /// A JSON object: a disclosure's text never starts with `{`.
    static func isModelJSON(_ data: Data) -> Bool {
        let first = data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        return first == UInt8(ascii: "{")
    }
}
