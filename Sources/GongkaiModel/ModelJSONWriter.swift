import Foundation

/// Writes the model JSON of a document in pieces, row by row, byte for
/// byte what `JSONEncoder` (pretty-printed, sorted keys, slashes unescaped)
/// writes for `DocumentJSON`.
///
/// `JSONEncoder` first builds a tree of every value and then serializes it:
/// for a table of 100,000 rows that tree took most of a gigabyte and a
/// fifth of a conversion's time. Here the rows, which are nearly all of a
/// large document, are written directly; the small parts around them (the
/// metadata, 表13's forms, narrative, diagnostics) still go through
/// `JSONEncoder`, one value at a time, and are re-indented to their depth.
///
/// The writer hands its buffer to `sink` whenever it passes `chunkSize`
/// bytes, so memory stays flat whatever the document's size.
struct ModelJSONWriter {
    private var buffer: [UInt8] = []
    private let chunkSize: Int
    private let sink: ([UInt8]) throws -> Void
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    init(chunkSize: Int = 1 << 16, sink: @escaping ([UInt8]) throws -> Void) {
        self.chunkSize = chunkSize
        self.sink = sink
        buffer.reserveCapacity(chunkSize + 4096)
    }

    /// Writes `document`, then flushes what is left.
    ///
    /// - Complexity: O(*n*) in the size of the output.
    mutating func write(_ document: Document) throws {
        let json = DocumentJSON.Frame(document)
        // Keys in sorted order: diagnostics, document, extras, narrative, schema, tables.
        append("{\n")
        try member("diagnostics", depth: 1) { w in try w.encoded(json.diagnostics, depth: 1) }
        append(",\n")
        try member("document", depth: 1) { w in try w.encoded(json.document, depth: 1) }
        if let extras = json.extras {
            append(",\n")
            try member("extras", depth: 1) { w in try w.encoded(extras, depth: 1) }
        }
        append(",\n")
        try member("narrative", depth: 1) { w in try w.encoded(json.narrative, depth: 1) }
        append(",\n")
        try member("schema", depth: 1) { w in w.string(json.schema) }
        append(",\n")
        try member("tables", depth: 1) { w in
            try w.array(document.tables, depth: 1) { w, table in try w.table(table, depth: 2) }
        }
        append("\n}")
        try flush()
    }

    // MARK: - Tables and rows

    /// A table object; its keys in sorted order: columns, forms, id, key,
    /// lines, notes, raw, rows, sourceTitle, status.
    private mutating func table(_ t: Table, depth: Int) throws {
        append("{\n")
        try member("columns", depth: depth + 1) { w in try w.encoded(t.columns, depth: depth + 1) }
        if !t.forms.isEmpty {
            append(",\n")
            try member("forms", depth: depth + 1) { w in try w.encoded(t.forms.map(FormJSON.init), depth: depth + 1) }
        }
        append(",\n")
        try member("id", depth: depth + 1) { w in w.number(t.id) }
        append(",\n")
        try member("key", depth: depth + 1) { w in w.string(t.key) }
        if let lines = t.lines {
            append(",\n")
            try member("lines", depth: depth + 1) { w in try w.encoded([lines.lowerBound, lines.upperBound], depth: depth + 1) }
        }
        if !t.notes.isEmpty {
            append(",\n")
            try member("notes", depth: depth + 1) { w in try w.encoded(t.notes, depth: depth + 1) }
        }
        if !t.raw.isEmpty {
            append(",\n")
            try member("raw", depth: depth + 1) { w in try w.encoded(t.raw, depth: depth + 1) }
        }
        append(",\n")
        try member("rows", depth: depth + 1) { w in
            try w.array(t.rows, depth: depth + 1) { w, row in try w.row(row, depth: depth + 2) }
        }
        if let title = t.sourceTitle {
            append(",\n")
            try member("sourceTitle", depth: depth + 1) { w in w.string(title) }
        }
        append(",\n")
        try member("status", depth: depth + 1) { w in w.string(t.status.rawValue) }
        newline(depth)
        append("}")
    }

    /// A row object; its keys in sorted order: cellLines, code, key, kind,
    /// level, line, name, published, texts, values (`DocumentJSON.RowJSON`).
    private mutating func row(_ r: Row, depth: Int) throws {
        let inner = depth + 1
        append("{\n")
        var first = true
        func next(_ w: inout ModelJSONWriter, _ key: String) {
            if !first { w.append(",\n") }
            first = false
            w.indent(inner)
            w.string(key)
            w.append(" : ")
        }
        let columns = sortedKeys(r.values.keys)
        let lined = columns.filter { r.values[$0]!.line != nil }
        if !lined.isEmpty {
            next(&self, "cellLines")
            dictionary(lined, depth: inner) { w, c in w.number(r.values[c]!.line!) }
        }
        if let code = r.code { next(&self, "code"); string(code) }
        next(&self, "key"); string(r.key)
        next(&self, "kind"); string(r.kind.rawValue)
        if let level = r.level { next(&self, "level"); number(level) }
        if let line = r.line { next(&self, "line"); number(line) }
        next(&self, "name"); string(r.name)
        if !r.values.isEmpty {
            next(&self, "published")
            dictionary(columns, depth: inner) { w, c in w.string(r.values[c]!.text) }
        }
        if !r.texts.isEmpty {
            next(&self, "texts")
            dictionary(sortedKeys(r.texts.keys), depth: inner) { w, k in w.string(r.texts[k]!) }
        }
        next(&self, "values")
        dictionary(columns, depth: inner) { w, c in w.yuan(r.values[c]!.amount) }
        newline(depth)
        append("}")
        if buffer.count >= chunkSize { try flush() }
    }

