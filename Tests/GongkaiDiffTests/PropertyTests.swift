import Testing
import GongkaiConvert
import GongkaiModel
import GongkaiTestSupport
@testable import GongkaiDiff

/// Random edits applied to a sample; the diff must report exactly those
/// edits, nothing more. Seeded, so every failure can be replayed.
@Suite("Property: the diff reports exactly the edits made")
struct PropertyTests {
    /// Applies `count` random edits (change an amount, blank or fill a cell,
    /// add a row, remove a row, rename a row, renumber a project code) to
    /// distinct rows of `doc`, and returns the edited document with the
    /// changes the diff must report.
    static func edit(_ doc: Document, count: Int, using rng: inout SeededGenerator) -> (Document, Set<Change>) {
        var doc = doc
        var expected = Set<Change>()
        var touched = Set<String>()  // "table/key" of rows already edited
        var serial = 0
        let syllables = Array("科技创新发展专项资金工业经济服务平台建设人才引进数字产业园区孵化补贴运行维护管理")
        func freshName() -> String {
            serial += 1
            let n = Int.random(in: 4...14, using: &rng)
            return String((0..<n).map { _ in syllables.randomElement(using: &rng)! }) + "第\(serial)项"
        }
        func amount() -> Amount { Amount(fen: Int64.random(in: -5_000_000_000...90_000_000_000, using: &rng)) }
        func figure(_ a: Amount) -> Figure { Figure(amount: a, text: a.formatted(in: .wanYuan)) }

        let disclosed = doc.tables.filter { $0.status == .disclosed && !$0.rows.isEmpty }.map(\.id)
        var attempts = 0
        while expected.count < count, attempts < count * 50 {
            attempts += 1
            guard let id = disclosed.randomElement(using: &rng) else { break }
            var table = doc.table(id)
            let kinds: [String] = id == 10 ? ["change", "blank", "add", "remove", "rename", "recode"] : ["change", "blank", "add", "remove", "rename"]
            let kind = kinds.randomElement(using: &rng)!
            if kind == "add" {
                serial += 1
                let key = id == 10 ? "4201112406770000\(9000 + serial)" : "99\(1000 + serial)"
                guard !table.rows.contains(where: { $0.key == key }) else { continue }
                let columns = table.columns.filter { Catalog.shared.table(id)?.column($0)?.isText != true }
                var values: [String: Figure] = [:]
                for c in columns where Bool.random(using: &rng) { values[c] = figure(amount()) }
                let row = Row(key: key, kind: id == 10 ? .project : .classification, code: key, name: freshName(), values: values)
                table.rows.insert(row, at: Int.random(in: 0...table.rows.count, using: &rng))
                touched.insert("\(id)/\(key)")
                expected.insert(Change(table: id, row: key, name: row.name, code: key,
                                       detail: .added(values: values.mapValues(\.amount), texts: [:])))
                doc.setTable(table)
                continue
            }
            let i = Int.random(in: 0..<table.rows.count, using: &rng)
            let row = table.rows[i]
            guard !touched.contains("\(id)/\(row.key)") else { continue }
            switch kind {
            case "change":
                guard let column = row.values.keys.sorted().randomElement(using: &rng) else { continue }
                let old = row.values[column]!.amount
                var new = amount()
                if new == old { new = Amount(fen: old.fen + 1) }
                table.rows[i].values[column] = figure(new)
                expected.insert(Change(table: id, row: row.key, name: row.name, code: row.code,
                                       detail: .amount(column: column, a: old, b: new)))
            case "blank":
                // Blank a published cell, or fill a blank one (a blank is not 0).
                let blanks = table.columns.filter { row.values[$0] == nil && Catalog.shared.table(id)?.column($0)?.isText != true }
                if let column = blanks.randomElement(using: &rng), Bool.random(using: &rng) {
                    let new = Bool.random(using: &rng) ? Amount.zero : amount()
                    table.rows[i].values[column] = figure(new)
                    expected.insert(Change(table: id, row: row.key, name: row.name, code: row.code,
                                           detail: .amount(column: column, a: nil, b: new)))
                } else if let column = row.values.keys.sorted().randomElement(using: &rng) {
                    table.rows[i].values[column] = nil
                    expected.insert(Change(table: id, row: row.key, name: row.name, code: row.code,
                                           detail: .amount(column: column, a: row.values[column]!.amount, b: nil)))
                } else { continue }
            case "remove":
                table.rows.remove(at: i)
                expected.insert(Change(table: id, row: row.key, name: row.name, code: row.code,
                                       detail: .removed(values: row.values.mapValues(\.amount), texts: row.texts)))
            case "rename":
                let name = row.name + "（" + freshName() + "）"
                table.rows[i].name = name
                expected.insert(Change(table: id, row: row.key, name: name, code: row.code, detail: .renamed(a: row.name, b: name)))
            case "recode":
                // A new year in the code (4201112**4**…): the project is matched by its name.
                guard row.kind == .project, let code = row.code, code.count == 20,
                      table.rows.filter({ ProjectName.normalize($0.name) == ProjectName.normalize(row.name) }).count == 1 else { continue }
                var digits = Array(code)
                digits[7] = digits[7] == "9" ? "0" : Character(String(Int(String(digits[7]))! + 1))
                let newCode = String(digits)
                guard !table.rows.contains(where: { $0.key == newCode }) else { continue }
                table.rows[i].key = newCode
                table.rows[i].code = newCode
                touched.insert("\(id)/\(newCode)")
                expected.insert(Change(table: id, row: newCode, name: row.name, code: newCode, detail: .recoded(a: row.key, b: newCode)))
            default:
                continue
            }
            touched.insert("\(id)/\(row.key)")
            doc.setTable(table)
        }
        return (doc, expected)
    }

