/// An error of the syntax analyzer: a malformed CoNLL-U file, a corrupt or missing model.
///
/// It prints as `file:line: message` (or `file: message` when there is no line), like a compiler
/// diagnostic, so that a user can jump to the line that is wrong.
///
/// ```swift
/// do { _ = try CoNLLU.read(contentsOf: "bad.conllu") } catch { print(error) }
/// // bad.conllu:12: expected 10 tab-separated columns, found 7
/// ```
public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Kind: Sendable, Hashable {
            case malformedCoNLLU, corruptModel, missingFile, invalidArgument
        }
        let kind: Kind
        /// A CoNLL-U line that cannot be read.
        public static let malformedCoNLLU = Code(kind: .malformedCoNLLU)
        /// A model file that is truncated, of another version, or not a model.
        public static let corruptModel = Code(kind: .corruptModel)
        /// A file that does not exist or cannot be read.
        public static let missingFile = Code(kind: .missingFile)
        /// An argument outside its allowed range.
        public static let invalidArgument = Code(kind: .invalidArgument)

        public var description: String {
            switch kind {
            case .malformedCoNLLU: "malformed CoNLL-U"
            case .corruptModel: "corrupt model"
            case .missingFile: "missing file"
            case .invalidArgument: "invalid argument"
            }
        }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, for a human.
    public var message: String
    /// The file the error is about, if any.
    public var file: String?
    /// The 1-based line in `file`, if known.
    public var line: Int?
    /// The 1-based column in the line, if known.
    public var column: Int?

    /// Creates an error.
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: A human-readable description.
    ///   - file: The file concerned.
    ///   - line: The 1-based line number.
    ///   - column: The 1-based column number.
    public init(_ code: Code, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var location = file ?? ""
        if let line { location += (location.isEmpty ? "" : ":") + "\(line)" }
        if let column { location += ":\(column)" }
        return location.isEmpty ? message : "\(location): \(message)"
    }
}
