/// Writes an ``Event`` as one line of JSON with its fields in a fixed order (the canonical JSON
/// Lines record documented in docs/event-record.md). Faster than `JSONEncoder` and stable.
public enum EventJSON {
    /// The event as a single line of JSON, without the newline.
    public static func line(_ event: Event) -> String {
        var out = "{"
        out.reserveCapacity(512 + event.text.utf8.count)
        field(&out, "doc", string: event.doc, first: true)
        field(&out, "sentence", raw: String(event.sentence))
        field(&out, "span", raw: "[\(event.span.start),\(event.span.end)]")
        field(&out, "text", string: event.text)
        field(&out, "source", raw: actor(event.source))
        field(&out, "target", raw: actor(event.target))
        field(&out, "code", string: event.code)
        field(&out, "root", string: event.root)
        field(&out, "name", string: event.name)
        field(&out, "plover", raw: event.plover.map(quoted) ?? "null")
        field(&out, "goldstein", raw: event.goldstein.map { number($0) } ?? "null")
        field(&out, "quad_class", raw: String(event.quadClass))
        field(&out, "date", string: event.date.description)
        field(&out, "date_text", raw: event.dateText.map(quoted) ?? "null")
        if let place = event.place {
            var object = "{"
            field(&object, "name", string: place.name, first: true)
            field(&object, "country", raw: place.country.map(quoted) ?? "null")
            field(&object, "lat", raw: number(place.lat))
            field(&object, "lon", raw: number(place.lon))
            field(&object, "from", string: place.from)
            field(&out, "place", raw: object + "}")
        } else {
            field(&out, "place", raw: "null")
        }
        if let quote = event.quote {
            var object = "{"
            field(&object, "speaker", string: quote.speaker, first: true)
            field(&object, "name", raw: quote.name.map(quoted) ?? "null")
            field(&object, "cue", raw: quote.cue.map(quoted) ?? "null")
            field(&object, "text", string: quote.text)
            field(&object, "span", raw: "[\(quote.span.start),\(quote.span.end)]")
            field(&out, "quote", raw: object + "}")
        } else {
            field(&out, "quote", raw: "null")
        }
        field(&out, "pattern", string: event.pattern)
        out += "}"
        return out
    }

    private static func actor(_ actor: EventActor) -> String {
        var object = "{"
        field(&object, "code", string: actor.code, first: true)
        field(&object, "text", string: actor.text)
        field(&object, "name", raw: actor.name.map(quoted) ?? "null")
        return object + "}"
    }

    private static func field(_ out: inout String, _ key: String, string: String, first: Bool = false) {
        field(&out, key, raw: quoted(string), first: first)
    }

    private static func field(_ out: inout String, _ key: String, raw: String, first: Bool = false) {
        if !first { out += "," }
        out += "\""
        out += key
        out += "\":"
        out += raw
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) + ".0" }
        return String(value)
    }

    /// `text` as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
