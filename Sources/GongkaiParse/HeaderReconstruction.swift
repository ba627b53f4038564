import Foundation
import GongkaiModel

/// Rebuilds the column headers of a table from PDF text.
///
/// A PDF extraction prints a header in reading order: the top row's cells
/// (tall columns and group headers such as 本年收入) left to right, the
/// sub-headers under each group after them; a narrow cell's text comes out
/// as a vertical stack of one- to seven-character lines (`一般公` / `共预算` /
/// `收入`). Two steps recover the columns:
///
/// 1. Segmentation: the header text is cut into column headers. Tokens on
///    one line are separate cells; lines holding a single token may be parts
///    of one stacked header, and a stack goes on while its lines get no
///    wider. The cut maximises the headers the catalog recognises (a column
///    pattern, a code or name column, a 三公 item); a cut inside a printed
///    token is allowed only between two catalog columns (`单位资` /
///    `金一般公共预算` is 单位资金 + 一般公共预算).
/// 2. Groups: each header is a column of its own, a group header, or a
///    sub-header of the group whose run of sub-headers is being read (runs
///    come in the order of their groups). The reading in which the catalog
///    recognises the most columns wins; sub-columns take their group's place,
///    which gives the left-to-right order of the columns.
struct HeaderReconstruction {
    /// What a header path names: a column id, `lead:code` / `lead:name` /
    /// `lead:label`, `item:<id>`; nil when unrecognised.
    let classify: ([String]) -> String?
    /// Whether a column id is a text column (项目单位, 一级目录 …).
    var isText: (String) -> Bool = { _ in false }
    /// Whether a group's column has the other column among its parts
    /// (basic.subtotal has basic.personnel; vehicle has vehicle.purchase).
    var refines: (String, String) -> Bool = { _, _ in false }
    /// Whether a column id is the sum of other columns (carryover.subtotal).
    var isSum: (String) -> Bool = { _ in false }
    /// Whether a column id has parts that refine it (a sum, 公务用车购置及运行费
    /// over its 购置 and 运行); unknown columns are taken to have some.
    var hasParts: (String) -> Bool = { _ in true }
    /// How many rows the catalog's own header of a column has (2 for
    /// 本年拨款 / 一般公共预算), nil for what is not a catalog column.
    var headerLevels: (String) -> Int? = { _ in nil }

    /// A piece of header text with where it came from.
    struct Piece {
        var text: String
        var line: Int
        /// The only token of its line (a stacked header may continue on the next line).
        var alone: Bool
    }

    /// A reconstructed column: its header path (group, then header) and the
    /// line it was printed on.
    struct Column: Equatable {
        var path: [String]
        var line: Int
    }

    /// The pieces of header lines: tokens, with a year joined to the
    /// `年预算` that follows it (`2024 年预算`).
    static func pieces(_ lines: [TextLine]) -> [Piece] {
        var result: [Piece] = []
        for line in lines {
            var tokens = line.tokens.map(\.text)
            var i = 0
            while i + 1 < tokens.count {
                if tokens[i].range(ofPattern: #"^20[0-9]{2}$"#) != nil, tokens[i + 1].hasPrefix("年") {
                    tokens[i] += " " + tokens[i + 1]
                    tokens.remove(at: i + 1)
                }
                i += 1
            }
            for t in tokens { result.append(Piece(text: t, line: line.number, alone: tokens.count == 1)) }
        }
        return result
    }

    /// The columns of `lines`, left to right.
    func columns(_ lines: [TextLine], groups: Bool = true) -> [Column] {
        let segments = segment(Self.pieces(lines))
        return groups ? assignGroups(segments) : segments.map { Column(path: [$0.text], line: $0.line) }
    }

    // MARK: Segmentation

    struct Segment {
        var text: String
        var line: Int
        /// Printed as a vertical stack of lines (a narrow cell).
        var stacked = false
        /// The width of its widest line (nil: as printed, one line).
        var width: Double? = nil
    }

