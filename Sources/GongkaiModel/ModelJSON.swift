import Foundation

/// The JSON form of a Document (schema `gongkai/1`, DESIGN §3).
///
/// Amounts are strings of 元 with two decimals; a blank cell has no key.
/// The published text of every number travels beside it in `published`, so
/// that a model read back from JSON is the model that was written.
public enum ModelJSON {
    public static let schema = "gongkai/1"

    /// Errors reading a model JSON file.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Encodes `document` as pretty-printed JSON with sorted keys (stable
    /// output for goldens and diffs).
    ///
    /// - Complexity: O(*n*) in the size of the output, which is built in memory;
    ///   `write(_:to:)` hands it over in pieces instead.
    public static func encode(_ document: Document) throws -> Data {
        var data = Data()
        try write(document) { data.append(contentsOf: $0) }
        return data
    }

    /// Writes the JSON of `document` in pieces of about 64 KB to `sink`
    /// (the same bytes as `encode`), holding no more than one piece.
    public static func write(_ document: Document, to sink: @escaping ([UInt8]) throws -> Void) throws {
        var writer = ModelJSONWriter(sink: sink)
        try writer.write(document)
    }

    /// Decodes a document written by `encode`.
    public static func decode(_ data: Data) throws -> Document {
        do {
            let file = try JSONDecoder().decode(DocumentJSON.self, from: data)
            guard file.schema == schema else {
                throw ReadError(description: "schema is \"\(file.schema)\", expected \"\(schema)\"")
            }
            return try file.makeDocument()
        } catch let e as ReadError {
            throw e
        } catch let DecodingError.dataCorrupted(context) {
            throw ReadError(description: "not valid JSON (\(context.debugDescription))")
        } catch let DecodingError.keyNotFound(key, context) {
            throw ReadError(description: "missing \"\(key.stringValue)\" at \(path(context))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ReadError(description: "wrong type at \(path(context)): \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw ReadError(description: "null at \(path(context))")
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let p = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return p.isEmpty ? "top level" : p
    }
}

struct DocumentJSON: Codable {
    struct Meta: Codable {
        var district: String?
        var department: String?
        var year: Int?
        var kind: String
        var sourceUnit: String
        var source: String?
        var sha256: String?
    }
    struct RowJSON: Codable {
        var key: String
        var kind: RowKind
        var code: String?
        var level: Int?
        var name: String
        var line: Int?
        var values: [String: String]
        var published: [String: String]?
        var cellLines: [String: Int]?
        var texts: [String: String]?
    }
    struct TableJSON: Codable {
        var id: Int
        var key: String
        var status: TableStatus
        var sourceTitle: String?
        var lines: [Int]?
        var columns: [String]
        var notes: [String]?
        var rows: [RowJSON]
        var raw: [SourceText]?
        /// 表13 only; absent in files written before forms were structured.
        var forms: [FormJSON]?
    }
    struct ExtraJSON: Codable {
        var title: String
        var lines: [Int]?
        var grid: [[String]]
        var gridLines: [Int]
    }

    var schema: String
    var document: Meta
    var tables: [TableJSON]
    var extras: [ExtraJSON]?
    var narrative: [SourceText]
    var diagnostics: [Diagnostic]

    /// The Codable form of `d`. `ModelJSON` writes with `ModelJSONWriter`,
    /// row by row; this is the reference it must equal byte for byte
    /// (`ModelJSONWriterTests` encodes it with `JSONEncoder`).
    init(_ d: Document) {
        schema = ModelJSON.schema
        document = Frame.meta(d)
        tables = d.tables.map { t in
            TableJSON(
                id: t.id, key: t.key, status: t.status, sourceTitle: t.sourceTitle,
                lines: t.lines.map { [$0.lowerBound, $0.upperBound] }, columns: t.columns,
                notes: t.notes.isEmpty ? nil : t.notes,
                rows: t.rows.map { r in
                    let cellLines = r.values.compactMapValues(\.line)
                    return RowJSON(
                        key: r.key, kind: r.kind, code: r.code, level: r.level, name: r.name, line: r.line,
                        values: r.values.mapValues(\.amount.yuanString),
                        published: r.values.isEmpty ? nil : r.values.mapValues(\.text),
                        cellLines: cellLines.isEmpty ? nil : cellLines,
                        texts: r.texts.isEmpty ? nil : r.texts)
                },
                raw: t.raw.isEmpty ? nil : t.raw,
                forms: t.forms.isEmpty ? nil : t.forms.map(FormJSON.init))
        }
        extras = Frame.extras(d)
        narrative = d.narrative
        diagnostics = d.diagnostics
    }

    /// Everything but the tables: what `ModelJSONWriter` hands to `JSONEncoder`.
    struct Frame {
        var schema = ModelJSON.schema
        var document: Meta
        var extras: [ExtraJSON]?
        var narrative: [SourceText]
        var diagnostics: [Diagnostic]

        init(_ d: Document) {
            document = Self.meta(d)
            extras = Self.extras(d)
            narrative = d.narrative
            diagnostics = d.diagnostics
        }

        static func meta(_ d: Document) -> Meta {
            Meta(district: d.district, department: d.department, year: d.year, kind: d.kind,
                 sourceUnit: d.sourceUnit.rawValue, source: d.source, sha256: d.sourceSHA256)
        }

        static func extras(_ d: Document) -> [ExtraJSON]? {
            d.extras.isEmpty ? nil : d.extras.map {
                ExtraJSON(title: $0.title, lines: $0.lines.map { [$0.lowerBound, $0.upperBound] },
                          grid: $0.grid, gridLines: $0.gridLines)
            }
        }
    }

    func makeDocument() throws -> Document {
        guard let unit = SourceUnit(rawValue: document.sourceUnit) else {
            throw ModelJSON.ReadError(description: "unknown sourceUnit \"\(document.sourceUnit)\" (expected 万元 or 元)")
        }
        func range(_ a: [Int]?) throws -> ClosedRange<Int>? {
            guard let a else { return nil }
            guard a.count == 2, a[0] <= a[1] else {
                throw ModelJSON.ReadError(description: "\"lines\" must be [first, last], got \(a)")
            }
            return a[0]...a[1]
        }
        var doc = Document(district: document.district, department: document.department, year: document.year,
                           kind: document.kind, sourceUnit: unit, source: document.source,
                           sourceSHA256: document.sha256, narrative: narrative, diagnostics: diagnostics)
        for t in tables {
            guard Catalog.shared.table(t.id) != nil else {
                throw ModelJSON.ReadError(description: "table id \(t.id) is not one of the 13 canonical tables")
            }
            var rows: [Row] = []
            for r in t.rows {
                var values: [String: Figure] = [:]
                for (column, yuan) in r.values {
                    guard case .success(let amount) = Amount.parse(yuan, unit: .yuan) else {
                        throw ModelJSON.ReadError(description: "table \(t.id) row \(r.key) column \(column): \"\(yuan)\" is not an amount in 元")
                    }
                    let text = r.published?[column] ?? amount.formatted(in: unit)
                    values[column] = Figure(amount: amount, text: text, line: r.cellLines?[column])
                }
                rows.append(Row(key: r.key, kind: r.kind, code: r.code, level: r.level, name: r.name,
                                values: values, texts: r.texts ?? [:], line: r.line))
            }
            doc.setTable(Table(id: t.id, key: t.key, status: t.status, sourceTitle: t.sourceTitle,
                               columns: t.columns, rows: rows, notes: t.notes ?? [], lines: try range(t.lines),
                               raw: t.raw ?? [], forms: try (t.forms ?? []).map { try $0.makeForm(unit: unit) }))
        }
        doc.extras = try (extras ?? []).map {
            ExtraTable(title: $0.title, lines: try range($0.lines), grid: $0.grid, gridLines: $0.gridLines)
        }
        return doc
    }
}
