import DyadCoding

/// Rows of the interchange formats: GDELT 2.0 events (61 columns) and Phoenix (26 columns).
///
/// Dyad fills the columns it knows and leaves the others empty; `docs/store.md` lists them.
///
/// ```swift
/// let line = EventExport.gdeltColumns(stored).joined(separator: "\t")
/// ```
package enum EventExport {
    /// Three-letter codes that start an actor code without being a country.
    static let nonStateRoots: Set<String> = ["IGO", "NGO", "IMG", "MNC"]

    /// Phoenix's role (agent) codes, as `postprocess.py` recognizes them.
    static let phoenixRoles: Set<String> = [
        "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL",
    ]

    /// An actor code cut into its three-letter parts: `CHNMIL` is `CHN`, `MIL`.
    static func parts(_ code: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(code)
        while !rest.isEmpty {
            parts.append(String(rest.prefix(3)))
            rest = rest.dropFirst(3)
        }
        return parts
    }

    /// GDELT's actor columns: code, name, country, known group, ethnic, religion 1 and 2, types 1–3.
    static func gdeltActor(_ actor: EventActor) -> [String] {
        let parts = parts(actor.code)
        var country = ""
        var group = ""
        var types: [String] = []
        if let first = parts.first {
            if nonStateRoots.contains(first) {
                types.append(first)
                if parts.count > 1 { group = parts[1] }
                types += parts.dropFirst(2)
            } else if first.count == 3 {
                if first != EventActor.unknownCountry { country = first }
                types += parts.dropFirst()
            }
        }
        types = Array(types.prefix(3))
        while types.count < 3 { types.append("") }
        let name = (actor.name ?? actor.text).uppercased()
        return [actor.code, name, country, group, "", "", ""] + types
    }

    /// The 61 GDELT 2.0 event columns of `stored`.
    package static func gdeltColumns(_ stored: StoredEvent) -> [String] {
        let event = stored.event
        let date = event.date
        let day = String(date.dateKey)
        let monthYear = String(date.dateKey / 100)
        let fraction = Double(date.year) + Double((date.month ?? 0) * 30 + (date.day ?? 0)) / 365
        var columns: [String] = [String(stored.id), day, monthYear, String(date.year), format(fraction, digits: 4)]
        columns += gdeltActor(event.source)
        columns += gdeltActor(event.target)
        columns.append(stored.mentions.contains { $0.sentence == 0 } ? "1" : "0")
        columns += [event.code, String(event.code.prefix(3)), event.root, String(event.quadClass)]
        columns.append(event.goldstein.map { format($0, digits: 1) } ?? "")
        columns += [String(stored.numMentions), String(stored.numSources), String(stored.numArticles), ""]
        let empty = Array(repeating: "", count: 8)
        columns += empty  // Actor1Geo
        columns += empty  // Actor2Geo
        if let place = event.place {
            columns += [
                "", place.name, place.country ?? "", "", "", format(place.lat, digits: 4), format(place.lon, digits: 4),
                "",
            ]
        } else {
            columns += empty
        }
        columns.append(dateAdded(stored.added))
        columns.append(stored.mentions.first { $0.url != nil }?.url ?? "")
        return columns.map(clean)
    }

    /// Phoenix's four actor columns: full code, entity (country or IGO/NGO/IMG/MNC), role, other codes.
    static func phoenixActor(_ code: String) -> [String] {
        var parts = parts(code)
        var entity = ""
        var role = ""
        if let first = parts.first, first.count == 3 {
            if first != EventActor.unknownCountry { entity = first }
            parts.removeFirst()
        }
        if let first = parts.first, phoenixRoles.contains(first) {
            role = first
            parts.removeFirst()
        }
        return [code, entity, role, parts.joined(separator: ";")]
    }

    /// Phoenix's QuadClass (0–4) from the CAMEO root code.
    static func phoenixQuadClass(root: String) -> String {
        guard let root = Int(root) else { return "" }
        switch root {
        case 1...2: return "0"
        case 3...5: return "1"
        case 6...8: return "2"
        case 9...13, 16: return "3"
        case 14...15, 17...20: return "4"
        default: return ""
        }
    }

    /// The 26 Phoenix columns of `stored`.
    package static func phoenixColumns(_ stored: StoredEvent) -> [String] {
        let event = stored.event
        let date = event.date
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "" }
        var columns: [String] = [
            String(stored.id), String(date.dateKey), String(date.year), two(date.month), two(date.day),
        ]
        columns += phoenixActor(event.source.code)
        columns += phoenixActor(event.target.code)
        columns += [event.code, event.root, phoenixQuadClass(root: event.root)]
        columns.append(event.goldstein.map { format($0, digits: 1) } ?? "")
        columns.append("")  // Issues
        columns += [
            event.place.map { format($0.lat, digits: 4) } ?? "", event.place.map { format($0.lon, digits: 4) } ?? "",
            event.place?.name ?? "", "", event.place?.country ?? "",
        ]
        columns.append(stored.mentions.map { "\($0.doc)_\($0.sentence)" }.joined(separator: ";"))
        columns.append(unique(stored.mentions.compactMap(\.url)).joined(separator: ";"))
        columns.append(unique(stored.mentions.compactMap(\.newsSource)).joined(separator: ";"))
        return columns.map(clean)
    }

    /// The columns of `dyad query` and `dyad export --format csv`, with their header.
    package static let tableHeader = [
        "id", "date", "source", "target", "code", "root", "quad_class", "goldstein", "place", "country", "mentions",
        "articles", "sources", "doc", "sentence", "name",
    ]

    /// One row of `tableHeader` for `stored`.
    package static func tableColumns(_ stored: StoredEvent) -> [String] {
        let event = stored.event
        return [
            String(stored.id), event.date.description, event.source.code, event.target.code, event.code, event.root,
            String(event.quadClass), event.goldstein.map { format($0, digits: 1) } ?? "", event.place?.name ?? "",
            event.place?.country ?? "", String(stored.numMentions), String(stored.numArticles),
            String(stored.numSources), event.doc, String(event.sentence), event.name,
        ]
    }

    /// `value` with at most `digits` decimals and no trailing zeros (`-4.0` is `-4`, `2.5` is `2.5`).
    package static func format(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(rounded)
        if text.contains("e") { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `2026-11-30T12:34:56Z` as GDELT's `20261130123456`.
    static func dateAdded(_ iso: String) -> String {
        String(iso.filter(\.isNumber).prefix(14))
    }

    /// The values in order without repeats.
    static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    /// A field with tabs and line breaks replaced by spaces, so a row stays one line.
    static func clean(_ field: String) -> String {
        guard field.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return field }
        return String(field.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
