/// A sentence of a document: its UTF-8 byte range in the document text and its tokens.
public struct Sentence: Sendable, Hashable, Codable {
    /// UTF-8 byte range of the sentence in the document text.
    public var range: Range<Int>
    /// The tokens, in text order.
    public var tokens: [Token]

    /// Creates a sentence.
    public init(range: Range<Int>, tokens: [Token]) {
        self.range = range
        self.tokens = tokens
    }
}
