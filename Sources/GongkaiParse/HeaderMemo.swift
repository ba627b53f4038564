import Synchronization

/// Header reconstructions already worked out in this process, by table and
/// header lines (line numbers relative to the first): a batch of documents
/// from one finance office prints the same few headers again and again,
/// and reconstructing them was a third of parsing a batch of generated
/// documents.
///
/// Only reconstructions under the bundled catalog are kept. Bounded: the
/// memo is emptied when it reaches `capacity` headers.
final class HeaderMemo: Sendable {
    struct Line: Hashable, Sendable {
        var offset: Int
        var raw: String
    }

    struct Key: Hashable, Sendable {
        var table: Int
        var lines: [Line]
    }

    static let shared = HeaderMemo(capacity: 2_048)

    let capacity: Int
    private let memo = Mutex<[Key: [HeaderReconstruction.Column]]>([:])

    init(capacity: Int) { self.capacity = capacity }

    /// The columns kept for `key` (lines relative to the header's first).
    func columns(for key: Key) -> [HeaderReconstruction.Column]? {
        memo.withLock { $0[key] }
    }

    func store(_ columns: [HeaderReconstruction.Column], for key: Key) {
        memo.withLock { memo in
            if memo.count >= capacity { memo.removeAll(keepingCapacity: true) }
            memo[key] = columns
        }
    }

    /// How many headers are kept (for tests).
    var count: Int { memo.withLock { $0.count } }
}
