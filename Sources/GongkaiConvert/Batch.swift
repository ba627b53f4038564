import Foundation
import GongkaiModel
import GongkaiParse
import GongkaiXLSX

/// Converts a folder of documents in parallel; one failing document never
/// stops the others.
public enum Batch {
    /// One document's outcome.
    public struct Outcome: Sendable {
        public var input: URL
        /// The narrative-only PDF read with `input` as one document, if any.
        public var companion: URL?
        /// The workbook written, or nil when the document failed.
        public var output: URL?
        public var district: String?
        public var department: String?
        public var year: Int?
        /// 表3 合计: total, basic, project (元), when disclosed.
        public var total: Amount?
        public var basic: Amount?
        public var project: Amount?
        /// Findings to look at: from `check` when asked, else the subtotals
        /// whose published figure differs from their items.
        public var findings: Int
        public var failure: String?
        /// For a narrative-only PDF read with its tables: that PDF.
        public var pairedWith: URL?
    }

    /// The inputs under `directory`: disclosure PDFs and texts, model JSON and
    /// workbooks, in a stable order.
    public static func inputs(under directory: URL) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(file: directory.path, "is not a folder; expected a folder of documents")
        }
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else {
            throw InputError(file: directory.path, "cannot be read as a folder")
        }
        var found: [URL] = []
        for case let url as URL in walker where ["pdf", "txt", "json", "xlsx"].contains(url.pathExtension.lowercased()) {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { found.append(url) }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// Converts `inputs` into `outputDirectory` with `jobs` workers.
    ///
    /// - Parameters:
    ///   - check: count each document's discrepancies found by `gongkai
    ///     check`; otherwise count the subtotals whose published figure
    ///     differs from their items. (Every workbook's 校验 sheet lists the
    ///     checker's findings either way.)
    ///   - progress: called after each document with (done, total), from any thread.
    /// - Returns: one outcome per input, in input order.
    public static func run(_ inputs: [URL], into outputDirectory: URL, jobs: Int, unit: SourceUnit = .wanYuan,
                           check: Bool = false,
                           progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) -> [Outcome] {
        let state = BatchState(count: inputs.count)
        let workers = max(1, min(jobs, inputs.count))
        // Resolved once: every workbook is guarded against every input.
        let protected = ProtectedFiles(inputs)
        let companions = pairHalves(inputs)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = state.next() {
                let outcome: Outcome
                if let tables = companions.narrativeOf.first(where: { $0.value == inputs[i] })?.key {
                    // Read with its tables: no workbook of its own.
                    outcome = Outcome(input: inputs[i], findings: 0, pairedWith: tables)
                } else {
                    outcome = convert(inputs[i], into: outputDirectory, unit: unit, check: check, names: state, inputs: protected,
                                      companion: companions.narrativeOf[inputs[i]])
                }
                let done = state.finish(i, outcome)
                progress(done, inputs.count)
            }
        }
        return state.outcomes.map { $0! }
    }

    /// The two halves of one body and year published as two PDFs (江苏
    /// 省委办公厅, 政协): each narrative-only PDF and the PDF of tables with the
    /// same department and year, when exactly one has them.
    ///
    /// - Returns: the narrative PDF of each tables PDF that has one.
    static func pairHalves(_ inputs: [URL]) -> (narrativeOf: [URL: URL], Void) {
        let pdfs = inputs.filter { $0.pathExtension.lowercased() == "pdf" }
        guard pdfs.count > 1 else { return ([:], ()) }
        let docs = pdfs.map { (url: $0, doc: try? DocumentLoader.load($0)) }
        func isNarrativeOnly(_ d: Document) -> Bool {
            d.tables.allSatisfy { $0.status == .absent } && d.extras.isEmpty && !d.narrative.isEmpty
        }
        var pairs: [URL: URL] = [:]
        for n in docs {
            guard let nd = n.doc, isNarrativeOnly(nd), let dept = nd.department, let year = nd.year else { continue }
            var matches = docs.filter { t in
                guard let td = t.doc, !isNarrativeOnly(td), td.year == year, let tdept = td.department else { return false }
                return tdept == dept || tdept.hasSuffix(dept) || dept.hasSuffix(tdept)
            }
            // A body may name itself two ways (中国共产党江苏省委员会办公厅, 江苏省委办公厅):
            // then the file names tell, where they share most of their length.
            if matches.isEmpty {
                let name = Array(n.url.deletingPathExtension().lastPathComponent)
                matches = docs.filter { t in
                    guard let td = t.doc, !isNarrativeOnly(td), td.year == year else { return false }
                    let other = Array(t.url.deletingPathExtension().lastPathComponent)
                    let common = zip(name, other).prefix { $0 == $1 }.count
                    return Double(common) >= Double(min(name.count, other.count)) * 0.6
                }
            }
            if matches.count == 1, pairs[matches[0].url] == nil { pairs[matches[0].url] = n.url }
        }
        return (pairs, ())
    }

    static func convert(_ input: URL, into directory: URL, unit: SourceUnit, check: Bool,
                        names: BatchState, inputs: ProtectedFiles, companion: URL? = nil) -> Outcome {
        var outcome = Outcome(input: input, companion: companion, findings: 0)
        do {
            var doc = try Inputs.load(input)
            if let companion {
                let narrative = try Inputs.load(companion)
                doc.narrative += narrative.narrative
                doc.diagnostics.append(Diagnostic(.note,
                    "the narrative is read from \(companion.lastPathComponent), published apart from these tables; its line numbers are that file's"))
            }
            outcome.district = doc.district
            outcome.department = doc.department
            outcome.year = doc.year
            let t3 = doc.table(3).row("total")
            outcome.total = t3?.values["total"]?.amount
            outcome.basic = t3?.values["basic"]?.amount
            outcome.project = t3?.values["project"]?.amount
            let checked = WorkbookFinding.checking(doc)
            let target = directory.appendingPathComponent(names.claim(OutputName.workbook(for: doc)))
            let report = try StandardWorkbook.write(doc, to: target, unit: unit, findings: checked, inputs: inputs)
            outcome.findings = check ? checked.filter { $0.severity == "discrepancy" }.count : report.mismatches
            outcome.output = target
        } catch {
            outcome.failure = (error as? InputError)?.description ?? "\(input.path): \(error)"
        }
        return outcome
    }

    /// The index workbook: one row per document with its totals, findings
    /// and a link to its workbook.
    public static func writeIndex(_ outcomes: [Outcome], to url: URL, unit: SourceUnit = .wanYuan) throws {
        try writeAtomically(to: url, refusingToOverwrite: outcomes.map(\.input)) { temporary in
            let workbook = try Workbook(path: temporary.path, properties: .init(title: "部门预算标准化工作簿索引", author: StandardWorkbook.toolVersion))
            let sheet = try workbook.addWorksheet(name: "索引")
            let headers = ["地区", "年度", "部门", "支出合计", "基本支出", "项目支出", "待核对事项", "工作簿", "源文件", "状态"]
            let widths: [Double] = [10, 8, 36, 14, 14, 14, 10, 44, 36, 40]
            for (c, w) in widths.enumerated() { try sheet.setColumnWidth(w, columns: c...c) }
            try sheet.mergeRange(CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: headers.count - 1),
                                 text: "部门预算标准化工作簿索引（金额单位：\(unit.rawValue)）", style: Styles.title)
            for (c, h) in headers.enumerated() { try sheet.writeString(h, row: 1, column: c, style: Styles.header) }
            for (i, o) in outcomes.enumerated() {
                let r = 2 + i
                try sheet.writeString(o.district ?? "", row: r, column: 0, style: Styles.text)
                if let y = o.year { try sheet.writeNumber(Double(y), row: r, column: 1, style: Styles.text) }
                else { try sheet.writeBlank(row: r, column: 1, style: Styles.text) }
                try sheet.writeString(o.department ?? "", row: r, column: 2, style: Styles.text)
                for (c, a) in [(3, o.total), (4, o.basic), (5, o.project)] {
                    if let a { try sheet.writeNumber(a.double(in: unit), row: r, column: c, style: Styles.amount()) }
                    else { try sheet.writeBlank(row: r, column: c, style: Styles.amount()) }
                }
                if o.output != nil { try sheet.writeNumber(Double(o.findings), row: r, column: 6, style: Styles.text) }
                else { try sheet.writeBlank(row: r, column: 6, style: Styles.text) }
                if let out = o.output {
                    // Relative to the index, so the folder can be moved as a whole.
                    try sheet.writeURL("external:" + out.lastPathComponent, text: out.lastPathComponent, row: r, column: 7, style: Styles.text)
                } else {
                    try sheet.writeBlank(row: r, column: 7, style: Styles.text)
                }
                let source = o.input.lastPathComponent + (o.companion.map { " + " + $0.lastPathComponent } ?? "")
                try sheet.writeString(o.pairedWith == nil ? source : o.input.lastPathComponent, row: r, column: 8, style: Styles.text)
                let status = o.pairedWith.map { "说明部分，与 \($0.lastPathComponent) 合并转换" }
                    ?? o.failure.map { "失败：" + $0 } ?? (o.findings > 0 ? "已转换，有待核对事项" : "已转换")
                try sheet.writeString(status, row: r, column: 9, style: Styles.text)
            }
            try sheet.freezePanes(row: 2, column: 0)
            try sheet.repeatRows(0...1)
            try sheet.setA4Landscape()
            try sheet.fitToPages(wide: 1, tall: 0)
            try workbook.close()
        }
    }
}

/// Work distribution and results of a batch, shared by its workers.
final class BatchState: @unchecked Sendable {
    private let lock = NSLock()
    private var cursor = 0
    private var done = 0
    private var names = OutputNames()
    private(set) var outcomes: [Batch.Outcome?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard cursor < outcomes.count else { return nil }
        cursor += 1
        return cursor - 1
    }

    func finish(_ i: Int, _ outcome: Batch.Outcome) -> Int {
        lock.lock(); defer { lock.unlock() }
        outcomes[i] = outcome
        done += 1
        return done
    }

    /// A file name not yet used in this batch (two documents of one
    /// department and year get `-2`, `-3`).
    func claim(_ name: String) -> String {
        lock.lock(); defer { lock.unlock() }
        return names.claim(name)
    }
}
