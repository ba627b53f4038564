import Foundation
import GongkaiModel

/// Turns a table located in PDF text into the `Region` every reader takes:
/// header rows whose `HeaderGrid` paths are the table's column headers, and
/// data rows with one cell per column (empty where the PDF printed nothing)
/// and the line of every cell.
///
/// PDF text gives a row's cells in reading order but not their columns:
/// empty cells vanish, long cells wrap over lines, a code may be broken in
/// two (`2060` / `102`). The builder
///
/// - cuts the data lines into logical rows (at codes, 合计, or after the
///   amounts that close a row);
/// - gives the row's text fragments to its text columns, rejoining wrapped
///   cells without inserting spaces (`TextCells`);
/// - places its amounts with `ColumnPlacer`: by position when every cell is
///   printed, else by the catalog's column sums and the subtotal tree, and
///   says so in a diagnostic.
struct TextRegionBuilder {
    let template: TableTemplate
    let catalog: Catalog
    let unit: SourceUnit
    let file: String
    var diagnostics: [Diagnostic] = []
    /// Per code, the column groups (`basic`, `project`: an id's first part)
    /// that another table of the document fills for it, to tell this
    /// table's vanished cells apart where its own sums cannot.
    var evidence: [String: Set<String>] = [:]
    /// Per code, the column groups this table filled (recorded for 表5).
    var placed: [String: Set<String>] = [:]

    init(template: TableTemplate, catalog: Catalog, unit: SourceUnit, file: String) {
        self.template = template
        self.catalog = catalog
        self.unit = unit
        self.file = file
    }

    // MARK: Header

    /// What a header path names, for reconstruction.
    ///
    /// - Parameter memo: answers already found for this header; the beam
    ///   search asks about the same texts under many splits, and the catalog
    ///   match depends only on the joined text.
    func classify(_ path: [String], memo: ClassifyMemo? = nil) -> String? {
        let raw = path.joined()
        let joined = HeaderText.normalize(raw)
        guard !joined.isEmpty else { return nil }
        let last = path.count == 1 ? joined : HeaderText.normalize(path.last ?? "")
        func matchColumn() -> String? {
            guard let memo else { return template.matchColumn(normalized: joined) }
            if let hit = memo.columns[raw] { return hit }
            let id = template.matchColumn(normalized: joined)
            memo.columns[raw] = .some(id)
            return id
        }
        func classifyOne(_ text: String) -> String? {
            guard let memo else { return classify([text]) }
            if let hit = memo.results[[text]] { return hit }
            let id = classify([text], memo: memo)
            memo.results[[text]] = .some(id)
            return id
        }
        let column = matchColumn()
        if let id = column, template.column(id)?.isText == true { return id }
        if path.count == 1 || path.dropLast().allSatisfy({ classifyOne($0) == nil }) {
            if last.includes("编码") || last.includes("代码") { return "lead:code" }
            if template.rows == .items || template.rows == .threePublic,
               last.hasPrefix("项目") || last == "科目" { return "lead:label" }
        }
        if template.rows == .threePublic,
           let item = catalog.items.threePublicItem(normalized: last) ?? catalog.items.threePublicItem(normalized: joined) {
            return "item:" + item.id
        }
        if let id = column { return id }
        // The 项目 of a purchase or service line names it.
        if template.rows == .lines, last == "项目" { return "lead:line" }
        if last.hasSuffix("名称") || last == "项目" || last == "科目" || last.hasSuffix("二级项目") { return "lead:name" }
        return nil
    }

    func headerColumns(_ lines: [TextLine]) -> [HeaderReconstruction.Column] {
        // The same header comes back in every document of a batch; its
        // reconstruction depends only on its lines, their spacing and the table.
        guard catalog.isBundled, let first = lines.first?.number else { return reconstructHeader(lines) }
        let key = HeaderMemo.Key(table: template.id, lines: lines.map { .init(offset: $0.number - first, raw: $0.raw) })
        if let columns = HeaderMemo.shared.columns(for: key) {
            return columns.map { .init(path: $0.path, line: $0.line + first) }
        }
        let columns = reconstructHeader(lines)
        HeaderMemo.shared.store(columns.map { .init(path: $0.path, line: $0.line - first) }, for: key)
        return columns
    }

    /// The columns of a header, worked out (`headerColumns` remembers them).
    func reconstructHeader(_ lines: [TextLine]) -> [HeaderReconstruction.Column] {
        // The beam search asks about the same header paths again and again.
        let memo = ClassifyMemo()
        var reconstruction = HeaderReconstruction(classify: { path in
            if let hit = memo.results[path] { return hit }
            let id = classify(path, memo: memo)
            memo.results[path] = .some(id)
            return id
        })
        let template = self.template
        reconstruction.isText = { id in template.column(id)?.isText == true }
        reconstruction.headerLevels = { id in template.column(id)?.header.count }
        let itemSums = template.itemSums ?? []
        reconstruction.refines = { own, id in
            if own == id { return true }
            if own.hasPrefix("item:"), id.hasPrefix("item:") {
                return itemSums.contains { $0.of == String(own.dropFirst(5)) && $0.is.contains(String(id.dropFirst(5))) }
            }
            if template.column(own)?.isText == true { return id.hasPrefix(own + ".") }
            return template.sum(of: own)?.is.contains(id) == true
        }
        reconstruction.isSum = { id in template.sum(of: id) != nil }
        reconstruction.hasParts = { id in
            if template.sum(of: id) != nil { return true }
            if id.hasPrefix("item:") { return itemSums.contains { $0.of == String(id.dropFirst(5)) } }
            return template.column(id) == nil
        }
        let columns = reconstruction.columns(lines, groups: template.rows != .items)
        return template.rows == .items ? Self.captionPanels(columns, classify: { classify($0, memo: memo) }) : columns
    }

