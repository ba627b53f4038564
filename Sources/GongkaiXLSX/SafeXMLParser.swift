import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Receives the events of one XML part; element names arrive without namespace prefix.
protocol XMLPartHandler: AnyObject {
    func start(_ element: String, _ attributes: [String: String]) throws
    func end(_ element: String) throws
    func text(_ characters: String)
}

/// Parses one package part with Foundation's `XMLParser`, refusing DTDs before parsing.
///
/// SpreadsheetML never needs a DTD, and a DTD is what enables entity-expansion
/// ("billion laughs") and external-entity (XXE) attacks. So any `<!DOCTYPE` or
/// `<!ENTITY` is refused by a byte scan before the parser sees the data, and
/// external entity resolution is switched off as a second line of defence. The
/// byte scan is only sound for ASCII-compatible encodings, so UTF-16 parts (legal
/// but never produced by Excel or LibreOffice) are refused as well.
struct SafeXMLParser {
    /// The workbook file, for error messages.
    let path: String

    func parse(_ data: Data, part: String, into handler: some XMLPartHandler) throws {
        try refuseDTD(in: data, part: part)
        try refuseInvalidUTF8(in: data, part: part)
        // Fed as a stream, in chunks: given a part of more than 10 MB in one
        // piece, libxml2 stops with "Huge input lookup" (XML error 1), which
        // a large document's `_model` sheet or shared strings reach.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let delegate = Delegate(handler: handler, path: path, part: part)
        parser.delegate = delegate
        let succeeded = parser.parse()
        if let failure = delegate.failure { throw failure }
        // swift-corelibs-foundation's parse() returns true for truncated or
        // ill-formed input (and for empty input), leaving the error only in
        // parserError; so success also requires a complete, closed root element.
        if !succeeded || parser.parserError != nil || !delegate.sawRoot || delegate.depth != 0 {
            let reason = parser.parserError.map { "XML error \(($0 as NSError).code)" }
                ?? (delegate.sawRoot ? "the document ends before its elements are closed" : "the document has no root element")
            throw XLSXError.malformedContent(path: path, part: part, reason: "\(reason) at line \(parser.lineNumber)")
        }
    }

    /// Refuses a part that is not valid UTF-8, naming the line of the first
    /// bad byte.
    ///
    /// swift-corelibs-foundation's XMLParser traps on an element or attribute
    /// name that is not valid UTF-8 (fuzzing found it:
    /// Tests/Fixtures/fuzz/xlsx-crash-d7065b…); libxml2 passes such names on.
    /// - Complexity: O(n).
    private func refuseInvalidUTF8(in data: Data, part: String) throws {
        var line = 1
        var decoder = UTF8()
        var bytes = data.makeIterator()
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput: return
            case .error:
                throw XLSXError.malformedContent(path: path, part: part, reason: "the XML is not valid UTF-8 at line \(line)")
            }
        }
    }

    private func refuseDTD(in data: Data, part: String) throws {
        func unsafe(_ reason: String) -> XLSXError { .unsafeContent(path: path, part: part, reason: reason) }
        if data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE])
            || (data.count >= 2 && (data[data.startIndex] == 0 || data[data.startIndex + 1] == 0)) {
            throw unsafe("UTF-16 XML is not supported")
        }
        let markers: [[UInt8]] = [Array("DOCTYPE".utf8), Array("ENTITY".utf8)]
        let found = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            var index = bytes.startIndex
            while index + 1 < bytes.endIndex {
                if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "!") {
                    let rest = bytes[(index + 2)...]
                    for marker in markers where rest.count >= marker.count
                        && zip(rest.prefix(marker.count), marker).allSatisfy({ $0 & 0xDF == $1 }) {
                        return true
                    }
                }
                index += 1
            }
            return false
        }
        if found { throw unsafe("it contains a DOCTYPE/DTD, which XLSX files never need") }
    }
}

/// Bridges `XMLParserDelegate` callbacks to a throwing `XMLPartHandler`.
///
/// The first error thrown by the handler aborts parsing and is kept, so the caller
/// sees the handler's precise error rather than a generic "parsing aborted".
private final class Delegate: NSObject, XMLParserDelegate {
    let handler: any XMLPartHandler
    let path: String
    let part: String
    var failure: (any Error)?
    /// Open elements; must be back at 0 when the document ends.
    var depth = 0
    var sawRoot = false

    init(handler: any XMLPartHandler, path: String, part: String) {
        self.handler = handler
        self.path = path
        self.part = part
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        depth += 1
        sawRoot = true
        run(parser) { try handler.start(localName(elementName), attributeDict) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        depth -= 1
        run(parser) { try handler.end(localName(elementName)) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if failure == nil { handler.text(string) }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if failure == nil { handler.text(String(decoding: CDATABlock, as: UTF8.self)) }
    }

    // The byte scan already refused DTDs; these only fire if it was somehow bypassed.
    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuseEntity(parser)
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        refuseEntity(parser)
    }

    private func refuseEntity(_ parser: XMLParser) {
        run(parser) { throw XLSXError.unsafeContent(path: path, part: part, reason: "it declares XML entities") }
    }

    private func run(_ parser: XMLParser, _ body: () throws -> Void) {
        guard failure == nil else { return }
        do { try body() } catch {
            failure = error
            parser.abortParsing()
        }
    }

    /// `x:c` → `c`: some writers (e.g. the Open XML SDK) prefix every SpreadsheetML element.
    private func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}
