import Foundation
import GongkaiTemplates

/// The catalog of the 13 canonical tables, read from `Templates/`.
///
/// Column ids, header synonyms and sum rules live in those files and
/// nowhere else; parser, converter and checker all ask the catalog.
public struct Catalog: Sendable {
    public let tables: [TableTemplate]
    public let items: ItemCatalog
    /// Whether this is the catalog built into gongkai (`shared`): what is
    /// worked out from it may be kept for the whole process.
    public private(set) var isBundled = false

    /// The catalog built into gongkai.
    public static let shared: Catalog = {
        do {
            var catalog = try Catalog(tableFiles: TemplateFiles.tables, itemsFile: TemplateFiles.items)
            catalog.isBundled = true
            return catalog
        } catch {
            // The files are part of the build and covered by tests; a broken
            // one is a programming error, not bad input.
            fatalError("Templates/ is invalid: \(error)")
        }
    }()

    /// Decodes a catalog from the JSON of its files.
    public init(tableFiles: [[UInt8]], itemsFile: [UInt8]) throws {
        let decoder = JSONDecoder()
        tables = try tableFiles.map { try decoder.decode(TableTemplate.self, from: Data($0)) }
            .sorted { $0.id < $1.id }
        items = try decoder.decode(ItemCatalog.self, from: Data(itemsFile))
    }

    /// The template of canonical table `id`.
    public func table(_ id: Int) -> TableTemplate? {
        tables.first { $0.id == id }
    }
}

/// How the rows of a canonical table are keyed.
public enum RowScheme: String, Codable, Sendable {
    case function, economic, unitOrFunction, items, threePublic, projects, lines, forms
}

/// One canonical table: what it is called, its columns and its sums.
public struct TableTemplate: Codable, Sendable {
    public let id: Int
    public let key: String
    public let title: String
    public let sheet: String
    public let titles: [String]
    public let rows: RowScheme
    public let leadHeaders: [[String]]
    public let columns: [ColumnTemplate]
    public let sums: [SumRule]
    public let itemSums: [SumRule]?
    public let tree: Bool

    /// The column with `id`.
    public func column(_ id: String) -> ColumnTemplate? { columns.first { $0.id == id } }

    /// The amount columns (not text), in order.
    public var amountColumns: [ColumnTemplate] { columns.filter { !$0.isText } }

    /// The sum rule defining column `id`, if it is a sum.
    public func sum(of id: String) -> SumRule? { sums.first { $0.of == id } }

    /// The columns that make up `id` given the columns a source published:
    /// a rule's addend that was not published is replaced by its own addends
    /// (000's 表2 has no 本年收入小计, so 合计 is the sum of the sources).
    ///
    /// Returns nil when `id` is not a sum, or when its addends include none
    /// that were published.
    public func addends(of id: String, published: Set<String>) -> [String]? {
        guard let rule = sum(of: id) else { return nil }
        var result: [String] = []
        func expand(_ c: String, depth: Int) {
            if published.contains(c) { result.append(c) }
            else if depth < 4, let r = sum(of: c) { r.is.forEach { expand($0, depth: depth + 1) } }
        }
        rule.is.forEach { expand($0, depth: 0) }
        return result.isEmpty ? nil : result
    }

    /// Finds the canonical column a source header path names.
    ///
    /// - Parameter path: the header cells above the column, top to bottom.
    /// - Returns: the best-matching column id, or nil.
    /// - Complexity: O(*c* · *p*) in columns and patterns.
    public func matchColumn(path: [String]) -> String? {
        matchColumn(normalized: HeaderText.normalize(path.joined()))
    }

    /// The column a header text already normalized with `HeaderText.normalize` names.
    ///
    /// The header search asks this thousands of times per table; it saves the
    /// second normalization.
    public func matchColumn(normalized joined: String) -> String? {
        guard !joined.isEmpty else { return nil }
        var best: (id: String, score: Int)?
        for column in columns {
            for pattern in column.match where pattern.matches(joined) {
                let score = pattern.all.reduce(0) { $0 + $1.count }
                if best == nil || score > best!.score { best = (column.id, score) }
            }
        }
        return best?.id
    }
}

