import ArgumentParser
import Foundation
import GongkaiModel
import GongkaiParse

/// What every subcommand shares: loading inputs and turning input errors
/// into `FILE:LINE: message` on stderr with exit code 2.
enum CommandSupport {
    static func load(_ path: String) throws -> Document {
        do {
            return try DocumentLoader.load(URL(fileURLWithPath: path))
        } catch let error as InputError {
            throw BadInput(error)
        }
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

