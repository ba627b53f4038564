/// Decoding of SpreadsheetML's `_xHHHH_` escapes in string content.
///
/// XML 1.0 cannot carry most control characters, so Excel (and libxlsxwriter)
/// write them as `_x000D_`-style escapes inside `<t>`; Excel decodes them on load,
/// and so must a reader that wants the text the writer meant. A literal
/// `_x005F_` escapes the underscore itself.
enum OOXMLText {
    static func decode(_ text: String) -> String {
        guard text.contains("_x") else { return text }  // Fast path: almost no text has escapes.
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x", scalars[index + 6] == "_",
               scalars[(index + 2)..<(index + 6)].allSatisfy(\.properties.isASCIIHexDigit),
               let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                result.append(scalar)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
