import Foundation
import GongkaiModel

/// The lines of a source document, decoded and numbered.
public struct SourceLines: Sendable {
    /// The lines, without line terminators. `lines[i]` is line `i + 1`.
    public let lines: [String]

    /// Decodes `data` as text.
    ///
    /// Accepts UTF-8 (with or without BOM). Refuses anything that is not
    /// text: NUL bytes, invalid UTF-8.
    ///
    /// - Throws: `InputError` naming `file` and the first bad line.
    public init(data: Data, file: String) throws {
        guard !data.isEmpty else { throw InputError(file: file, "the file is empty; expected the text of a budget disclosure") }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InputError(file: file, line: 1, "the file is UTF-16 text; expected UTF-8 (save it as UTF-8 and try again)")
        }
        if let nul = bytes.firstIndex(of: 0) {
            let line = 1 + bytes[bytes.startIndex..<nul].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw InputError(file: file, line: line, "binary data (a NUL byte); expected the text of a budget disclosure")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // Find the first line that is not UTF-8, for the message.
            var line = 1
            for piece in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                if String(validating: piece, as: UTF8.self) == nil { break }
                line += 1
            }
            throw InputError(file: file, line: line, "not UTF-8 text; expected a UTF-8 text document")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
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
