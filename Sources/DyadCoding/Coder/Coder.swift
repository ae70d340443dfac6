public import DyadText

/// Turns documents into CAMEO events: reads the wire header, analyses the text (sentences, tags,
/// lemmas, dependency parse), finds actors and dates, and codes every predicate whose dictionary
/// patterns match, with its source and target read from the parse.
///
/// `Coder` is a value with no mutable state: `code(_:)` is a pure function of the document, safe
/// to call from many tasks at once.
///
/// ```swift
/// let coder = try Coder.bundled()
/// let events = coder.code(Document(id: "1", text: "China criticized Japan.", date: EventDate("2024-05-02")))
/// events.first?.code   // "111"
/// ```
public struct Coder: Sendable {
    let analyzer: Analyzer
    let dictionaries: CodingDictionaries

    /// Creates a coder from an analyzer and dictionaries.
    public init(analyzer: Analyzer, dictionaries: CodingDictionaries) {
        self.analyzer = analyzer
        self.dictionaries = dictionaries
    }

    /// The coder with the bundled syntax model and dictionaries.
    /// - Throws: when the bundled model or a dictionary fails to load (a build problem).
    public static func bundled() throws -> Coder {
        try Coder(analyzer: Analyzer.bundled(), dictionaries: CodingDictionaries.bundled())
    }

    /// The events of `document`, in sentence order.
    public func code(_ document: Document) -> [Event] {
        code(document, trace: nil)
    }

    /// The quotations of `document`, in order, with their speakers resolved.
    public func quotations(_ document: Document) -> [Quotation] {
        let trace = TraceBox()
        _ = code(document, trace: trace)
        return trace.quotations
    }

    /// The events of `document` and, for each sentence, why each predicate was or was not coded.
    public func explain(_ document: Document) -> (events: [Event], sentences: [SentenceExplanation]) {
        let trace = TraceBox()
        let events = code(document, trace: trace)
        return (events, trace.sentences)
    }

    func code(_ document: Document, trace: TraceBox?) -> [Event] {
        let header = WireHeader(text: document.text)
        var text = document.text
        if !header.skipped.isEmpty {
            // Blank the header out, keeping every byte offset of the story where it is.
            var bytes = Array(text.utf8)
            for range in header.skipped {
                for index in range where index < bytes.count && bytes[index] != 0x0A { bytes[index] = 0x20 }
            }
            text = String(decoding: bytes, as: UTF8.self)
        }
        let sentences = analyzer.analyze(text)
        let offsets = CodePointOffsets(text: document.text)
        var context = CoreferenceContext()
        var events: [Event] = []
        var quote = QuoteTracker()
        let speakers = quote.speakers(for: sentences, speechVerbs: dictionaries.speech.speechVerbs)

        let verbs = dictionaries.verbs
        let actors = dictionaries.actors
        let graphs = sentences.map { sentence in
            SentenceGraph(
                sentence, isVerbLemma: { verbs.verbs[$0] != nil },
                isName: { name in
                    let key = ActorDictionary.normalize(name)
                    return actors.surnames[key] != nil
                        || actors.names[key]?.contains { [.country, .organization, .person].contains($0.kind) } == true
                })
        }
        let openAtStart = QuoteTracker.openAtStart(sentences)
        let datelinePlace = header.dateline.flatMap { dictionaries.gazetteer.lookup($0) }.map {
            EventPlace(name: $0.name, country: $0.country, lat: $0.lat, lon: $0.lon, from: "dateline")
        }

        var quotations: [Quotation] = []
        var quoteBytes: [Range<Int>] = []
        var previousQuoteReachedEnd = false
        for (index, sentence) in sentences.enumerated() {
            var carried: (speaker: ResolvedActor, cue: String)?
            if let speakerSentence = speakers[index] {
                var lookahead = SentenceCoder(
                    graph: graphs[speakerSentence], dictionaries: dictionaries, text: document.text,
                    published: document.date, context: context, carriedSpeaker: nil)
                carried = lookahead.speechSpeaker()
            }
            var coder = SentenceCoder(
                graph: graphs[index], dictionaries: dictionaries, text: document.text,
                published: document.date, context: context, carriedSpeaker: carried?.speaker, carriedCue: carried?.cue,
                startsInQuote: openAtStart[index])
            let found = coder.run()
            context = coder.context
            // Quotations, a direct quote that runs on from the last sentence joined to it.
            var sentenceQuotes: [(tokens: Range<Int>, quote: Int)] = []
            for piece in coder.quotations.sorted(by: { $0.tokens.lowerBound < $1.tokens.lowerBound }) {
                let speaker = EventActor(
                    code: piece.speaker.code, text: substring(document.text, piece.speaker.range),
                    name: piece.speaker.name)
                if piece.direct, piece.reachesStart, previousQuoteReachedEnd, let last = quotations.indices.last,
                    quotations[last].direct, quotations[last].speaker.code == speaker.code
                {
                    quoteBytes[last] = quoteBytes[last].lowerBound..<piece.bytes.upperBound
                    quotations[last].span = TextSpan(
                        start: quotations[last].span.start, end: offsets.codePoint(at: piece.bytes.upperBound))
                    quotations[last].text = substring(document.text, quoteBytes[last])
                    if quotations[last].cue == nil { quotations[last].cue = piece.cue }
                } else {
                    quotations.append(
                        Quotation(
                            doc: document.id, speaker: speaker, cue: piece.cue,
                            text: substring(document.text, piece.bytes),
                            span: TextSpan(
                                start: offsets.codePoint(at: piece.bytes.lowerBound),
                                end: offsets.codePoint(at: piece.bytes.upperBound)),
                            direct: piece.direct))
                    quoteBytes.append(piece.bytes)
                }
                sentenceQuotes.append((piece.tokens, quotations.count - 1))
            }
            previousQuoteReachedEnd = coder.quotations.contains { $0.direct && $0.reachesEnd }
            let span = TextSpan(
                start: offsets.codePoint(at: sentence.range.lowerBound),
                end: offsets.codePoint(at: sentence.range.upperBound))
            let sentenceText = substring(document.text, sentence.range)
            trace?.sentences.append(
                SentenceExplanation(
                    index: index, text: sentenceText,
                    tokens: graphs[index].tokens.map {  // as the coder read them, after its parse repairs
                        SentenceExplanation.Word(
                            form: $0.form, lemma: $0.lemma, upos: $0.upos, head: $0.head, relation: $0.relation)
                    },
                    actors: coder.explainedActors(), notes: coder.notes))
            for candidate in found {
                guard let cameo = dictionaries.cameo[candidate.code] else { continue }
                events.append(
                    Event(
                        doc: document.id, sentence: index, span: span, text: sentenceText,
                        source: EventActor(
                            code: candidate.source.code, text: substring(document.text, candidate.source.range),
                            name: candidate.source.name),
                        target: EventActor(
                            code: candidate.target.code, text: substring(document.text, candidate.target.range),
                            name: candidate.target.name),
                        code: cameo.code, root: cameo.root, name: cameo.name, plover: cameo.plover,
                        goldstein: cameo.goldstein, quadClass: cameo.quadClass,
                        date: candidate.date ?? document.date ?? EventDate(year: 0),
                        dateText: candidate.dateRange.map { substring(document.text, $0) },
                        place: candidate.place.map {
                            EventPlace(name: $0.name, country: $0.country, lat: $0.lat, lon: $0.lon, from: "text")
                        } ?? datelinePlace,
                        quote: nil, pattern: candidate.pattern))
                // An event coded from inside a quotation carries it.
                if let inside = sentenceQuotes.first(where: { $0.tokens.contains(candidate.predicate) }) {
                    events[events.count - 1].quote = quotations[inside.quote].eventQuote
                }
            }
        }
        // A quote extended by a later sentence: events point at the whole of it.
        for position in events.indices {
            guard let quote = events[position].quote,
                let whole = quotations.first(where: {
                    $0.span.start == quote.span.start && $0.speaker.code == quote.speaker
                })
            else { continue }
            events[position].quote = whole.eventQuote
        }
        trace?.quotations = quotations
        return events
    }
}

