internal import CXlsxWriter
import Foundation

/// Inflates one raw deflate stream from a fixed range of bytes, never past it.
///
/// A GRDB-style wrapper: zlib's return codes become thrown reasons, and the
/// z_stream never leaves this type. The output is capped at `limit` bytes, the
/// input at the given range; a stream that has not ended when its input runs
/// out is refused instead of waited on.
enum BoundedInflater {
    /// Why a stream could not be inflated.
    struct Failure: Error, Equatable {
        enum Kind: Equatable {
            /// The bytes are damaged: cut short, corrupt, or failing their checksum.
            case damaged
            /// The bytes hold more than the zip declares (a zip bomb's lie).
            case oversized
        }

        let kind: Kind
        let reason: String
    }

    /// The inflated bytes of `input`.
    ///
    /// - Parameters:
    ///   - input: the entry's compressed bytes, exactly.
    ///   - limit: the most bytes the result may hold (the declared size).
    ///   - crc32: the checksum the zip records; checked at the end unless nil.
    /// - Complexity: O(*n*) in the output size; memory is the output plus 64 KB.
    static func inflate(_ input: UnsafeRawBufferPointer, limit: UInt64, crc32 expected: UInt32?) throws(Failure) -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(kind: .damaged, reason: "zlib could not be initialized")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        output.reserveCapacity(Int(min(limit, 64 * 1024 * 1024)))
        let chunkSize = 64 * 1024
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var crc = CXlsxWriter.crc32(0, nil, 0)
        var status = Z_OK
        // zlib takes a mutable pointer but does not write through next_in.
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.avail_in = UInt32(input.count)
        while status != Z_STREAM_END {
            let pending = stream.avail_in
            var produced = 0
            status = chunk.withUnsafeMutableBufferPointer { buffer in
                stream.next_out = buffer.baseAddress
                stream.avail_out = UInt32(chunkSize)
                let status = CXlsxWriter.inflate(&stream, Z_NO_FLUSH)
                produced = chunkSize - Int(stream.avail_out)
                crc = CXlsxWriter.crc32(crc, buffer.baseAddress, uInt(produced))
                return status
            }
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                let message = stream.msg.map { String(cString: $0) } ?? zError(status).map { String(cString: $0) } ?? "error \(status)"
                throw Failure(kind: .damaged, reason: "its compressed data is corrupt (zlib: \(message))")
            }
            guard UInt64(output.count + produced) <= limit else {
                throw Failure(kind: .oversized, reason: "it inflates beyond its declared size of \(limit) bytes")
            }
            output.append(contentsOf: chunk[0..<produced])
            // With a whole empty chunk to write into, no progress means the
            // input ran out first (zlib's Z_BUF_ERROR); another turn would wait for ever.
            if status != Z_STREAM_END, produced == 0, stream.avail_in == pending {
                throw Failure(kind: .damaged, reason: "its compressed data ends before the deflate stream does")
            }
        }
        try verify(UInt32(truncatingIfNeeded: crc), against: expected)
        return output
    }

    /// The bytes of a stored (uncompressed) entry, checked like an inflated one.
    static func stored(_ input: UnsafeRawBufferPointer, limit: UInt64, crc32 expected: UInt32?) throws(Failure) -> Data {
        guard UInt64(input.count) <= limit else {
            throw Failure(kind: .oversized, reason: "it holds more than its declared size of \(limit) bytes")
        }
        let crc = CXlsxWriter.crc32(0, input.baseAddress?.assumingMemoryBound(to: UInt8.self), uInt(input.count))
        try verify(UInt32(truncatingIfNeeded: crc), against: expected)
        return Data(input)
    }

    private static func verify(_ actual: UInt32, against expected: UInt32?) throws(Failure) {
        guard let expected, actual != expected else { return }
        throw Failure(kind: .damaged,
                      reason: "its checksum does not match (recorded \(hex(expected)), computed \(hex(actual))): the file is damaged")
    }

    private static func hex(_ value: UInt32) -> String { String(format: "%08x", value) }
}