    /// The longest header text the segmentation searches, in characters.
    ///
    /// The search asks the catalog about every cut of up to `maxLength`
    /// characters at every position, O(*n* × 40 × 6); the samples' longest
    /// header is 124 characters. Text beyond this bound (what fuzzing and
    /// damaged extractions produce) is taken piece by piece, as printed, and
    /// its unrecognised columns are reported by the table reader as usual.
    static let searchedCharacterLimit = 400

    /// The column headers of `pieces`, cut where the catalog recognises the most.
    ///
    /// - Complexity: O(*n* × 40 × 6) catalog lookups for *n* characters of
    ///   header text, at most `searchedCharacterLimit`; O(*p*) beyond it.
    func segment(_ pieces: [Piece]) -> [Segment] {
        guard !pieces.isEmpty else { return [] }
        guard pieces.reduce(0, { $0 + $1.text.count }) <= Self.searchedCharacterLimit else {
            return pieces.map { Segment(text: $0.text, line: $0.line) }
        }
        // Characters with the boundary before each: 0 inside a piece, 1 between
        // stacked pieces (may join), 2 between cells (must cut).
        var chars: [Character] = []
        var lineOf: [Int] = []
        var boundary: [Int] = []
        // stackContinues[i]: the piece starting at character i is no wider
        // than the stacked piece above it.
        var stackContinues: [Bool] = []
        // aboveWidth[i]: the width of the piece above the one starting at
        // character i; pieceEnd[i]: where the piece holding i ends;
        // widthBefore[i]: the width of the characters before i.
        var aboveWidth: [Double] = []
        var pieceEnd: [Int] = []
        var widthBefore: [Double] = [0]
        var oneWide: [Bool] = []
        for (i, p) in pieces.enumerated() {
            for (j, ch) in p.text.enumerated() {
                chars.append(ch)
                lineOf.append(p.line)
                if j > 0 { boundary.append(0) }
                else if i == 0 { boundary.append(2) }
                // 小计 heads a column of its own (under 基本支出, 公务用车…):
                // it never ends a stacked header.
                else if HeaderText.normalize(p.text) == "小计" { boundary.append(2) }
                else { boundary.append(pieces[i - 1].alone && p.alone && p.line > pieces[i - 1].line ? 1 : 2) }
                stackContinues.append(j == 0 && i > 0 && TextToken.width(p.text) <= TextToken.width(pieces[i - 1].text))
                aboveWidth.append(i > 0 ? TextToken.width(pieces[i - 1].text) : 0)
                pieceEnd.append(chars.count - 1 - j + p.text.count)
                widthBefore.append(widthBefore[widthBefore.count - 1] + TextToken.width(String(ch)))
                oneWide.append(j == 0 && i > 0 && p.text.count == 1 && pieces[i - 1].text.count == 1)
            }
        }
        let n = chars.count
        let maxLength = 40
        // A dynamic programme over (position, context): the context is an
        // unrecognised header that may head the next ones (`上年结转` over
        // `财政拨款` / `其他`); a few best states are kept per position.
        struct State {
            var score: Double
            var from: Int
            var fromState: Int
            var context: String?
            var id: String?
        }
        var states = [[State]](repeating: [], count: n + 1)
        states[0] = [State(score: 0, from: -1, fromState: -1, context: nil, id: nil)]
        var cache: [String: String?] = [:]
        func lookup(_ path: [String]) -> String? {
            let key = path.joined(separator: "\u{1}")
            if let hit = cache[key] { return hit }
            let v = classify(path)
            cache[key] = v
            return v
        }
        for b in 1...n {
            var candidates: [State] = []
            var a = b - 1
            // A stack's lines get no wider: a line wider than the one above
            // starts another cell (本年收入 / 上年结转结余, two group headers on
            // lines of their own) when the text they make together means
            // nothing, or the lines above mean nothing alone (上年结转 over
            // 一般公共预算: a group, read as one), or the wider line says alone
            // what they say together; it may add words to a header named above
            // it (其他收入 / 金额 / 其 中 :).
            // Only what the segment takes of the line counts (单位资 / 金 of
            // `金一般公共预算`).
            var widening: Int?
            // Only a stack's last line is narrower than the others: a line
            // after a narrower one starts another cell (本年拨款 printed alone
            // over the stack 财政拨 / 款结转 / 结余).
            var afterNarrowing = 0.0
            // Where a `其中：` (`其中:`, `其中`) ending at b starts, if one does.
            var ofWhichStart: Int?
            do {
                let e = b > 0 && (chars[b - 1] == "：" || chars[b - 1] == ":") ? b - 1 : b
                if e >= 2, chars[e - 2] == "其", chars[e - 1] == "中" { ofWhichStart = e - 2 }
            }
            while a >= 0, b - a <= maxLength {
                // A segment holds no hard boundary after its first character.
                if a < b - 1, boundary[a + 1..<b].contains(2) { break }
                if a + 1 < b, boundary[a + 1] == 1 {
                    let taken = widthBefore[min(b, pieceEnd[a + 1])] - widthBefore[a + 1]
                    if taken > aboveWidth[a + 1] { widening = a + 1 }
                    // Entering a narrower line with more lines after it.
                    if taken < aboveWidth[a + 1], pieceEnd[a + 1] < b, afterNarrowing == 0 { afterNarrowing = -8 }
                }
                let text = String(chars[a..<b])
                let standalone = lookup([text])
                // A stack that names the sum of what its two halves name
                // (公务用 / 车购置 / 及运行 / 费: 公务用车购置 and 及运行费 are
                // its parts) is one header, not its parts side by side.
                // What the lines above a wider one and the lines from it name.
                let aboveWidening = widening.map { w in
                    (left: lookup([String(chars[a..<w])]), right: lookup([String(chars[w..<b])]))
                }
                var namesSumOfHalves = false
                if let whole = standalone {
                    for j in (a + 1)..<b where boundary[j] == 1 {
                        guard let left = lookup([String(chars[a..<j])]), let right = lookup([String(chars[j..<b])]),
                              left != whole, right != whole, left != right else { continue }
                        if refines(whole, left), refines(whole, right) { namesSumOfHalves = true }
                    }
                }
                for (si, state) in states[a].enumerated() {
                    var id = standalone
                    var viaContext = false
                    // A header over others is a cell of its own, never the top
                    // of a stack they go on (本年拨款财政拨 / 款结转结余).
                    let midStack = a > 0 && boundary[a] == 1 && stackContinues[a] && !oneWide[a]
                    if id == nil, !midStack, let ctx = state.context, let inContext = lookup([ctx, text]), !inContext.hasPrefix("lead:") {
                        id = inContext
                        viaContext = true
                    }
                    var score = id != nil ? 10.0 : -1.0
                    if namesSumOfHalves, id == standalone { score += 8 }
                    score += afterNarrowing
                    // A bare 编码 or 名称 is rarely a column of its own.
                    if let id, id.hasPrefix("lead:"), id != "lead:line", text.count <= 2 { score = 2 }
                    // Cutting inside a printed token needs a catalog column on
                    // its side, never a lone 编码 or 科目 taken off 功能科目编码.
                    let inside = (a > 0 && boundary[a] == 0) || (b < n && boundary[b] == 0)
                    if inside, id == nil || id!.contains(":") { score = -20 }
                    if a > 0, boundary[a] == 0 { score -= 8 }
                    // Cutting a stack where it goes on needs a reason (a stack
                    // one character wide says nothing about where it ends).
                    if a > 0, boundary[a] == 1, stackContinues[a], !oneWide[a] { score -= 6 }
                    if let wide = aboveWidening, id == nil || wide.left == nil || wide.right == id { score -= 4 }
                    // `其中：` opens the header it qualifies (其中：面向中小企业 /
                    // 其中：面向微小企业 stacked one under the other): a stack
                    // goes on past it into the next header, never ends on it.
                    if let k = ofWhichStart, k > a, boundary[k] == 1 { score -= 1 }
                    // One column printed as two headers (`采购金额` / `采购金额(合计)`)
                    // is merged after segmentation, not here.
                    if let id, id == state.id, !id.hasPrefix("lead:") { score -= 10 }
                    let context: String? = id == nil ? text : (viaContext ? state.context : nil)
                    candidates.append(State(score: state.score + score, from: a, fromState: si, context: context, id: id))
                }
                a -= 1
            }
            candidates.sort { $0.score > $1.score }
            var kept: [State] = []
            for c in candidates where !kept.contains(where: { $0.context == c.context }) {
                kept.append(c)
                if kept.count == 6 { break }
            }
            states[b] = kept
        }
        var cuts: [Int] = []
        var b = n
        var si = 0
        while b > 0 {
            cuts.append(b)
            let st = states[b][si]
            b = st.from
            si = st.fromState
        }
        cuts.append(0)
        cuts.reverse()
        return zip(cuts, cuts.dropFirst()).map { a, b in
            var width = 0.0
            var start = a
            for j in (a + 1)...b where j == b || boundary[j] != 0 {
                width = max(width, widthBefore[j] - widthBefore[start])
                start = j
            }
            return Segment(text: String(chars[a..<b]), line: lineOf[a], stacked: a + 1 < b && boundary[a + 1..<b].contains(1),
                           width: width)
        }
    }

