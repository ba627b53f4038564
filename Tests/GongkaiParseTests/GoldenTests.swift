import Foundation
import Testing
import GongkaiModel
import GongkaiParse
import GongkaiTestSupport

/// The whole model of each sample against a golden JSON reviewed by hand.
/// Re-record on purpose only: `GONGKAI_RECORD=1 swift test --filter GoldenTests`.
@Suite("Golden models")
struct GoldenTests {
    @Test("the model JSON of a sample equals its golden", arguments: ["000", "001", "002", "003", "004"])
    func golden(prefix: String) throws {
        let doc = try Samples.document(prefix)
        var data = try ModelJSON.encode(doc)
        data.append(0x0A)
        let url = Fixtures.golden("\(prefix).json")
        if Fixtures.recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let golden = try Data(contentsOf: url)
        // Bools, not `data == golden`: a failed `==` of two 200 KB blobs makes
        // Swift Testing diff them element by element (twenty minutes).
        let same = data == golden
        #expect(same, "model of \(prefix) differs from \(url.path): \(Fixtures.firstDifference(golden, data)); inspect, then re-record with GONGKAI_RECORD=1 if intended")
        // The golden also reads back to the same model.
        let readsBack = try ModelJSON.decode(golden) == doc
        #expect(readsBack, "the golden of \(prefix) does not decode to the parsed model")
    }
}