    // MARK: - JSON pieces

    /// `keys` in the order `JSONEncoder`'s `.sortedKeys` gives them on
    /// this platform: String's own `<` (`Total` before `carry_forward`,
    /// `category.10` before `category.2`), as `ModelJSONWriterTests` pins.
    private func sortedKeys(_ keys: Dictionary<String, some Any>.Keys) -> [String] {
        keys.sorted()
    }

    /// `"key" : ` then the value `body` writes, indented at `depth`.
    private mutating func member(_ key: String, depth: Int, _ body: (inout ModelJSONWriter) throws -> Void) throws {
        indent(depth)
        string(key)
        append(" : ")
        try body(&self)
    }

    /// An array whose elements open at `depth + 1`; empty arrays print as
    /// `JSONEncoder` prints them (`[`, an empty line, `]`).
    private mutating func array<T>(_ items: [T], depth: Int,
                                   _ element: (inout ModelJSONWriter, T) throws -> Void) throws {
        append("[\n")
        for (i, item) in items.enumerated() {
            if i > 0 { append(",\n") }
            indent(depth + 1)
            try element(&self, item)
        }
        newline(depth)
        append("]")
    }

    /// An object of `keys` (already sorted) whose values `value` writes.
    private mutating func dictionary(_ keys: [String], depth: Int, _ value: (inout ModelJSONWriter, String) -> Void) {
        append("{\n")
        for (i, key) in keys.enumerated() {
            if i > 0 { append(",\n") }
            indent(depth + 1)
            string(key)
            append(" : ")
            value(&self, key)
        }
        newline(depth)
        append("}")
    }

    /// A value as `JSONEncoder` writes it, its continuation lines indented to `depth`.
    private mutating func encoded<T: Encodable>(_ value: T, depth: Int) throws {
        let data = try encoder.encode(value)
        let pad = [UInt8](repeating: 0x20, count: 2 * depth)
        var previous: UInt8 = 0
        for byte in data {
            // Strings hold no raw newline (JSON escapes it), so every newline is
            // layout; the empty line inside an empty container stays empty.
            if previous == 0x0A, byte != 0x0A { buffer.append(contentsOf: pad) }
            buffer.append(byte)
            previous = byte
        }
    }

    /// The line break before a closing bracket: `JSONEncoder` leaves an
    /// empty line inside an empty container, and so does this.
    private mutating func newline(_ depth: Int) {
        append("\n")
        indent(depth)
    }

    private mutating func indent(_ depth: Int) {
        buffer.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }

    /// Punctuation and layout: copied from the literal's bytes (a `String`'s
    /// UTF-8 view went through the generic, byte-at-a-time append).
    private mutating func append(_ text: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func number(_ value: Int) {
        buffer.append(contentsOf: String(value).utf8)
    }

    /// An amount as `Amount.yuanString` spells it (`"-1234.05"`), its digits
    /// written straight into `buffer` instead of through a new string.
    mutating func yuan(_ amount: Amount) {
        buffer.append(0x22)
        Self.appendYuan(amount.fen, to: &buffer)
        buffer.append(0x22)
    }

    /// Appends `fen` in 元 with two decimals and no separators.
    static func appendYuan(_ fen: Int64, to buffer: inout [UInt8]) {
        if fen < 0 { buffer.append(UInt8(ascii: "-")) }
        let magnitude = fen.magnitude  // Int64.min has one too, as a UInt64
        let whole = magnitude / 100, cents = Int(magnitude % 100)
        let start = buffer.count
        var rest = whole
        repeat {
            buffer.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        buffer[start...].reverse()
        buffer.append(UInt8(ascii: "."))
        buffer.append(UInt8(ascii: "0") + UInt8(cents / 10))
        buffer.append(UInt8(ascii: "0") + UInt8(cents % 10))
    }

    /// A JSON string: `"` and `\` escaped, control characters as `JSONEncoder` escapes them.
    ///
    /// Nearly every string needs no escape; those are copied whole, which
    /// took the model JSON's strings from a switch per byte to one scan and a copy.
    private mutating func string(_ text: String) {
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return false }
            buffer.append(0x22)
            buffer.append(contentsOf: bytes)
            buffer.append(0x22)
            return true
        }
        if copied != true { escapedString(text) }
    }

    /// `string` for text that needs escapes (or whose bytes are not contiguous).
    private mutating func escapedString(_ text: String) {
        buffer.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: buffer.append(0x5C); buffer.append(0x22)
            case 0x5C: buffer.append(0x5C); buffer.append(0x5C)
            case 0x0A: buffer.append(0x5C); buffer.append(UInt8(ascii: "n"))
            case 0x0D: buffer.append(0x5C); buffer.append(UInt8(ascii: "r"))
            case 0x09: buffer.append(0x5C); buffer.append(UInt8(ascii: "t"))
            case 0x08: buffer.append(0x5C); buffer.append(UInt8(ascii: "b"))
            case 0x0C: buffer.append(0x5C); buffer.append(UInt8(ascii: "f"))
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                buffer.append(contentsOf: Array("\\u00".utf8))
                buffer.append(hex[Int(byte >> 4)])
                buffer.append(hex[Int(byte & 0xF)])
            default: buffer.append(byte)
            }
        }
        buffer.append(0x22)
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
