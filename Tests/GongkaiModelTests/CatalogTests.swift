import Testing
@testable import GongkaiModel

@Suite("Catalog: the 13 canonical tables from Templates/")
struct CatalogTests {
    let catalog = Catalog.shared

    @Test("all 13 tables, ids 1–13, keys as DESIGN §1 names them")
    func thirteen() {
        #expect(catalog.tables.map(\.id) == Array(1...13))
        #expect(catalog.tables.map(\.key) == [
            "summary", "income", "expenditure", "fiscal", "gpb_expenditure", "gpb_basic", "three_public",
            "gov_fund", "soe_capital", "projects", "procurement", "purchased_services", "performance",
        ])
    }

    @Test("every sum rule names columns of its own table")
    func sumsAreClosed() {
        for table in catalog.tables {
            let ids = Set(table.columns.map(\.id))
            for rule in table.sums {
                #expect(ids.contains(rule.of), "表\(table.id): \(rule.of)")
                for c in rule.is { #expect(ids.contains(c), "表\(table.id): \(rule.of) = … \(c)") }
            }
            #expect(Set(table.columns.map(\.id)).count == table.columns.count, "表\(table.id) repeats a column id")
        }
    }

    @Test("header synonyms map to canonical columns", arguments: [
        (2, ["上年补助收入"], "current.higher_subsidy"),
        (2, ["本年收入", "一般公共预算"], "current.gpb"),
        (2, ["上年结转结余", "一般公共预算"], "carryover.gpb"),
        (2, ["一般公共预算财政拨款收入"], "current.gpb"),
        (2, ["上年结转、结余"], "carryover.subtotal"),
        (2, ["事业单位经营收入"], "current.business_operating"),
        (2, ["事业收入"], "current.business"),
        (5, ["基本支出", "小计"], "basic.subtotal"),
        (5, ["基本支出"], "basic.subtotal"),
        (5, ["基本支出", "日常公用经费"], "basic.public"),
        (6, ["基本支出", "小计"], "total"),
        (6, ["本年一般公共预算基本支出", "合计"], "total"),
        (3, ["总计"], "total"),
        (3, ["对附属单位补助支出"], "affiliate_subsidy"),
    ])
    func synonyms(table: Int, path: [String], expected: String) {
        #expect(catalog.table(table)?.matchColumn(path: path) == expected)
    }

    @Test("a column the source did not publish is replaced by its own addends")
    func addends() throws {
        let t2 = try #require(catalog.table(2))
        // 000's 表2 publishes no 本年收入小计: 合计 is the sum of the sources it does publish.
        #expect(t2.addends(of: "total", published: ["total", "current.gpb", "current.fund", "reserve_fund", "carryover.subtotal"])
                == ["current.gpb", "current.fund", "reserve_fund", "carryover.subtotal"])
        #expect(t2.addends(of: "total", published: ["total", "current.subtotal", "carryover.subtotal"])
                == ["current.subtotal", "carryover.subtotal"])
        #expect(t2.addends(of: "current.gpb", published: ["current.gpb"]) == nil)
    }

    @Test("class names stand for their codes")
    func classNames() {
        #expect(catalog.items.functionClassCode(named: "科学技术支出") == "206")
        #expect(catalog.items.functionClassCode(named: "粮油物资管理支出") == "222")
        #expect(catalog.items.functionClassCode(named: "不存在的支出") == nil)
    }

    /// The hand-written White_Space set agrees with Unicode's on every scalar.
    @Test func headerWhitespaceIsUnicodes() {
        var checked = 0
        for value in UInt32(0x80)...0x10FFFF {
            guard let u = Unicode.Scalar(value) else { continue }
            if HeaderText.isWhitespace(u) != u.properties.isWhitespace {
                Issue.record("U+\(String(value, radix: 16, uppercase: true)): \(u.properties.isWhitespace)")
            }
            checked += 1
        }
        #expect(checked > 1_000_000)
        #expect(HeaderText.normalize("本年\u{3000}收入\u{A0}（万元）") == "本年收入(万元)")
    }
}
