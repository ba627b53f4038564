import ArgumentParser
import Foundation
import GongkaiModel
import GongkaiParse
import GongkaiConvert

/// What every subcommand shares: loading inputs and turning input errors
/// into `FILE:LINE: message` on stderr with exit code 2.
enum CommandSupport {
    static func load(_ path: String) throws -> Document {
        do {
            return try Inputs.load(URL(fileURLWithPath: path))
        } catch let error as InputError {
            throw BadInput(error)
        }
    }

    /// Loads several inputs at the same time; a bad one is reported as
    /// `load` reports it, the first in argument order.
    static func loadAll(_ paths: [String]) throws -> [Document] {
        do {
            return try Inputs.loadAll(paths.map { URL(fileURLWithPath: $0) })
        } catch let error as InputError {
            throw BadInput(error)
        }
    }

    /// The workbook path for `doc`: `output` itself when it names a .xlsx
    /// file, else a file in the folder `output` (created when missing).
    static func outputURL(_ output: String, for doc: Document, names: inout OutputNames) throws -> URL {
        let url = URL(fileURLWithPath: output)
        if output.lowercased().hasSuffix(".xlsx") { return url }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) {
            guard isDir.boolValue else {
                throw BadInput(InputError(file: url.path, "is a file, not a folder; give a folder or a .xlsx path with -o"))
            }
        } else {
            do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
                throw BadInput(InputError(file: url.path, "cannot create the output folder (\(error.localizedDescription))"))
            }
        }
        return url.appendingPathComponent(names.claim(OutputName.workbook(for: doc)))
    }

    /// Warnings and errors of the parser go to stderr as `FILE:LINE: …`.
    static func printDiagnostics(_ doc: Document, file: String) {
        for d in doc.diagnostics where d.severity != .note {
            let place = d.line.map { "\(file):\($0)" } ?? file
            FileHandle.standardError.write(Data("\(place): \(d.severity.rawValue): \(d.message)\n".utf8))
        }
    }
}

/// Bad input: the message on stderr, exit 2.
struct BadInput: Error, CustomStringConvertible {
    let description: String
    init(_ error: InputError) { description = error.description }
}

