import GongkaiModel

/// The facts a generated document is made of: the 项 of its 功能 tree with
/// their 人员经费, 公用经费 and 项目支出, how 基本支出 splits over 经济 款,
/// its projects, 三公 figures and purchase lines.
///
/// Every table of the document is derived from these, so that subtotals and
/// totals across tables agree by construction. Amounts are whole 0.01 万元
/// (10,000 分), printable exactly in 万元 and in 元.
struct GeneratedBudget {
    struct Leaf {
        var code: String
        var name: String
        var personnel: Int64
        var publicUse: Int64
        var project: Int64
    }

    struct Kuan {
        var code: String
        var name: String
        var leaves: [Leaf]
    }

    struct Class {
        var code: String
        var name: String
        var kuan: [Kuan]
    }

    struct Share {
        var code: String?
        var name: String
        var weight: Int64
        var personnel: Bool = false
    }

    struct Line {
        var name: String
        var category: String
        var amount: Int64
    }

    /// 0.01 万元 in 分: the step of every generated amount.
    static let step: Int64 = 10_000

    var district: String
    var department: String
    var year: Int
    var classes: [Class]
    /// 经济 款 of 基本支出, weighted: 人员经费 and 公用经费 are split over them.
    var economic: [Share]
    /// Projects, weighted: 项目支出 is split over them.
    var projects: [Share]
    /// 三公: abroad, vehicle purchase, vehicle operation, reception.
    var threePublic: (abroad: Int64, purchase: Int64, operation: Int64, reception: Int64)
    var procurement: [Line]
    var services: [Line]

    /// Draws a budget of about `rows` rows in its 功能 tree.
    ///
    /// - Complexity: O(*rows*).
    init(seed: UInt64, rows: Int) {
        var rng = SplitMix64.stream(seed, 1)
        district = rng.pick(NameVocabulary.districts)
        department = "武汉市" + district + rng.pick(NameVocabulary.departments)
        year = rng.int(2019...2025)

        // The 功能 tree: fan-out about the cube root of the rows asked for.
        let target = max(3, rows)
        var fan = 1
        while (fan + 1) * (fan + 1) * (fan + 1) <= target { fan += 1 }
        fan = min(fan, 60)
        // Small documents pick a few real 类; large ones need more than there are.
        let perClass = 1 + (fan + 1) * (fan + 2)
        let classCount = min(900, target / perClass + 2)
        var codes = NameVocabulary.functionClasses
        let classIndices: [Int]
        if classCount <= codes.count {
            classIndices = rng.choose(classCount, of: codes.count)
        } else {
            let known = Set(codes.map(\.code))
            for c in 100...999 where !known.contains(String(c)) {
                codes.append((String(c), rng.pick(NameVocabulary.topics) + "支出"))
            }
            codes.sort { $0.code < $1.code }
            classIndices = Array(1...classCount)
        }
        var count = 0
        var classes: [Class] = []
        var rng2 = SplitMix64.stream(seed, 2)
        for index in classIndices {
            guard count < target else { break }
            let (classCode, className) = codes[index - 1]
            count += 1
            var kuan: [Kuan] = []
            let kuanCodes = rng.choose(rng.int(1...min(99, 2 * fan)), of: 99)
            for k in kuanCodes {
                guard kuan.isEmpty || count < target else { break }
                let code = classCode + (k < 10 ? "0\(k)" : "\(k)")
                let topic = rng.pick(NameVocabulary.topics)
                count += 1
                var leaves: [Leaf] = []
                let xiangCodes = rng.choose(rng.int(1...min(99, 2 * fan)), of: 99)
                for x in xiangCodes {
                    guard leaves.isEmpty || count < target else { break }
                    count += 1
                    let xiangCode = code + (x < 10 ? "0\(x)" : "\(x)")
                    var name = x == 99 ? "其他\(topic)支出" : rng2.pick(NameVocabulary.xiangNames)
                    if rng2.chance(0.3) { name += "（\(topic)）" }
                    leaves.append(Self.leaf(code: xiangCode, name: name, &rng2))
                }
                kuan.append(Kuan(code: code, name: topic + rng2.pick(NameVocabulary.kuanSuffixes), leaves: leaves))
            }
            classes.append(Class(code: classCode, name: className, kuan: kuan))
        }
        self.classes = classes

        var rng3 = SplitMix64.stream(seed, 3)
        economic = NameVocabulary.economic.compactMap { e in
            rng3.chance(0.6) ? Share(code: e.code, name: e.name, weight: Int64(rng3.int(1...100)), personnel: e.personnel) : nil
        }
        // At least one 款 of each kind, so that any 基本支出 can be placed.
        if !economic.contains(where: \.personnel) { economic.insert(Share(code: "30101", name: "基本工资", weight: 1, personnel: true), at: 0) }
        if !economic.contains(where: { !$0.personnel }) {
            economic.append(Share(code: "30201", name: "办公费", weight: 1))
            economic.sort { $0.code! < $1.code! }
        }
        let projectCount = max(1, target / 5)
        let prefix = "4201" + String(rng3.int(10...99)) + String(year % 100) + String(rng3.int(100...999))
        projects = (0..<projectCount).map { i in
            let name = rng3.pick(NameVocabulary.projectStems) + (rng3.chance(0.5) ? "-" + rng3.pick(NameVocabulary.topics) + rng3.pick(NameVocabulary.projectTails) : "")
            var serial = String(i + 100)
            while serial.count < 9 { serial = "0" + serial }
            let code: String? = rng3.chance(0.8) ? prefix + serial : nil
            return Share(code: code, name: name, weight: Int64(rng3.int(1...100)))
        }
        let s = Self.step
        threePublic = (rng3.chance(0.3) ? Int64(rng3.int(1...500)) * s : 0, rng3.chance(0.2) ? Int64(rng3.int(100...3000)) * s : 0,
                       Int64(rng3.int(0...300)) * s, Int64(rng3.int(0...200)) * s)
        procurement = (0..<max(1, min(target / 10, 2000))).map { _ in
            let (category, item) = rng3.pick(NameVocabulary.purchases)
            return Line(name: rng3.pick(NameVocabulary.projectStems) + item, category: category, amount: Int64(rng3.int(1...5000)) * s)
        }
        services = (0..<max(1, min(target / 10, 2000))).map { _ in
            Line(name: rng3.pick(NameVocabulary.projectStems), category: rng3.pick(NameVocabulary.services),
                 amount: Int64(rng3.int(1...5000)) * s)
        }
    }

