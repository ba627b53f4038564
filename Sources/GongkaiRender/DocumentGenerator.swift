import GongkaiModel

/// Generates random but valid budget disclosures: seeded, deterministic,
/// linear in the rows asked for.
///
/// A generated document has a 功能 tree of real 类 (from the catalog) with
/// plausible 款 and 项 (more 类 are invented when a million rows are asked
/// for), amounts in whole 0.01 万元, names of realistic length (long ones
/// included, for the layouts that wrap), and tables that agree with one
/// another: every subtotal is the sum of its rows, every column group adds
/// up, and the totals shared by tables are equal, so `gongkai check` finds
/// nothing.
///
/// Tables: 表1 and 表4 (panels), 表2, 表3 and 表5 (the 功能 tree, each about
/// `rows` rows), 表6 (经济 款), 表7 (三公), 表8 and 表9 published empty with a
/// note, 表10 (projects, about `rows`/5), 表11 and 表12 (lines). 表13 is never
/// generated (its forms are free text).
///
/// ```swift
/// let doc = DocumentGenerator(seed: 7, rows: 1_000).generate()
/// let text = Renderer.render(doc, layout: .tab)
/// ```
public struct DocumentGenerator: Sendable {
    /// The tables a generator can make (表13 never).
    public static let allTables: Set<Int> = Set(1...12)

    public var seed: UInt64
    /// About how many rows the 功能 tables (表2, 表3, 表5) have each.
    public var rows: Int
    /// The canonical tables to publish; the others are absent.
    public var tables: Set<Int>
    /// The unit the document says it publishes in.
    public var unit: SourceUnit
    /// Whether a zero in the 功能 and 经济 tables is a blank cell (as 江汉
    /// and 江岸 publish) rather than `0.00` (as 青山 does). Blank cells vanish
    /// in the PDF layouts, and the parser must place the amounts left by the
    /// catalog's sums and the subtotal tree.
    public var blankZeros: Bool = true

    public init(seed: UInt64, rows: Int = 40, tables: Set<Int> = DocumentGenerator.allTables, unit: SourceUnit = .wanYuan) {
        self.seed = seed
        self.rows = rows
        self.tables = tables
        self.unit = unit
    }

    /// The document of this seed.
    ///
    /// - Complexity: O(*rows*).
    public func generate() -> Document {
        document(GeneratedBudget(seed: seed, rows: rows))
    }

    /// The document of this seed with about `fraction` of its 项 amounts
    /// changed (drawn from `variant`); every sum and table that depends on
    /// them follows, so the variant is as valid as the original. The same
    /// seed and a different `variant` give another year of the same budget:
    /// what `gongkai diff` benchmarks compare.
    ///
    /// - Complexity: O(*rows*).
    public func generate(varying fraction: Double, variant: UInt64) -> Document {
        var budget = GeneratedBudget(seed: seed, rows: rows)
        budget.vary(fraction, seed: variant)
        return document(budget)
    }

    // MARK: - Tables from the budget

