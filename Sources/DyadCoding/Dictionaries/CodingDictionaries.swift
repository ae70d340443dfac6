internal import DyadText

/// The codes a frame gives a governed event: one row of `frame-codes.tsv` per base code prefix.
struct FrameCodes: Sendable {
    private var rows: [String: [FrameKind: String]] = [:]

    init(file: String, text: String, cameo: CAMEO) throws(DictionaryError) {
        let table = try TSVTable(name: file, text: text)
        for kind in FrameKind.allCases where !table.columns.contains(kind.rawValue) {
            throw DictionaryError(file: file, line: 1, message: "missing column '\(kind.rawValue)'")
        }
        for row in table.rows {
            guard let base = row["base"], !base.isEmpty, base.allSatisfy(\.isASCIIDigit) else {
                throw DictionaryError(file: file, line: row.line, message: "bad base code")
            }
            var codes: [FrameKind: String] = [:]
            for kind in FrameKind.allCases {
                guard let value = row[kind.rawValue]?.trimmingBlanks(), !value.isEmpty, value != "-" else { continue }
                guard cameo[value] != nil else {
                    throw DictionaryError(file: file, line: row.line, message: "unknown CAMEO code '\(value)'")
                }
                codes[kind] = value
            }
            rows[base] = codes
        }
    }

    /// The code `code` becomes under `frame`: the row of its longest prefix decides; `nil` when
    /// that row says no event.
    func code(for code: String, under frame: FrameKind) -> String? {
        var prefix = Substring(code)
        while !prefix.isEmpty {
            if let row = rows[String(prefix)] { return row[frame] }
            prefix = prefix.dropLast()
        }
        return nil
    }
}

/// Speech verbs and the predicates that make a speaker's statement an accusation (`speech.txt`).
struct SpeechDictionary: Sendable {
    var speechVerbs: Set<String> = []
    /// Accusing predicates: verb lemma to the object lemmas it needs (empty: any object).
    var accusations: [String: Set<String>] = [:]

    init(file: String, text: String) throws(DictionaryError) {
        for line in LineReader.lines(of: text) {
            let fields = line.text.splitBlanks()
            guard let keyword = fields.first else { continue }
            let body = line.text.dropFirst(keyword.count)
            switch keyword {
            case "speech":
                for item in LineReader.list(body) { speechVerbs.insert(item.lowercased()) }
            case "accusation":
                let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let verb = parts.first.map { $0.trimmingBlanks().lowercased() } ?? ""
                guard !verb.isEmpty, !verb.contains(" ") else {
                    throw DictionaryError(file: file, line: line.number, message: "an accusation names one verb")
                }
                let objects = parts.count > 1 ? LineReader.list(parts[1]).map { $0.lowercased() } : []
                accusations[verb, default: []].formUnion(objects)
            default:
                throw DictionaryError(
                    file: file, line: line.number, message: "expected 'speech' or 'accusation', found '\(keyword)'")
            }
        }
    }
}

/// Every vocabulary the coder uses, loaded and validated.
///
/// The bundled dictionaries are compiled into the binary; `overrides` replaces a bundled file by
/// name (`"verbs.txt"`) with a user's text, so a user can extend Dyad without rebuilding it.
public struct CodingDictionaries: Sendable {
    let cameo: CAMEO
    var actors: ActorDictionary
    let verbs: VerbDictionary
    let frameCodes: FrameCodes
    let speech: SpeechDictionary
    let gazetteer: Gazetteer

    /// The file names the coder reads, under `dictionaries/`.
    public static let fileNames = [
        "countries.txt", "agents.txt", "organizations.txt", "people.txt", "verbs.txt", "frame-codes.tsv",
        "speech.txt", "places.tsv",
    ]

    /// The bundled dictionaries, loaded once per process.
    public static func bundled() throws -> CodingDictionaries {
        try cachedBundle.get()
    }

    private static let cachedBundle: Result<CodingDictionaries, any Error> = Result { try CodingDictionaries() }

    /// Loads the bundled dictionaries, replacing any file named in `overrides` by the text given.
    /// - Parameter overrides: file name (`"people.txt"`) to the contents and the path to report errors with.
    /// - Throws: ``DictionaryError`` for the first bad line.
    public init(overrides: [String: (path: String, text: String)] = [:]) throws {
        let cameo = try CAMEO.bundled()
        func source(_ name: String) throws(DictionaryError) -> (String, String) {
            if let override = overrides[name] { return (override.path, override.text) }
            guard let text = EmbeddedAssets.string(named: "dictionaries/" + name) else {
                throw DictionaryError(file: name, line: 0, message: "not compiled into this binary")
            }
            return (name, text)
        }
        let countryTable = try TSVTable(embedded: "reference/cameo-countries.tsv")
        let countryCodes = Set(countryTable.rows.compactMap { $0["cameo_code"] })
        let typeTable = try TSVTable(embedded: "reference/cameo-actor-types.tsv")
        let typeCodes = Set(typeTable.rows.compactMap { $0["code"] }).union(["PTY"])

        var actors = ActorDictionary()
        var (file, text) = try source("countries.txt")
        try actors.loadCountries(file: file, text: text, validCodes: countryCodes)
        (file, text) = try source("agents.txt")
        try actors.loadAgents(file: file, text: text, validTypes: typeCodes)
        if EmbeddedAssets.bytes(named: "dictionaries/organizations.txt") != nil || overrides["organizations.txt"] != nil {
            (file, text) = try source("organizations.txt")
            try actors.loadOrganizations(file: file, text: text)
        }
        if EmbeddedAssets.bytes(named: "dictionaries/people.txt") != nil || overrides["people.txt"] != nil {
            (file, text) = try source("people.txt")
            try actors.loadPeople(file: file, text: text)
        }
        (file, text) = try source("verbs.txt")
        let verbs = try VerbDictionary(file: file, text: text, cameo: cameo)
        (file, text) = try source("frame-codes.tsv")
        let frameCodes = try FrameCodes(file: file, text: text, cameo: cameo)
        (file, text) = try source("speech.txt")
        let speech = try SpeechDictionary(file: file, text: text)
        (file, text) = try source("places.tsv")
        let gazetteer = try Gazetteer(file: file, text: text)
        self.cameo = cameo
        self.gazetteer = gazetteer
        self.actors = actors
        self.verbs = verbs
        self.frameCodes = frameCodes
        self.speech = speech
    }
}
