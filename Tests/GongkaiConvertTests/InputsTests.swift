import Foundation
import Testing
import GongkaiModel
import GongkaiParse
@testable import GongkaiConvert
import GongkaiTestSupport

/// Loading several inputs at once gives what loading them one by one gives.
@Suite("Inputs loaded together")
struct InputsTests {
    static func broken(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-inputs-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("Documents come back in argument order, equal to loading each alone")
    func order() throws {
        let urls = [Fixtures.sample("001"), Fixtures.sample("000"), Fixtures.sample("001")]
        let together = try Inputs.loadAll(urls)
        #expect(together.count == 3)
        for (doc, url) in zip(together, urls) { #expect(doc == (try Inputs.load(url))) }
        #expect(together[0] != together[1])
    }

    @Test("A bad input fails as it does alone; of two bad inputs, the first in order")
    func firstError() throws {
        let empty = try Self.broken("")
        let prose = try Self.broken("这是一段没有表格的文字。\n第二行。\n")
        defer { try? FileManager.default.removeItem(at: empty); try? FileManager.default.removeItem(at: prose) }
        for (urls, bad) in [([Fixtures.sample("000"), empty], empty), ([prose, empty], prose), ([empty, prose], empty)] {
            var alone: InputError?
            do { _ = try Inputs.load(bad) } catch let e as InputError { alone = e }
            #expect(alone != nil)
            #expect(throws: alone!) { try Inputs.loadAll(urls) }
        }
    }
}
