/// Reads the sheet list (name and relationship id, in tab order) from `xl/workbook.xml`.
final class WorkbookPartParser: XMLPartHandler {
    struct SheetEntry {
        let name: String
        let relationshipID: String
    }

    private let path: String
    private let part: String
    private(set) var sheets: [SheetEntry] = []

    init(path: String, part: String) {
        self.path = path
        self.part = part
    }

    func start(_ element: String, _ attributes: [String: String]) throws {
        guard element == "sheet" else { return }
        // The id lives in the relationships namespace, whatever prefix the writer chose (`r:id`, `ns1:id`…).
        guard let name = attributes["name"],
              let id = attributes.first(where: { $0.key.hasSuffix(":id") })?.value else {
            throw XLSXError.malformedContent(path: path, part: part, reason: "a <sheet> lacks its name or relationship id")
        }
        sheets.append(SheetEntry(name: name, relationshipID: id))
    }

    func end(_ element: String) throws {}
    func text(_ characters: String) {}
}
