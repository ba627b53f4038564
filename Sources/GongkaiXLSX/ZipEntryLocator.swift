import Foundation

/// Where each entry's stored bytes lie in a zip file, read from its central directory.
///
/// ZIPFoundation lists the entries but keeps their offsets to itself, and its
/// Linux extraction reads past an entry's end until the deflate stream says it
/// is done, which a corrupt stream never does. So the reader locates the bytes
/// here and inflates exactly that range itself (`BoundedInflater`).
///
/// Every offset and length is checked against the file; an entry whose range
/// does not fit is recorded as such rather than trusted.
struct ZipEntryLocator {
    /// The bytes of one entry as the zip records them.
    struct Span: Equatable {
        /// 0 stored, 8 deflated (anything else is refused by the reader).
        let method: UInt16
        let crc32: UInt32
        /// Offset of the first data byte in the file.
        let dataStart: Int
        let compressedSize: UInt64
    }

    /// What the central directory says of each entry, by name (the first of duplicates wins, as in ZIPFoundation).
    private var spans: [String: Result<Span, LocatorError>] = [:]

    /// Why an entry's bytes cannot be located.
    struct LocatorError: Error, Equatable {
        let reason: String
    }

    /// Reads the directory of the zip `bytes` (the whole file, usually memory-mapped).
    ///
    /// Entries it cannot make sense of are left out; asking for them gives nil.
    /// - Complexity: O(*n*) in the size of the central directory, plus a backward
    ///   scan of at most 64 KB for its end record.
    init(bytes: Data) {
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let count = raw.count
            func u16(_ at: Int) -> UInt16? {
                guard at >= 0, at + 2 <= count else { return nil }
                return UInt16(raw[at]) | UInt16(raw[at + 1]) << 8
            }
            func u32(_ at: Int) -> UInt32? {
                guard let low = u16(at), let high = u16(at + 2) else { return nil }
                return UInt32(low) | UInt32(high) << 16
            }
            // The end-of-central-directory record: the last signature within the comment's reach.
            var end = count - 22
            let lowest = max(0, count - 22 - 0xFFFF)
            while end >= lowest, u32(end) != 0x0605_4B50 { end -= 1 }
            guard end >= lowest, let total = u16(end + 10), let directory = u32(end + 16) else { return }
            var position = Int(directory)
            for _ in 0..<Int(total) {
                guard u32(position) == 0x0201_4B50,
                      let method = u16(position + 10), let crc = u32(position + 16),
                      let compressed = u32(position + 20), let uncompressed = u32(position + 24),
                      let nameLength = u16(position + 28), let extraLength = u16(position + 30),
                      let commentLength = u16(position + 32), let local = u32(position + 42),
                      position + 46 + Int(nameLength) <= count else { return }
                let nameBytes = raw[(position + 46)..<(position + 46 + Int(nameLength))]
                let name = String(decoding: nameBytes, as: UTF8.self)
                position += 46 + Int(nameLength) + Int(extraLength) + Int(commentLength)
                guard spans[name] == nil else { continue }
                let span: Result<Span, LocatorError>
                if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                    span = .failure(LocatorError(reason: "it is a ZIP64 entry, which a budget workbook never needs"))
                } else if u32(Int(local)) != 0x0403_4B50 {
                    span = .failure(LocatorError(reason: "its local header is missing at offset \(local)"))
                } else if let localName = u16(Int(local) + 26), let localExtra = u16(Int(local) + 28) {
                    let start = Int(local) + 30 + Int(localName) + Int(localExtra)
                    if start + Int(compressed) > count {
                        span = .failure(LocatorError(reason:
                            "its header claims \(compressed) compressed bytes from offset \(start) in a file of \(count) bytes"))
                    } else {
                        span = .success(Span(method: method, crc32: crc, dataStart: start,
                                             compressedSize: UInt64(compressed)))
                    }
                } else {
                    span = .failure(LocatorError(reason: "its local header is cut off at offset \(local)"))
                }
                spans[name] = span
            }
        }
    }

    /// The span of the entry named `path`, a reason it has none, or nil if the directory does not list it.
    func span(of path: String) -> Result<Span, LocatorError>? {
        spans[path]
    }
}
