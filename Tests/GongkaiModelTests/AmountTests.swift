import Testing
@testable import GongkaiModel

@Suite("Amount: exact money in 分")
struct AmountTests {
    @Test("万元 figures become exact 分", arguments: [
        ("3,859.30", Int64(3_859_300_000)),
        ("20730.23", 20_730_230_000),
        ("0.00", 0),
        ("0.01", 10_000),
        ("1,234,567.89", 1_234_567_890_000),
        ("-12.50", -12_500_000),
        ("(12.50)", -12_500_000),
        ("３，８５９．３０", 3_859_300_000),
        ("3859.3", 3_859_300_000),
        ("3377", 3_377_000_000),
    ])
    func wanYuan(text: String, fen: Int64) throws {
        #expect(try Amount.parse(text, unit: .wanYuan).get() == Amount(fen: fen))
    }

    @Test("元 figures become exact 分")
    func yuan() throws {
        #expect(try Amount.parse("21,262,614.31", unit: .yuan).get().fen == 2_126_261_431)
        #expect(try Amount.parse("294000", unit: .yuan).get().fen == 29_400_000)
        // A third decimal in 元 is below 分: refused, not rounded.
        #expect(Amount.parse("1.005", unit: .yuan) == .failure(.tooPrecise))
        // Trailing zeros below 分 carry nothing.
        #expect(try Amount.parse("1.500", unit: .yuan).get().fen == 150)
    }

    @Test("malformed numbers are refused", arguments: ["1,2.3", "2O73O.23", "1..2", "12,34", ",123", "1.", ".5", "", "-", "1,2345.00", "abc"])
    func malformed(text: String) {
        #expect(Amount.parse(text, unit: .wanYuan) == .failure(.malformed))
    }

    @Test("numbers beyond Int64 are refused, not trapped")
    func tooLarge() {
        #expect(Amount.parse("99999999999999999999.00", unit: .wanYuan) == .failure(.tooLarge))
        #expect(Amount.parse("9223372036854775807", unit: .yuan) == .failure(.tooLarge))
        #expect(Amount(fen: .max).adding(Amount(fen: 1)) == nil)
        #expect(Amount.sum([Amount(fen: .max), Amount(fen: .max)]) == nil)
        #expect(Amount(fen: .min).magnitude == nil)
    }

    @Test("formatting in 元 for JSON and in the source unit for people")
    func formatting() {
        let a = Amount(fen: 3_859_300_000)
        #expect(a.yuanString == "38593000.00")
        #expect(a.formatted(in: .wanYuan) == "3,859.30")
        #expect(a.formatted(in: .yuan) == "38,593,000.00")
        #expect(Amount(fen: -5).yuanString == "-0.05")
        // 1 元 in 万元 keeps its digits instead of rounding to 0.00.
        #expect(Amount(fen: 100).formatted(in: .wanYuan) == "0.0001")
        #expect(Amount(fen: 123).formatted(in: .wanYuan, grouping: false) == "0.000123")
    }

    @Test("the same budget in 万元 and in 元 is the same amount")
    func unitsAgree() throws {
        #expect(try Amount.parse("3,859.30", unit: .wanYuan).get() == (try Amount.parse("38,593,000.00", unit: .yuan).get()))
    }

    @Test("what looks like a number", arguments: [
        ("3,859.30", true), ("0.00", true), ("2O73O.23", true), ("1,2.3", true),
        ("科学技术支出", false), ("201 一般公共服务支出", false), ("", false), ("合计", false),
    ])
    func looksNumeric(text: String, expected: Bool) {
        #expect(NumberText.looksNumeric(text) == expected)
    }

    /// The shortcut for names agrees with the general test, written out here
    /// as it was before the shortcut, for every BMP scalar in first place.
    @Test("a name is told from a number by its first character")
    func looksNumericShortcut() {
        func general(_ text: String) -> Bool {
            let s = NumberText.halfWidth(text).trimmingWhitespace()
            guard let first = s.first, first.isASCIIDigit || first == "-" || first == "(" else { return false }
            var digits = 0, other = 0
            for ch in s {
                if ch.isASCIIDigit { digits += 1 } else if ",.-()".contains(ch) { continue } else { other += 1 }
            }
            return digits > 0 && other <= digits / 2 && !s.contains(where: { $0.isLetter && !"Oo".contains($0) })
        }
        var numbers = 0
        for value in UInt32(0x80)...0xFFFF {
            guard let u = Unicode.Scalar(value) else { continue }
            for tail in ["1,234.50", "２０", "\u{301}12", " 支出"] {
                let text = String(Character(u)) + tail
                let expected = general(text)
                if NumberText.looksNumeric(text) != expected { Issue.record("\(text.debugDescription): \(expected)") }
                if expected { numbers += 1 }
            }
        }
        #expect(numbers > 10)
    }

    /// Every plain text (ASCII digits, `,`, `.`, `-`) up to a length, in both
    /// units: the byte-level fast path says exactly what the general reader says.
    @Test("the plain-number fast path agrees with the general reader")
    func plainAgreesWithGeneral() {
        var texts: [String] = []
        let alphabet: [Character] = ["0", "1", "5", ",", ".", "-"]
        func extend(_ prefix: String, _ depth: Int) {
            texts.append(prefix)
            guard depth > 0 else { return }
            for c in alphabet { extend(prefix + String(c), depth - 1) }
        }
        extend("", 6)
        texts += ["1,234,567.891", "12,345.5", "0.000000", "0.0000001", "1.1234567", "1.123456789012345678901",
                  "999999999999999999", "99999999999999999", "999999999999.999999", "1000000000000.000000",
                  "00000000000000000001", "-0.00", "1,000", "1,0000", "123,456,789,012,345.67", "5.10", "5.1000000"]
        var compared = 0
        for text in texts {
            for unit in [SourceUnit.wanYuan, .yuan] {
                guard let plain = Amount.parsePlain(text, unit: unit) else { continue }
                compared += 1
                #expect(plain == Amount.parseAnyForm(text, unit: unit), "\(text) in \(unit.rawValue)")
            }
        }
        #expect(compared > 50_000)
        // Anything else goes to the general reader.
        for text in ["１,２３４.５０", " 12.5", "(12.50)", "−3", "+1", "12 345"] {
            #expect(Amount.parsePlain(text, unit: .yuan) == nil, "\(text)")
        }
    }
}
