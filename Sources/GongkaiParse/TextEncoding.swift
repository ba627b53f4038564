import Foundation

/// The text encodings budget documents arrive in.
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"

    /// Foundation's GB18030 (CFStringEncoding 0x0632), which also reads GBK and GB2312.
    static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Decodes `data`, deciding its encoding from a BOM, from the pattern of
    /// zero bytes (UTF-16 without BOM), from UTF-8 validity, and else trying
    /// GB18030.
    ///
    /// - Throws: `InputError` for binary data or text in no known encoding,
    ///   naming the first line that cannot be read.
    /// - Complexity: O(*n*).
    static func decode(_ data: Data, file: String) throws -> (String, TextEncoding) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (try utf8(Array(bytes.dropFirst(3)), file: file), .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return (try utf16(bytes, bom: true, little: true, file: file), .utf16LE) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (try utf16(bytes, bom: true, little: false, file: file), .utf16BE) }
        if let nul = bytes.firstIndex(of: 0) {
            // UTF-16 without a BOM has zero bytes too (the high bytes of ASCII).
            for little in [true, false] {
                if let text = try? utf16(bytes, bom: false, little: little, file: file), looksLikeChineseText(text) {
                    return (text, little ? .utf16LE : .utf16BE)
                }
            }
            throw InputError(file: file, line: lineNumber(bytes, at: nul), "binary data (a NUL byte); expected the text of a budget disclosure")
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        if let text = String(data: data, encoding: foundationGB18030), !text.unicodeScalars.contains(where: isControl) {
            return (text, .gb18030)
        }
        throw InputError(file: file, line: firstBadUTF8Line(bytes),
                         "not text in UTF-8, GB18030/GBK or UTF-16; expected a text document (save it as UTF-8 and try again)")
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x20 && u != "\n" && u != "\r" && u != "\t") || u.value == 0x7F
    }

    static func utf8(_ bytes: [UInt8], file: String) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError(file: file, line: firstBadUTF8Line(bytes), "starts with a UTF-8 BOM but is not UTF-8 text")
        }
        return text
    }

    static func utf16(_ bytes: [UInt8], bom: Bool, little: Bool, file: String) throws -> String {
        let body = bom ? Array(bytes.dropFirst(2)) : bytes
        guard body.count % 2 == 0 else {
            throw InputError(file: file, "is UTF-16 text cut off in the middle of a character (odd number of bytes)")
        }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        for i in stride(from: 0, to: body.count, by: 2) {
            units.append(little ? UInt16(body[i]) | UInt16(body[i + 1]) << 8 : UInt16(body[i]) << 8 | UInt16(body[i + 1]))
        }
        var scalars = String.UnicodeScalarView()
        var line = 1
        var decoder = UTF16()
        var iterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let u):
                if u == "\0" { throw InputError(file: file, line: line, "binary data (a NUL character) in UTF-16 text") }
                if u == "\n" { line += 1 }
                scalars.append(u)
            case .emptyInput: break loop
            case .error: throw InputError(file: file, line: line, "invalid UTF-16 (an unpaired surrogate)")
            }
        }
        return String(scalars)
    }

    /// Whether decoded text reads like a Chinese document: almost every
    /// character is CJK, ASCII, whitespace or CJK punctuation. Bytes decoded
    /// in the wrong encoding scatter over other blocks.
    static func looksLikeChineseText(_ text: String) -> Bool {
        var good = 0, total = 0
        for u in text.unicodeScalars {
            total += 1
            switch u.value {
            case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x3000...0x303F, 0x4E00...0x9FFF, 0xFF00...0xFFEF, 0x2000...0x206F, 0xB7, 0xD7:
                good += 1
            default: break
            }
        }
        return total > 0 && good * 100 >= total * 97
    }

    static func lineNumber(_ bytes: [UInt8], at index: Int) -> Int {
        1 + bytes[..<index].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    static func firstBadUTF8Line(_ bytes: [UInt8]) -> Int {
        var line = 1
        for piece in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(validating: piece, as: UTF8.self) == nil { return line }
            line += 1
        }
        return line
    }
}
