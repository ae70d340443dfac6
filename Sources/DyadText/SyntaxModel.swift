/// The trained tagger, lemmatizer and parser (placeholder until the model lands).
final class SyntaxModel: Sendable {
    init(bytes: UnsafeRawBufferPointer, name: String) throws {
        throw SyntaxError(.corruptModel, "not a syntax model", file: name)
    }

    func annotate(_ sentence: inout Sentence) {}
}
