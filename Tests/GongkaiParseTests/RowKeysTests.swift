@testable import GongkaiParse
import Testing

@Suite struct RowKeysTests {
    @Test func aTakenKeyGetsTheSmallestFreeSuffix() {
        var keys = RowKeys(["name:老干经费#3"])
        #expect(keys.claim("name:老干经费") == "name:老干经费")
        #expect(keys.claim("name:老干经费") == "name:老干经费#2")
        #expect(keys.claim("name:老干经费") == "name:老干经费#4")
        #expect(keys.claim("name:老干经费#2") == "name:老干经费#2#2")
        #expect(keys.claim("2010101") == "2010101")
        #expect(keys.contains("name:老干经费#4") && !keys.contains("name:老干经费#5"))
    }

    /// The search that starts after the last suffix given agrees with the
    /// search from 2 on every sequence of five claims from three keys,
    /// one of them already the first key's `#3`.
    @Test func agreesWithTheSearchFromTwo() {
        let pool = ["a", "a#3", "b"]
        var sequences: [[String]] = [[]]
        for _ in 0..<5 { sequences = sequences.flatMap { s in pool.map { s + [$0] } } }
        var suffixed = 0
        for sequence in sequences {
            var keys = RowKeys()
            var taken = Set<String>()
            for key in sequence {
                var expected = key, n = 2
                while taken.contains(expected) { expected = "\(key)#\(n)"; n += 1 }
                taken.insert(expected)
                let claimed = keys.claim(key)
                #expect(claimed == expected, "\(sequence)")
                if claimed != key { suffixed += 1 }
            }
        }
        #expect(sequences.count == 243 && suffixed > 300)
    }
}