/// One canonical column.
public struct ColumnTemplate: Codable, Sendable {
    public let id: String
    /// The header path written in workbooks (group, then column).
    public let header: [String]
    public let match: [HeaderPattern]
    public let text: Bool?
    public let width: Double?

    public var isText: Bool { text ?? false }
}

/// A pattern recognising a header text: it contains all of `all` and none
/// of `none`.
public struct HeaderPattern: Codable, Sendable {
    public let all: [String]
    public let none: [String]?
    /// `all` and `none` normalized once, when the catalog is read: the header
    /// search asks `matches` thousands of times per table.
    private let normalizedAll: [String]
    private let normalizedNone: [String]

    private enum CodingKeys: String, CodingKey { case all, none }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        all = try container.decode([String].self, forKey: .all)
        none = try container.decodeIfPresent([String].self, forKey: .none)
        normalizedAll = all.map(HeaderText.normalize)
        normalizedNone = (none ?? []).map(HeaderText.normalize)
    }

    /// Whether normalized `text` matches.
    public func matches(_ text: String) -> Bool {
        normalizedAll.allSatisfy { text.includes($0) } && !normalizedNone.contains { text.includes($0) }
    }
}

/// `of` is the sum of `is`.
public struct SumRule: Codable, Sendable, Hashable {
    public let of: String
    public let `is`: [String]
}

/// The item rows of the panel tables.
public struct ItemCatalog: Codable, Sendable {
    public struct Item: Codable, Sendable {
        public let id: String
        public let name: String
        public let match: [HeaderPattern]

        func matches(_ label: String) -> Bool {
            matches(normalized: HeaderText.normalize(label))
        }

        func matches(normalized text: String) -> Bool {
            match.contains { $0.matches(text) }
        }
    }

    public let income: [Item]
    public let expenditure: [Item]
    public let functionClasses: [String: String]
    public let functionClassSynonyms: [String: [String]]
    public let threePublic: [Item]

    /// The income item a label names (`一、一般公共预算财政拨款收入` → `income.gpb`).
    public func incomeItem(_ label: String) -> Item? { income.first { $0.matches(label) } }

    /// The expenditure total item a label names, without its panel prefix.
    public func expenditureItem(_ label: String) -> Item? { expenditure.first { $0.matches(label) } }

    /// The 表7 item a label names.
    public func threePublicItem(_ label: String) -> Item? { threePublic.first { $0.matches(label) } }

    /// The 表7 item a label already normalized with `HeaderText.normalize` names.
    public func threePublicItem(normalized label: String) -> Item? { threePublic.first { $0.matches(normalized: label) } }

    /// The 功能 class code a class name stands for (`科学技术支出` → `206`).
    public func functionClassCode(named name: String) -> String? {
        let n = HeaderText.normalize(name)
        if let hit = functionClasses.first(where: { HeaderText.normalize($0.value) == n }) { return hit.key }
        return functionClassSynonyms.first { $0.value.contains { HeaderText.normalize($0) == n } }?.key
    }
}

/// Normalisation shared by every comparison of Chinese labels.
public enum HeaderText {
    /// Whitespace (ASCII, U+3000) removed; full-width parentheses, digits and
    /// quotes made half-width.
    ///
    /// One pass over the scalars, no intermediate string: the header search
    /// normalizes every candidate path (a third of the parse of a fuzzed
    /// fragment went here when it was halfWidth + a Character loop).
    /// - Complexity: O(n).
    public static func normalize(_ text: String) -> String {
        // Bytes, not a UnicodeScalarView: appending scalar by scalar to a
        // String costs more than the whole decision.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            switch u.value {
            case 0x09...0x0D, 0x20: continue
            case 0x21..<0x80: out.append(UInt8(truncatingIfNeeded: u.value))
            case 0x201C, 0x201D: out.append(0x22)
            default: if !isWhitespace(u) { UTF8.encode(NumberText.halfWidth(u)) { out.append($0) } }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Unicode's White_Space property, for the scalars above ASCII: the
    /// property lookup (`properties.isWhitespace`) was a tenth of parsing.
    @inline(__always)
    static func isWhitespace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
