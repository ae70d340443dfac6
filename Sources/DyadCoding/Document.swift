/// A news document to code: its text and what is known about it.
public struct Document: Sendable, Hashable, Codable {
    /// A stable id: the one given (a JSON Lines `id`, a file path), else a hash of the text.
    public var id: String
    /// The full text as read (headers included); offsets in events refer to it.
    public var text: String
    /// The publication date, if known.
    public var date: EventDate?
    /// Where the document came from, if known.
    public var url: String?
    /// The publisher or news source, if known.
    public var source: String?

    /// Creates a document.
    public init(id: String, text: String, date: EventDate? = nil, url: String? = nil, source: String? = nil) {
        self.id = id
        self.text = text
        self.date = date
        self.url = url
        self.source = source
    }
}
