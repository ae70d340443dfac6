/// What a name in the actor dictionaries stands for.
enum NameKind: String, Sendable, Hashable {
    case country = "name"
    case adjective
    case demonym
    case capital
    case seat
    case organization
    case person
}

/// One entry a name can resolve to.
struct NameEntry: Sendable, Hashable {
    var kind: NameKind
    /// The actor code (`CHN`, `USAMIL`, `IGOUNO`); for a person, see `person`.
    var code: String
    /// The canonical name ("China", "Lloyd Austin").
    var canonical: String
    /// The index of the person in ``ActorDictionary/people`` for a person.
    var person: Int?
}

/// A role a person held: the actor code and the dates it applies.
struct PersonRole: Sendable, Hashable {
    var code: String
    var from: EventDate?
    var until: EventDate?
    var title: String

    /// Whether the role was held on `date` (open ends always match).
    func covers(_ date: EventDate) -> Bool {
        if let from, Self.end(of: date) < Self.start(of: from) { return false }
        if let until, Self.start(of: date) > Self.end(of: until) { return false }
        return true
    }

    private static func start(of date: EventDate) -> Int {
        date.year * 10_000 + (date.month ?? 1) * 100 + (date.day ?? 1)
    }
    private static func end(of date: EventDate) -> Int {
        date.year * 10_000 + (date.month ?? 12) * 100 + (date.day ?? 31)
    }

    /// Days-ish distance from `date` to the role's period (0 when covered), for choosing the nearest role.
    func distance(to date: EventDate) -> Int {
        if covers(date) { return 0 }
        let point = Self.start(of: date)
        if let from, point < Self.start(of: from) { return Self.start(of: from) - point }
        if let until { return point - Self.end(of: until) }
        return Int.max / 2
    }
}

/// A named person with roles over time.
struct Person: Sendable, Hashable {
    var name: String
    var aliases: [String]
    var roles: [PersonRole]

    /// The actor code of the person on `date`: the role covering it, else the nearest role.
    func code(on date: EventDate?) -> String? {
        guard let date else { return roles.last?.code }
        return roles.min { $0.distance(to: date) < $1.distance(to: date) }?.code
    }
}

/// The actor vocabularies: countries, agents, organisations and people, indexed for matching.
struct ActorDictionary: Sendable {
    /// Names (countries, capitals, seats, organisations, people) by normalised text.
    private(set) var names: [String: [NameEntry]] = [:]
    /// Agent words (lemmas) by normalised text, to their agent code.
    var agents: [String: String] = [:]
    var people: [Person] = []
    /// People by the last word of their name ("obama" → Barack Obama), in file order, for a
    /// surname used alone.
    var surnames: [String: [Int]] = [:]
    /// The first alphanumeric run of every name and agent key, to the most tokens a key can span.
    var firstRuns: [String: Int] = [:]
    /// Countries' canonical names by code.
    var countryNames: [String: String] = [:]
    /// The keys of ``names`` written in lowercase ASCII letters alone ("ethiopia", not "south
    /// sudan") that name a country, as bytes: what a misspelt country can be checked against
    /// without building and hashing each spelling it could stand for.
    private(set) var countrySpellings: [[UInt8]] = []

