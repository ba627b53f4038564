import Foundation
import GongkaiModel
import GongkaiParse
import GongkaiRender
import Testing

/// Rows published under one key again (a project name repeated in 表10) are
/// keyed `#2`, `#3` …: each the smallest suffix not yet taken, also when a
/// row's own published name ends in `#n`.
@Suite struct RepeatedRowKeysTests {
    /// The keys the simple rule gives: a row takes its base key if free,
    /// else the smallest free `base#n` from 2, searched from 2 every time.
    static func reference(_ rows: [Row]) -> [String] {
        var taken = Set<String>()
        return rows.map { row in
            var base = row.key
            if let hash = row.key.lastIndex(of: "#"), row.key[row.key.index(after: hash)...].allSatisfy(\.isASCII),
               Int(row.key[row.key.index(after: hash)...]) != nil, !row.name.hasSuffix(String(row.key[hash...])) {
                base = String(row.key[..<hash])
            }
            var key = base
            var n = 2
            while !taken.insert(key).inserted { key = "\(base)#\(n)"; n += 1 }
            return key
        }
    }

    @Test func suffixesAreTheSmallestFree() throws {
        var doc = DocumentGenerator(seed: 11, rows: 6_000).generate()
        let t10 = try #require(doc.tables.firstIndex { $0.id == 10 })
        // A published name that is itself `name#3`, before the repeats of `name`.
        let names = Dictionary(grouping: doc.tables[t10].rows.filter { $0.kind == .project }, by: \.name)
        let repeated = try #require(names.filter { $0.value.count >= 4 }.keys.sorted().first)
        let first = try #require(doc.tables[t10].rows.firstIndex { $0.name == repeated && $0.kind == .project })
        let second = try #require(doc.tables[t10].rows[(first + 1)...].firstIndex { $0.name == repeated })
        doc.tables[t10].rows[second].name = repeated + "#3"

        let text = Renderer.render(doc, layout: .tab)
        let parsed = try DocumentParser().parse(data: Data(text.utf8), file: "generated.txt")
        let rows = parsed.table(10).rows
        let keys = rows.map(\.key)
        #expect(keys == Self.reference(rows))
        #expect(Set(keys).count == keys.count)
        // The literal `#3` is kept; the repeats of its name go to #2, #4, #5 ….
        let ofRepeated = rows.filter { $0.name == repeated || $0.name == repeated + "#3" }.map(\.key)
        #expect(ofRepeated.count >= 4)
        #expect(ofRepeated.contains { $0.hasSuffix("\(repeated)#3") })
        #expect(ofRepeated.contains { $0.hasSuffix("\(repeated)#4") })
        #expect(keys.filter { $0.range(of: #"#[0-9]+$"#, options: .regularExpression) != nil }.count > 100)
    }
}
