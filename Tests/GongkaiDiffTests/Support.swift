import Foundation
import GongkaiModel
import GongkaiParse
import GongkaiTestSupport

/// Parsed samples, once per test process.
enum Samples {
    nonisolated(unsafe) private static var cache: [String: Document] = [:]
    private static let lock = NSLock()

    /// The samples the diff is tested on (those that parse completely).
    static let all = ["000", "001", "002", "003", "004"]

    static func document(_ prefix: String) throws -> Document {
        lock.lock(); defer { lock.unlock() }
        if let hit = cache[prefix] { return hit }
        let doc = try DocumentParser().parse(contentsOf: Fixtures.sample(prefix))
        cache[prefix] = doc
        return doc
    }
}

/// A small reproducible generator (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds rows and documents for tests.
enum Make {
    static func yuan(_ text: String) -> Figure {
        guard case .success(let a) = Amount.parse(text, unit: .yuan) else { fatalError("bad amount \(text)") }
        return Figure(amount: a, text: text)
    }

    static func row(_ key: String, _ name: String, kind: RowKind = .classification, _ values: [String: String] = [:],
                    texts: [String: String] = [:]) -> Row {
        let code: String? = (kind == .classification || kind == .project) && !key.hasPrefix("name:") ? key : nil
        return Row(key: key, kind: kind, code: code, level: kind == .classification ? Row.level(ofCode: key) : nil,
                   name: name, values: values.mapValues(yuan), texts: texts)
    }

    static func document(table id: Int, _ rows: [Row], columns: [String] = ["total"]) -> Document {
        var doc = Document(district: "测试区", department: "测试局", year: 2024)
        doc.setTable(Table(id: id, key: Catalog.shared.table(id)!.key, status: .disclosed, columns: columns, rows: rows))
        return doc
    }
}
