package import DyadCoding

/// One real-world event as stored: the deduplicated event and every sentence that reported it.
///
/// Several articles reporting the same event (same source, target, CAMEO code, date and place)
/// are one stored event with several mentions, as in GDELT, but each mention keeps its
/// provenance: document, sentence, span, text and the pattern that fired.
///
/// As JSON it is the canonical event record of its first mention (so it decodes as an `Event`)
/// plus `id`, `num_mentions`, `num_articles`, `num_sources` and `mentions`.
package struct StoredEvent: Sendable, Hashable {
    /// The store's id for the event (GDELT's GlobalEventID).
    package var id: Int64
    /// The event as coded from its first mention.
    package var event: Event
    /// How many sentences reported it.
    package var numMentions: Int
    /// How many documents reported it.
    package var numArticles: Int
    /// How many news sources reported it (documents without a source count as one source).
    package var numSources: Int
    /// When the first mention was stored, ISO 8601 UTC.
    package var added: String
    /// Every mention, oldest first.
    package var mentions: [EventMention]

    package init(
        id: Int64, event: Event, numMentions: Int, numArticles: Int, numSources: Int, added: String,
        mentions: [EventMention]
    ) {
        self.id = id
        self.event = event
        self.numMentions = numMentions
        self.numArticles = numArticles
        self.numSources = numSources
        self.added = added
        self.mentions = mentions
    }
}

/// One report of an event: where it was said and how it was coded.
package struct EventMention: Sendable, Hashable, Codable {
    /// The document id.
    package var doc: String
    /// The 0-based sentence index in the document.
    package var sentence: Int
    /// The sentence span in code points.
    package var span: TextSpan
    /// The sentence text.
    package var text: String
    /// The source as this sentence named it.
    package var source: EventActor
    /// The target as this sentence named it.
    package var target: EventActor
    /// The words the date came from, if any.
    package var dateText: String?
    /// Whether the place came from the `text` or the `dateline`, when there is a place.
    package var placeFrom: String?
    /// The quotation the event came from, if any.
    package var quote: EventQuote?
    /// The dictionary pattern that fired.
    package var pattern: String
    /// The document's news source, if known.
    package var newsSource: String?
    /// The document's URL, if known.
    package var url: String?

    enum CodingKeys: String, CodingKey {
        case doc, sentence, span, text, source, target
        case dateText = "date_text"
        case placeFrom = "place_from"
        case quote, pattern
        case newsSource = "news_source"
        case url
    }

    package init(
        doc: String, sentence: Int, span: TextSpan, text: String, source: EventActor, target: EventActor,
        dateText: String?, placeFrom: String?, quote: EventQuote?, pattern: String, newsSource: String?, url: String?
    ) {
        self.doc = doc
        self.sentence = sentence
        self.span = span
        self.text = text
        self.source = source
        self.target = target
        self.dateText = dateText
        self.placeFrom = placeFrom
        self.quote = quote
        self.pattern = pattern
        self.newsSource = newsSource
        self.url = url
    }
}

extension StoredEvent: Codable {
    enum ExtraKeys: String, CodingKey {
        case id
        case numMentions = "num_mentions"
        case numArticles = "num_articles"
        case numSources = "num_sources"
        case added, mentions
    }

    package init(from decoder: any Decoder) throws {
        event = try Event(from: decoder)
        let container = try decoder.container(keyedBy: ExtraKeys.self)
        id = try container.decode(Int64.self, forKey: .id)
        numMentions = try container.decode(Int.self, forKey: .numMentions)
        numArticles = try container.decode(Int.self, forKey: .numArticles)
        numSources = try container.decode(Int.self, forKey: .numSources)
        added = try container.decodeIfPresent(String.self, forKey: .added) ?? ""
        mentions = try container.decodeIfPresent([EventMention].self, forKey: .mentions) ?? []
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ExtraKeys.self)
        try container.encode(id, forKey: .id)
        try event.encode(to: encoder)
        try container.encode(numMentions, forKey: .numMentions)
        try container.encode(numArticles, forKey: .numArticles)
        try container.encode(numSources, forKey: .numSources)
        try container.encode(added, forKey: .added)
        try container.encode(mentions, forKey: .mentions)
    }
}
