/// One coded event: who did what to whom, when and where, with the words it came from.
///
/// This is the canonical record, written one JSON object a line by `dyad code --format jsonl`;
/// `docs/event-record.md` lists its fields. Every event can be traced to its sentence, the
/// character span of that sentence, and the dictionary pattern that produced it.
public struct Event: Sendable, Hashable, Codable {
    /// The document id: the JSON Lines `id`, or the file's path.
    public var doc: String
    /// The 0-based index of the sentence in the document.
    public var sentence: Int
    /// The sentence's span in Unicode code points from the start of the document text.
    public var span: TextSpan
    /// The sentence text.
    public var text: String
    /// Who acted.
    public var source: EventActor
    /// Who was acted upon.
    public var target: EventActor
    /// The CAMEO event code (`"1244"`).
    public var code: String
    /// The CAMEO root code, the first two digits (`"12"`).
    public var root: String
    /// The CAMEO name of the code (`"Refuse to ease economic sanctions, boycott, or embargo"`).
    public var name: String
    /// The PLOVER event type, when CAMEO maps to one.
    public var plover: String?
    /// The Goldstein conflict–cooperation value (-10 ... 10), when the code has one.
    public var goldstein: Double?
    /// GDELT's QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    public var quadClass: Int
    /// When the event happened: `2022-08-15`, `2022-08` or `2022`.
    public var date: EventDate
    /// The words the date came from, `nil` when it is the publication date.
    public var dateText: String?
    /// Where it happened, when the text says.
    public var place: EventPlace?
    /// The quotation the event was coded from, if any.
    public var quote: EventQuote?
    /// The id of the dictionary pattern that fired (`"refuse * (to) -> remove * &SANCTION"`).
    public var pattern: String

    enum CodingKeys: String, CodingKey {
        case doc, sentence, span, text, source, target, code, root, name, plover, goldstein
        case quadClass = "quad_class"
        case date
        case dateText = "date_text"
        case place, quote, pattern
    }

    /// Creates an event.
    public init(
        doc: String, sentence: Int, span: TextSpan, text: String, source: EventActor, target: EventActor,
        code: String, root: String, name: String, plover: String?, goldstein: Double?, quadClass: Int,
        date: EventDate, dateText: String?, place: EventPlace?, quote: EventQuote?, pattern: String
    ) {
        self.doc = doc
        self.sentence = sentence
        self.span = span
        self.text = text
        self.source = source
        self.target = target
        self.code = code
        self.root = root
        self.name = name
        self.plover = plover
        self.goldstein = goldstein
        self.quadClass = quadClass
        self.date = date
        self.dateText = dateText
        self.place = place
        self.quote = quote
        self.pattern = pattern
    }
}

/// A half-open range of Unicode code point offsets, `[start, end)`, as Python indexes text.
public struct TextSpan: Sendable, Hashable, Codable {
    /// The first code point.
    public var start: Int
    /// One past the last code point.
    public var end: Int

    /// Creates a span.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// A span is written as `[start, end]`.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        start = try container.decode(Int.self)
        end = try container.decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(start)
        try container.encode(end)
    }
}

/// An event's source or target: its CAMEO actor code and the words that named it.
public struct EventActor: Sendable, Hashable, Codable {
    /// The CAMEO actor code: a country (`CHN`) and agents (`CHNMIL`), or an organisation (`IGOUNO`).
    public var code: String
    /// The words of the sentence that named the actor ("China's Defense Ministry", "he").
    public var text: String
    /// For a person, the resolved full name ("Wu Qian" for "Wu" or "he").
    public var name: String?

    /// The country part of the code of a role whose country is unknown (`---GOV`, "the
    /// government" in a sentence that names no country of its own), as PETRARCH2 writes it.
    public static let unknownCountry = "---"

    /// Creates an actor reference.
    public init(code: String, text: String, name: String? = nil) {
        self.code = code
        self.text = text
        self.name = name
    }
}

/// Where an event happened.
public struct EventPlace: Sendable, Hashable, Codable {
    /// The place's name as the gazetteer gives it ("Singapore", "Taiwan Strait").
    public var name: String
    /// The CAMEO country code of the place, if it lies in one country.
    public var country: String?
    /// Latitude in degrees.
    public var lat: Double
    /// Longitude in degrees.
    public var lon: Double
    /// `text` when the sentence names the place, `dateline` when it is the article's dateline city.
    public var from: String

    /// Creates a place.
    public init(name: String, country: String?, lat: Double, lon: Double, from: String) {
        self.name = name
        self.country = country
        self.lat = lat
        self.lon = lon
        self.from = from
    }
}

/// A quotation an event was coded from.
public struct EventQuote: Sendable, Hashable, Codable {
    /// The speaker's actor code.
    public var speaker: String
    /// The speaker's name, for a person.
    public var name: String?
    /// The verb that introduced the quote ("said", "added", "emphasized").
    public var cue: String?
    /// The quoted words.
    public var text: String
    /// The quote's span in code points from the start of the document.
    public var span: TextSpan

    /// Creates a quotation reference.
    public init(speaker: String, name: String?, cue: String?, text: String, span: TextSpan) {
        self.speaker = speaker
        self.name = name
        self.cue = cue
        self.text = text
        self.span = span
    }
}