    func document(_ budget: GeneratedBudget) -> Document {
        var doc = Document(district: budget.district, department: budget.department, year: budget.year,
                           sourceUnit: unit)
        doc.narrative = [
            "\(budget.department)\(budget.year)年部门预算",
            "第一部分 部门预算公开说明",
            "一、部门基本情况",
            "本部门预算由\(budget.department)本级预算组成，所有收入和支出均纳入部门预算管理。",
        ].enumerated().map { SourceText(line: $0.offset + 1, text: $0.element) }

        // The 功能 tree with 人员经费, 公用经费 and 项目支出 at every node.
        var tree: [(code: String, name: String, level: Int, personnel: Int64, publicUse: Int64, project: Int64)] = []
        var all = (personnel: Int64(0), publicUse: Int64(0), project: Int64(0))
        var classIndices: [Int] = []
        for c in budget.classes {
            let classIndex = tree.count
            classIndices.append(classIndex)
            tree.append((c.code, c.name, 1, 0, 0, 0))
            for k in c.kuan {
                let kuanIndex = tree.count
                tree.append((k.code, k.name, 2, 0, 0, 0))
                for l in k.leaves {
                    tree.append((l.code, l.name, 3, l.personnel, l.publicUse, l.project))
                    for i in [classIndex, kuanIndex] {
                        tree[i].personnel += l.personnel; tree[i].publicUse += l.publicUse; tree[i].project += l.project
                    }
                    all.personnel += l.personnel; all.publicUse += l.publicUse; all.project += l.project
                }
            }
        }
        let basicTotal = all.personnel + all.publicUse
        let grandTotal = basicTotal + all.project

        func rows(_ columns: (Int64, Int64, Int64, Int64) -> [String: Int64]) -> [Row] {
            var result = [Row(key: "total", kind: .total, name: "合计",
                              values: figures(columns(all.personnel, all.publicUse, all.project, grandTotal)))]
            result.reserveCapacity(tree.count + 1)
            for n in tree {
                let total = n.personnel + n.publicUse + n.project
                result.append(Row(key: n.code, kind: .classification, code: n.code, level: n.level, name: n.name,
                                  values: figures(columns(n.personnel, n.publicUse, n.project, total))))
            }
            return result
        }

        var tables: [Table] = []
        // 表2: income by 功能 code, all of it 一般公共预算.
        tables.append(Table(id: 2, key: "income", status: .disclosed, columns: ["total", "current.gpb"],
                            rows: rows { _, _, _, t in ["total": t, "current.gpb": t] }))
        tables.append(Table(id: 3, key: "expenditure", status: .disclosed, columns: ["total", "basic", "project"],
                            rows: rows { p, u, j, t in ["total": t, "basic": p + u, "project": j] }))
        tables.append(Table(id: 5, key: "gpb_expenditure", status: .disclosed,
                            columns: ["total", "basic.subtotal", "basic.personnel", "basic.public", "project"],
                            rows: rows { p, u, j, t in
                                ["total": t, "basic.subtotal": p + u, "basic.personnel": p, "basic.public": u, "project": j] }))

        // 表1 and 表4: the panels.
        let classRows = classIndices.map { i -> (String, String, Int64) in
            (tree[i].code, tree[i].name, tree[i].personnel + tree[i].publicUse + tree[i].project)
        }
        var summary: [Row] = [
            item("income.gpb", "一、一般公共预算拨款收入", ["amount": grandTotal]),
            Row(key: "income.fund", kind: .item, name: "二、政府性基金预算拨款收入"),
            item("income.current_total", "本年收入合计", ["amount": grandTotal]),
            item("income.total", "收入总计", ["amount": grandTotal]),
        ]
        summary += classRows.map { Row(key: "function.\($0.0)", kind: .item, code: $0.0, level: 1, name: $0.1,
                                        values: figures(["amount": $0.2])) }
        summary += [item("expenditure.current_total", "本年支出合计", ["amount": grandTotal]),
                    item("expenditure.total", "支出总计", ["amount": grandTotal])]
        tables.append(Table(id: 1, key: "summary", status: .disclosed, columns: ["amount"], rows: summary))
        var fiscal: [Row] = [
            item("income.gpb", "一、一般公共预算拨款收入", ["total": grandTotal]),
            item("income.current_total", "本年收入合计", ["total": grandTotal]),
            item("income.total", "收入总计", ["total": grandTotal]),
        ]
        fiscal += classRows.map { Row(key: "function.\($0.0)", kind: .item, code: $0.0, level: 1, name: $0.1,
                                       values: figures(["total": $0.2, "gpb": $0.2])) }
        fiscal += [item("expenditure.current_total", "本年支出合计", ["total": grandTotal, "gpb": grandTotal]),
                   item("expenditure.total", "支出总计", ["total": grandTotal, "gpb": grandTotal])]
        tables.append(Table(id: 4, key: "fiscal", status: .disclosed, columns: ["total", "gpb"], rows: fiscal))

        // 表6: 基本支出 by 经济 款.
        let personnelShares = budget.economic.filter(\.personnel)
        let publicShares = budget.economic.filter { !$0.personnel }
        var amounts: [String: (personnel: Int64, publicUse: Int64)] = [:]
        for (share, part) in zip(personnelShares, GeneratedBudget.split(all.personnel, weights: personnelShares.map(\.weight))) {
            amounts[share.code!, default: (0, 0)].personnel += part
        }
        for (share, part) in zip(publicShares, GeneratedBudget.split(all.publicUse, weights: publicShares.map(\.weight))) {
            amounts[share.code!, default: (0, 0)].publicUse += part
        }
        var basic = [Row(key: "total", kind: .total, name: "合计",
                         values: figures(["total": basicTotal, "personnel": all.personnel, "public": all.publicUse]))]
        for (classCode, className) in NameVocabulary.economicClasses.sorted(by: { $0.key < $1.key }) {
            let members = budget.economic.filter { $0.code!.hasPrefix(classCode) }
            guard !members.isEmpty else { continue }
            let p = members.reduce(0) { $0 + amounts[$1.code!]!.personnel }
            let u = members.reduce(0) { $0 + amounts[$1.code!]!.publicUse }
            basic.append(Row(key: classCode, kind: .classification, code: classCode, level: 1, name: className,
                             values: figures(["total": p + u, "personnel": p, "public": u])))
            for m in members {
                let a = amounts[m.code!]!
                basic.append(Row(key: m.code!, kind: .classification, code: m.code!, level: 2, name: m.name,
                                 values: figures(["total": a.personnel + a.publicUse, "personnel": a.personnel, "public": a.publicUse])))
            }
        }
        tables.append(Table(id: 6, key: "gpb_basic", status: .disclosed, columns: ["total", "personnel", "public"], rows: basic))

        // 表7: 三公.
        let t = budget.threePublic
        let vehicle = t.purchase + t.operation
        tables.append(Table(id: 7, key: "three_public", status: .disclosed, columns: ["amount"], rows: [
            Row(key: "total", kind: .total, name: "合计", values: zeroFigures(["amount": t.abroad + vehicle + t.reception])),
            Row(key: "abroad", kind: .item, name: "因公出国（境）费", values: zeroFigures(["amount": t.abroad])),
            Row(key: "vehicle", kind: .item, name: "公务用车购置及运行维护费", values: zeroFigures(["amount": vehicle])),
            Row(key: "vehicle.purchase", kind: .item, name: "其中：公务用车购置费", values: zeroFigures(["amount": t.purchase])),
            Row(key: "vehicle.operation", kind: .item, name: "公务用车运行维护费", values: zeroFigures(["amount": t.operation])),
            Row(key: "reception", kind: .item, name: "公务接待费", values: zeroFigures(["amount": t.reception])),
        ]))

        // 表8, 表9: published without rows.
        tables.append(Table(id: 8, key: "gov_fund", status: .empty, columns: ["total", "basic", "project"],
                            notes: ["注：本部门无政府性基金预算支出。"]))
        tables.append(Table(id: 9, key: "soe_capital", status: .empty, columns: ["total", "basic", "project"],
                            notes: ["注：本部门无国有资本经营预算支出。"]))

        // 表10: 项目支出 split over the projects.
        var projectRows = [Row(key: "total", kind: .total, name: "合计",
                               values: figures(["total": all.project, "current.gpb": all.project]))]
        var keys = Set<String>()
        let parts = GeneratedBudget.split(all.project, weights: budget.projects.map(\.weight))
        for (project, part) in zip(budget.projects, parts) {
            let key = unique(project.code ?? "name:\(project.name)", &keys)
            projectRows.append(Row(key: key, kind: .project, code: project.code, name: project.name,
                                   values: zeroFigures(["total": part, "current.gpb": part])))
        }
        tables.append(Table(id: 10, key: "projects", status: all.project > 0 ? .disclosed : .empty,
                            columns: ["total", "current.gpb"], rows: all.project > 0 ? projectRows : []))

        // 表11, 表12: lines under their 合计.
        func lines(_ id: Int, _ key: String, _ lines: [GeneratedBudget.Line]) -> Table {
            let sum = lines.reduce(0) { $0 + $1.amount }
            var result = [Row(key: "total", kind: .total, name: "合计", values: figures(["total": sum, "gpb": sum]))]
            var keys = Set<String>()
            for line in lines {
                result.append(Row(key: unique("name:\(line.name)", &keys), kind: .line, name: line.name,
                                  values: figures(["total": line.amount, "gpb": line.amount]),
                                  texts: ["category": line.category]))
            }
            return Table(id: id, key: key, status: .disclosed, columns: ["category", "total", "gpb"], rows: result)
        }
        tables.append(lines(11, "procurement", budget.procurement))
        tables.append(lines(12, "purchased_services", budget.services))

        for var table in tables where self.tables.contains(table.id) {
            let template = Catalog.shared.table(table.id)
            table.sourceTitle = "\(budget.year)年" + (template?.title ?? "")
            let order = template?.columns.map(\.id) ?? []
            table.columns.sort { (order.firstIndex(of: $0) ?? 99) < (order.firstIndex(of: $1) ?? 99) }
            doc.setTable(table)
        }
        return doc
    }

    func item(_ key: String, _ name: String, _ values: [String: Int64]) -> Row {
        Row(key: key, kind: .item, name: name, values: figures(values))
    }

    /// Figures of the amounts; a zero is a blank cell when `blankZeros`.
    func figures(_ amounts: [String: Int64]) -> [String: Figure] {
        var result: [String: Figure] = [:]
        for (id, fen) in amounts where fen != 0 || !blankZeros { result[id] = figure(fen) }
        return result
    }

    /// Figures of every amount, zeros included (printed 0.00).
    func zeroFigures(_ amounts: [String: Int64]) -> [String: Figure] {
        amounts.mapValues(figure)
    }

    func figure(_ fen: Int64) -> Figure {
        let amount = Amount(fen: fen)
        return Figure(amount: amount, text: amount.formatted(in: unit))
    }

    /// `key`, or `key#2`, `key#3` … when taken, as the parser numbers repeats.
    func unique(_ key: String, _ keys: inout Set<String>) -> String {
        var result = key, n = 2
        while keys.contains(result) { result = "\(key)#\(n)"; n += 1 }
        keys.insert(result)
        return result
    }
}
