import Foundation

/// A `TextOutputStream` that writes to a file handle in chunks of about
/// 1 MB, so that a document of a million rows is never one string in memory.
public final class FileTextSink: TextOutputStream {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let chunk: Int

    /// Writes to `handle`; call `flush()` when done.
    public init(handle: FileHandle, chunk: Int = 1 << 20) {
        self.handle = handle
        self.chunk = chunk
        buffer.reserveCapacity(chunk + 4096)
    }

    public func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= chunk { flush() }
    }

    /// Writes what is buffered.
    public func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
