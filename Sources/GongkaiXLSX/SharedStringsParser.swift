/// Reads the shared string table (`xl/sharedStrings.xml`) that `t="s"` cells index into.
///
/// Each `<si>` is one string: either a single `<t>` or rich-text runs `<r><t>`,
/// which are concatenated. Phonetic guides (`<rPh>`, furigana Excel adds to East
/// Asian text) are not part of the string and are skipped.
final class SharedStringsParser: XMLPartHandler {
    private(set) var strings: [String] = []
    private var current = ""
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0

    func start(_ element: String, _ attributes: [String: String]) throws {
        switch element {
        case "si": (inItem, current) = (true, "")
        case "rPh": phoneticDepth += 1
        case "t" where inItem && phoneticDepth == 0: inText = true
        default: break
        }
    }

    func end(_ element: String) throws {
        switch element {
        case "si":
            strings.append(OOXMLText.decode(current))
            inItem = false
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    func text(_ characters: String) {
        if inText { current += characters }
    }
}