    // MARK: Groups

    static func prefix(_ id: String) -> String {
        id.split(separator: ".").first.map(String.init) ?? id
    }

    /// One way of reading the segments seen so far.
    struct Reading {
        var score: Double = 0
        /// Per segment: -1 a column of its own, -2 a group, else its group's index.
        var role: [Int] = []
        /// Groups waiting for their sub-headers, in order.
        var pending: [Int] = []
        /// The group whose sub-headers are being read.
        var active: Int?
        var used: Set<String> = []
        var runs: [Int: Int] = [:]
        /// Lines holding a column of its own, lines holding a group header:
        /// a line of PDF text is one row of the header, never both.
        var columnLines: Set<Int> = []
        var groupLines: Set<Int> = []
        var subLines: Set<Int> = []
        /// Groups with a sub-header only they explain (小计 under 基本支出,
        /// 一般公共预算 turned 结转 by 上年结转结余).
        var justified: Set<Int> = []
        /// Whether a group's run has key (code, name) or other sub-headers.
        var runKinds: [Int: Set<Bool>] = [:]
        /// The columns read under each group so far, in order.
        var runIDs: [Int: [String]] = [:]
        /// Groups with a sub-header that names the group's own column, a sum
        /// (上年结转结余 / 小计).
        var restated: Set<Int> = []
        /// Sub-headers are printed last (the bottom row of the header): once
        /// one is read, every later header is one.
        var inSubs = false
    }

