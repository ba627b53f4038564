import Testing
@testable import GongkaiCheck
import GongkaiModel

@Suite("ProjectFormMatch: which 表10 project and which 整体 list row a 项目 form is compared with")
struct PerformanceFormProjectMatchTests {
    static func form(_ doc: Document, _ name: String, unit: String) -> PerformanceForm? {
        doc.table(13).forms.first { $0.kind == .project && $0.name == name && $0.unit == unit }
    }

    @Test("003: the 中心's 在职人员体检费 (0.96, line 4617) is not 表九's 在职人员体检费 (本级, 1.84, line 915): ambiguous, listed by the 中心's 整体 form",
          .enabled(if: Samples.parses("003")))
    func sample003Ambiguous() throws {
        let doc = try Samples.document("003")
        let form = try #require(Self.form(doc, "在职人员体检费", unit: "江岸区工业企业发展服务中心"))
        let m = ProjectFormMatch.match(form, in: doc)
        // Both 整体 forms list a 在职人员体检费 (本级 line 1708, 中心 line 3876).
        guard case .ambiguous(let units) = m.table10 else { Issue.record("\(m.table10)"); return }
        #expect(units == ["武汉市江岸区科学技术和经济信息化局", "江岸区工业企业发展服务中心"])
        let listing = try #require(m.listing)
        #expect(doc.table(13).forms[listing.form].name == "江岸区工业企业发展服务中心")
        #expect(listing.row.amounts["year"]?.amount == Amount(fen: 960_000))
    }

    @Test("003: 科技管理工作经费 is one 表九 project and one 整体 list row (本级): matched to both", .enabled(if: Samples.parses("003")))
    func sample003Matched() throws {
        let doc = try Samples.document("003")
        let form = try #require(Self.form(doc, "科技管理工作经费", unit: "江岸区科经局"))
        let m = ProjectFormMatch.match(form, in: doc)
        guard case .row(let i) = m.table10 else { Issue.record("\(m.table10)"); return }
        #expect(doc.table(10).rows[i].values["total"]?.amount == Amount(fen: 20_000_000))
        #expect(m.listing.map { doc.table(13).forms[$0.form].name } == "武汉市江岸区科学技术和经济信息化局")
    }

    @Test("003: 老干专项经费 is 表九's 老干经费 by another name: no 表10 match, listed by the 中心", .enabled(if: Samples.parses("003")))
    func sample003Unmatched() throws {
        let doc = try Samples.document("003")
        let form = try #require(Self.form(doc, "老干专项经费", unit: "江岸区工业企业发展服务中心"))
        let m = ProjectFormMatch.match(form, in: doc)
        #expect(m.table10 == .none)
        #expect(m.listing?.row.amounts["year"]?.amount == Amount(fen: 310_000))
    }

    /// 表10 with two units, each with a project 体检费.
    var twoUnits: Document {
        var t = table(10, columns: ["total"], rows: [
            ("unit:001", .unit, ["total": "2.80"]),
            ("name:体检费", .project, ["total": "1.84"]),
            ("unit:002", .unit, ["total": "0.96"]),
            ("name:体检费 ", .project, ["total": "0.96"]),
        ])
        t.rows[0].name = "武汉市江岸区科经局"
        t.rows[1].name = "体检费"
        t.rows[2].name = "武汉市江岸区工业企业发展服务中心"
        t.rows[3].name = "体 检 费"
        return document([t])
    }

    @Test("表10 with units: the project under the form's unit, whatever the spacing of the name")
    func byUnit() {
        let form = PerformanceForm(kind: .project, name: "体检费", unit: "江岸区工业企业发展服务中心")
        #expect(ProjectFormMatch.match(form, in: twoUnits).table10 == .row(3))
        // A form that names no unit cannot choose.
        let anonymous = PerformanceForm(kind: .project, name: "体检费")
        #expect(ProjectFormMatch.match(anonymous, in: twoUnits).table10
                == .ambiguous(["武汉市江岸区科经局", "武汉市江岸区工业企业发展服务中心"]))
    }

    @Test("unit names match by suffix (武汉市 prefix), not by a shared word")
    func sameUnit() {
        #expect(ProjectFormMatch.sameUnit("武汉市江岸区工业企业发展服务中心", "江岸区工业企业发展服务中心"))
        #expect(!ProjectFormMatch.sameUnit("江岸区科经局", "江岸区工业企业发展服务中心"))
        #expect(!ProjectFormMatch.sameUnit("", "江岸区科经局"))
    }
}
