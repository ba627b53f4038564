import Foundation

/// Runs `body` with C copies of optional strings that stay valid for the whole call.
///
/// libxlsxwriter's option structs take `char *` fields. Nesting `withCString` for
/// several optional strings is unreadable, so the strings are duplicated with
/// `strdup` and freed when `body` returns. libxlsxwriter copies whatever it keeps.
func withCStrings<R>(_ strings: [String?], _ body: ([UnsafeMutablePointer<CChar>?]) throws -> R) rethrows -> R {
    let copies = strings.map { string in string.map { strdup($0) } ?? nil }
    defer { copies.forEach { free($0) } }
    return try body(copies)
}

/// Refuses text containing NUL, which C would silently cut short at that byte.
func requireNoNUL(_ text: String, _ what: String, context: @autoclosure () -> String) throws {
    if containsNUL(text) {
        throw XLSXError.invalidArgument(reason: "\(what) contains a NUL character", context: context())
    }
}

/// Whether `text` has a NUL byte: `memchr` over the UTF-8 of a native string.
///
/// Runs on every string written, the model JSON's 30,000-byte cells among
/// them; iterating the UTF-8 view byte by byte was 2% of a batch.
func containsNUL(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { bytes in
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, 0, bytes.count) != nil
    } ?? text.utf8.contains(0)
}
