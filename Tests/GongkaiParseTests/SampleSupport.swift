import Foundation
import Testing
import GongkaiModel
import GongkaiParse
import GongkaiTestSupport

/// Parsed samples, parsed once per test process.
enum Samples {
    nonisolated(unsafe) private static var cache: [String: Document] = [:]
    private static let lock = NSLock()

    static func document(_ prefix: String) throws -> Document {
        lock.lock(); defer { lock.unlock() }
        if let d = cache[prefix] { return d }
        let d = try DocumentParser().parse(contentsOf: Fixtures.sample(prefix))
        cache[prefix] = d
        return d
    }
}

/// Asserts that row `key` of table `table` holds exactly `values` (column →
/// published text; every other column blank), read in `unit`.
func expectRow(_ doc: Document, table: Int, key: String, _ values: [String: String],
               line: Int? = nil, name: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let row = doc.table(table).row(key) else {
        Issue.record("表\(table) has no row \(key)", sourceLocation: sourceLocation)
        return
    }
    #expect(Set(row.values.keys) == Set(values.keys), "表\(table) \(key): columns", sourceLocation: sourceLocation)
    for (column, text) in values {
        #expect(row.values[column]?.text == text, "表\(table) \(key) \(column)", sourceLocation: sourceLocation)
        if case .success(let amount) = Amount.parse(text, unit: doc.sourceUnit) {
            #expect(row.values[column]?.amount == amount, "表\(table) \(key) \(column) value", sourceLocation: sourceLocation)
        }
    }
    if let line { #expect(row.line == line, "表\(table) \(key) line", sourceLocation: sourceLocation) }
    if let name { #expect(row.name == name, "表\(table) \(key) name", sourceLocation: sourceLocation) }
}

/// `n` copies of "0.00" under `columns`.
func zeros(_ columns: [String]) -> [String: String] {
    Dictionary(uniqueKeysWithValues: columns.map { ($0, "0.00") })
}
