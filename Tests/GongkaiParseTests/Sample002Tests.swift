import Testing
import GongkaiModel

/// 002: 新洲区 2020, only the 部门整体支出绩效目标申报表.
@Suite("Sample 002 (新洲区 2020)")
struct Sample002Tests {
    let doc: Document
    init() throws { doc = try Samples.document("002") }

    @Test("only 表13 is disclosed; every line of the form is kept")
    func onlyForms() throws {
        #expect(doc.tables.filter { $0.status == .disclosed }.map(\.id) == [13])
        #expect(doc.tables.filter { $0.status == .absent }.count == 12)
        let raw = doc.table(13).raw
        let source = try String(contentsOf: GongkaiTestSupport.Fixtures.sample("002"), encoding: .utf8)
        let nonBlank = source.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
        // The form runs from its title to the end of the file (overflowed columns included).
        #expect(raw.count + doc.narrative.count == nonBlank.count)
        #expect(raw.last?.line == nonBlank.last.map { $0.offset + 1 })
    }

    @Test("metadata")
    func metadata() {
        #expect(doc.district == "新洲区")
        #expect(doc.year == 2020)
        #expect(doc.department?.hasSuffix("新洲区科学技术和经济信息化局") == true)
    }
}
import Foundation
import GongkaiTestSupport
