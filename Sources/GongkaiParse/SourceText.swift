import Foundation
import GongkaiModel

/// The lines of a source document, decoded and numbered.
public struct SourceLines: Sendable {
    /// The lines, without line terminators. `lines[i]` is line `i + 1`.
    public let lines: [String]

    /// The encoding the text was read in.
    public private(set) var encoding: TextEncoding = .utf8

    /// Decodes `data` as text.
    ///
    /// Accepts UTF-8 (with or without BOM), UTF-16 (with a BOM, or without
    /// one when its zero bytes give it away) and GB18030/GBK, the encodings
    /// Chinese office tools write. Refuses anything that is not text.
    ///
    /// - Throws: `InputError` naming `file` and the first bad line.
    public init(data: Data, file: String) throws {
        guard !data.isEmpty else { throw InputError(file: file, "the file is empty; expected the text of a budget disclosure") }
        let (text, encoding) = try TextEncoding.decode(data, file: file)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
        self.encoding = encoding
    }

    /// Creates source lines from already decoded text.
    public init(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    /// Line `number` (1-based).
    public subscript(number: Int) -> String { lines[number - 1] }

    public var count: Int { lines.count }
}
