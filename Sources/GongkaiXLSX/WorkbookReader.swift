import Foundation

/// Reads the cells, merges and comments of an `.xlsx` file.
///
/// Understands what this library writes and what Excel and LibreOffice save:
/// the sheet list comes from `xl/workbook.xml` and its relationships (so tab order
/// and names are the workbook's own, whatever the part file names), string cells
/// are resolved through the shared string table or read inline, and comments are
/// found through each sheet's relationships.
///
/// Input is treated as hostile. Each part is size- and ratio-checked before it is
/// inflated (see `Limits`), XML containing a DTD is refused, and cells beyond
/// Excel's grid are refused, each with an error naming the file and the part.
/// Memory use is bounded by one part's size limit plus the extracted contents.
public struct WorkbookReader: Sendable {
    /// Safety limits applied to every part read from the zip.
    public struct Limits: Hashable, Sendable {
        /// Largest uncompressed size of a single part (default 200 MB).
        public var maxPartSize: UInt64
        /// Largest uncompressed/compressed ratio for parts above `compressionRatioThreshold` (default 100:1).
        ///
        /// Real sheet XML compresses about 5–30:1; zip bombs reach 1000:1.
        public var maxCompressionRatio: Double
        /// Parts up to this size skip the ratio check (default 1 MB): small parts of
        /// repetitive XML legitimately compress very well and cannot hurt.
        public var compressionRatioThreshold: UInt64
        /// Whether a part whose CRC-32 differs from the zip's record is refused (default true).
        ///
        /// Only the fuzz harness turns this off, so that its mutations reach the
        /// XML parsers instead of stopping at the checksum.
        public var verifiesChecksums: Bool

        /// Creates limits; the defaults suit real budget workbooks with a wide margin.
        public init(maxPartSize: UInt64 = 200 * 1024 * 1024, maxCompressionRatio: Double = 100,
                    compressionRatioThreshold: UInt64 = 1024 * 1024, verifiesChecksums: Bool = true) {
            self.maxPartSize = maxPartSize
            self.maxCompressionRatio = maxCompressionRatio
            self.compressionRatioThreshold = compressionRatioThreshold
            self.verifiesChecksums = verifiesChecksums
        }
    }

    /// The limits applied to every part.
    public var limits: Limits

    /// Creates a reader with the given safety limits.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Reads every sheet of the workbook at `url`.
    public func read(contentsOf url: URL) throws -> WorkbookContents {
        let package = try ZipPackage(url: url, limits: limits)
        let xml = SafeXMLParser(path: package.path)

        let packageRelationships = try relationships(of: "", in: package, xml)
        let workbookPart = packageRelationships.first { $0.hasType("officeDocument") }?.target ?? "xl/workbook.xml"
        guard let workbookData = try package.data(of: workbookPart) else {
            throw XLSXError.notXLSX(path: package.path, reason: "it has no workbook part (\(workbookPart))")
        }
        let workbook = WorkbookPartParser(path: package.path, part: workbookPart)
        try xml.parse(workbookData, part: workbookPart, into: workbook)

        let workbookRelationships = try relationships(of: workbookPart, in: package, xml)
        let sharedStringsPart = workbookRelationships.first { $0.hasType("sharedStrings") }?.target
            ?? PartName.resolve("sharedStrings.xml", from: workbookPart)
        var sharedStrings: [String] = []
        if let data = try package.data(of: sharedStringsPart) {
            let parser = SharedStringsParser()
            try xml.parse(data, part: sharedStringsPart, into: parser)
            sharedStrings = parser.strings
        }

        let sheets = try workbook.sheets.map { entry -> SheetContents in
            guard let relationship = workbookRelationships.first(where: { $0.id == entry.relationshipID }) else {
                throw XLSXError.malformedContent(path: package.path, part: workbookPart,
                                                 reason: "sheet \"\(entry.name)\" points to missing relationship \(entry.relationshipID)")
            }
            guard relationship.hasType("worksheet") else {
                return SheetContents(name: entry.name, cells: [], merges: [], comments: [])  // e.g. a chartsheet
            }
            return try readSheet(named: entry.name, part: relationship.target, sharedStrings: sharedStrings, package, xml)
        }
        return WorkbookContents(sheets: sheets)
    }

    private func readSheet(named name: String, part: String, sharedStrings: [String],
                           _ package: ZipPackage, _ xml: SafeXMLParser) throws -> SheetContents {
        guard let data = try package.data(of: part) else {
            throw XLSXError.malformedContent(path: package.path, part: part, reason: "the part for sheet \"\(name)\" is missing")
        }
        let sheet = SheetPartParser(path: package.path, part: part, sharedStrings: sharedStrings)
        try xml.parse(data, part: part, into: sheet)

        var comments: [CellComment] = []
        for relationship in try relationships(of: part, in: package, xml) where relationship.hasType("comments") {
            guard let data = try package.data(of: relationship.target) else { continue }
            let parser = CommentsParser(path: package.path, part: relationship.target)
            try xml.parse(data, part: relationship.target, into: parser)
            comments += parser.comments
        }
        return SheetContents(name: name, cells: sheet.cells, merges: sheet.merges, comments: comments)
    }

    /// The relationships of `part` ("" for the package); none if it has no `.rels` part.
    private func relationships(of part: String, in package: ZipPackage, _ xml: SafeXMLParser) throws -> [Relationship] {
        let relsPart = PartName.relationships(of: part)
        guard let data = try package.data(of: relsPart) else { return [] }
        let parser = RelationshipsParser(source: part)
        try xml.parse(data, part: relsPart, into: parser)
        return parser.relationships
    }
}
