import GongkaiModel

/// Which 表13 form of document A is which form of document B, and within a
/// pair of forms which indicator is which — keys only, no values.
///
/// Forms are matched by subject (`PerformanceForm.matchKey`: kind and name,
/// without spaces or width differences or a leading `（预下达）`); forms left
/// over are then matched by `ProjectName.normalize` (years and punctuation
/// dropped: `2024年科技专项` is `科技专项`), and a single 整体 form left on
/// each side is the same department's (its name was shortened or completed).
/// A subject that occurs more than once pairs its occurrences in order.
///
/// Indicators are matched by (一级, 二级, 三级 name) and term (`Indicator.matchKey`),
/// then, among those left, without the term (a year that does not say
/// 长期/年度 against one that does). Placeholder rows (a 二级 cell with no
/// indicator and no value) measure nothing and are not aligned.
public struct FormAlignment: Sendable, Hashable {
    /// How two forms were found to be the same.
    public enum Rule: String, Sendable, Hashable {
        /// Same kind and subject name (spaces and widths aside).
        case key
        /// Same kind, same name without years and punctuation.
        case name
        /// The only 整体 form left on either side.
        case sole
    }

    /// Two indicators (indices into their forms' `indicators`), or one side's.
    public struct IndicatorPair: Sendable, Hashable {
        public var a: Int?
        public var b: Int?
    }

    /// Two forms (indices into the documents' 表13 `forms`), or one side's.
    public struct FormPair: Sendable, Hashable {
        public var a: Int?
        public var b: Int?
        public var rule: Rule
        /// The indicators, in B's order with A's unmatched ones after the
        /// indicator they followed; empty unless both sides are present.
        public var indicators: [IndicatorPair]
    }

    /// In B's order, forms only A has after the form they followed in A.
    public var forms: [FormPair]

    /// Aligns the 表13 forms of `a` with those of `b`.
    ///
    /// - Complexity: O(*f* + *i*) for *f* forms of *i* indicators in all.
    public init(_ a: [PerformanceForm], _ b: [PerformanceForm]) {
        var partnerOfB = [Int?](repeating: nil, count: b.count)
        var partnerOfA = [Int?](repeating: nil, count: a.count)
        var rule = [Rule](repeating: .key, count: b.count)
        func pair(by key: (PerformanceForm) -> String?, _ how: Rule) {
            var byKey: [String: [Int]] = [:]
            for i in a.indices.reversed() where partnerOfA[i] == nil {
                if let k = key(a[i]) { byKey[k, default: []].append(i) }
            }
            for j in b.indices where partnerOfB[j] == nil {
                guard let k = key(b[j]), let i = byKey[k]?.popLast() else { continue }
                partnerOfA[i] = j
                partnerOfB[j] = i
                rule[j] = how
            }
        }
        pair(by: { "\($0.kind.rawValue)\u{1F}\($0.matchKey.name)" }, .key)
        pair(by: { f in
            let n = ProjectName.normalize(f.name)
            return n.isEmpty ? nil : "\(f.kind.rawValue)\u{1F}\(n)"
        }, .name)
        let soleA = a.indices.filter { partnerOfA[$0] == nil && a[$0].kind == .overall }
        let soleB = b.indices.filter { partnerOfB[$0] == nil && b[$0].kind == .overall }
        if soleA.count == 1, soleB.count == 1,
           a.filter({ $0.kind == .overall }).count == 1, b.filter({ $0.kind == .overall }).count == 1 {
            partnerOfA[soleA[0]] = soleB[0]
            partnerOfB[soleB[0]] = soleA[0]
            rule[soleB[0]] = .sole
        }
        let merged = Self.merge(countA: a.count, countB: b.count, partnerOfA: partnerOfA, partnerOfB: partnerOfB)
        forms = merged.map { p in
            var out = FormPair(a: p.a, b: p.b, rule: p.b.map { rule[$0] } ?? .key, indicators: [])
            if let i = p.a, let j = p.b { out.indicators = Self.indicators(a[i].indicators, b[j].indicators) }
            return out
        }
    }

    /// The indicator pairs of two forms.
    static func indicators(_ a: [Indicator], _ b: [Indicator]) -> [IndicatorPair] {
        var partnerOfB = [Int?](repeating: nil, count: b.count)
        var partnerOfA = [Int?](repeating: nil, count: a.count)
        let keysA = a.map(\.matchKey), keysB = b.map(\.matchKey)
        for withTerm in [true, false] {
            var byKey: [IndicatorKey: [Int]] = [:]
            for i in a.indices.reversed() where partnerOfA[i] == nil && !a[i].isPlaceholder {
                var k = keysA[i]
                if !withTerm { k.term = nil }
                byKey[k, default: []].append(i)
            }
            guard !byKey.isEmpty else { break }
            for j in b.indices where partnerOfB[j] == nil && !b[j].isPlaceholder {
                var k = keysB[j]
                if !withTerm { k.term = nil }
                guard let i = byKey[k]?.popLast() else { continue }
                partnerOfA[i] = j
                partnerOfB[j] = i
            }
        }
        // Placeholders are left out on both sides.
        for i in a.indices where a[i].isPlaceholder { partnerOfA[i] = -1 }
        for j in b.indices where b[j].isPlaceholder { partnerOfB[j] = -1 }
        return merge(countA: a.count, countB: b.count, partnerOfA: partnerOfA, partnerOfB: partnerOfB)
            .map { IndicatorPair(a: $0.a, b: $0.b) }
    }

    /// B's order, each item only A has after the item it followed in A.
    /// A partner of -1 marks an item left out of the alignment.
    static func merge(countA: Int, countB: Int, partnerOfA: [Int?], partnerOfB: [Int?]) -> [(a: Int?, b: Int?)] {
        var following = [[Int]](repeating: [], count: countA)
        var leading: [Int] = []
        var previous: Int?
        for i in 0..<countA {
            if partnerOfA[i] == -1 { continue }
            if partnerOfA[i] != nil { previous = i; continue }
            if let p = previous { following[p].append(i) } else { leading.append(i) }
        }
        var out: [(a: Int?, b: Int?)] = leading.map { ($0, nil) }
        for j in 0..<countB {
            if partnerOfB[j] == -1 { continue }
            let i = partnerOfB[j]
            out.append((i, j))
            if let i { out += following[i].map { ($0, nil) } }
        }
        return out
    }
}
