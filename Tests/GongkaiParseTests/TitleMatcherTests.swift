@testable import GongkaiParse
import GongkaiModel
import Testing

@Suite struct TitleMatcherTests {
    /// Each numbering and decoration the samples and their kin print is stripped.
    @Test(arguments: [
        ("公开表1 收支总表", "收支总表"),
        ("表三、支出总表", "支出总表"),
        ("附表4-1 财政拨款收支总表", "财政拨款收支总表"),
        ("预算10表 项目支出表", "项目支出表"),
        ("- 表 3. 支出总表", "支出总表"),
        ("项目支出表（一项一表）", "项目支出表"),
        ("支出总表（表三）", "支出总表"),
        ("（二）、支出总表", "支出总表"),
        ("3、支出总表", "支出总表"),
        ("## 收入总表", "收入总表"),
        ("武汉市江岸区2024年部门预算收支总表", "武汉市江岸区2024年部门预算收支总表"),
    ])
    func core(line: String, expected: String) {
        #expect(TitleMatcher.core(line) == expected)
    }

    @Test func titlesAreMatchedByTheirLongestSynonym() {
        #expect(TitleMatcher.match("表4 财政拨款收支总表")?.tableID == 4)
        #expect(TitleMatcher.match("公开表1 收支总表")?.tableID == 1)
        #expect(TitleMatcher.match("第四部分 部门预算报表及预算绩效目标表") == nil)
        #expect(TitleMatcher.match("详见收支总表。") == nil)
        #expect(TitleMatcher.match("表4 财政拨款收支总表", synonyms: TitleMatcher.synonyms(of: .shared)) == TitleMatcher.match("表4 财政拨款收支总表"))

    }

    @Test func onlyLinesThatMentionBiaoAreLookedAt() {
        #expect(TitleMatcher.mentionsBiao("公开表1 收支总表"))
        #expect(TitleMatcher.mentionsBiao("表"))
        #expect(!TitleMatcher.mentionsBiao("2010101\t行政运行\t1,234.56"))
        #expect(!TitleMatcher.mentionsBiao("衣"))  // E8 A1 A3: shares two bytes with 表
        #expect(!TitleMatcher.mentionsBiao(""))
        #expect(TitleMatcher.match("2010101\t行政运行\t1,234.56") == nil)
    }
}
