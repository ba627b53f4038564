import Foundation
import Testing
import GongkaiModel
import GongkaiXLSX
@testable import GongkaiConvert
import GongkaiTestSupport

/// A real client opens the workbooks and recalculates: LibreOffice headless.
@Suite("LibreOffice recalculates the converted samples", .enabled(if: LibreOffice.binary != nil, "soffice is not installed (make test installs libreoffice-calc-nogui)"))
struct RecalculationTests {
    @Test("recalculated cells equal the published figures where the source is consistent, and the sums of the published leaves where it is not",
          arguments: ["000", "001", "002", "003", "004"])
    func recalculated(prefix: String) throws {
        let (doc, url) = try Converted.sample(prefix)
        let sheets = try LibreOffice.recalculate(url)
        #expect(sheets.count >= 15, "LibreOffice read \(sheets.count) sheets")
        let planner = SheetPlanner(document: doc, unit: .wanYuan, catalog: .shared)
        var mismatches: [SheetPlanner.Mismatch] = []
        var checked = 0, formulas = 0
        for plan in StandardWorkbook.plans(doc, planner: planner, mismatches: &mismatches) {
            let grid = try #require(sheets[plan.sheetName], "no CSV for \(plan.sheetName)")
            for (key, ref) in plan.positions {
                let cell = plan.body[ref.row - plan.bodyStart][ref.column]
                let expected: Amount?
                switch cell.content {
                case .amount(let f): expected = f.amount
                case .formula(_, let computed, _): expected = computed; formulas += 1
                default: expected = nil
                }
                let text = ref.row < grid.count && ref.column < grid[ref.row].count ? grid[ref.row][ref.column] : ""
                if let expected {
                    let value = try #require(StandardWorkbookReader.amount(text, unit: .wanYuan), "\(plan.sheetName) \(ref.a1) (\(key.row)/\(key.column)): \"\(text)\"")
                    #expect(value == expected, "\(plan.sheetName) \(ref.a1) \(key.row)/\(key.column)")
                    checked += 1
                } else {
                    #expect(text.isEmpty, "\(plan.sheetName) \(ref.a1) should be blank")
                }
            }
        }
        // 002 publishes only a performance form: no amount tables to recalculate.
        #expect(prefix == "002" ? checked == 0 : checked > 100 && formulas > 20)
        guard prefix == "000" || prefix == "001" else { return }
        // Where the source is consistent, recalculation gives back the published figure.
        let t3 = try #require(sheets["表3 支出总表"])
        // Row 4 (index 3) is 合计. 001 prints 206 0.01 too high, but the formulas sum the leaves: 20730.23.
        #expect(t3[3][2] == (prefix == "000" ? "3859.3" : "20730.23"))
        if prefix == "000" {
            #expect(try #require(sheets["表6 一般公共预算基本支出"])[3][2] == "482.3")  // published 462.30
        }
    }
}
