/// A hand-coded document of a gold file read by `dyad eval`.
public struct GoldDocument: Sendable, Hashable, Codable {
    /// One expected event. `code` is CAMEO; a PLOVER gold event gives `plover` instead.
    public struct Event: Sendable, Hashable, Codable {
        public var source: String
        public var target: String
        public var code: String?
        public var plover: String?
        /// Further CAMEO root codes a lenient match accepts.
        public var roots: [String]?
        public var date: String?
    }
    public var id: String
    public var date: String?
    public var text: String
    public var events: [Event]
    public var optional: [Event]?
}

/// Precision, recall and F1 counts.
public struct Score: Sendable, Hashable, Codable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public var precision: Double {
        truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    public var recall: Double {
        truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    static func += (lhs: inout Score, rhs: Score) {
        lhs.truePositives += rhs.truePositives
        lhs.falsePositives += rhs.falsePositives
        lhs.falseNegatives += rhs.falseNegatives
    }
}

/// Scores coded events against gold, leniently (source and target country, CAMEO root or PLOVER
/// type) and strictly (full actor codes and the full CAMEO code), overall and per category.
public struct Evaluation: Sendable {
    public private(set) var lenient = Score()
    public private(set) var strict = Score()
    /// Lenient scores per category: the CAMEO root (or PLOVER type) of the gold event for misses,
    /// of the coded event for extras and hits.
    public private(set) var byCategory: [String: Score] = [:]
    /// Gold events that carried a date, and how many of those matched with the right date.
    public private(set) var datedGold = 0
    public private(set) var datesRight = 0
    /// Coded events left out of scoring because the gold's ontology has no place for them (CAMEO
    /// statements and appeals against a PLOVER gold standard).
    public private(set) var outsideOntology = 0
    /// Per document: coded events that matched nothing (extras) and gold events not found (misses).
    public private(set) var errors: [(document: String, extras: [DyadCoding.Event], misses: [GoldDocument.Event])] = []

    public init() {}

    /// Adds one document's coded events to the score.
    public mutating func add(gold: GoldDocument, coded: [DyadCoding.Event]) {
        func category(_ event: GoldDocument.Event) -> String { event.plover ?? String((event.code ?? "").prefix(2)) }
        func category(_ event: DyadCoding.Event, like gold: GoldDocument.Event?) -> String {
            if gold?.plover != nil || isPLOVERFile { return event.plover ?? "none" }
            return event.root
        }
        let isPLOVER = gold.events.contains { $0.plover != nil }
        isPLOVERFile = isPLOVERFile || isPLOVER
        // A gold standard coded in PLOVER cannot hold statements or appeals (CAMEO 01 and 02, which
        // PLOVER drops): coded events outside its ontology are left out, as a CAMEO-to-PLOVER
        // conversion of the coder's output would leave them out, and counted apart.
        var coded = coded
        if isPLOVERFile {
            outsideOntology += coded.filter { $0.plover == nil }.count
            coded.removeAll { $0.plover == nil }
        }

        // Lenient matching, one to one.
        var unmatchedGold = Array(gold.events.indices)
        var extras: [DyadCoding.Event] = []
        for event in coded {
            if let position = unmatchedGold.firstIndex(where: { Self.lenientMatch(event, gold.events[$0]) }) {
                let matched = gold.events[unmatchedGold[position]]
                unmatchedGold.remove(at: position)
                lenient.truePositives += 1
                byCategory[category(event, like: matched), default: Score()].truePositives += 1
                if let date = matched.date {
                    datedGold += 1
                    if event.date.description == date { datesRight += 1 }
                }
            } else if (gold.optional ?? []).contains(where: { Self.lenientMatch(event, $0) }) {
                continue
            } else {
                lenient.falsePositives += 1
                byCategory[category(event, like: nil), default: Score()].falsePositives += 1
                extras.append(event)
            }
        }
        for index in unmatchedGold {
            lenient.falseNegatives += 1
            byCategory[category(gold.events[index]), default: Score()].falseNegatives += 1
            if gold.events[index].date != nil { datedGold += 1 }
        }
        if !extras.isEmpty || !unmatchedGold.isEmpty {
            errors.append((gold.id, extras, unmatchedGold.map { gold.events[$0] }))
        }

        // Strict matching, one to one.
        var strictGold = Array(gold.events.indices)
        for event in coded {
            if let position = strictGold.firstIndex(where: { Self.strictMatch(event, gold.events[$0]) }) {
                strictGold.remove(at: position)
                strict.truePositives += 1
            } else if !(gold.optional ?? []).contains(where: { Self.lenientMatch(event, $0) }) {
                strict.falsePositives += 1
            }
        }
        strict.falseNegatives += strictGold.count
    }

    private var isPLOVERFile = false

    /// Same source and target country (first three letters) and the same root, one of the gold's
    /// accepted roots, or the same PLOVER type. A gold actor of unknown country (`---REB`, PETRARCH2's
    /// code for "rebels" with no country named) constrains only its role, not its country.
    public static func lenientMatch(_ event: DyadCoding.Event, _ gold: GoldDocument.Event) -> Bool {
        func sameCountry(_ coded: String, _ gold: String) -> Bool {
            if gold.hasPrefix("---") { return coded.dropFirst(3).hasPrefix(gold.dropFirst(3)) }
            return iso(coded.prefix(3)) == iso(gold.prefix(3))
        }
        guard sameCountry(event.source.code, gold.source), sameCountry(event.target.code, gold.target) else { return false }
        if let plover = gold.plover { return event.plover == plover.uppercased() }
        guard let code = gold.code else { return false }
        return event.root == String(code.prefix(2)) || (gold.roots ?? []).contains(event.root)
    }

    /// The ISO 3166 code of a country that CAMEO codes otherwise (a gold standard coded with ISO
    /// codes, as the PLOVER one is, names Romania ROU where CAMEO says ROM).
    static func iso(_ country: Substring) -> Substring {
        switch country {
        case "ROM": "ROU"
        case "TMP": "TLS"
        case "MTN": "MNE"
        case "IMY": "IMN"
        default: country
        }
    }

    /// Same full actor codes and the same full CAMEO code (or PLOVER type).
    public static func strictMatch(_ event: DyadCoding.Event, _ gold: GoldDocument.Event) -> Bool {
        guard event.source.code == gold.source, event.target.code == gold.target else { return false }
        if let plover = gold.plover { return event.plover == plover.uppercased() }
        return event.code == gold.code
    }
}
