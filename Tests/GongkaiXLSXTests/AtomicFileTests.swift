import Foundation
import GongkaiXLSX
import Testing

@Suite struct AtomicFileTests {
    private func listing(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// A symbolic link `link.<ext>` and a hard link `hard.<ext>` to `file`, beside it.
    private func links(to file: URL, extension ext: String) throws -> (symlink: URL, hardLink: URL) {
        let directory = file.deletingLastPathComponent()
        let symlink = directory.appendingPathComponent("link.\(ext)")
        try FileManager.default.createSymbolicLink(at: symlink, withDestinationURL: file)
        let hardLink = directory.appendingPathComponent("hard.\(ext)")
        try FileManager.default.linkItem(at: file, to: hardLink)
        return (symlink, hardLink)
    }

    @Test func publishesTheFinishedFileAndLeavesNoTemporaryFile() throws {
        try withTemporaryDirectory { directory in
            let output = directory.appendingPathComponent("输出.xlsx")
            var temporary: URL?
            try writeAtomically(to: output, refusingToOverwrite: []) { url in
                temporary = url
                #expect(url.deletingLastPathComponent().path == directory.path)
                #expect(url.lastPathComponent.hasPrefix("."))
                #expect(!FileManager.default.fileExists(atPath: output.path))  // nothing visible until done
                try Sample.write(to: url)
            }
            #expect(try listing(directory) == ["输出.xlsx"])
            #expect(temporary.map { FileManager.default.fileExists(atPath: $0.path) } == false)
            #expect(try WorkbookReader().read(contentsOf: output).sheetNames.first == Sample.sheetName)
        }
    }

    @Test func replacesAnExistingOutput() throws {
        try withTemporaryDirectory { directory in
            let output = directory.appendingPathComponent("out.txt")
            try Data("old".utf8).write(to: output)
            try writeAtomically(to: output, refusingToOverwrite: []) { try Data("new".utf8).write(to: $0) }
            #expect(try String(contentsOf: output, encoding: .utf8) == "new")
            #expect(try listing(directory) == ["out.txt"])
        }
    }

    @Test func failureLeavesNothingBehindAndKeepsTheOldFile() throws {
        struct Boom: Error {}
        try withTemporaryDirectory { directory in
            let output = directory.appendingPathComponent("out.xlsx")
            #expect(throws: Boom.self) {
                try writeAtomically(to: output, refusingToOverwrite: []) { url in
                    try Data("partial".utf8).write(to: url)
                    throw Boom()
                }
            }
            #expect(try listing(directory).isEmpty)

            try Data("previous".utf8).write(to: output)
            // A real library failure halfway: a workbook abandoned by a throwing body.
            #expect(throws: XLSXError.self) {
                try writeAtomically(to: output, refusingToOverwrite: []) { url in
                    let workbook = try Workbook(path: url.path)
                    let sheet = try workbook.addWorksheet(name: "S")
                    try sheet.writeNumber(.nan, row: 0, column: 0)
                    try workbook.close()
                }
            }
            #expect(try listing(directory) == ["out.xlsx"])
            #expect(try String(contentsOf: output, encoding: .utf8) == "previous")
        }
    }

    @Test func refusesToOverwriteAnInputHoweverItIsSpelled() throws {
        try withTemporaryDirectory { directory in
            let input = directory.appendingPathComponent("预算.xlsx")
            try Data("source".utf8).write(to: input)
            let subdirectory = directory.appendingPathComponent("sub")
            try FileManager.default.createDirectory(at: subdirectory, withIntermediateDirectories: false)
            let (symlink, hardLink) = try links(to: input, extension: "xlsx")

            let spellings = [
                input,
                URL(fileURLWithPath: subdirectory.path + "/../预算.xlsx"),
                URL(fileURLWithPath: directory.path + "//./预算.xlsx"),
                symlink,
                hardLink,
            ]
            for output in spellings {
                let error = #expect(throws: XLSXError.self) {
                    try writeAtomically(to: output, refusingToOverwrite: [input]) { _ in Issue.record("body must not run") }
                }
                #expect(error?.description.contains("refusing to overwrite the input file") == true, "\(output.path)")
            }
            #expect(try String(contentsOf: input, encoding: .utf8) == "source")
            #expect(try listing(directory) == ["hard.xlsx", "link.xlsx", "sub", "预算.xlsx"])
        }
    }

    /// `ProtectedFiles` resolves the inputs once; it must refuse exactly the
    /// outputs, naming exactly the input, that resolving every input afresh
    /// for each write (the reference below, the former implementation) does.
    @Test func protectedFilesAgreeWithResolvingEveryInputPerWrite() throws {
        func reference(_ output: URL, _ inputs: [URL]) -> String? {
            let finalPath = output.standardizedFileURL.path
            let directory = (finalPath as NSString).deletingLastPathComponent
            func canonical(_ path: String) -> String? {
                guard let resolved = realpath(path, nil) else { return nil }
                defer { free(resolved) }
                return String(cString: resolved)
            }
            let resolvedOutput = canonical(finalPath)
                ?? canonical(directory).map { ($0 as NSString).appendingPathComponent((finalPath as NSString).lastPathComponent) }
                ?? finalPath
            var outputStatus = stat()
            let outputExists = stat(finalPath, &outputStatus) == 0
            for input in inputs {
                let inputPath = input.standardizedFileURL.path
                var inputStatus = stat()
                let sameInode = outputExists && stat(inputPath, &inputStatus) == 0
                    && inputStatus.st_dev == outputStatus.st_dev && inputStatus.st_ino == outputStatus.st_ino
                if sameInode || canonical(inputPath) == resolvedOutput { return inputPath }
            }
            return nil
        }
        try withTemporaryDirectory { directory in
            let input = directory.appendingPathComponent("预算.txt")
            try Data("source".utf8).write(to: input)
            let other = directory.appendingPathComponent("other.txt")
            try Data("other".utf8).write(to: other)
            let (symlink, hardLink) = try links(to: input, extension: "txt")
            let missing = directory.appendingPathComponent("missing.txt")
            let inputLists: [[URL]] = [
                [], [input], [other, input], [missing, symlink], [hardLink, input], [symlink, hardLink, other],
                [URL(fileURLWithPath: directory.path + "//./预算.txt"), other],
            ]
            // Outputs that exist, do not exist, or are another spelling of an input.
            let outputs = [input, other, symlink, hardLink, missing, directory.appendingPathComponent("new.xlsx"),
                           URL(fileURLWithPath: directory.path + "/sub/../预算.txt")]
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: false)
            var refusals = 0
            for inputs in inputLists {
                for output in outputs {
                    let expected = reference(output, inputs)
                    var refused: String?
                    do {
                        try writeAtomically(to: output, refusingToOverwrite: ProtectedFiles(inputs)) { try Data("written".utf8).write(to: $0) }
                    } catch let XLSXError.fileSystem(_, reason) {
                        refused = reason
                    }
                    #expect(refused == expected.map { "refusing to overwrite the input file \($0)" }, "\(output.path) among \(inputs.map(\.lastPathComponent))")
                    if expected != nil { refusals += 1 }
                }
            }
            #expect(refusals > 0)  // the scenarios do exercise refusals
        }
    }

    @Test func namesTheMissingDirectory() throws {
        let missing = "/tmp/gongkai-missing-\(UUID().uuidString)"
        let error = #expect(throws: XLSXError.self) {
            try writeAtomically(to: URL(fileURLWithPath: missing + "/out.xlsx"), refusingToOverwrite: []) { _ in }
        }
        #expect(error == .fileSystem(path: missing, reason: "the output directory does not exist"))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func refusesADirectoryAsOutput() throws {
        try withTemporaryDirectory { directory in
            let error = #expect(throws: XLSXError.self) {
                try writeAtomically(to: directory, refusingToOverwrite: []) { _ in }
            }
            #expect(error?.description.contains("is a directory") == true)
        }
    }

    // Root may write anywhere, so an unwritable directory can only be staged for other users.
    @Test(.enabled(if: geteuid() != 0, "root bypasses directory permissions"))
    func namesTheUnwritableDirectory() throws {
        try withTemporaryDirectory { directory in
            let locked = directory.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o555])
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
            let error = #expect(throws: XLSXError.self) {
                try writeAtomically(to: locked.appendingPathComponent("out.xlsx"), refusingToOverwrite: []) { _ in }
            }
            #expect(error?.description.contains("not writable") == true)
        }
    }
}