    /// A 项 with amounts of realistic size: 人员经费 and 公用经费 (基本支出),
    /// 项目支出, or both.
    static func leaf(code: String, name: String, _ rng: inout SplitMix64) -> Leaf {
        func amount() -> Int64 {
            // Log-uniform between 0.05 and 5,000 万元.
            let digits = rng.int(1...5)
            var top: Int64 = 5
            for _ in 0..<digits { top *= 10 }
            return Int64(rng.int(1...Int(top))) * step
        }
        switch rng.int(0...3) {
        case 0: return Leaf(code: code, name: name, personnel: amount(), publicUse: amount(), project: 0)
        case 1: return Leaf(code: code, name: name, personnel: 0, publicUse: 0, project: amount())
        case 2: return Leaf(code: code, name: name, personnel: amount(), publicUse: 0, project: 0)
        default: return Leaf(code: code, name: name, personnel: amount(), publicUse: amount(), project: amount())
        }
    }

    /// Changes about `fraction` of the 项 amounts (each changed one by
    /// −50 % to +50 %, at least 0.01 万元), drawn from `seed`.
    ///
    /// - Complexity: O(*n*) in the number of 项.
    mutating func vary(_ fraction: Double, seed: UInt64) {
        guard fraction > 0 else { return }
        var rng = SplitMix64.stream(seed, 99)
        func change(_ value: inout Int64) {
            guard value > 0, rng.chance(fraction) else { return }
            let units = value / Self.step
            let delta = max(1, units * Int64(rng.int(1...50)) / 100)
            value = (rng.chance(0.5) || units <= delta ? units + delta : units - delta) * Self.step
        }
        for c in classes.indices {
            for k in classes[c].kuan.indices {
                for l in classes[c].kuan[k].leaves.indices {
                    change(&classes[c].kuan[k].leaves[l].personnel)
                    change(&classes[c].kuan[k].leaves[l].publicUse)
                    change(&classes[c].kuan[k].leaves[l].project)
                }
            }
        }
    }

    /// Splits `total` over `weights` in steps of 0.01 万元: the parts add up
    /// to `total` exactly.
    ///
    /// - Complexity: O(*n*).
    static func split(_ total: Int64, weights: [Int64]) -> [Int64] {
        guard !weights.isEmpty else { return [] }
        let units = total / step
        let sum = weights.reduce(0, +)
        var parts = weights.map { w -> Int64 in
            let (high, low) = units.multipliedFullWidth(by: w)
            return sum > 0 ? sum.dividingFullWidth((high, low)).quotient : 0
        }
        parts[parts.count - 1] += units - parts.reduce(0, +)
        return parts.map { $0 * step }
    }
}
