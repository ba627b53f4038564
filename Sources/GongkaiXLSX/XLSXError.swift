internal import CXlsxWriter

/// An error raised while writing, placing or reading an XLSX workbook.
///
/// Every case says what was being done, so `description` can be shown to a user
/// as-is. Failures reported by libxlsxwriter keep the library's own message
/// (`lxw_strerror`) and numeric code, because that text is the most precise
/// account of what the C side rejected.
public enum XLSXError: Error, Sendable, Hashable, CustomStringConvertible {
    /// libxlsxwriter returned an `lxw_error` code other than "no error".
    case library(code: Int, message: String, context: String)
    /// An argument was rejected before it reached libxlsxwriter.
    case invalidArgument(reason: String, context: String)
    /// A worksheet name that Excel would not accept.
    case invalidSheetName(name: String, reason: String)
    /// The workbook was already closed (its C handle is gone).
    case workbookClosed(context: String)
    /// A file-system operation failed or was refused.
    case fileSystem(path: String, reason: String)
    /// The file is not an XLSX workbook at all (not a zip, or no workbook part).
    case notXLSX(path: String, reason: String)
    /// A part of the workbook was refused by a safety limit (size, compression ratio, DTD, dimensions).
    case unsafeContent(path: String, part: String, reason: String)
    /// A part of the workbook could not be understood.
    case malformedContent(path: String, part: String, reason: String)

    public var description: String {
        switch self {
        case let .library(code, message, context):
            "\(context) failed: \(message) (libxlsxwriter error \(code))"
        case let .invalidArgument(reason, context):
            "\(context) failed: \(reason)"
        case let .invalidSheetName(name, reason):
            "invalid worksheet name \"\(name)\": \(reason)"
        case let .workbookClosed(context):
            "\(context) failed: the workbook is already closed"
        case let .fileSystem(path, reason):
            "\(path): \(reason)"
        case let .notXLSX(path, reason):
            "\(path) is not an XLSX workbook: \(reason)"
        case let .unsafeContent(path, part, reason):
            "\(path): refusing \(part): \(reason)"
        case let .malformedContent(path, part, reason):
            "\(path): \(part) is malformed: \(reason)"
        }
    }
}

extension XLSXError {
    /// Turns an `lxw_error` return code into a thrown error; `LXW_NO_ERROR` passes silently.
    ///
    /// `context` is an autoclosure so the hot cell-writing path never builds the
    /// message unless something actually failed.
    static func check(_ code: lxw_error, _ context: @autoclosure () -> String) throws {
        guard code != LXW_NO_ERROR else { return }
        throw failure(code, context())
    }

    /// The error for an `lxw_error` code, with the library's own message.
    static func failure(_ code: lxw_error, _ context: String) -> XLSXError {
        .library(code: Int(code.rawValue), message: String(cString: lxw_strerror(code)), context: context)
    }
}
