import GongkaiModel
@testable import GongkaiParse
import Testing

@Suite struct HeaderMemoTests {
    static let header = [
        "本年收入 上年结转结余",
        "科目编码 科目名称 合计 小计 一般公共预算 政府性基金预算 小计 一般公共预算",
    ]

    func lines(from first: Int, _ texts: [String]) -> [TextLine] {
        texts.enumerated().map { TextLine(number: first + $0, raw: $1) }
    }

    /// A header met again further down (or in another document) gets the
    /// columns it got the first time, at its own lines; what the builder
    /// remembers is what it would work out.
    @Test func aHeaderMetAgainGetsItsColumnsAtItsOwnLines() {
        let builder = TextRegionBuilder(template: Catalog.shared.table(2)!, catalog: .shared, unit: .wanYuan, file: "t.txt")
        let first = builder.headerColumns(lines(from: 10, Self.header))
        let again = builder.headerColumns(lines(from: 510, Self.header))
        #expect(first.count >= 6)
        #expect(again.map(\.path) == first.map(\.path))
        #expect(again.map(\.line) == first.map { $0.line + 500 })
        #expect(first == builder.reconstructHeader(lines(from: 10, Self.header)))
        #expect(again == builder.reconstructHeader(lines(from: 510, Self.header)))
        // Spacing is part of the header: a blank line between its rows is another header.
        let spaced = lines(from: 10, [Self.header[0], "", Self.header[1]])
        #expect(builder.headerColumns(spaced) == builder.reconstructHeader(spaced))
    }

    @Test func theMemoIsBounded() {
        let memo = HeaderMemo(capacity: 2)
        for i in 0..<5 { memo.store([], for: .init(table: i, lines: [])) }
        #expect(memo.count <= 2)
        #expect(memo.columns(for: .init(table: 4, lines: [])) == [])
        #expect(memo.columns(for: .init(table: 0, lines: [])) == nil)
    }
}