    @Test("random edits of the samples, 40 seeds each", arguments: ["000", "001", "003", "004"])
    func randomEdits(prefix: String) throws {
        let original = try Samples.document(prefix)
        for seed in UInt64(1)...40 {
            var rng = SeededGenerator(seed: seed &* 7919 &+ UInt64(prefix)!)
            let count = Int.random(in: 1...12, using: &rng)
            let (edited, expected) = Self.edit(original, count: count, using: &rng)
            #expect(!expected.isEmpty)
            let diff = try DocumentDiff(original, edited)
            let reported = Set(diff.changes)
            #expect(expected.subtracting(reported).isEmpty && reported.subtracting(expected).isEmpty, """
                seed \(seed): \(count) edits
                missing: \(expected.subtracting(reported))
                unexpected: \(reported.subtracting(expected))
                """)
            #expect(diff.changes.count == reported.count, "seed \(seed): a change reported twice")
            // Backwards, every change is mirrored.
            let back = try DocumentDiff(edited, original)
            #expect(back.changes.count == diff.changes.count, "seed \(seed)")
        }
    }

    @Test("the same edits seen through a standardized workbook (edited document → .xlsx → diff)")
    func throughWorkbook() throws {
        let original = try Samples.document("001")
        let dir = try Fixtures.temporaryDirectory()
        for seed in UInt64(100)...105 {
            var rng = SeededGenerator(seed: seed)
            let (edited, expected) = Self.edit(original, count: 8, using: &rng)
            let url = dir.appendingPathComponent("\(seed).xlsx")
            try StandardWorkbook.write(edited, to: url, unit: seed % 2 == 0 ? .wanYuan : .yuan)
            let diff = try DocumentDiff(original, try Inputs.load(url))
            let reported = Set(diff.changes)
            #expect(expected.subtracting(reported).isEmpty && reported.subtracting(expected).isEmpty, """
                seed \(seed)
                missing: \(expected.subtracting(reported))
                unexpected: \(reported.subtracting(expected))
                """)
        }
    }

    @Test("the generator is reproducible")
    func reproducible() throws {
        let doc = try Samples.document("001")
        var r1 = SeededGenerator(seed: 42), r2 = SeededGenerator(seed: 42)
        let (d1, e1) = Self.edit(doc, count: 8, using: &r1)
        let (d2, e2) = Self.edit(doc, count: 8, using: &r2)
        #expect(d1 == d2 && e1 == e2)
        #expect(e1.count == 8)
    }
}
