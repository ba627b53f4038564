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
            throw Failure(reason: "zlib could not be initialized")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        output.reserveCapacity(Int(min(limit, 64 * 1024 * 1024)))
        let chunkSize = 64 * 1024
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var status = Z_OK
        // zlib takes a mutable pointer but does not write through next_in.
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.avail_in = UInt32(input.count)
        while status != Z_STREAM_END {
            status = chunk.withUnsafeMutableBufferPointer { buffer in
                stream.next_out = buffer.baseAddress
                stream.avail_out = UInt32(chunkSize)
                return CXlsxWriter.inflate(&stream, Z_NO_FLUSH)
            }
            let produced = chunkSize - Int(stream.avail_out)
            switch status {
            case Z_OK, Z_STREAM_END:
                break
            case Z_BUF_ERROR where produced == 0:
                // No progress is possible: the input is used up before the stream's end.
                throw Failure(reason: "its compressed data ends before the deflate stream does")
            case Z_BUF_ERROR:
                break
            default:
                let message = stream.msg.map { String(cString: $0) } ?? zError(status).map { String(cString: $0) } ?? "error \(status)"
                throw Failure(reason: "its compressed data is corrupt (zlib: \(message))")
            }
            guard UInt64(output.count + produced) <= limit else {
                throw Failure(reason: "it inflates beyond its declared size of \(limit) bytes")
            }
            output.append(contentsOf: chunk[0..<produced])
            if status == Z_OK, produced == 0, stream.avail_in == 0 {
                throw Failure(reason: "its compressed data ends before the deflate stream does")
            }
        }
        let checked = output.withUnsafeBytes { bytes in Result { () throws(Failure) in try verify(bytes, against: expected) } }
        try checked.get()
        return output
    }

    /// The bytes of a stored (uncompressed) entry, checked like an inflated one.
    static func stored(_ input: UnsafeRawBufferPointer, crc32 expected: UInt32?) throws(Failure) -> Data {
        try verify(input, against: expected)
        return Data(input)
    }

    private static func verify(_ bytes: UnsafeRawBufferPointer, against expected: UInt32?) throws(Failure) {
        guard let expected else { return }
        let actual = UInt32(truncatingIfNeeded: CXlsxWriter.crc32(0, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), uInt(bytes.count)))
        guard actual == expected else {
            throw Failure(reason: "its checksum does not match (recorded \(hex(expected)), computed \(hex(actual))): the file is damaged")
        }
    }

    private static func hex(_ value: UInt32) -> String { String(format: "%08x", value) }
}