    /// Decides which segments are group headers and which their sub-headers.
    ///
    /// Readings kept per step. Wider finds no better header on the samples
    /// and costs time on hostile input (fuzzing found a 1 KB header that took
    /// seconds at 400).
    static let beamWidth = 48

    /// A beam search over readings: every segment is a column of its own, a
    /// group header, or a sub-header of the active group or of the next group
    /// waiting. A recognised column scores, an unrecognised one or a column
    /// seen twice costs, and a group whose sub-headers refine its own column
    /// (基本支出 over 小计 / 人员经费 / 公用经费) scores best.
    func assignGroups(_ segments: [Segment]) -> [Column] {
        let n = segments.count
        guard n > 1 else { return segments.map { Column(path: [$0.text], line: $0.line) } }
        let standalone = segments.map { classify([$0.text]) }
        // The grand total, a code or name column, a text column: never groups
        // over amounts. (A text column may head sub-columns that refine it:
        // 政府购买服务目录 over 一级目录 / 二级目录.)
        func canGroup(_ i: Int) -> Bool {
            guard let own = standalone[i] else { return true }
            return !own.hasPrefix("lead:") && own != "total" && own != "item:total"
        }
        // A header that repeats one read before (一般公共预算 under 本年拨款,
        // then again under 财政拨款结转结余) is under a second group.
        let repeats = segments.indices.map { i in
            standalone[i].map { id in standalone[..<i].contains(id) } ?? false
        }
        func subScore(_ g: Int, _ i: Int, _ id: String?) -> Double {
            guard let id else { return 0 }
            let sub = standalone[i]
            // A stacked header narrower than the header under it heads only
            // headers that mean nothing alone (上年结转 over 财政拨款 / 其他), or
            // headers that repeat others (一般公共预算 again under 财政拨款结转结余).
            if segments[g].stacked, sub != nil, !repeats[i],
               (segments[g].width ?? 0) < (segments[i].width ?? .infinity) { return -20 }
            guard let own = standalone[g] else { return 0 }
            // The group's own name dominating a header that names another column
            // (事业收入 + 上级补助收入) is no reading.
            if id == own, let sub, sub != id { return -20 }
            if id == own, isText(own) { return -20 }
            // Only a column with parts is restated under its own header (上年结转结余 / 小计);
            // what means nothing alone under a column without parts
            // (资金性质 printed below 其中：面向微小企业) is a column of its own.
            if id == own, sub == nil, !hasParts(own) { return -20 }
            if refines(own, id) { return 6 }
            // A column that only happens to sit under a named group.
            return sub == id ? -1 : 0
        }
        func add(_ id: String?, to r: inout Reading) -> Double {
            guard let id else { return -5 }
            if r.used.contains(id) { return -10 }
            r.used.insert(id)
            return 10
        }
        var beam = [Reading()]
        for i in 0..<n {
            var next: [Reading] = []
            for r in beam {
                // A column of its own (it ends a run of sub-headers).
                let line = segments[i].line
                if !r.inSubs, !r.groupLines.contains(line), !r.subLines.contains(line) {
                    var a = r
                    if let g = a.active { a.active = nil; a.pending.removeAll { $0 == g } }
                    a.score += add(standalone[i], to: &a)
                    a.role.append(-1)
                    a.columnLines.insert(segments[i].line)
                    next.append(a)
                }
                // A group header.
                if !r.inSubs, canGroup(i), !r.columnLines.contains(line), !r.subLines.contains(line) {
                    var b = r
                    if let g = b.active { b.active = nil; b.pending.removeAll { $0 == g } }
                    b.pending.append(i)
                    b.role.append(-2)
                    b.groupLines.insert(segments[i].line)
                    if standalone[i] == nil { b.score -= 5 }
                    next.append(b)
                }
                // A sub-header of the active group, or of the next one waiting.
                var groups: [Int] = []
                if let g = r.active { groups.append(g) }
                if let g = r.pending.first(where: { $0 != r.active }) { groups.append(g) }
                for g in groups where segments[g].line < line && !r.columnLines.contains(line) && !r.groupLines.contains(line) {
                    var c = r
                    c.inSubs = true
                    c.subLines.insert(line)
                    if c.active != g {
                        if let old = c.active { c.pending.removeAll { $0 == old } }
                        c.active = g
                    }
                    let id = classify([segments[g].text, segments[i].text])
                    var score = add(id, to: &c)
                    if score > 0 { score += subScore(g, i, id) }
                    if let id, standalone[g] == nil || standalone[i] == nil || standalone[i] != id
                        || (standalone[g] != id && refines(standalone[g]!, id)) { c.justified.insert(g) }
                    let isKey = id?.hasPrefix("lead:") == true
                    c.runKinds[g, default: []].insert(isKey)
                    if let id {
                        // A subtotal is printed before its parts (小计 first
                        // under 本年收入), never after them.
                        if c.runIDs[g, default: []].contains(where: { $0 != id && refines(id, $0) }) { score -= 10 }
                        c.runIDs[g, default: []].append(id)
                        if id == standalone[g], standalone[i] == nil, isSum(id) { c.restated.insert(g) }
                    }
                    // A group heads key columns or amount columns, not both.
                    if c.runKinds[g]!.count > 1 { score -= 8 }
                    c.score += score
                    c.role.append(g)
                    c.runs[g, default: 0] += 1
                    next.append(c)
                }
            }
            // Readings that can no longer be complete give way to those that
            // can: a group closed with one sub-header that is not its own 小计,
            // or more groups waiting than headers left to go under them.
            let remaining = n - i - 1
            next.removeAll { r in
                var waiting = 0
                for g in r.role.indices where r.role[g] == -2 {
                    let runs = r.runs[g] ?? 0
                    let short = runs == 0 || (runs == 1 && !r.restated.contains(g))
                    guard short else { continue }
                    if r.pending.contains(g) || r.active == g { waiting += 1 } else { return true }
                }
                return waiting > remaining
            }
            next.sort { $0.score > $1.score }
            beam = Array(next.prefix(Self.beamWidth))
        }
        // Every group has sub-headers, and one it explains (or shares its line
        // with a group that does: 本年拨款 beside 财政拨款结转结余); among equals,
        // the reading with more groups.
        let complete = beam.filter { r in
            r.role.enumerated().allSatisfy { i, role in
                guard role == -2 else { return true }
                // A group header spans two columns at least, or heads only
                // its own 小计 (上年结转结余 / 小计 with nothing carried over
                // from other sources).
                guard (r.runs[i] ?? 0) > 1 || r.restated.contains(i) else { return false }
                return r.justified.contains(i) || r.justified.contains { segments[$0].line == segments[i].line }
            }
        }
        // Among equals: the fewest unrecognised columns (a header over others is
        // a group, not a column of its own); then the most sub-headers that the
        // catalog too prints under a group (本年拨款 / 一般公共预算, not
        // 财政专户管理资金, a tall column printed between the two header rows);
        // then the most groups.
        func unknownColumns(_ r: Reading) -> Int { r.role.indices.filter { r.role[$0] == -1 && standalone[$0] == nil }.count }
        func canonical(_ r: Reading) -> Int {
            r.role.indices.reduce(0) { sum, i in
                guard r.role[i] >= 0, let id = classify([segments[r.role[i]].text, segments[i].text]),
                      let levels = headerLevels(id) else { return sum }
                return sum + (levels > 1 ? 1 : -1)
            }
        }
        func groups(_ r: Reading) -> Int { r.role.filter { $0 == -2 }.count }
        guard let best = complete.max(by: { a, b in
            if a.score != b.score { return a.score < b.score }
            if unknownColumns(a) != unknownColumns(b) { return unknownColumns(a) > unknownColumns(b) }
            if canonical(a) != canonical(b) { return canonical(a) < canonical(b) }
            return groups(a) < groups(b)
        }) else { return segments.map { Column(path: [$0.text], line: $0.line) } }
        var columns: [Column] = []
        for i in 0..<n {
            switch best.role[i] {
            case -1: columns.append(Column(path: [segments[i].text], line: segments[i].line))
            case -2:
                for j in (i + 1)..<n where best.role[j] == i {
                    columns.append(Column(path: [segments[i].text, segments[j].text], line: segments[j].line))
                }
            default: continue
            }
        }
        // A header printed twice over its column (`采购金额` / `采购金额(合计)`).
        var merged: [Column] = []
        for c in columns {
            if let last = merged.last, last.path.count == 1, c.path.count == 1,
               let a = classify(last.path), a == classify(c.path), !a.hasPrefix("lead:") {
                merged[merged.count - 1] = Column(path: [last.path[0], c.path[0]], line: c.line)
            } else {
                merged.append(c)
            }
        }
        return merged
    }

    /// Header rows whose `HeaderGrid` paths are `columns`' paths: the group
    /// (or a lone header) on the first row, sub-headers on the second.
    static func gridRows(_ columns: [Column]) -> [GridRow] {
        var top: [String] = [], bottom: [String] = []
        var lastGroup: String?
        for c in columns {
            if c.path.count >= 2 {
                top.append(lastGroup == c.path[0] ? "" : c.path[0])
                bottom.append(c.path.dropFirst().joined())
                lastGroup = c.path[0]
            } else {
                top.append(c.path.first ?? "")
                bottom.append("")
                lastGroup = nil
            }
        }
        let line = columns.first?.line ?? 0
        return bottom.allSatisfy(\.isEmpty) ? [GridRow(line: line, cells: top)]
            : [GridRow(line: line, cells: top), GridRow(line: line, cells: bottom)]
    }
}