    /// The panel captions of 表1 and 表4 (`收入` / `支出（功能分类）` /
    /// `支出（经济分类）`) set over the panels they name.
    ///
    /// PDF text prints the captions as a row of their own above the `项目 预算数`
    /// row, so the header has no groups (a panel table's columns repeat:
    /// every panel has a 项目); but only a caption tells the economic panel
    /// (301 工资福利支出 …) from the function panel (201 一般公共服务支出 …).
    /// Captions before the first 项目, one per panel (a narrow cell's caption
    /// may come out stacked and read as one text with the next), become the
    /// group of their panel's columns. Captions that do not name one panel
    /// each (`收 入 支 出` over three panels) name sides, not panels, and are
    /// left out.
    static func captionPanels(_ columns: [HeaderReconstruction.Column], classify: ([String]) -> String?)
        -> [HeaderReconstruction.Column] {
        let starts = columns.indices.filter { classify(columns[$0].path) == "lead:label" }
        guard let first = starts.first, first > 0 else { return columns }
        let captionText = columns[..<first].map { HeaderText.normalize($0.path.joined()) }.joined()
        let pattern = #"(收入|支出)(\([^()]*\))?"#
        guard captionText.range(ofPattern: "^(\(pattern))+$") != nil else { return columns }
        var captions: [String] = []
        var rest = captionText
        while let range = rest.range(ofPattern: "^" + pattern), !range.isEmpty {
            captions.append(String(rest[range]))
            rest = String(rest[range.upperBound...])
        }
        let panels = Array(columns[first...])
        guard captions.count == starts.count else { return panels }
        var result: [HeaderReconstruction.Column] = []
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : columns.count
            for c in columns[start..<end] { result.append(.init(path: [captions[k]] + c.path, line: c.line)) }
        }
        return result
    }

    // MARK: Build

    mutating func build(_ located: TextTableLocator.Located) throws -> DocumentParser.Region {
        var region = located.region
        let columns = headerColumns(located.header)
        region.header = HeaderReconstruction.gridRows(columns)
        if let first = located.header.first {
            for i in region.header.indices { region.header[i].line = first.number }
        }
        guard !located.data.isEmpty, !columns.isEmpty else { return region }
        switch template.rows {
        case .items:
            region.data = try panelRows(located.data, header: region.header)
        case .threePublic:
            region.data = try threePublicRows(located.data, columns: columns)
        case .forms:
            break
        default:
            region.data = try codedRows(located.data, header: region.header)
        }
        return region
    }

    // MARK: Amount placement

    func amount(_ token: TextToken, column: String) throws -> Int64 {
        switch Amount.parse(token.text, unit: unit) {
        case .success(let a): return a.fen
        case .failure:
            throw InputError(file: file, line: token.line,
                "表\(template.id) column \(column): \"\(token.text)\" is not a number; expected an amount like 1,234.56")
        }
    }

    /// A column's group: `basic` for `basic.personnel`, `project` for `project`.
    static func group(_ id: String) -> String { String(id.prefix { $0 != "." }) }

    /// The sum rules of the template over the columns of `ids` (indices into it).
    func rules(for ids: [String?]) -> [ColumnPlacer.Rule] {
        let published = Set(ids.compactMap { $0 })
        var rules: [ColumnPlacer.Rule] = []
        for rule in template.sums {
            guard let of = ids.firstIndex(where: { $0 == rule.of }),
                  let addends = template.addends(of: rule.of, published: published) else { continue }
            let idx = addends.compactMap { a in ids.firstIndex(where: { $0 == a }) }
            if !idx.isEmpty { rules.append(ColumnPlacer.Rule(of: of, addends: idx)) }
        }
        return rules
    }

    func rank(_ id: String?) -> Int {
        guard let id else { return 30_000 }
        return template.columns.firstIndex { $0.id == id } ?? 5_000
    }

    mutating func report(_ outcome: ColumnPlacer.Outcome, lines: [Int], total: Int, columns: [String?] = []) {
        guard !outcome.decided.isEmpty else { return }
        for (row, column) in outcome.unsatisfiable {
            let id = column < columns.count ? columns[column] ?? "column \(column + 1)" : "column \(column + 1)"
            diagnostics.append(Diagnostic(.note, line: lines[row], table: template.id,
                "表\(template.id) \(id): the published figure on line \(lines[row]) is not the sum of the rows under it, wherever their vanished cells were; the other sums placed the amounts"))
        }
        let sample = outcome.decided.prefix(6).map { String(lines[$0]) }.joined(separator: ", ")
        diagnostics.append(Diagnostic(.note, line: lines[outcome.decided[0]], table: template.id,
            "\(outcome.decided.count) of \(total) rows print fewer amounts than 表\(template.id) has columns (empty cells vanish from PDF text); their columns were decided by the catalog's column sums and the subtotal tree (lines \(sample)\(outcome.decided.count > 6 ? ", …" : ""))"))
        if outcome.inconsistent {
            diagnostics.append(Diagnostic(.warning, line: lines[outcome.decided[0]], table: template.id,
                "no placement of the amounts satisfies every sum of 表\(template.id); each row's amounts were placed by its own column sums and the catalog's column order"))
        }
        if outcome.tooMany {
            diagnostics.append(Diagnostic(.warning, line: lines[outcome.decided[0]], table: template.id,
                "the sums of 表\(template.id) fit too many placements of the amounts to tell them apart; each row's amounts were placed by its own column sums and the catalog's column order"))
        }
        if !outcome.ambiguous.isEmpty {
            let which = outcome.ambiguous.prefix(6).map { String(lines[$0]) }.joined(separator: ", ")
            diagnostics.append(Diagnostic(.warning, line: lines[outcome.ambiguous[0]], table: template.id,
                "the sums of 表\(template.id) fit more than one placement of the amounts on lines \(which)\(outcome.ambiguous.count > 6 ? ", …" : ""); the catalog's column order decided, the published figures cannot"))
        }
    }

    // MARK: Coded, project and line tables

    /// A logical row of a code-keyed, project or line table.
    struct LogicalRow {
        var line: Int
        /// The row's code (rejoined when broken over lines) or 合计 label.
        var code: TextToken?
        var isTotal = false
        var tokens: [TextToken] = []
    }

    /// Cuts data lines into logical rows.
    ///
    /// - Parameter counts: how many columns before the first amount column
    ///   print numbers that are not amounts (数量): a row holding no more
    ///   numbers than that has not reached its amounts yet.
    func logicalRows(_ lines: [TextLine], counts: Int = 0) -> [LogicalRow] {
        let meaningful = lines.filter { !$0.isBlank }
        // Rows start at codes when the table prints them; otherwise a row
        // ends with the amounts that close it (江岸 表十).
        let codeLed = meaningful.dropFirst().contains { startCode($0) != nil || $0.indentOnly }
        var rows: [LogicalRow] = []
        var i = 0
        var closed = true
        while i < meaningful.count {
            let line = meaningful[i]
            defer { i += 1 }
            if line.indentOnly {
                rows.append(LogicalRow(line: line.number))
                closed = false
                continue
            }
            var tokens = line.tokens
            guard let first = tokens.first else { continue }
            if TextTableLocator.isTotalLabel(first.text) {
                rows.append(LogicalRow(line: line.number, code: first, isTotal: true, tokens: Array(tokens.dropFirst())))
                closed = tokens.last?.isNumber == true
                continue
            }
            if codeLed, var code = startCode(line) {
                tokens.removeFirst()
                // A code broken over two lines: `2060` / `102`.
                if tokens.isEmpty, i + 1 < meaningful.count, let next = meaningful[i + 1].tokens.first,
                   meaningful[i + 1].tokens.count == 1, next.text.allSatisfy(\.isASCIIDigitCharacter),
                   [5, 7].contains(code.text.count + next.text.count), code.text.count >= 3 {
                    code.text += next.text
                    i += 1
                }
                if let last = rows.last, last.code == nil, last.tokens.isEmpty, !last.isTotal, !closed {
                    // The code of a row opened by an indent-only line.
                    rows[rows.count - 1].code = code
                    rows[rows.count - 1].tokens = tokens
                } else {
                    rows.append(LogicalRow(line: line.number, code: code, tokens: tokens))
                }
                closed = template.rows == .projects && tokens.last?.isNumber == true
                continue
            }
            // A project without a code (keyed by its name) starts a row of
            // its own once the row before has closed with its amounts.
            let namedRowStarts = codeLed && closed && template.rows == .projects && first.isNumber == false
            if rows.isEmpty || (!codeLed && closed) || namedRowStarts {
                rows.append(LogicalRow(line: line.number, tokens: tokens))
            } else {
                rows[rows.count - 1].tokens += tokens
            }
            closed = tokens.last?.isNumber == true || Self.closesAfterText(line: tokens, row: rows[rows.count - 1].tokens, counts: counts)
        }
        return rows
    }

    /// Whether a line ends a row whose text columns follow its amounts
    /// (项目名称 3.98 3.98 2060102 一般行政管理事务 机构运转): the text after
    /// the amounts is printed on their line, so the row ends with that line
    /// once it holds more numbers than the counts (数量) printed before the
    /// amounts. A line like `复印纸 1 批` holds only a count; its row goes on.
    static func closesAfterText(line: [TextToken], row: [TextToken], counts: Int) -> Bool {
        guard let lastNumber = line.lastIndex(where: \.isNumber), lastNumber < line.count - 1 else { return false }
        return row.count(where: \.isNumber) > counts
    }

    /// The code starting `line`, if it starts a row: a code with its name
    /// after it, a code alone on its line, or a code whose amounts come
    /// before its text (a sum row of a line table whose 项目 is empty:
    /// `05 677,860.00 经济建设科 11`). A line of amounts alone (`11 677860`)
    /// continues a row.
    func startCode(_ line: TextLine) -> TextToken? {
        guard let first = line.tokens.first else { return nil }
        if TextToken.isProjectCode(first.text) { return first }
        guard TextToken.isCode(first.text) else { return nil }
        if line.tokens.count > 1 {
            return !line.tokens[1].isNumber || line.tokens.dropFirst(2).contains { !$0.isNumber } ? first : nil
        }
        return first
    }

    enum ColumnKind { case code, text, number }

    /// `0`, `-0`: a zero printed without decimals (江岸 prints empty amounts so).
    static func isWholeZero(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0 == "0" || $0 == "-" || $0 == "−" } && text.contains("0")
    }

    mutating func codedRows(_ lines: [TextLine], header: [GridRow]) throws -> [GridRow] {
        var probe = TableReader(template: template, unit: unit, file: file)
        probe.unitHeader = true
        let map = probe.mapHeader(header, line: header.first?.line ?? 0)
        let width = HeaderGrid(rows: header).width
        // The kind of every column.
        var kinds = [ColumnKind](repeating: .text, count: width)
        var ids = [String?](repeating: nil, count: width)
        let grid = HeaderGrid(rows: header)
        for i in 0..<width {
            if i == map.code { kinds[i] = .code; continue }
            if i == map.name { kinds[i] = .text; continue }
            if let id = map.columns[i] {
                ids[i] = id
                if template.column(id)?.isText == true {
                    let h = HeaderText.normalize(grid.paths[i].joined())
                    kinds[i] = (id == "quantity" || h.contains("数量")) ? .number : .text
                } else {
                    kinds[i] = .number
                }
            }
        }
        // Unknown columns among the amounts hold amounts; a text column
        // between amount columns is printed as a number too (青山 计量单位 `0`),
        // unless the rows print text there (`choosePrintedKinds`).
        let amountIdx = (0..<width).filter { map.columns[$0] != nil && kinds[$0] == .number && template.column(map.columns[$0]!)?.isText != true }
        var amongAmounts: [Int] = []
        if let firstAmount = amountIdx.first, let lastAmount = amountIdx.last {
            for i in 0..<width where map.columns[i] == nil && i != map.code && i != map.name && i > firstAmount && i < lastAmount {
                kinds[i] = .number
            }
            for i in 0..<width where kinds[i] == .text && i > firstAmount && i < lastAmount && i != map.name {
                kinds[i] = .number
                amongAmounts.append(i)
            }
        }
        // The code of a 江岸 项目支出 row is its 功能科目 (a text column); rows are keyed by name.
        unitKeyed = grid.paths.contains { p in
            let j = HeaderText.normalize(p.joined())
            return j.contains("单位") && (j.contains("代码") || j.contains("编码"))
        }
        let codeColumn = map.code ?? (kinds.indices.first { kinds[$0] == .text && HeaderText.normalize(grid.paths[$0].joined()).contains("编码") })
        let counts = amountIdx.first.map { first in (0..<first).count { kinds[$0] == .number } } ?? 0
        let logical = logicalRows(lines, counts: counts)
        let rowKinds = logical.map(rowKind)
        kinds = choosePrintedKinds(kinds, among: amongAmounts, rows: logical, rowKinds: rowKinds, codeColumn: codeColumn, nameColumn: map.name,
                                   ids: ids, headers: grid.paths.map { $0.joined() })
        let numberColumns = kinds.indices.filter { kinds[$0] == .number }
        let runs = Self.columnRuns(kinds, codeColumn: codeColumn)

        var cells = [[String]](repeating: [String](repeating: "", count: width), count: logical.count)
        var cellLines = [[Int]](repeating: [Int](repeating: 0, count: width), count: logical.count)
        var placerRows: [ColumnPlacer.Row] = []
        var allowed: [[Int]] = []
        var numberTokens: [[TextToken]] = []
        var perValues: [[Set<Int>]] = []
        var provisional: [Row] = []

        for (r, row) in logical.enumerated() {
            if let code = row.code {
                let target = row.isTotal ? (map.code ?? map.name ?? codeColumn ?? 0) : (codeColumn ?? map.name ?? 0)
                cells[r][target] = code.text
                cellLines[r][target] = code.line
            }
            let kind = rowKinds[r]
            let match = match(row, kind: kind, runs: runs, nameColumn: map.name)
            for (c, part) in match.texts {
                cells[r][c] = part.map(\.text).joined()
                cellLines[r][c] = part.first?.line ?? 0
            }
            let rowNumbers = match.numbers
            var rowAllowed = match.allowed
            var perValue = match.perValue
            let overflowText = match.overflowText
            if !overflowText.isEmpty, let nameColumn = map.name ?? kinds.firstIndex(of: .text) {
                cells[r][nameColumn] += overflowText.map(\.text).joined()
                diagnostics.append(Diagnostic(.warning, line: overflowText[0].line, table: template.id,
                    "text \"\(overflowText.map(\.text).joined())\" has no column left in its row; appended to the name"))
            }
            if rowAllowed.isEmpty { rowAllowed = numberColumns }
            if perValue.count != rowNumbers.count { perValue = Array(repeating: Set(rowAllowed), count: rowNumbers.count) }
            numberTokens.append(rowNumbers)
            allowed.append(rowAllowed)
            perValues.append(perValue)
            let code = row.isTotal ? nil : row.code?.text
            let level = code.flatMap { Row.level(ofCode: $0) }
            provisional.append(Row(key: "\(r)", kind: kind, code: kind == .line || (kind == .project && codeColumn != map.code) ? nil : code,
                                   level: kind == .classification ? level : nil, name: "", line: row.line))
        }

        // Place the numbers of all rows together (the subtotal tree links them).
        let tree = RowTree(rows: provisional)
        let placerColumns = placerColumns(kinds, ids: ids)
        let placer = ColumnPlacer(columns: placerColumns, rules: rules(for: ids), half: unit.halfLastDigit.fen)
        // A count (数量) or a code is printed as a whole number. Where the
        // amounts print decimals (the 合计 row's do), a whole number other
        // than 0 goes to a column for one when its row has one, and a figure
        // with decimals to an amount column: `1 0.50 0.50` is 数量 1 and 0.50
        // twice, though 1 = 0.50 + 0.50 fits the sums as well.
        let countColumns = Set(kinds.indices.filter { kinds[$0] == .number && !placerColumns[$0].isAmount })
        let totalNumbers = logical.first(where: \.isTotal)?.tokens.filter(\.isNumber) ?? []
        let decimals = totalNumbers.contains { $0.text.contains(".") }
            && totalNumbers.allSatisfy { $0.text.contains(".") || Self.isWholeZero($0.text) }
        for (r, tokens) in numberTokens.enumerated() {
            var values: [Int64] = []
            for t in tokens { values.append(try amount(t, column: "amount")) }
            var perValue = perValues[r]
            if decimals, !countColumns.isEmpty, perValue.count == tokens.count {
                for (k, t) in tokens.enumerated() {
                    let narrowed = t.text.contains(".") ? perValue[k].subtracting(countColumns)
                        : Self.isWholeZero(t.text) ? perValue[k] : perValue[k].intersection(countColumns)
                    if !narrowed.isEmpty { perValue[k] = narrowed }
                }
            }
            var row = ColumnPlacer.Row(values: values, parent: tree.parent[r], allowed: allowed[r], allowedPerValue: perValue)
            if !evidence.isEmpty, let code = provisional[r].code, let groups = evidence[code] {
                row.hint = Set(ids.indices.filter { c in ids[c].map { groups.contains(Self.group($0)) } ?? false })
            }
            placerRows.append(row)
        }
        let outcome = placer.place(placerRows, tree: template.tree)
        if template.id == 5 {
            for (r, row) in placerRows.enumerated() {
                guard let code = provisional[r].code else { continue }
                for (v, c) in zip(row.values, outcome.placement[r]) where v != 0 && c < ids.count {
                    if let id = ids[c] { placed[code, default: []].insert(Self.group(id)) }
                }
            }
        }
        report(outcome, lines: logical.map(\.line), total: logical.count, columns: ids)

        var result: [GridRow] = []
        for (r, row) in logical.enumerated() {
            var rowCells = cells[r], rowLines = cellLines[r]
            for (t, c) in zip(numberTokens[r], outcome.placement[r]) {
                if c < width {
                    rowCells[c] = t.text
                    rowLines[c] = t.line
                } else {
                    rowCells.append(t.text)
                    rowLines.append(t.line)
                }
            }
            if outcome.placement[r].count < numberTokens[r].count {
                for t in numberTokens[r].dropFirst(outcome.placement[r].count) { rowCells.append(t.text); rowLines.append(t.line) }
            }
            if numberTokens[r].count > allowed[r].count {
                diagnostics.append(Diagnostic(.warning, line: row.line, table: template.id,
                    "row prints \(numberTokens[r].count) amounts for \(allowed[r].count) columns; the extra ones are kept in unlabeled columns"))
            }
            result.append(GridRow(line: row.line, cells: rowCells, cellLines: rowLines))
        }
        return result
    }

    /// Maximal runs of text or number columns, the code column excluded.
    struct ColumnRun { var kind: ColumnKind; var columns: [Int] }

    static func columnRuns(_ kinds: [ColumnKind], codeColumn: Int?) -> [ColumnRun] {
        var runs: [ColumnRun] = []
        for i in kinds.indices where i != codeColumn {
            let k: ColumnKind = kinds[i] == .number ? .number : .text
            if let last = runs.last, last.kind == k { runs[runs.count - 1].columns.append(i) }
            else { runs.append(ColumnRun(kind: k, columns: [i])) }
        }
        return runs
    }

    /// Where the tokens of a logical row go: text runs to text columns,
    /// number runs to the number columns they may take, in order.
    struct RowMatch {
        var texts: [(column: Int, tokens: [TextToken])] = []
        var numbers: [TextToken] = []
        var allowed: [Int] = []
        var perValue: [Set<Int>] = []
        var overflowText: [TextToken] = []
        /// Tokens the columns could not take as printed: text or numbers
        /// with no column left, and cells printed apart on one line that
        /// had to share a column.
        var misfits = 0
    }

    func match(_ row: LogicalRow, kind: RowKind, runs: [ColumnRun], nameColumn: Int?) -> RowMatch {
        // Token runs.
        var tokenRuns: [(kind: ColumnKind, tokens: [TextToken])] = []
        for t in row.tokens {
            let k: ColumnKind = t.isNumber ? .number : .text
            if let last = tokenRuns.last, last.kind == k { tokenRuns[tokenRuns.count - 1].tokens.append(t) }
            else { tokenRuns.append((k, [t])) }
        }
        let summary = kind != .line && kind != .project
        var result = RowMatch()
        var position = 0
        for (ti, run) in tokenRuns.enumerated() {
            guard let j = runs[position...].firstIndex(where: { $0.kind == run.kind }) else {
                if run.kind == .number { result.numbers += run.tokens } else { result.overflowText += run.tokens }
                result.misfits += run.tokens.count
                continue
            }
            if run.kind == .number {
                var span = [j]
                var capacity = runs[j].columns.count
                var next = j + 1
                while capacity < run.tokens.count, let k = runs[next...].firstIndex(where: { $0.kind == .number }) {
                    span.append(k); capacity += runs[k].columns.count; next = k + 1
                }
                let spanned = span.flatMap { runs[$0].columns }
                result.allowed += spanned
                result.numbers += run.tokens
                result.perValue += Array(repeating: Set(spanned), count: run.tokens.count)
                result.misfits += max(0, run.tokens.count - capacity)
                position = (span.last ?? j) + 1
            } else {
                let isLastRun = ti == tokenRuns.count - 1
                var target = runs[j].columns
                if summary && j == runs.firstIndex(where: { $0.kind == .text }) {
                    // A summary row (合计, 部门, 科室) prints only its name; a
                    // sum row of a line table names itself in a text column,
                    // not in the 项目 of its lines.
                    let named = template.rows == .lines ? target.first { $0 != nameColumn } : nil
                    target = [named ?? target[0]]
                }
                // Text printed on the line of the amounts that follow is a
                // cell of its own, never the end of a wrapped one.
                var starts = Set<Int>()
                if ti + 1 < tokenRuns.count, let numberLine = tokenRuns[ti + 1].tokens.first?.line,
                   let k = run.tokens.firstIndex(where: { $0.line == numberLine }) {
                    starts.insert(k)
                }
                let apart = 1 + (1..<run.tokens.count).count { run.tokens[$0].line == run.tokens[$0 - 1].line }
                result.misfits += max(0, apart - target.count)
                let parts = TextCells.partition(run.tokens, cells: target.count, exact: !summary && !isLastRun, starts: starts)
                for (c, part) in zip(target, parts) { result.texts.append((c, part)) }
                position = j + 1
            }
        }
        return result
    }

    /// Text columns between amount columns are taken to print numbers (青山
    /// prints 计量单位 as `0`). When the rows do not fit that (their text
    /// columns follow the amounts, or a 功能科目编码 among them prints a
    /// code), each such column is read as text or number as the rows show:
    /// the choice that leaves fewest tokens without a column, then (where
    /// position cannot tell a code from an amount) the one under which most
    /// rows' amounts satisfy the catalog's column sums, then the one closest
    /// to the default. A diagnostic says which columns were read as text.
    ///
    /// A table lays all its rows out alike, so the first
    /// `printedKindSample` rows decide: the search reads them once per
    /// choice, up to 2^10 choices.
    mutating func choosePrintedKinds(_ kinds: [ColumnKind], among: [Int], rows allRows: [LogicalRow], rowKinds: [RowKind],
                                     codeColumn: Int?, nameColumn: Int?, ids: [String?], headers: [String]) -> [ColumnKind] {
        guard !among.isEmpty, among.count <= 10 else { return kinds }
        let rows = allRows.prefix(Self.printedKindSample)
        let rules = rules(for: ids)
        func matches(_ kinds: [ColumnKind], bound: Int) -> (misfits: Int, matches: [RowMatch]) {
            let runs = Self.columnRuns(kinds, codeColumn: codeColumn)
            var total = 0
            var result: [RowMatch] = []
            for (r, row) in rows.enumerated() {
                let m = match(row, kind: rowKinds[r], runs: runs, nameColumn: nameColumn)
                total += m.misfits
                result.append(m)
                if total > bound { break }
            }
            return (total, result)
        }
        /// Rows whose amounts no placement fits to the column sums.
        func unsummed(_ kinds: [ColumnKind], _ matches: [RowMatch]) -> Int {
            let placer = ColumnPlacer(columns: placerColumns(kinds, ids: ids), rules: rules, half: unit.halfLastDigit.fen)
            var count = 0
            for m in matches where !m.numbers.isEmpty {
                var values: [Int64] = []
                for t in m.numbers {
                    guard case .success(let a) = Amount.parse(t.text, unit: unit) else { break }
                    values.append(a.fen)
                }
                guard values.count == m.numbers.count, m.perValue.count == values.count else { count += 1; continue }
                let fitting = placer.candidates(values, allowed: m.allowed).contains { p in
                    zip(p, m.perValue).allSatisfy { $1.contains($0) } && placer.fits(p, values)
                }
                if !fitting { count += 1 }
            }
            return count
        }
        let base = matches(kinds, bound: .max)
        guard base.misfits > 0 else { return kinds }
        var best = (misfits: base.misfits, unsummed: unsummed(kinds, base.matches), flips: 0, kinds: kinds)
        for mask in 1..<(1 << among.count) {
            var candidate = kinds
            for (b, i) in among.enumerated() where mask & (1 << b) != 0 { candidate[i] = .text }
            let found = matches(candidate, bound: best.misfits)
            guard found.misfits <= best.misfits else { continue }
            let score = (found.misfits, unsummed(candidate, found.matches), mask.nonzeroBitCount)
            if score < (best.misfits, best.unsummed, best.flips) { best = (score.0, score.1, score.2, candidate) }
        }
        let texts = among.filter { best.kinds[$0] == .text }
        if !texts.isEmpty {
            let names = texts.map { "\"\(HeaderText.normalize(headers[$0]))\"" }.joined(separator: ", ")
            diagnostics.append(Diagnostic(.note, line: rows.first?.line, table: template.id,
                "表\(template.id) prints text in \(names) among its amounts, where a PDF table may print numbers; read as text, the rows' tokens fit their columns\(best.unsummed == 0 ? " and their amounts the column sums" : "")"))
        }
        return best.kinds
    }

    static let printedKindSample = 200

    /// The columns as `ColumnPlacer` sees them.
    func placerColumns(_ kinds: [ColumnKind], ids: [String?]) -> [ColumnPlacer.Column] {
        kinds.indices.map { i in
            // A text column printed as a number (数量) takes amounts last and is in no sum.
            let isText = ids[i].map { template.column($0)?.isText == true } ?? false
            return ColumnPlacer.Column(rank: rank(ids[i]) + (isText ? 20_000 : 0),
                                       isAmount: kinds[i] == .number && ids[i] != nil && !isText)
        }
    }

    /// Whether 表2 is keyed by 部门（单位）代码 rather than 功能 codes.
    var unitKeyed = false

    /// What a logical row is, from its code.
    func rowKind(_ row: LogicalRow) -> RowKind {
        if row.isTotal { return .total }
        guard let code = row.code?.text else { return template.rows == .projects ? .project : .line }
        switch template.rows {
        case .projects:
            if TextToken.isProjectCode(code) { return .project }
            if !code.allSatisfy(\.isASCIIDigitCharacter) { return .project }
            switch code.count {
            case ...2: return .category
            case 3...6: return .unit
            default: return .project
            }
        case .lines:
            return code.count <= 3 ? (code.count <= 2 ? .category : .unit) : .line
        case .unitOrFunction:
            return unitKeyed ? .unit : .classification
        default:
            return .classification
        }
    }

    // MARK: Panels (表1, 表4)

    struct Label {
        var text: String
        var tokens: [TextToken]
        var numbers: [TextToken] = []
        var open: Bool
    }

    static let labelMarker = #"^([一二三四五六七八九十廿]+、|[(（][一二三四五六七八九十廿0-9]+[)）]|[0-9]+[、.．]|[0-9]{3}\s|其中)"#
    /// A numbering alone: `(一)`, `（十二）`, `一、`, `1.`.
    static let numberingOnly = #"^([(（][一二三四五六七八九十廿0-9]+[)）]|[一二三四五六七八九十廿]+[、.．]|[0-9]+[、.．])$"#
    static let totalWords = ["本年收入", "本年支出", "收入总计", "支出总计", "合计", "总计", "结转下年", "上年结转", "年终结转"]

    /// Whether a label is complete as printed (a known item or class name),
    /// so that the next line starts a new label rather than continuing it.
    func isComplete(_ label: String) -> Bool {
        var name = PanelReader.stripNumbering(label)
        if let split = TableReader.splitCode(name) { name = split.name }
        let n = HeaderText.normalize(name)
        let items = catalog.items
        let names = (items.income + items.expenditure + items.threePublic).map { HeaderText.normalize($0.name) }
        if names.contains(n) { return true }
        if items.functionClassCode(named: n) != nil { return true }
        return ["本年收入合计", "本年支出合计", "收入总计", "支出总计", "合计", "总计"].contains(n)
    }

    /// Labels and the amounts after each, in reading order.
    func labels(_ lines: [TextLine]) -> [Label] {
        var result: [Label] = []
        var previousWasNumber = true
        for line in lines where !line.isBlank {
            var tokens = line.tokens
            // `201 一般公共服务支出`: a class code and its name are one label.
            var i = 0
            while i + 1 < tokens.count {
                if tokens[i].text.count == 3, tokens[i].text.allSatisfy(\.isASCIIDigitCharacter), !tokens[i + 1].isNumber {
                    tokens[i].text += " " + tokens[i + 1].text
                    tokens[i].isLast = tokens[i + 1].isLast
                    tokens.remove(at: i + 1)
                }
                i += 1
            }
            // `(一) 一般公共预算拨款`: a numbering printed apart from its label is part of it.
            i = 0
            while i + 1 < tokens.count {
                if tokens[i].text.range(ofPattern: Self.numberingOnly) != nil, !tokens[i + 1].isNumber {
                    tokens[i].text += " " + tokens[i + 1].text
                    tokens[i].isLast = tokens[i + 1].isLast
                    tokens.remove(at: i + 1)
                }
                i += 1
            }
            for t in tokens {
                if t.isNumber {
                    if result.isEmpty { result.append(Label(text: "", tokens: [], open: false)) }
                    result[result.count - 1].numbers.append(t)
                    result[result.count - 1].open = false
                    previousWasNumber = true
                    continue
                }
                let marker = t.text.range(ofPattern: Self.labelMarker) != nil
                    || Self.totalWords.contains { HeaderText.normalize(t.text).hasPrefix($0) }
                if !previousWasNumber, t.index == 0, let last = result.last, last.open, !marker,
                   last.tokens.last?.isLast == true, !isComplete(last.text) {
                    result[result.count - 1].text += t.text
                    result[result.count - 1].tokens.append(t)
                } else {
                    result.append(Label(text: t.text, tokens: [t], open: true))
                }
                previousWasNumber = false
            }
        }
        return result
    }

    func panelKinds(_ label: String, panels: [PanelReader.Panel]) -> [Int] {
        var name = PanelReader.stripNumbering(label)
        var code: String?
        if let split = TableReader.splitCode(name) { name = split.name; code = split.code }
        let items = catalog.items
        func indices(_ kinds: [PanelReader.PanelKind]) -> [Int] {
            panels.indices.filter { kinds.contains(panels[$0].kind) }
        }
        if let code {
            return code.hasPrefix("3") ? indices([.economic, .function]) : indices([.function])
        }
        if items.functionClassCode(named: name) != nil { return indices([.function]) }
        if items.incomeItem(name) != nil { return indices([.income]) }
        if let item = items.expenditureItem(name) {
            return ["current_total", "total", "carry_forward"].contains(item.id) ? indices([.function, .economic])
                : indices([.economic, .function])
        }
        return Array(panels.indices)
    }

    /// Whether a panel label is its panel's grand total (收入总计, 支出总计),
    /// the last row a panel prints.
    func isGrandTotal(_ label: String) -> Bool {
        let name = PanelReader.stripNumbering(label)
        return catalog.items.incomeItem(name)?.id == "income.total" || catalog.items.expenditureItem(name)?.id == "total"
    }

    mutating func panelRows(_ lines: [TextLine], header: [GridRow]) throws -> [GridRow] {
        let reader = PanelReader(template: template, items: catalog.items, base: TableReader(template: template, unit: unit, file: file))
        let panels = reader.panels(header)
        let width = HeaderGrid(rows: header).width
        var rows: [(cells: [String], lines: [Int], line: Int)] = []
        var lastPanel = Int.max
        var placements: [(row: Int, panel: Int, numbers: [TextToken])] = []
        // Panels that printed their grand total (收入总计, 支出总计): a panel
        // shorter than its neighbour ends there, and the 本年支出合计 printed
        // below it is the longer panel's.
        var ended = Set<Int>()
        for label in labels(lines) {
            let kinds = label.text.isEmpty ? [0] : panelKinds(label.text, panels: panels)
            let open = kinds.filter { !ended.contains($0) }
            let candidates = open.isEmpty ? kinds : open
            var panel = candidates.first { $0 > lastPanel }
            if panel == nil || rows.isEmpty {
                panel = candidates.first ?? 0
                rows.append((Array(repeating: "", count: width), Array(repeating: 0, count: width), label.tokens.first?.line ?? label.numbers.first?.line ?? 0))
            }
            let p = panel!
            lastPanel = p
            if isGrandTotal(label.text) { ended.insert(p) }
            let r = rows.count - 1
            rows[r].cells[panels[p].label] = label.text
            rows[r].lines[panels[p].label] = label.tokens.first?.line ?? 0
            if !label.numbers.isEmpty { placements.append((r, p, label.numbers)) }
        }
        // Amounts within a panel: 合计 / 一般公共预算 / 政府性基金预算 by the column sums.
        var combined = ColumnPlacer.Outcome(placement: [])
        var combinedLines: [Int] = []
        for (r, p, numbers) in placements {
            let ids = panels[p].columns.map { Optional($0.id) }
            let placer = ColumnPlacer(columns: ids.map { ColumnPlacer.Column(rank: rank($0), isAmount: true) },
                                      rules: rules(for: ids), half: unit.halfLastDigit.fen)
            var values: [Int64] = []
            for t in numbers { values.append(try amount(t, column: ids.first.flatMap { $0 } ?? "amount")) }
            let outcome = placer.place([ColumnPlacer.Row(values: values, parent: nil)], tree: false)
            if !outcome.decided.isEmpty { combined.decided.append(combinedLines.count) }
            combinedLines.append(numbers[0].line)
            for (t, c) in zip(numbers, outcome.placement[0]) {
                if c < panels[p].columns.count {
                    let index = panels[p].columns[c].index
                    rows[r].cells[index] = t.text
                    rows[r].lines[index] = t.line
                } else {
                    rows[r].cells.append(t.text)
                    rows[r].lines.append(t.line)
                    diagnostics.append(Diagnostic(.warning, line: t.line, table: template.id,
                        "\"\(t.text)\" is one amount more than its panel has columns"))
                }
            }
        }
        report(combined, lines: combinedLines, total: combinedLines.count)
        return rows.map { GridRow(line: $0.line, cells: $0.cells, cellLines: $0.lines) }
    }

    // MARK: 表7

    mutating func threePublicRows(_ lines: [TextLine], columns: [HeaderReconstruction.Column]) throws -> [GridRow] {
        let itemColumns = columns.filter { classify($0.path)?.hasPrefix("item:") == true }
        if itemColumns.count >= 3 {
            // The whole table as one row of columns (青山): amounts in header order.
            let numbers = lines.flatMap(\.tokens).filter(\.isNumber)
            guard let first = numbers.first else { return [] }
            if numbers.count != columns.count {
                diagnostics.append(Diagnostic(.warning, line: first.line, table: template.id,
                    "\(numbers.count) amounts for \(columns.count) items; read in order"))
            }
            return [GridRow(line: first.line, cells: numbers.map(\.text), cellLines: numbers.map(\.line))]
        }
        let width = columns.count
        let amountIndex = columns.indices.first { classify(columns[$0].path) == "amount" } ?? min(1, width - 1)
        return labels(lines).filter { !$0.text.isEmpty || !$0.numbers.isEmpty }.map { label in
            var cells = [String](repeating: "", count: max(width, 2))
            var cellLines = [Int](repeating: 0, count: cells.count)
            cells[0] = label.text
            cellLines[0] = label.tokens.first?.line ?? 0
            for (k, t) in label.numbers.enumerated() {
                let c = amountIndex + k
                if c < cells.count { cells[c] = t.text; cellLines[c] = t.line } else { cells.append(t.text); cellLines.append(t.line) }
            }
            return GridRow(line: label.tokens.first?.line ?? label.numbers.first?.line ?? 0, cells: cells, cellLines: cellLines)
        }
    }
}

