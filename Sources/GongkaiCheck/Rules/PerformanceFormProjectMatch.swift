import GongkaiModel

/// Which published figures a 项目 form's budget is compared with: the 表10
/// project of its name, and the row of its unit's 整体 form that lists it
/// (项目支出情况).
///
/// A name alone does not always say which project is meant. 003 publishes a
/// 在职人员体检费 for 本级 (1.84 万元, 表九 line 915) and one for 工业企业发展服务中心
/// (0.96 万元, its form at line 4617), while 表九 names the second 职工体检费:
/// 表10 has one 在职人员体检费, and it is not the 中心's. So a form is matched to
/// 表10 only when the match is unambiguous:
///
/// - one 表10 project of the name: matched, unless 表10 has no unit rows and
///   the 整体 forms list the name under more than one unit (then 表10 cannot
///   say whose project it is: `ambiguous`);
/// - several: the one under the form's unit when 表10 has unit rows and
///   exactly one is, else `ambiguous`.
///
/// The 整体 form that lists the project is the one unit that lists the name,
/// or, when several do, the one whose unit is the form's.
struct ProjectFormMatch {
    /// What the form's name finds in 表10.
    enum Table10: Equatable {
        /// The index of the one 表10 project row of the form's name (and unit).
        case row(Int)
        /// Several candidates: the units (or 表10 rows) the name is found under.
        case ambiguous([String])
        /// 表10 has no project of that name (or is not disclosed).
        case none
    }

    var table10: Table10
    /// The 整体 form (index into the document's forms) and the row of its
    /// 项目支出情况 that lists the project.
    var listing: (form: Int, row: FormGridRow)?

    /// The matches of `form` among the document's forms and 表10.
    static func match(_ form: PerformanceForm, in document: Document) -> ProjectFormMatch {
        let forms = document.table(13).forms
        let name = form.matchKey.name
        let unit = form.unit.map(FormText.matchable)

        // The 整体 forms that list the name in their 项目支出情况.
        var listings: [(form: Int, row: FormGridRow)] = []
        for (i, f) in forms.enumerated() where f.kind == .overall {
            guard let grid = f.grid(FormGrid.Key.projects) else { continue }
            if let row = grid.rows.first(where: { listedName($0) == name }) { listings.append((i, row)) }
        }
        var listing: (form: Int, row: FormGridRow)?
        if listings.count == 1 { listing = listings[0] } else if let unit {
            let own = listings.filter { sameUnit(forms[$0.form].unit ?? forms[$0.form].name, unit) }
            if own.count == 1 { listing = own[0] }
        }

        let table = document.table(10)
        guard table.status == .disclosed else { return ProjectFormMatch(table10: .none, listing: listing) }
        let tree = RowTree(rows: table.rows)
        var candidates = table.rows.indices.filter {
            table.rows[$0].kind == .project && FormText.matchable(table.rows[$0].name) == name
        }
        let hasUnits = table.rows.contains { $0.kind == .unit }
        if candidates.count > 1, hasUnits, let unit {
            let own = candidates.filter { i in unitName(of: i, in: table.rows, tree: tree).map { sameUnit($0, unit) } ?? false }
            if own.count == 1 { candidates = own }
        }
        if candidates.count > 1 {
            let units = candidates.map { unitName(of: $0, in: table.rows, tree: tree) ?? table.rows[$0].key }
            return ProjectFormMatch(table10: .ambiguous(units), listing: listing)
        }
        guard let index = candidates.first else { return ProjectFormMatch(table10: .none, listing: listing) }
        if !hasUnits, listings.count > 1 {
            return ProjectFormMatch(table10: .ambiguous(listings.map { forms[$0.form].unit ?? forms[$0.form].name }),
                                    listing: listing)
        }
        return ProjectFormMatch(table10: .row(index), listing: listing)
    }

    /// The project name a 项目支出情况 row lists, matchable: its `name:` key
    /// (the parser strips `项目1:`), else its label.
    static func listedName(_ row: FormGridRow) -> String {
        if let key = row.key, key.hasPrefix("name:") { return FormText.matchable(String(key.dropFirst(5))) }
        return FormText.matchable(row.label)
    }

    /// The name of the unit row above row `index`, if any.
    static func unitName(of index: Int, in rows: [Row], tree: RowTree) -> String? {
        var i = tree.parent[index]
        while let p = i {
            if rows[p].kind == .unit { return rows[p].name }
            i = tree.parent[p]
        }
        return nil
    }

    /// Whether two unit names (matchable) name the same unit: equal, or one
    /// the other with a prefix such as `武汉市` (`江岸区工业企业发展服务中心`).
    static func sameUnit(_ a: String, _ b: String) -> Bool {
        let x = FormText.matchable(a), y = FormText.matchable(b)
        guard !x.isEmpty, !y.isEmpty else { return false }
        return x == y || x.hasSuffix(y) || y.hasSuffix(x)
    }
}
