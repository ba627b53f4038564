/// One `<Relationship>` of an OPC `.rels` part: how one part points to another.
struct Relationship {
    let id: String
    /// The relationship type URI; compared by suffix so both transitional
    /// (`schemas.openxmlformats.org`) and strict (`purl.oclc.org`) namespaces match.
    let type: String
    /// The target part name, already resolved to a path inside the zip.
    let target: String

    func hasType(_ suffix: String) -> Bool { type.hasSuffix("/" + suffix) }
}

/// Part-name arithmetic for OPC packages.
enum PartName {
    /// The `.rels` part describing `part`'s relationships: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; "" (the package) → `_rels/.rels`.
    static func relationships(of part: String) -> String {
        let slash = part.lastIndex(of: "/")
        let directory = slash.map { String(part[...$0]) } ?? ""
        let file = slash.map { String(part[part.index(after: $0)...]) } ?? part
        return directory + "_rels/" + file + ".rels"
    }

    /// Resolves a relationship target against the part that owns the `.rels`.
    ///
    /// Targets are relative to the source part's directory (`worksheets/sheet1.xml`)
    /// unless they start with `/` (absolute within the package, as LibreOffice and
    /// some other writers emit them); `.` and `..` segments are collapsed.
    static func resolve(_ target: String, from source: String) -> String {
        var segments: [Substring] = []
        if !target.hasPrefix("/") {
            segments = source.split(separator: "/", omittingEmptySubsequences: true).dropLast()
        }
        for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}

/// Collects the internal relationships of one `.rels` part (external links are skipped).
final class RelationshipsParser: XMLPartHandler {
    private let source: String
    private(set) var relationships: [Relationship] = []

    /// `source` is the part the `.rels` belongs to ("" for the package itself).
    init(source: String) { self.source = source }

    func start(_ element: String, _ attributes: [String: String]) throws {
        guard element == "Relationship", attributes["TargetMode"] != "External",
              let id = attributes["Id"], let type = attributes["Type"], let target = attributes["Target"] else { return }
        relationships.append(Relationship(id: id, type: type, target: PartName.resolve(target, from: source)))
    }

    func end(_ element: String) throws {}
    func text(_ characters: String) {}
}
