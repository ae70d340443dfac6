/// A quotation in a document: who said it (resolved like any actor), the verb that introduced it,
/// and the words, direct (between quotation marks, possibly across sentences) or indirect (the
/// clause a speech verb reports: "Wu said the US should lift the sanctions").
public struct Quotation: Sendable, Hashable, Codable {
    /// The document's identifier.
    public var doc: String
    /// The speaker: actor code, the words that named them, and for a person the full name.
    public var speaker: EventActor
    /// The verb that introduced the quote ("said", "added", "emphasized"), when one did.
    public var cue: String?
    /// The quoted words.
    public var text: String
    /// The quote's span in code points from the start of the document.
    public var span: TextSpan
    /// `true` between quotation marks, `false` for reported (indirect) speech.
    public var direct: Bool

    /// Creates a quotation.
    public init(doc: String, speaker: EventActor, cue: String?, text: String, span: TextSpan, direct: Bool) {
        self.doc = doc
        self.speaker = speaker
        self.cue = cue
        self.text = text
        self.span = span
        self.direct = direct
    }

    /// The reference an event coded from inside this quotation carries.
    public var eventQuote: EventQuote {
        EventQuote(speaker: speaker.code, name: speaker.name, cue: cue, text: text, span: span)
    }

    /// The quotation as one line of JSON (`doc`, `speaker` with `code`, `text`, `name`, `cue`,
    /// `text`, `span`, `direct`), without the newline.
    public var jsonLine: String {
        let q = EventJSON.quoted
        let name = speaker.name.map(q) ?? "null"
        let speakerObject = "{\"code\":\(q(speaker.code)),\"text\":\(q(speaker.text)),\"name\":\(name)}"
        return "{\"doc\":\(q(doc)),\"speaker\":\(speakerObject),\"cue\":\(cue.map(q) ?? "null"),"
            + "\"text\":\(q(text)),\"span\":[\(span.start),\(span.end)],\"direct\":\(direct)}"
    }
}
