import Foundation
internal import CXlsxWriter

/// An XLSX workbook being written with libxlsxwriter.
///
/// The workbook owns the `lxw_workbook` handle and, through it, every worksheet,
/// format and chart created from it. Nothing reaches the disk until `close()`,
/// which writes the whole file and releases the handle whether or not writing
/// succeeded. A workbook dropped without `close()` releases its handle in
/// `deinit` *without* writing: a half-built workbook (e.g. abandoned because an
/// error was thrown) must never appear at `path`, and `deinit` could not report
/// a write failure anyway.
///
/// Output is reproducible: document properties carry a fixed creation time and
/// libxlsxwriter stamps zip entries with a fixed date, so the same calls produce
/// byte-identical files.
///
/// Not thread-safe: use one workbook from one thread at a time (libxlsxwriter
/// handles are not synchronised). Separate workbooks may be written concurrently.
public final class Workbook {
    /// How libxlsxwriter should build the file.
    public struct Options: Hashable, Sendable {
        /// Flush each row to a temporary file once a later row is written.
        ///
        /// Keeps memory flat for very large sheets, but rows must then be written
        /// in ascending order (writing to an earlier row throws), strings are stored
        /// inline rather than shared, and merged cells only keep their first cell's text.
        public var constantMemory: Bool
        /// Directory for libxlsxwriter's temporary files; nil uses the system default.
        public var temporaryDirectory: String?

        /// Creates options; the defaults keep everything in memory.
        public init(constantMemory: Bool = false, temporaryDirectory: String? = nil) {
            self.constantMemory = constantMemory
            self.temporaryDirectory = temporaryDirectory
        }
    }

    /// Document metadata stored in `docProps/core.xml`.
    public struct DocumentProperties: Hashable, Sendable {
        /// The creation time used unless another is given: 2024-01-01T00:00:00Z.
        ///
        /// libxlsxwriter would otherwise stamp the current time, making every run's
        /// output differ; a constant keeps output byte-identical for identical input.
        public static let fixedCreationDate = Date(timeIntervalSince1970: 1_704_067_200)

        /// Title (File ▸ Properties in Excel).
        public var title: String?
        /// Subject.
        public var subject: String?
        /// Author; nil leaves it empty rather than naming the machine's user.
        public var author: String?
        /// Company.
        public var company: String?
        /// Keywords.
        public var keywords: String?
        /// Free-text comments.
        public var comments: String?
        /// Creation time written to the file; must be after 1970-01-01.
        public var creationDate: Date

        /// Creates properties; all text fields default to empty.
        public init(title: String? = nil, subject: String? = nil, author: String? = nil,
                    company: String? = nil, keywords: String? = nil, comments: String? = nil,
                    creationDate: Date = DocumentProperties.fixedCreationDate) {
            self.title = title
            self.subject = subject
            self.author = author
            self.company = company
            self.keywords = keywords
            self.comments = comments
            self.creationDate = creationDate
        }
    }

    /// Where `close()` writes the file.
    public let path: String
    /// Records every call for the benchmark floor (see `CallRecorder`); nil
    /// in normal use.
    public var recorder: CallRecorder?
    /// Names of the worksheets added so far, in tab order.
    public private(set) var worksheetNames: [String] = []

    /// nil once `close()` has handed the handle back to libxlsxwriter.
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private let options: Options
    /// One libxlsxwriter format per distinct style, so equal styles share one XF record.
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    /// The styles used last, looked up with `==` before `formats` is hashed.
    ///
    /// A sheet cycles through a handful of styles; comparing a style with
    /// one whose strings share its storage is a few instructions, hashing
    /// its font name and number format for every cell was 1% of a batch.
    private var recentFormats: [(style: CellStyle, format: UnsafeMutablePointer<lxw_format>)] = []
    /// Where the next style enters `recentFormats` once it is full.
    private var recentCursor = 0
    private static let recentCapacity = 8
    /// The C worksheets, kept only so `deinit` can close their temporary files.
    private var sheetPointers: [UnsafeMutablePointer<lxw_worksheet>] = []

