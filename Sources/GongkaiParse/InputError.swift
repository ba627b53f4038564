/// A problem with the input that the user must fix: it names the file and,
/// where there is one, the line, and says what was expected.
///
/// Every command reports these on stderr as `FILE:LINE: message` and exits 2.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
