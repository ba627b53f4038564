import Foundation
import GongkaiModel
import GongkaiParse

/// Opens any input a command accepts: a disclosure's text, a model JSON, or
/// a workbook written by `gongkai convert`.
public enum Inputs {
    /// Loads the document at `url`, deciding by content what it is.
    ///
    /// - Throws: `InputError` naming the file (and line) on bad input.
    public static func load(_ url: URL) throws -> Document {
        if isZip(url) {
            do { return try StandardWorkbookReader.read(url) } catch let e as StandardWorkbookReader.ReadError {
                throw InputError(file: url.path, e.description)
            }
        }
        return try DocumentLoader.load(url)
    }

    /// Loads the documents at `urls` at the same time, one thread each (a
    /// diff's two inputs take half the time on two cores).
    ///
    /// - Returns: the documents in the order of `urls`.
    /// - Throws: the error of the first input, in the order of `urls`, that
    ///   fails to load: the error loading them one after the other gives.
    public static func loadAll(_ urls: [URL]) throws -> [Document] {
        let results = LoadResults(count: urls.count)
        DispatchQueue.concurrentPerform(iterations: urls.count) { i in
            results.set(i, Result { try load(urls[i]) })
        }
        return try results.all.map { try $0!.get() }
    }

    /// An XLSX file is a zip: it starts with `PK\u{3}\u{4}`.
    static func isZip(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 4)) ?? Data()
        return magic == Data([0x50, 0x4B, 0x03, 0x04])
    }
}

/// The outcome of each input of `Inputs.loadAll`, filled from several threads.
private final class LoadResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<Document, any Error>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ result: Result<Document, any Error>) {
        lock.lock(); defer { lock.unlock() }
        results[i] = result
    }

    /// Read once every thread is done.
    var all: [Result<Document, any Error>?] {
        lock.lock(); defer { lock.unlock() }
        return results
    }
}
