import DyadCoding
import DyadStore
import Hummingbird

/// The query parameters of `GET /v1/events` and `GET /v1/dyads`: the filters of `dyad query`.
struct QueryParameters: Sendable {
    /// The filter parameters, as `dyad query` names its options (`quad_class` for `--quad-class`).
    static let filterNames = [
        "source", "target", "actor", "code", "root", "quad_class", "from", "to", "place", "country", "doc",
    ]

    var values: [String: String] = [:]

    /// Reads the query of `request`, refusing parameters not in `allowed` and repeated ones.
    init(_ request: Request, allowed: [String]) throws(APIError) {
        for (key, value) in request.uri.queryParameters {
            let name = String(key)
            guard allowed.contains(name) else {
                throw APIError(
                    .badRequest, "unknown parameter '\(name)'; this route takes " + allowed.joined(separator: ", "),
                    field: name)
            }
            guard values[name] == nil else { throw APIError(.badRequest, "'\(name)' is given twice", field: name) }
            values[name] = String(value)
        }
    }

    subscript(name: String) -> String? {
        values[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The event filter these parameters describe, validated as `dyad query` validates its options.
    func filter() throws(APIError) -> EventFilter {
        var filter = EventFilter()
        filter.source = try code("source")
        filter.target = try code("target")
        filter.actor = try code("actor")
        if let code = self["code"] {
            guard code.count <= 4, code.allSatisfy(\.isASCIIDigit) else {
                throw APIError(
                    .badRequest, "must be a CAMEO code prefix of 1 to 4 digits, not '\(code)'", field: "code")
            }
            filter.code = code
        }
        if let root = self["root"] {
            guard root.count <= 2, root.allSatisfy(\.isASCIIDigit), let value = Int(root), (1...20).contains(value)
            else {
                throw APIError(.badRequest, "must be a CAMEO root code 01 to 20, not '\(root)'", field: "root")
            }
            filter.root = value < 10 ? "0\(value)" : String(value)
        }
        if let quad = self["quad_class"] {
            guard let value = Int(quad), (1...4).contains(value) else {
                throw APIError(.badRequest, "must be 1, 2, 3 or 4, not '\(quad)'", field: "quad_class")
            }
            filter.quadClass = value
        }
        filter.from = try date("from")
        filter.to = try date("to")
        filter.place = self["place"]
        filter.country = try code("country", length: 3)
        filter.doc = self["doc"]
        return filter
    }

    /// An actor code prefix: letters and digits.
    private func code(_ name: String, length: Int = 30) throws(APIError) -> String? {
        guard let value = self[name] else { return nil }
        guard value.count <= length, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw APIError(.badRequest, "must be an actor code (letters and digits), not '\(value)'", field: name)
        }
        return value.uppercased()
    }

    private func date(_ name: String) throws(APIError) -> EventDate? {
        guard let value = self[name] else { return nil }
        guard let date = EventDate(value) else {
            throw APIError(.badRequest, "must be a date YYYY, YYYY-MM or YYYY-MM-DD, not '\(value)'", field: name)
        }
        return date
    }

    /// An integer parameter in `range`, or `fallback` when absent.
    func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws(APIError) -> Int {
        guard let text = self[name] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw APIError(
                .badRequest, "must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'",
                field: name)
        }
        return value
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension API {
    /// `GET /v1/events`: stored events matching the filters of `dyad query`, a page at a time.
    func events(_ request: Request) async throws -> Response {
        let query = try QueryParameters(request, allowed: QueryParameters.filterNames + ["limit", "after"])
        let filter = try query.filter()
        let limit = try query.integer("limit", in: 1...configuration.maximumPageSize, default: 50)
        let after = try query.integer("after", in: 0...Int.max, default: 0)
        let page = try await store.events(matching: filter, after: Int64(after), limit: limit)
        var out = "{\"events\":["
        for (index, event) in page.enumerated() {
            if index > 0 { out += "," }
            out += try Self.storedEventJSON(event)
        }
        let next = page.count == limit ? page.last.map { String($0.id) } ?? "null" : "null"
        out += "],\"limit\":\(limit),\"next_after\":\(next)}"
        return Self.json(out)
    }

    /// A stored event as JSON: the canonical record of its first mention (every field, as
    /// `dyad code --format jsonl` writes it) plus `id`, the counts, `added` and `mentions`.
    static func storedEventJSON(_ stored: StoredEvent) throws -> String {
        var out = String(EventJSON.line(stored.event).dropLast())
        out += ",\"id\":\(stored.id),\"num_mentions\":\(stored.numMentions),\"num_articles\":\(stored.numArticles)"
        out += ",\"num_sources\":\(stored.numSources),\"added\":\(jsonString(stored.added))"
        out += ",\"mentions\":" + (try encode(stored.mentions)) + "}"
        return out
    }

    /// `GET /v1/dyads`: the time series of `dyad dyads`.
    func dyads(_ request: Request) async throws -> Response {
        let query = try QueryParameters(request, allowed: QueryParameters.filterNames + ["by"])
        let filter = try query.filter()
        var period = SeriesPeriod.month
        if let by = query["by"] {
            guard let value = SeriesPeriod(rawValue: by) else {
                throw APIError(.badRequest, "must be day, week, month or year, not '\(by)'", field: "by")
            }
            period = value
        }
        let series = try await store.series(SeriesQuery(filter: filter, period: period))
        var out = "{\"by\":\(jsonString(period.rawValue)),\"points\":["
        for (index, point) in series.points.enumerated() {
            if index > 0 { out += "," }
            out += try Self.encode(point)
        }
        out += "],\"imprecise_events\":\(series.impreciseEvents)}"
        return Self.json(out)
    }
}
