internal import DyadText

/// One CAMEO event code with its name, Goldstein value, QuadClass and PLOVER equivalent.
public struct CAMEOCode: Sendable, Hashable {
    /// The code: two digits for a root (`"12"`), three or four for finer codes (`"124"`, `"1244"`).
    public var code: String
    /// The CAMEO manual's name of the code.
    public var name: String
    /// The Goldstein conflict–cooperation value, when the sources give one.
    public var goldstein: Double?
    /// GDELT's QuadClass (1–4), fixed by the root code.
    public var quadClass: Int
    /// The root code (first two digits).
    public var root: String { String(code.prefix(2)) }
    /// The PLOVER event type (the 2016 set the PLOVER gold standard uses), `nil` for statements (01).
    public var plover: String?
    /// The PLOVER mode, where the CAMEO-to-PLOVER table gives one.
    public var ploverMode: String?
}

/// The CAMEO event ontology: every code of `reference/cameo-event-codes.tsv` with its values.
///
/// ```swift
/// let cameo = try CAMEO.bundled()
/// cameo["1244"]?.name        // "Refuse to ease economic sanctions, boycott, or embargo"
/// cameo["1244"]?.quadClass   // 3
/// ```
public struct CAMEO: Sendable {
    private var codes: [String: CAMEOCode]

    /// Every code, sorted.
    public var all: [CAMEOCode] { codes.values.sorted { $0.code < $1.code } }

    /// The entry for `code`, or `nil` when CAMEO has no such code.
    public subscript(code: String) -> CAMEOCode? { codes[code] }

    /// The ontology compiled into the binary.
    public static func bundled() throws -> CAMEO {
        try cached.get()
    }

    private static let cached: Result<CAMEO, any Error> = Result {
        let events = try TSVTable(embedded: "reference/cameo-event-codes.tsv")
        let plover = try TSVTable(embedded: "reference/cameo_to_plover.tsv")
        return try CAMEO(events: events, plover: plover)
    }

    init(events: TSVTable, plover: TSVTable) throws(DictionaryError) {
        var modes: [String: String] = [:]
        for row in plover.rows where row["note"] != "section header line" {
            if let code = row["cameo_code"], let mode = row["plover_mode"], !mode.isEmpty { modes[code] = mode }
        }
        var codes: [String: CAMEOCode] = [:]
        for row in events.rows {
            guard let code = row["code"], code.count >= 2, code.allSatisfy(\.isASCIIDigit) else {
                throw DictionaryError(file: events.name, line: row.line, message: "bad CAMEO code")
            }
            guard let quad = row["quad_class"].flatMap({ Int($0) }), (1...4).contains(quad) else {
                throw DictionaryError(file: events.name, line: row.line, message: "bad quad_class for \(code)")
            }
            codes[code] = CAMEOCode(
                code: code, name: row["name"] ?? "", goldstein: row["goldstein"].flatMap { Double($0) },
                quadClass: quad, plover: CAMEO.ploverType(for: code), ploverMode: modes[code])
        }
        self.codes = codes
    }

    /// The PLOVER event type of the 2016 PLOVER gold standard for a CAMEO code: demands (10) are
    /// DEMAND, yielding splits into CONCEDE (081–083) and RETREAT (084–087), 19 is FIGHT and 18
    /// and 20 are ASSAULT. Statements (01) and appeals (02) have none: PLOVER drops both
    /// (`reference/cameo_root_to_plover.tsv`).
    static func ploverType(for code: String) -> String? {
        switch code.prefix(2) {
        case "10": "DEMAND"
        case "03": "AGREE"
        case "04": "CONSULT"
        case "05": "SUPPORT"
        case "06": "COOPERATE"
        case "07": "AID"
        case "08": code.count >= 3 && code.prefix(3) >= "084" ? "RETREAT" : "CONCEDE"
        case "09": "INVESTIGATE"
        case "11": "DISAPPROVE"
        case "12": "REJECT"
        case "13": "THREATEN"
        case "14": "PROTEST"
        case "15": "MOBILIZE"
        case "16": "SANCTION"
        case "17": "COERCE"
        case "18", "20": "ASSAULT"
        case "19": "FIGHT"
        default: nil
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