    /// Starts a workbook that `close()` will write to `path`.
    ///
    /// Nothing is created on disk yet; an unwritable `path` is reported by `close()`.
    public init(path: String, options: Options = Options(), properties: DocumentProperties = DocumentProperties()) throws {
        let context = "creating workbook \(path)"
        guard !path.isEmpty else { throw XLSXError.invalidArgument(reason: "the path is empty", context: context) }
        try requireNoNUL(path, "the path", context: context)
        if let directory = options.temporaryDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw XLSXError.fileSystem(path: directory, reason: "temporary directory does not exist or is not a directory")
            }
        }
        self.path = path
        self.options = options
        handle = withCStrings([options.temporaryDirectory]) { strings in
            var lxwOptions = lxw_workbook_options()
            lxwOptions.constant_memory = options.constantMemory ? 1 : 0
            lxwOptions.tmpdir = strings[0]
            return workbook_new_opt(path, &lxwOptions)
        }
        guard handle != nil else { throw XLSXError.failure(LXW_ERROR_MEMORY_MALLOC_FAILED, context) }
        // From here on a throw still runs deinit, which frees the handle.
        try setProperties(properties)
    }

    deinit {
        // Abandoned without close(): release memory and temporary files, write nothing.
        guard let handle else { return }
        // In constant-memory mode each worksheet holds an open tmpfile() that only
        // workbook_close() closes; libxlsxwriter 1.1.4's lxw_workbook_free() leaks it
        // (one file descriptor per sheet), so close it here first.
        for sheet in sheetPointers {
            if let file = sheet.pointee.optimize_tmpfile {
                fclose(file)
                sheet.pointee.optimize_tmpfile = nil
            }
        }
        lxw_workbook_free(handle)
    }

    /// Whether `close()` has been called.
    public var isClosed: Bool { handle == nil }

    /// Appends a worksheet named `name` and returns it for writing.
    ///
    /// Throws `XLSXError.invalidSheetName` for names Excel would reject, including a
    /// name already used in this workbook (Excel compares names case-insensitively).
    public func addWorksheet(name: String) throws -> Worksheet {
        recorder?.record("T", [CallRecorder.escape(name)])
        let context = "adding worksheet \(name)"
        let handle = try liveHandle(context)
        try Self.validateWorksheetName(name)
        if worksheetNames.contains(where: { $0.lowercased() == name.lowercased() }) {
            throw XLSXError.invalidSheetName(name: name, reason: "a worksheet with this name already exists (names are case-insensitive)")
        }
        // libxlsxwriter's own rules as a backstop, in case they are stricter than ours.
        try XLSXError.check(workbook_validate_sheet_name(handle, name), context)
        guard let sheet = workbook_add_worksheet(handle, name) else {
            // NULL carries no code; in constant-memory mode the per-sheet temporary
            // file is the only thing that can fail, otherwise it is memory.
            throw XLSXError.failure(options.constantMemory ? LXW_ERROR_CREATING_TMPFILE : LXW_ERROR_MEMORY_MALLOC_FAILED, context)
        }
        worksheetNames.append(name)
        sheetPointers.append(sheet)
        return Worksheet(name: name, workbook: self, pointer: sheet)
    }

    /// Creates a clustered column chart; insert it with `Worksheet.insertChart(_:row:column:xScale:yScale:)`.
    ///
    /// The series ranges must refer to worksheets already added to this workbook;
    /// libxlsxwriter reads the cached values from them when the workbook is closed.
    public func addChart(_ description: ColumnChart) throws -> Chart {
        let context = "adding chart \"\(description.title ?? "untitled")\""
        let handle = try liveHandle(context)
        try description.validate(worksheetNames: worksheetNames, context: context)
        guard let chart = workbook_add_chart(handle, UInt8(LXW_CHART_COLUMN.rawValue)) else {
            throw XLSXError.failure(LXW_ERROR_MEMORY_MALLOC_FAILED, context)
        }
        try description.configure(chart, context: context)
        return Chart(workbook: self, pointer: chart)
    }

    /// Writes the file to `path` and releases the libxlsxwriter handle.
    ///
    /// The handle is released even when writing fails (libxlsxwriter frees it in
    /// `workbook_close` regardless), so a workbook can be closed only once.
    public func close() throws {
        guard let handle else { throw XLSXError.workbookClosed(context: "closing workbook \(path)") }
        self.handle = nil
        formats.removeAll()
        recentFormats.removeAll()
        sheetPointers.removeAll()
        try XLSXError.check(workbook_close(handle), "writing workbook \(path)")
    }

    /// Checks a worksheet name against Excel's rules.
    ///
    /// Excel refuses names that are empty, longer than 31 characters, contain any of
    /// `[ ] : * ? / \`, start or end with an apostrophe, or equal `History` (reserved).
    public static func validateWorksheetName(_ name: String) throws {
        func invalid(_ reason: String) -> XLSXError { .invalidSheetName(name: name, reason: reason) }
        guard !name.isEmpty else { throw invalid("the name is empty") }
        // Excel counts UTF-16 code units; for CJK text that equals the character count.
        guard name.utf16.count <= 31 else { throw invalid("longer than 31 characters (\(name.utf16.count))") }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
            throw invalid("contains the character '\(bad)' (not allowed: [ ] : * ? / \\)")
        }
        guard !name.hasPrefix("'"), !name.hasSuffix("'") else { throw invalid("starts or ends with an apostrophe") }
        guard name.lowercased() != "history" else { throw invalid("\"History\" is reserved by Excel") }
        guard !name.unicodeScalars.contains(where: { $0.value < 0x20 }) else { throw invalid("contains a control character") }
    }

    // MARK: - Internal

    /// The live handle, or `workbookClosed` if `close()` already ran.
    func liveHandle(_ context: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw XLSXError.workbookClosed(context: context()) }
        return handle
    }

    /// The cached libxlsxwriter format for `style`; nil (no format) for the default style.
    func format(for style: CellStyle?, _ context: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_format>? {
        guard let style, style != CellStyle() else { return nil }
        for recent in recentFormats where recent.style == style { return recent.format }
        if let format = formats[style] {
            remember(style, format)
            return format
        }
        let handle = try liveHandle(context())
        try style.validate(context: context())
        guard let format = workbook_add_format(handle) else {
            throw XLSXError.failure(LXW_ERROR_MEMORY_MALLOC_FAILED, context())
        }
        style.apply(to: format)
        formats[style] = format
        remember(style, format)
        return format
    }

    /// Puts `style` among `recentFormats`, in place of the oldest once full.
    private func remember(_ style: CellStyle, _ format: UnsafeMutablePointer<lxw_format>) {
        if recentFormats.count < Self.recentCapacity {
            recentFormats.append((style, format))
        } else {
            recentFormats[recentCursor] = (style, format)
            recentCursor = (recentCursor + 1) % Self.recentCapacity
        }
    }

    private func setProperties(_ properties: DocumentProperties) throws {
        let context = "setting document properties of \(path)"
        let handle = try liveHandle(context)
        let seconds = properties.creationDate.timeIntervalSince1970.rounded(.down)
        // libxlsxwriter treats 0 as "now", which would defeat reproducible output.
        guard seconds >= 1, seconds < Double(Int32.max) * 2 else {
            throw XLSXError.invalidArgument(reason: "creation date \(properties.creationDate) is out of range", context: context)
        }
        let texts = [properties.title, properties.subject, properties.author,
                     properties.company, properties.keywords, properties.comments]
        for text in texts.compactMap({ $0 }) { try requireNoNUL(text, "a document property", context: context) }
        let code = withCStrings(texts) { strings in
            var lxwProperties = lxw_doc_properties()
            lxwProperties.title = strings[0]
            lxwProperties.subject = strings[1]
            lxwProperties.author = strings[2]
            lxwProperties.company = strings[3]
            lxwProperties.keywords = strings[4]
            lxwProperties.comments = strings[5]
            lxwProperties.created = time_t(seconds)
            // workbook_set_properties copies every string, so the copies may be freed after.
            return workbook_set_properties(handle, &lxwProperties)
        }
        try XLSXError.check(code, context)
    }
}
