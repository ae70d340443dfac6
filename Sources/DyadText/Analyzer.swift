/// The syntax analyzer: splits text into sentences and words, tags each word with its part of
/// speech (UPOS and Penn XPOS), lemmatizes it, and parses each sentence into labelled Universal
/// Dependencies.
///
/// The model is trained on the UD English Web Treebank (see `docs/syntax.md`). `Analyzer` is an
/// immutable value and can be shared across tasks and threads.
///
/// ```swift
/// let analyzer = try Analyzer.bundled()
/// for sentence in analyzer.analyze("China suspended military talks with the US.") {
///     for token in sentence.tokens {
///         print(token.form, token.upos, token.lemma, token.head, token.relation)
///     }
/// }
/// ```
public struct Analyzer: Sendable {
    let model: SyntaxModel?

    init(model: SyntaxModel?) {
        self.model = model
    }

    /// Loads a model file written by `dyad train` (or `Trainer`).
    /// - Parameter path: The model file's path.
    /// - Throws: `SyntaxError` when the file is missing, truncated or not a model.
    public init(modelAt path: String) throws {
        guard let bytes = FileBytes.read(path) else {
            throw SyntaxError(.missingFile, "cannot read the model file", file: path)
        }
        let model = try bytes.withUnsafeBytes { try SyntaxModel(bytes: $0, name: path) }
        self.init(model: model)
    }

    /// The analyzer of the model embedded in the binary, loaded once and shared.
    /// - Returns: The analyzer.
    /// - Throws: `SyntaxError` if the embedded model is corrupt.
    public static func bundled() throws -> Analyzer {
        try BundledModel.shared.get()
    }

    /// Splits, tokenizes, tags, lemmatizes and parses `text`.
    /// - Parameter text: Raw text.
    /// - Returns: The analysed sentences; token ranges are UTF-8 byte offsets into `text`.
    public func analyze(_ text: String) -> [Sentence] {
        var sentences = Tokenizer.sentences(in: text)
        for i in sentences.indices { annotate(&sentences[i]) }
        return sentences
    }

    /// Tags, lemmatizes and parses a sentence whose tokenization is given (forms are kept).
    /// - Parameter sentence: The sentence to annotate in place.
    public func annotate(_ sentence: inout Sentence) {
        model?.annotate(&sentence)
    }
}

/// The embedded model, decoded on first use (thread-safe: a `static let` is initialised once).
enum BundledModel {
    static let assetName = "models/syntax.model"
    static let shared: Result<Analyzer, SyntaxError> = load()

    static func load() -> Result<Analyzer, SyntaxError> {
        guard let bytes = EmbeddedAssets.bytes(named: assetName) else {
            return .success(Analyzer(model: nil))
        }
        do {
            return .success(Analyzer(model: try SyntaxModel(bytes: bytes, name: assetName)))
        } catch let error as SyntaxError {
            return .failure(error)
        } catch {
            return .failure(SyntaxError(.corruptModel, "\(error)", file: assetName))
        }
    }
}
