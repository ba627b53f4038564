import Foundation
import GongkaiModel

/// The lines of a source document, decoded and numbered.
///
/// The text is kept once, as UTF-8 (for a UTF-8 file, the very bytes read),
/// with where each line starts: a String per line cost twice the size of
/// the text, and most lines of a large document are only ever looked at as
/// bytes (`withUTF8(line:_:)`).
public struct SourceLines: Sendable {
    /// The text, UTF-8.
    private let utf8: Data
    /// The byte offset of each line in `utf8`.
    private let starts: [Int]
    /// Where the last line ends (before its `\r\n`, or a final `\r`).
    private let lastEnd: Int

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
        // UTF-8 without a BOM is kept as read, not copied.
        let utf8 = encoding == .utf8 && !data.starts(with: [0xEF, 0xBB, 0xBF]) ? data : Data(text.utf8)
        (starts, lastEnd) = utf8.withUnsafeBytes { Self.lineStarts($0.assumingMemoryBound(to: UInt8.self), dropFinalCR: true) }
        self.utf8 = utf8
        self.encoding = encoding
    }

    /// Creates source lines from already decoded text.
    public init(text: String) {
        utf8 = Data(text.utf8)
        (starts, lastEnd) = utf8.withUnsafeBytes { Self.lineStarts($0.assumingMemoryBound(to: UInt8.self), dropFinalCR: false) }
    }

    /// Line `number` (1-based).
    public subscript(number: Int) -> String {
        withUTF8(line: number) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 of line `number` (1-based), without
    /// making a String of it.
    public func withUTF8<R>(line number: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        precondition(number >= 1 && number <= starts.count, "line \(number) out of range")
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] - 1 : lastEnd
        // `\r\n` is a line break: its `\r` is not part of the line.
        if number < starts.count, end > start, utf8[utf8.startIndex + end - 1] == 0x0D { end -= 1 }
        return try utf8.withUnsafeBytes { raw in
            try body(UnsafeBufferPointer(rebasing: raw.assumingMemoryBound(to: UInt8.self)[start..<end]))
        }
    }

    /// The lines, without line terminators. `lines[i]` is line `i + 1`.
    ///
    /// Made on each call: read a line at a time with the subscript instead.
    public var lines: [String] { (0..<count).map { self[$0 + 1] } }

    public var count: Int { starts.count }

    /// The lines as a reader expects them: a line ends at `\n` or `\r\n`
    /// (Windows tools save text with `\r\n`), a final `\r` is dropped when
    /// `dropFinalCR`, and a final empty line is none. A lone `\r` elsewhere
    /// is kept. `lineStarts` is held to it by a test.
    static func generalLines(_ text: String, dropFinalCR: Bool) -> [String] {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        for i in lines.indices.dropLast() where lines[i].unicodeScalars.last == "\r" { lines[i].unicodeScalars.removeLast() }
        if dropFinalCR, let last = lines.indices.last, lines[last].unicodeScalars.last == "\r" { lines[last].unicodeScalars.removeLast() }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// `generalLines` read byte by byte: where each line starts (after each
    /// `\n`), and where the last one ends. A line's `\r` before its `\n` is
    /// left out when the line is read.
    ///
    /// - Complexity: O(*n*), two allocations.
    static func lineStarts(_ b: UnsafeBufferPointer<UInt8>, dropFinalCR: Bool) -> (starts: [Int], lastEnd: Int) {
        @inline(__always) func isBreak(_ i: Int) -> Bool { b[i] == 0x0A }
        var breaks = 0
        for i in b.indices where isBreak(i) { breaks += 1 }
        var starts: [Int] = []
        starts.reserveCapacity(breaks + 1)
        starts.append(0)
        for i in b.indices where isBreak(i) { starts.append(i + 1) }
        var lastEnd = dropFinalCR && b.count > starts[starts.count - 1] && b[b.count - 1] == 0x0D ? b.count - 1 : b.count
        // A final empty line is none: the line before it ends at its `\n`
        // (or `\r\n`).
        if lastEnd == starts[starts.count - 1] {
            lastEnd = max(0, starts.removeLast() - 1)
            if let start = starts.last, lastEnd > start, b[lastEnd - 1] == 0x0D { lastEnd -= 1 }
        }
        return (starts, lastEnd)
    }
}
