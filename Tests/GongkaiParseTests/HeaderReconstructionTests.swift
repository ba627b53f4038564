@testable import GongkaiParse
import Testing

/// Segmentation of PDF header text into column headers.
@Suite struct HeaderReconstructionTests {
    /// A catalog of three headers, with a count of the questions asked.
    final class Catalog {
        var questions = 0
        func classify(_ path: [String]) -> String? {
            questions += 1
            switch path.joined() {
            case "一般公共预算": return "gpb"
            case "政府性基金": return "fund"
            case "合计": return "total"
            default: return nil
            }
        }
    }

    private func pieces(_ lines: [String]) -> [HeaderReconstruction.Piece] {
        lines.enumerated().map { .init(text: $1, line: $0 + 1, alone: true) }
    }

    @Test func joinsAStackedHeaderTheCatalogKnows() {
        let catalog = Catalog()
        let reconstruction = HeaderReconstruction(classify: catalog.classify)
        // 一般公 / 共预算 printed as a narrow stacked cell, then two cells of their own.
        let segments = reconstruction.segment(pieces(["合计", "一般公", "共预算", "政府性基金"]))
        #expect(segments.map(\.text) == ["合计", "一般公共预算", "政府性基金"])
        #expect(segments.map(\.stacked) == [false, true, false])
        #expect(segments.map(\.line) == [1, 2, 4])
    }

    @Test func takesTextBeyondTheSearchBoundAsPrinted() {
        let catalog = Catalog()
        let reconstruction = HeaderReconstruction(classify: catalog.classify)
        // The same stack, buried in more header text than any budget table has.
        let filler = Array(repeating: "甲乙丙丁戊己庚辛壬癸", count: HeaderReconstruction.searchedCharacterLimit / 10)
        let input = ["合计", "一般公", "共预算"] + filler
        let segments = reconstruction.segment(pieces(input))
        #expect(segments.map(\.text) == input)
        #expect(catalog.questions == 0)
    }

    @Test func searchesTextAtTheBoundWithBoundedQuestions() {
        let catalog = Catalog()
        let reconstruction = HeaderReconstruction(classify: catalog.classify)
        // Just at the bound, as one stack of one-character lines, every
        // character different so that no answer can be reused: the worst case
        // the search still takes on.
        let input = (0..<HeaderReconstruction.searchedCharacterLimit).map { String(Unicode.Scalar(0x4E00 + $0)!) }
        let segments = reconstruction.segment(pieces(input))
        #expect(segments.map(\.text).joined() == input.joined())
        // It was searched (contrast takesTextBeyondTheSearchBoundAsPrinted), with
        // at most 40 texts per position, each alone and under up to 6 contexts.
        #expect(catalog.questions > HeaderReconstruction.searchedCharacterLimit)
        #expect(catalog.questions <= HeaderReconstruction.searchedCharacterLimit * 40 * 7)
    }
}
