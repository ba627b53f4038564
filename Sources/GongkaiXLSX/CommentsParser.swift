/// Reads cell notes from a comments part (`xl/commentsN.xml`, found through the sheet's relationships).
final class CommentsParser: XMLPartHandler {
    private let path: String
    private let part: String
    private(set) var comments: [CellComment] = []
    private var authors: [String] = []
    private var buffer = ""
    private var capturing = false
    private var inText = false
    private var phoneticDepth = 0
    private var pending: (reference: CellReference, authorID: Int?)?

    init(path: String, part: String) {
        self.path = path
        self.part = part
    }

    func start(_ element: String, _ attributes: [String: String]) throws {
        switch element {
        case "author":
            (capturing, buffer) = (true, "")
        case "comment":
            guard let ref = attributes["ref"], let cell = CellReference(a1: ref) else {
                throw XLSXError.malformedContent(path: path, part: part, reason: "a <comment> has no valid ref")
            }
            guard cell.isWithinExcelLimits else {
                throw XLSXError.unsafeContent(path: path, part: part, reason: "comment reference \(ref) lies outside Excel's grid")
            }
            pending = (cell, attributes["authorId"].flatMap { Int($0) })
            buffer = ""
        case "text" where pending != nil:
            inText = true
        case "rPh":
            phoneticDepth += 1
        case "t" where inText && phoneticDepth == 0:
            capturing = true
        default:
            break
        }
    }

    func end(_ element: String) throws {
        switch element {
        case "author":
            authors.append(OOXMLText.decode(buffer))
            capturing = false
        case "t":
            capturing = false
        case "rPh":
            phoneticDepth -= 1
        case "text":
            inText = false
        case "comment":
            if let pending {
                let author = pending.authorID.flatMap { authors.indices.contains($0) ? authors[$0] : nil }
                comments.append(CellComment(reference: pending.reference, author: author, text: OOXMLText.decode(buffer)))
            }
            pending = nil
        default:
            break
        }
    }

    func text(_ characters: String) {
        if capturing { buffer += characters }
    }
}