    /// The normal form of a name or a span of text: lowercased, blanks collapsed, curly quotes straightened.
    static func normalize(_ text: some StringProtocol) -> String {
        // Fast path for ASCII, which nearly every name is: lowercase bytes, collapse blanks. The
        // bytes are written straight into the string (no heap at all for a short word).
        let utf8 = text.utf8
        var isASCII = true
        let result = String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var count = 0
            var pendingSpace = false
            for byte in utf8 {
                if byte >= 0x80 {
                    isASCII = false
                    return 0
                }
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    buffer[count] = 0x20
                    count += 1
                    pendingSpace = false
                }
                buffer[count] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                count += 1
            }
            return count
        }
        return isASCII ? result : normalizeUnicode(text)
    }

    private static func normalizeUnicode(_ text: some StringProtocol) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character == " " || character == "\t" || character == "\n" || character == "\u{00A0}" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            switch character {
            case "\u{2019}", "\u{2018}": result.append("'")
            case "\u{201C}", "\u{201D}": result.append("\"")
            default: result += character.lowercased()
            }
        }
        return result
    }

    /// The first run of letters and digits of a normalised key: what a span's first token starts with.
    static func firstRun(_ key: some StringProtocol) -> String {
        // Scans the contiguous UTF-8 (a `String` argument is not copied) and copies the run out of
        // the buffer: no string index arithmetic, no heap for a short run.
        var key = String(key)
        let ascii = key.withUTF8 { bytes -> String? in
            var count = 0
            for byte in bytes {
                if byte >= 0x80 { return nil }
                let isAlphanumeric =
                    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                guard isAlphanumeric else { break }
                count += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<count]), as: UTF8.self)
        }
        return ascii ?? String(key.prefix { $0.isLetter || $0.isNumber })
    }

    private mutating func index(_ key: String, tokens: Int) {
        let run = Self.firstRun(key)
        guard !run.isEmpty else { return }
        firstRuns[run] = max(firstRuns[run] ?? 0, tokens)
    }

    /// A rough count of the tokens a name spans, for bounding the search.
    static func tokenEstimate(_ key: String) -> Int {
        var count = 2
        for byte in key.utf8 where byte == 0x20 || byte == 0x2D || byte == 0x27 || byte == 0x2E || byte == 0x2C {
            count += 1
        }
        return count
    }

    mutating func addName(_ name: String, entry: NameEntry) {
        let key = Self.normalize(name)
        guard !key.isEmpty else { return }
        if entry.kind == .country, names[key]?.contains(where: { $0.kind == .country }) != true,
            key.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A })
        {
            countrySpellings.append(Array(key.utf8))
        }
        if names[key]?.contains(entry) != true { names[key, default: []].append(entry) }
        index(key, tokens: Self.tokenEstimate(key))
    }

    mutating func addAgent(_ words: String, code: String) {
        let key = Self.normalize(words)
        guard !key.isEmpty else { return }
        if agents[key] == nil { agents[key] = code }
        index(key, tokens: Self.tokenEstimate(key))
    }

    /// The person a surname used alone names on `date`: among the people with that surname, the
    /// one whose role is nearest the date (a role covering it is at distance 0); on a tie, the one
    /// listed first (the hand-written part of the dictionary comes first). With a title's `agent`
    /// ("President Bush" → `GOV`), people who held such a role are preferred, and only those roles
    /// count: a president is the one nearest the date *as* a government figure, not someone who was
    /// a member of the elite then and in government later. `nil` when the surname is unknown or the
    /// nearest candidates disagree on the actor code.
    func person(surname: String, on date: EventDate?, agent: String? = nil) -> Person? {
        guard var candidates = surnames[Self.normalize(surname)], !candidates.isEmpty else { return nil }
        var titledOnly = false
        if let agent {
            let titled = candidates.filter { index in people[index].roles.contains { $0.code.hasSuffix(agent) } }
            if !titled.isEmpty {
                candidates = titled
                titledOnly = true
            }
        }
        guard let date else { return candidates.count == 1 ? people[candidates[0]] : nil }
        var best: [(person: Person, distance: Int)] = []
        for index in candidates {
            let person = people[index]
            let roles = titledOnly ? person.roles.filter { $0.code.hasSuffix(agent ?? "") } : person.roles
            let distance = roles.map { $0.distance(to: date) }.min() ?? Int.max
            if best.isEmpty || distance < best[0].distance {
                best = [(person, distance)]
            } else if distance == best[0].distance {
                best.append((person, distance))
            }
        }
        // A surname alone is too weak a clue for someone whose roles lie ten years off.
        guard let first = best.first, first.distance <= 10 * 10_000 else { return nil }
        let codes = Set(best.map { $0.person.code(on: date) ?? "" })
        return codes.count == 1 ? first.person : nil
    }

    // MARK: Loading

    /// Reads `countries.txt`.
    mutating func loadCountries(file: String, text: String, validCodes: Set<String>) throws(DictionaryError) {
        for line in LineReader.lines(of: text) {
            let fields = line.text.splitBlanks()
            guard fields.count >= 3 else {
                throw DictionaryError(file: file, line: line.number, message: "expected 'CODE KIND NAMES'")
            }
            let code = String(fields[0])
            guard let kind = NameKind(rawValue: String(fields[1])),
                [.country, .adjective, .demonym, .capital, .seat].contains(kind)
            else {
                throw DictionaryError(
                    file: file, line: line.number,
                    message: "unknown kind '\(fields[1])' (name, adjective, demonym, capital or seat)")
            }
            guard code.count >= 3, validCodes.contains(String(code.prefix(3))) else {
                throw DictionaryError(file: file, line: line.number, message: "unknown country code '\(code)'")
            }
            let body = line.text.dropFirst(fields[0].count).trimmingBlanks().dropFirst(fields[1].count)
            let items = LineReader.list(body)
            if kind == .country, countryNames[code] == nil { countryNames[code] = items.first }
            for item in items {
                addName(item, entry: NameEntry(kind: kind, code: code, canonical: items.first ?? item))
            }
        }
    }

    /// Reads `agents.txt`.
    mutating func loadAgents(file: String, text: String, validTypes: Set<String>) throws(DictionaryError) {
        for line in LineReader.lines(of: text) {
            let fields = line.text.splitBlanks()
            guard fields.count >= 2 else {
                throw DictionaryError(file: file, line: line.number, message: "expected 'CODE WORDS'")
            }
            let code = String(fields[0])
            guard code.count == 3, validTypes.contains(code) else {
                throw DictionaryError(file: file, line: line.number, message: "unknown agent code '\(code)'")
            }
            for item in LineReader.list(line.text.dropFirst(fields[0].count)) { addAgent(item, code: code) }
        }
    }

    /// Reads `organizations.txt`.
    mutating func loadOrganizations(file: String, text: String) throws(DictionaryError) {
        for line in LineReader.lines(of: text) {
            let fields = line.text.splitBlanks()
            guard fields.count >= 2 else {
                throw DictionaryError(file: file, line: line.number, message: "expected 'CODE NAMES'")
            }
            let code = String(fields[0])
            guard Self.isActorCode(code) else {
                throw DictionaryError(
                    file: file, line: line.number,
                    message: "an actor code is letters in groups of three, found '\(code)'")
            }
            let items = LineReader.list(line.text.dropFirst(fields[0].count))
            for item in items {
                addName(item, entry: NameEntry(kind: .organization, code: code, canonical: items.first ?? item))
            }
        }
    }

    /// Reads `people.txt`.
    mutating func loadPeople(file: String, text: String) throws(DictionaryError) {
        var current: Person?
        var currentLine = 0
        func flush() throws(DictionaryError) {
            guard let person = current else { return }
            guard !person.roles.isEmpty else {
                throw DictionaryError(file: file, line: currentLine, message: "\(person.name) has no role lines")
            }
            let index = people.count
            people.append(person)
            for name in [person.name] + person.aliases {
                addName(name, entry: NameEntry(kind: .person, code: "", canonical: person.name, person: index))
            }
            let words = person.name.split(separator: " ")
            if words.count > 1, let last = words.last, last.count > 2, last.first?.isUppercase == true {
                let key = Self.normalize(last)
                if surnames[key]?.last != index { surnames[key, default: []].append(index) }
            }
            current = nil
        }
        for line in LineReader.lines(of: text) {
            if line.isIndented {
                guard current != nil else {
                    throw DictionaryError(file: file, line: line.number, message: "a role line needs a person above it")
                }
                current?.roles.append(try Self.parseRole(line, file: file))
            } else {
                try flush()
                let parts = line.text.split(separator: "=", maxSplits: 1)
                let name = parts[0].trimmingBlanks()
                guard !name.isEmpty else {
                    throw DictionaryError(file: file, line: line.number, message: "a person line needs a name")
                }
                let aliases = parts.count > 1 ? LineReader.list(parts[1]) : []
                current = Person(name: name, aliases: aliases, roles: [])
                currentLine = line.number
            }
        }
        try flush()
    }

    /// Letters or digits in groups of three (`USA`, `CHNMIL`, `IGOUNOWHO`); lower case allowed
    /// for the ethnic and religious groups some codes carry.
    static func isActorCode(_ code: String) -> Bool {
        let bytes = code.utf8
        return bytes.count >= 3 && bytes.count % 3 == 0
            && bytes.allSatisfy {
                ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39)
            }
    }

    private static func parseRole(_ line: DictionaryLine, file: String) throws(DictionaryError) -> PersonRole {
        func fail(_ message: String) -> DictionaryError {
            DictionaryError(file: file, line: line.number, message: message)
        }
        let fields = line.text.splitBlanks()
        guard let codeField = fields.first else { throw fail("empty role") }
        let code = String(codeField)
        guard Self.isActorCode(code) else {
            throw fail("a role starts with an actor code, found '\(code)'")
        }
        guard let dots = fields.firstIndex(where: { $0.utf8.count == 2 && $0.utf8.allSatisfy { $0 == 0x2E } }) else {
            throw fail("a role needs 'FROM .. UNTIL' dates (either may be left out)")
        }
        let fromFields = fields[1..<dots]
        var untilIndex = dots + 1
        var from: EventDate?
        var until: EventDate?
        if let first = fromFields.first {
            guard fromFields.count == 1, let date = EventDate(first) else { throw fail("bad date '\(first)'") }
            from = date
        }
        if untilIndex < fields.count, let date = EventDate(fields[untilIndex]) {
            until = date
            untilIndex += 1
        } else if untilIndex < fields.count, fields[untilIndex].first?.isNumber == true,
            fields[untilIndex].count >= 4, fields[untilIndex].prefix(4).allSatisfy(\.isNumber)
        {
            throw fail("bad date '\(fields[untilIndex])'")
        }
        if let from, let until, until < from, !(until.year == from.year && (until.month == nil || from.month == nil)) {
            throw fail("role ends (\(until)) before it starts (\(from))")
        }
        let title = fields[untilIndex...].joined(separator: " ")
        return PersonRole(code: code, from: from, until: until, title: title)
    }
}