/// Splits the text fragments of a row into cells.
///
/// Fragments printed on one line are separate cells. A cell wrapped over
/// lines has full lines of one width and a last line no wider; so among the
/// ways to cut the fragments into cells, the one with the fewest breaches of
/// that rule wins, then the one whose cells have the most even line counts.
enum TextCells {
    /// `cells` groups of `tokens` (fewer when there are fewer tokens); with
    /// `exact` false, fewer cells are allowed and preferred when they fit.
    static func partition(_ tokens: [TextToken], cells: Int, exact: Bool, starts: Set<Int> = []) -> [[TextToken]] {
        let m = tokens.count
        guard m > 0, cells > 0 else { return [] }
        if cells == 1 { return [tokens] }
        // hard[i]: a cell starts at token i. Only a cell printed alone on its
        // lines wraps: a token sharing its line with another is a cell of its own.
        func alone(_ t: TextToken) -> Bool { t.index == 0 && t.isLast }
        let hard = (0..<m).map { i in
            i > 0 && (tokens[i].line == tokens[i - 1].line || starts.contains(i) || !alone(tokens[i]) || !alone(tokens[i - 1]))
        }
        func violations(_ a: Int, _ b: Int) -> Int {
            // tokens[a..<b] as one cell
            if (a + 1..<b).contains(where: { hard[$0] }) { return 1_000 }
            let w0 = tokens[a].width
            var v = 0
            if b - a > 1 {
                for i in (a + 1)..<(b - 1) where abs(tokens[i].width - w0) > 1.01 { v += 1 }
                if tokens[b - 1].width > w0 + 0.51 { v += 1 }
            }
            return v
        }
        let maxCells = min(cells, m)
        // best[c][b]: (cost, balance) cutting tokens[0..<b] into c cells.
        typealias Cost = (v: Int, balance: Int)
        var best = [[Cost?]](repeating: [Cost?](repeating: nil, count: m + 1), count: maxCells + 1)
        var from = [[Int]](repeating: [Int](repeating: -1, count: m + 1), count: maxCells + 1)
        best[0][0] = (0, 0)
        for c in 1...maxCells {
            for b in c...m {
                for a in (c - 1)..<b {
                    guard let prev = best[c - 1][a] else { continue }
                    let v = violations(a, b)
                    guard v < 1_000 else { continue }
                    let cand: Cost = (prev.v + v, prev.balance + (b - a) * (b - a))
                    if let cur = best[c][b], (cur.v, cur.balance) <= (cand.v, cand.balance) { continue }
                    best[c][b] = cand
                    from[c][b] = a
                }
            }
        }
        var chosen: Int?
        if exact { chosen = best[maxCells][m] != nil ? maxCells : nil }
        if chosen == nil {
            // Fewest cells whose breaches are fewest.
            var bestCost = Int.max
            for c in 1...maxCells {
                guard let cost = best[c][m] else { continue }
                let total = cost.v * 10 + c
                if total < bestCost { bestCost = total; chosen = c }
            }
        }
        guard var c = chosen else {
            // Only when hard cuts outnumber the cells: one token per cell, the rest in the last.
            var parts = tokens.prefix(cells - 1).map { [$0] }
            parts.append(Array(tokens.dropFirst(cells - 1)))
            return parts
        }
        var parts: [[TextToken]] = []
        var b = m
        while c > 0 {
            let a = from[c][b]
            parts.append(Array(tokens[a..<b]))
            b = a
            c -= 1
        }
        return parts.reversed()
    }
}

/// Answers of `classify` for one header: the beam search of
/// HeaderReconstruction asks about the same paths many times over.
final class ClassifyMemo {
    var results: [[String]: String?] = [:]
    /// The catalog's column for a joined header text (it depends on nothing else).
    var columns: [String: String?] = [:]
}
