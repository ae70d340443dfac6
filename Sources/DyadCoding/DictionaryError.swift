/// A problem in a dictionary or data file, located at its line: prints as `file:line: message`.
public struct DictionaryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's name or path as the user knows it.
    public var file: String
    /// The 1-based line number, `0` when the problem is the file as a whole.
    public var line: Int
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
