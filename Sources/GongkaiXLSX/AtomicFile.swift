import Foundation

/// Builds a file under a hidden temporary name next to `finalURL`, then renames it into place.
///
/// `body` receives the temporary file's URL and writes the complete file there
/// (the file already exists, empty, so its name is reserved). Only if `body`
/// returns normally is the file flushed to disk and renamed over `finalURL` with
/// POSIX `rename`, which is atomic within one directory: readers see either the
/// old file or the complete new one, never a partial write. The temporary file
/// lives in the same directory because `rename` cannot cross file systems.
///
/// On any failure the temporary file is removed, nothing is left behind, and the
/// error names the offending path. Before anything is created the call refuses:
/// a missing or unwritable directory, a `finalURL` that is a directory, and a
/// `finalURL` that is (after resolving symlinks, or as a hard link) one of
/// `inputs`, so a conversion can never destroy its own source.
///
/// Errors thrown by `body` are rethrown unchanged.
public func writeAtomically(to finalURL: URL, refusingToOverwrite inputs: [URL], _ body: (URL) throws -> Void) throws {
    try writeAtomically(to: finalURL, refusingToOverwrite: ProtectedFiles(inputs), body)
}

/// `writeAtomically(to:refusingToOverwrite:_:)` with the inputs already resolved:
/// a batch writing n files, each guarded against all n inputs, resolves them
/// once rather than n times (n² `realpath` calls were a tenth of the write side).
public func writeAtomically(to finalURL: URL, refusingToOverwrite inputs: ProtectedFiles, _ body: (URL) throws -> Void) throws {
    let finalPath = finalURL.standardizedFileURL.path
    let directory = (finalPath as NSString).deletingLastPathComponent
    let fileName = (finalPath as NSString).lastPathComponent
    func failure(_ path: String, _ reason: String) -> XLSXError { .fileSystem(path: path, reason: reason) }

    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
        throw failure(directory, "the output directory does not exist")
    }
    guard isDirectory.boolValue else { throw failure(directory, "the output directory is not a directory") }
    guard access(directory, W_OK | X_OK) == 0 else {
        throw failure(directory, "the output directory is not writable (\(String(cString: strerror(errno))))")
    }
    if FileManager.default.fileExists(atPath: finalPath, isDirectory: &isDirectory), isDirectory.boolValue {
        throw failure(finalPath, "the output path is a directory")
    }
    try refuseOverwritingInputs(finalPath: finalPath, directory: directory, fileName: fileName, inputs: inputs)

    // Hidden and unique; O_EXCL makes the name ours even if another writer races us.
    let temporaryPath = (directory as NSString).appendingPathComponent(".\(fileName).\(UUID().uuidString).tmp")
    let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
        throw failure(directory, "cannot create a temporary file in the output directory (\(String(cString: strerror(errno))))")
    }
    close(descriptor)

    do {
        try body(URL(fileURLWithPath: temporaryPath))
        try syncToDisk(temporaryPath, failure)
        guard rename(temporaryPath, finalPath) == 0 else {
            throw failure(finalPath, "cannot move the finished file into place (\(String(cString: strerror(errno))))")
        }
    } catch {
        unlink(temporaryPath)
        throw error
    }
    // The rename is done; making the directory entry durable is best effort.
    let directoryDescriptor = open(directory, O_RDONLY | O_CLOEXEC)
    if directoryDescriptor >= 0 {
        fsync(directoryDescriptor)
        close(directoryDescriptor)
    }
}

/// Files a write must never replace, each resolved once: its canonical path
/// (`realpath`: symlinks, `..`, duplicate slashes) and its device and inode
/// (hard links, bind mounts).
///
/// Resolved when made, so build it once for all the files a command writes;
/// an input replaced after that is judged by what it was.
public struct ProtectedFiles: Sendable, ExpressibleByArrayLiteral {
    /// The inputs as given (standardized), for messages.
    private let paths: [String]
    /// Canonical path → index of the first input that resolves to it.
    private let byCanonicalPath: [String: Int]
    /// (device, inode) → index of the first input that is that file.
    private let byIdentity: [FileIdentity: Int]

    private struct FileIdentity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
    }

    /// Resolves `inputs`; those that do not exist protect nothing.
    public init(_ inputs: [URL]) {
        var paths: [String] = []
        var byCanonicalPath: [String: Int] = [:]
        var byIdentity: [FileIdentity: Int] = [:]
        for (i, input) in inputs.enumerated() {
            let path = input.standardizedFileURL.path
            paths.append(path)
            if let canonical = canonicalPath(path), byCanonicalPath[canonical] == nil { byCanonicalPath[canonical] = i }
            var status = stat()
            if stat(path, &status) == 0 {
                let identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
                if byIdentity[identity] == nil { byIdentity[identity] = i }
            }
        }
        self.paths = paths
        self.byCanonicalPath = byCanonicalPath
        self.byIdentity = byIdentity
    }

    /// Resolves the inputs listed.
    public init(arrayLiteral inputs: URL...) { self.init(inputs) }

    /// Whether no file is protected.
    public var isEmpty: Bool { paths.isEmpty }

    /// The first input (as given) that writing `finalPath` would replace, if any.
    ///
    /// The output is compared by canonical path, and when it already exists,
    /// by device and inode too.
    func input(replacedBy finalPath: String, directory: String, fileName: String) -> String? {
        guard !paths.isEmpty else { return nil }
        let resolvedOutput = canonicalPath(finalPath)
            ?? canonicalPath(directory).map { ($0 as NSString).appendingPathComponent(fileName) }
            ?? finalPath
        var first = byCanonicalPath[resolvedOutput]
        var outputStatus = stat()
        if stat(finalPath, &outputStatus) == 0,
           let i = byIdentity[FileIdentity(device: UInt64(outputStatus.st_dev), inode: UInt64(outputStatus.st_ino))] {
            first = min(first ?? i, i)
        }
        return first.map { paths[$0] }
    }
}

/// Throws if writing `finalPath` would replace one of `inputs`.
private func refuseOverwritingInputs(finalPath: String, directory: String, fileName: String, inputs: ProtectedFiles) throws {
    if let inputPath = inputs.input(replacedBy: finalPath, directory: directory, fileName: fileName) {
        throw XLSXError.fileSystem(path: finalPath, reason: "refusing to overwrite the input file \(inputPath)")
    }
}

/// `realpath(3)`, or nil if the path does not exist.
private func canonicalPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

/// Flushes the finished file so the rename never publishes data still only in the page cache.
private func syncToDisk(_ path: String, _ failure: (String, String) -> XLSXError) throws {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
        throw failure(path, "cannot reopen the temporary file (\(String(cString: strerror(errno))))")
    }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else {
        throw failure(path, "cannot flush the temporary file to disk (\(String(cString: strerror(errno))))")
    }
}