/// Collects explanations while coding (a reference so the pure path pays nothing when it is `nil`).
final class TraceBox: @unchecked Sendable {
    var sentences: [SentenceExplanation] = []
    var quotations: [Quotation] = []
}

/// Why a sentence was coded as it was: its parse, the actors found, and what each predicate did.
public struct SentenceExplanation: Sendable, Hashable, Codable {
    /// One analysed word.
    public struct Word: Sendable, Hashable, Codable {
        public var form: String
        public var lemma: String
        public var upos: String
        public var head: Int
        public var relation: String
    }
    /// An actor found in the sentence.
    public struct Actor: Sendable, Hashable, Codable {
        public var text: String
        public var code: String
        public var name: String?
        public var how: String
    }
    public var index: Int
    public var text: String
    public var tokens: [Word]
    public var actors: [Actor]
    /// One line per decision: a pattern that fired, or why a predicate made no event.
    public var notes: [String]
}

/// The substring of `text` at a UTF-8 byte range.
func substring(_ text: String, _ range: Range<Int>) -> String {
    let utf8 = text.utf8
    guard range.lowerBound >= 0, range.upperBound <= utf8.count, range.lowerBound <= range.upperBound else { return "" }
    let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
    let end = utf8.index(start, offsetBy: range.count)
    return String(Substring(utf8[start..<end]))
}

/// Converts UTF-8 byte offsets of a text to Unicode code point offsets.
struct CodePointOffsets {
    private var table: [Int32]

    init(text: String) {
        var table: [Int32] = []
        table.reserveCapacity(text.utf8.count + 1)
        var count: Int32 = 0
        for byte in text.utf8 {
            table.append(count)
            if byte & 0xC0 != 0x80 { count += 1 }
        }
        table.append(count)
        self.table = table
    }

    func codePoint(at byteOffset: Int) -> Int {
        guard !table.isEmpty else { return 0 }
        return Int(table[max(0, min(byteOffset, table.count - 1))])
    }
}
