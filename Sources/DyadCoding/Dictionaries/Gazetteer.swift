/// One place of the gazetteer.
struct Place: Sendable, Hashable {
    var name: String
    var kind: String
    var country: String?
    var lat: Double
    var lon: Double
    var population: Int
}

/// The places of `places.tsv` — countries, regions, cities, seas, straits — indexed by name for
/// matching against a sentence's tokens, with the most important place first for each name.
struct Gazetteer: Sendable {
    /// Normalised names and alternates to places, most prominent first.
    private(set) var places: [String: [Place]] = [:]
    /// First alphanumeric run of every name, to the most tokens a name can span.
    private(set) var firstRuns: [String: Int] = [:]

    init() {}

    init(file: String, text: String) throws(DictionaryError) {
        let table = try TSVTable(name: file, text: text)
        for column in ["name", "kind", "country", "lat", "lon"] where !table.columns.contains(column) {
            throw DictionaryError(file: file, line: 1, message: "missing column '\(column)'")
        }
        for row in table.rows {
            guard let name = row["name"], !name.isEmpty else {
                throw DictionaryError(file: file, line: row.line, message: "a place needs a name")
            }
            guard let lat = row["lat"].flatMap(Double.init), let lon = row["lon"].flatMap(Double.init),
                (-90...90).contains(lat), (-180...180).contains(lon)
            else {
                throw DictionaryError(file: file, line: row.line, message: "bad latitude or longitude for \(name)")
            }
            let country = row["country"].flatMap { $0.isEmpty ? nil : $0 }
            let place = Place(
                name: name, kind: row["kind"] ?? "", country: country, lat: lat, lon: lon,
                population: row["population"].flatMap { Int($0) } ?? 0)
            add(name, place)
            for alternate in LineReader.list(row["alternates"] ?? "") { add(alternate, place) }
        }
        for key in places.keys {
            places[key]?.sort { Self.prominence($0) > Self.prominence($1) }
        }
    }

    /// Countries and capitals before other cities; bigger cities before smaller ones.
    private static func prominence(_ place: Place) -> Int {
        switch place.kind {
        case "country": return Int.max
        case "capital": return Int.max - 1
        case "sea", "strait", "gulf", "ocean", "region", "territory", "admin1": return Int.max - 2
        default: return place.population
        }
    }

    private mutating func add(_ name: String, _ place: Place) {
        let key = ActorDictionary.normalize(name)
        guard !key.isEmpty else { return }
        places[key, default: []].append(place)
        let run = ActorDictionary.firstRun(key)
        let tokens = ActorDictionary.tokenEstimate(key)
        if !run.isEmpty { firstRuns[run] = max(firstRuns[run] ?? 0, tokens) }
    }

    /// The most prominent place named exactly `name`.
    func lookup(_ name: String) -> Place? {
        places[ActorDictionary.normalize(name)]?.first
    }
}
