import Foundation
import Testing
import GongkaiModel
import GongkaiParse
@testable import GongkaiConvert
import GongkaiTestSupport

/// The standardized workbooks of the samples committed in `Outputs/` are
/// what the code makes today. Regenerate on purpose with `make outputs`.
@Suite("Committed Outputs/ are current")
struct OutputsTests {
    @Test("each sample converts to exactly its committed workbook", arguments: ["000", "001", "002", "003", "004"])
    func current(prefix: String) throws {
        let doc = try DocumentParser().parse(contentsOf: Fixtures.sample(prefix))
        let committed = Fixtures.root.appendingPathComponent("Outputs").appendingPathComponent(OutputName.workbook(for: doc))
        let fresh = try Fixtures.temporaryDirectory().appendingPathComponent("fresh.xlsx")
        try StandardWorkbook.write(doc, to: fresh)
        #expect(FileManager.default.fileExists(atPath: committed.path), "missing \(committed.lastPathComponent): run make outputs")
        let (made, kept) = (try Data(contentsOf: fresh), try Data(contentsOf: committed))
        let same = made == kept  // a Bool: a failed `==` of two blobs is diffed element by element, for minutes
        #expect(same, "\(committed.lastPathComponent) is stale (\(Fixtures.firstDifference(kept, made))): run make outputs")
    }
}
