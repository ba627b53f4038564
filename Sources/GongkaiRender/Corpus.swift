import Foundation
import GongkaiModel

/// Writes a corpus of generated documents to a folder: what `gongkai
/// generate` does, for benchmarks and fuzzing seeds.
public struct Corpus: Sendable {
    /// How the documents of a corpus are laid out.
    public enum LayoutChoice: Sendable, Equatable {
        /// Every document in one layout.
        case one(Layout)
        /// The layouts in turn: TAB, cell per line, space-separated, TAB …
        case mixed

        /// The layout of document `index`.
        public func layout(of index: Int) -> Layout {
            switch self {
            case .one(let layout): layout
            case .mixed: Layout.allCases[index % Layout.allCases.count]
            }
        }
    }

    public var count: Int
    public var rows: Int
    public var seed: UInt64
    public var layout: LayoutChoice
    /// When set, every document is the document of `seed` with this fraction
    /// of its 项 amounts changed (document 0 unchanged); otherwise document
    /// `i` is the document of seed `seed + i`.
    public var vary: Double?

    public init(count: Int, rows: Int = 40, seed: UInt64 = 1, layout: LayoutChoice = .one(.tab), vary: Double? = nil) {
        self.count = count
        self.rows = rows
        self.seed = seed
        self.layout = layout
        self.vary = vary
    }

    /// The file name of document `index`: a number and a hash, like the
    /// bundled samples (`000_a71e29afdd43a94e.txt`).
    public func fileName(_ index: Int) -> String {
        var number = String(index)
        let width = max(3, String(max(0, count - 1)).count)
        while number.count < width { number = "0" + number }
        var rng = SplitMix64.stream(seed, UInt64(index) &+ 1000)
        var hex = String(rng.next(), radix: 16)
        while hex.count < 16 { hex = "0" + hex }
        return "\(number)_\(hex).txt"
    }

    /// Document `index` of the corpus.
    public func document(_ index: Int) -> Document {
        if let vary {
            let generator = DocumentGenerator(seed: seed, rows: rows)
            return index == 0 ? generator.generate() : generator.generate(varying: vary, variant: UInt64(index))
        }
        return DocumentGenerator(seed: seed &+ UInt64(index), rows: rows).generate()
    }

    /// Writes every document into `directory` (created if needed), one at a
    /// time and streamed to its file; returns the files written.
    ///
    /// - Throws: when the folder or a file cannot be written.
    @discardableResult
    public func write(to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [URL] = []
        for index in 0..<count {
            let url = directory.appendingPathComponent(fileName(index))
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
            }
            let handle = try FileHandle(forWritingTo: url)
            let sink = FileTextSink(handle: handle)
            var output = sink
            Renderer.write(document(index), layout: layout.layout(of: index), to: &output)
            sink.flush()
            try handle.close()
            written.append(url)
        }
        return written
    }
}
