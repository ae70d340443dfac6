internal import DyadText

/// An actor found in a sentence: its code, the words that named it, and for a person the full name.
struct ResolvedActor: Sendable, Hashable {
    var code: String
    /// UTF-8 byte range of the words in the document.
    var range: Range<Int>
    var name: String?
    var isPerson: Bool
    /// How it was found, for explanations ("dictionary: China", "pronoun he → Wu Qian").
    var how: String
    /// An ethnic people named by the demonym of a country they need not live in ("ethnic
    /// Albanians"): the country of the place where they act is theirs, when one is named.
    var isEthnic = false
    /// A person named by a surname alone ("Kano"), which may be a place or someone else.
    var isBySurname = false
    /// A role whose country was guessed from the sentence or the article ("the government"),
    /// not named with it.
    var isCountryGuessed = false

    var country: String { String(code.prefix(3)) }
    /// Whether the actor's country was only inferred from the context ("the HRI of the only
    /// country in the sentence"), not named.
    var isInferred: Bool { how.hasPrefix("the ") }
}

/// What the document has said so far about who is who: people introduced with a role, the last
/// person and the last institution named, for "Wu", "he", "its embassy" later on.
struct CoreferenceContext: Sendable {
    struct Known: Sendable {
        var code: String
        var name: String
    }
    /// Normalised name parts ("wu", "qian", "wu qian") to the person they name.
    var people: [String: Known] = [:]
    var lastPerson: ResolvedActor?
    var lastInstitution: ResolvedActor?
    /// The last institution that was the subject of a clause: "it" and "its" refer to it first.
    var lastSubjectInstitution: ResolvedActor?
    var lastCountry: String?
    /// The actors of the current sentence so far, in order: a pronoun refers to these first.
    var inSentence: [ResolvedActor] = []
    /// Institutions by the nouns that named them ("ministry" → the Defense Ministry's code), for
    /// "the ministry" later on.
    var institutions: [String: ResolvedActor] = [:]

    mutating func note(_ actor: ResolvedActor, isSubject: Bool = false) {
        inSentence.append(actor)
        if actor.isPerson {
            lastPerson = actor
        } else {
            lastInstitution = actor
            if isSubject { lastSubjectInstitution = actor }
        }
        if actor.code.count >= 3, !actor.code.hasPrefix("IGO"), !actor.code.hasPrefix("NGO") {
            lastCountry = actor.country
        }
    }

    mutating func remember(person name: String, code: String) {
        let parts = name.split(separator: " ").map { ActorDictionary.normalize($0) }
        let known = Known(code: code, name: name)
        people[ActorDictionary.normalize(name)] = known
        for part in parts where part.count > 1 && people[part] == nil { people[part] = known }
    }
}

/// Finds the actors a sentence names, using the dictionaries, the parse and the document's context.
struct ActorResolver {
    let dictionary: ActorDictionary
    let graph: SentenceGraph
    let text: String
    let date: EventDate?

    /// Name matches: for each token, the entry and token span of the name it is part of.
    private(set) var nameAt: [(entries: [NameEntry], span: Range<Int>)?]
    /// Agent matches: for each token, the agent code and span.
    private(set) var agentAt: [(code: String, span: Range<Int>)?]

    private static let titles: [String: String] = [
        "gen.": "MIL", "gen": "MIL", "lt.": "MIL", "col.": "MIL", "maj.": "MIL", "adm.": "MIL", "brig.": "MIL",
        "sgt.": "MIL", "capt.": "MIL", "sen.": "LEG", "rep.": "LEG", "gov.": "GOV", "pres.": "GOV",
    ]
    /// Heads that stand for their modifiers: "the US side", "its Chinese counterpart".
    /// Places stand for their country as actors: "the Ukrainian city of Kharkiv", "the port of Odesa".
    private static let transparentHeads: Set<String> = [
        "side", "counterpart", "camp", "part", "city", "town", "village", "province", "region", "port", "capital",
        "district", "territory", "enclave", "outskirts", "square", "neighborhood", "neighbourhood",
    ]
    private static let personPronouns: Set<String> = ["he", "she", "him", "her", "his", "hers", "himself", "herself"]
    private static let thingPronouns: Set<String> = ["it", "its", "itself"]
    static let pluralPronouns: Set<String> = ["they", "them", "their", "theirs", "themselves"]

    init(dictionary: ActorDictionary, graph: SentenceGraph, text: String, date: EventDate?) {
        self.dictionary = dictionary
        self.graph = graph
        self.text = text
        self.date = date
        nameAt = Array(repeating: nil, count: graph.count)
        agentAt = Array(repeating: nil, count: graph.count)
        matchNames()
    }

    // MARK: Dictionary matching

    private mutating func matchNames() {
        let tokens = graph.tokens
        let normalized = tokens.map { ActorDictionary.normalize($0.form) }
        var index = 0
        while index < tokens.count {
            let form = normalized[index]
            let run = ActorDictionary.firstRun(form)
            // Agents match on lemmas ("forces" → "force"), names on forms.
            let lemmaRun = ActorDictionary.firstRun(graph.lemmas[index])
            let singularRun = Self.singular(graph.lemmas[index]).map { ActorDictionary.firstRun($0) }
            // The form's run is usually the lemma's too: look each distinct run up once.
            let formLimit = dictionary.firstRuns[run] ?? 0
            let lemmaLimit = lemmaRun == run ? formLimit : dictionary.firstRuns[lemmaRun] ?? 0
            let singularLimit = singularRun.map { $0 == run ? formLimit : dictionary.firstRuns[$0] ?? 0 } ?? 0
            let limit = max(formLimit, lemmaLimit, singularLimit)
            guard limit > 0 else {
                index += 1
                continue
            }
            var formKey = ""
            var lemmaKey = ""
            var bestName: (entries: [NameEntry], end: Int)?
            var bestAgent: (code: String, end: Int)?
            // A name starts with a capital, or with a lowercase Arabic article joined to it
            // ("al-Shabab"); a word with a capital inside is a name mistyped ("iSrael"), not a
            // common word.
            let written = tokens[index].form
            let capitalized =
                Self.startsWithCapitalOrDigit(written)
                || (!tokens[index].spaceAfter && Self.arabicArticles.contains(written))
                || written.utf8.dropFirst().contains { $0 >= 0x41 && $0 <= 0x5A }
            var end = index
            while end < tokens.count && end < index + limit {
                if end > index {
                    let space = tokens[end - 1].spaceAfter ? " " : ""
                    formKey += space
                    lemmaKey += " "
                }
                formKey += normalized[end]
                lemmaKey += graph.lemmas[end]
                if capitalized, let entries = dictionary.names[formKey] {
                    bestName = (entries, end + 1)
                }
                if let code = dictionary.agents[lemmaKey] ?? (formKey == lemmaKey ? nil : dictionary.agents[formKey])
                    ?? Self.singular(lemmaKey).flatMap({ dictionary.agents[$0] })
                {
                    bestAgent = (code, end + 1)
                }
                end += 1
            }
            if let name = bestName, name.end >= (bestAgent?.end ?? 0) {
                for position in index..<name.end { nameAt[position] = (name.entries, index..<name.end) }
                index = name.end
            } else if let agent = bestAgent {
                for position in index..<agent.end { agentAt[position] = (agent.code, index..<agent.end) }
                index = agent.end
            } else {
                if let code = Self.titles[form] { agentAt[index] = (code, index..<index + 1) }
                index += 1
            }
        }
        for position in tokens.indices where nameAt[position] == nil && agentAt[position] == nil {
            if let code = Self.titles[normalized[position]] {
                agentAt[position] = (code, position..<position + 1)
            } else if let entries = misspeltCountry(at: position, normalized: normalized[position]) {
                nameAt[position] = (entries, position..<position + 1)
            }
        }
    }

    /// Whether the first character of `word` is uppercase or a number, read on bytes when it is
    /// a lone ASCII byte (the next byte, if any, ASCII too), with `Character` otherwise.
    private static func startsWithCapitalOrDigit(_ word: String) -> Bool {
        var bytes = word.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        if first < 0x80, bytes.next().map({ $0 < 0x80 }) ?? true {
            return (first >= 0x41 && first <= 0x5A) || (first >= 0x30 && first <= 0x39)
        }
        return word.first.map { $0.isUppercase || $0.isNumber } ?? false
    }

    /// "Quatar", "Ethopia": a capitalised word no dictionary knows, standing alone (no name
    /// around it) and not a surname, that is one letter added, dropped or swapped away from
    /// exactly one country's name, is that country. The first letter must be right, and the word
    /// at least six letters long ("Spahn" is no Spain).
    private func misspeltCountry(at index: Int, normalized word: String) -> [NameEntry]? {
        let tokens = graph.tokens
        // The cheap tests first (all of them must pass, so their order does not matter).
        guard word.utf8.count >= 6, tokens[index].upos == "PROPN", word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }),
            tokens[index].form.first?.isUppercase == true
        else { return nil }
        func isNameWord(_ neighbour: Int) -> Bool {
            neighbour >= 0 && neighbour < tokens.count && tokens[neighbour].upos == "PROPN"
                && tokens[neighbour].form.first?.isUppercase == true
        }
        guard !isNameWord(index - 1), !isNameWord(index + 1) else { return nil }
        let letters = Array(word.utf8)
        // The spellings one edit away begin with the word's letter and are at most one longer or
        // shorter; the few countries so written are compared byte by byte with each edit, in the
        // order the edits are tried.
        let near = dictionary.countrySpellings.filter {
            $0.first == letters.first && $0.count >= letters.count - 1 && $0.count <= letters.count + 1
        }
        guard !near.isEmpty, dictionary.surnames[word] == nil else { return nil }
        var found: [NameEntry]?
        // Adds the country `spelling` names; `false` when it is another country than one found.
        func take(_ spelling: [UInt8]) -> Bool {
            guard let entries = dictionary.names[String(decoding: spelling, as: UTF8.self)],
                let country = entries.first(where: { $0.kind == .country })
            else { return true }
            if let found, found.first?.code != country.code { return false }
            found = [country]
            return true
        }
        let count = letters.count
        for cut in 1..<count {
            // One letter dropped at `cut`.
            for spelling in near where spelling.count == count - 1 {
                if spelling[..<cut].elementsEqual(letters[..<cut]),
                    spelling[cut...].elementsEqual(letters[(cut + 1)...]),
                    !take(spelling)
                {
                    return nil
                }
            }
            // The letters at `cut` and after it swapped.
            if cut + 1 < count {
                for spelling in near where spelling.count == count {
                    if spelling[cut] == letters[cut + 1], spelling[cut + 1] == letters[cut],
                        spelling[..<cut].elementsEqual(letters[..<cut]),
                        spelling[(cut + 2)...].elementsEqual(letters[(cut + 2)...]), !take(spelling)
                    {
                        return nil
                    }
                }
            }
        }
        // One letter added at `place`, the letters in alphabetical order.
        for place in 1...count {
            for letter in UInt8(ascii: "a")...UInt8(ascii: "z") {
                for spelling in near where spelling.count == count + 1 && spelling[place] == letter {
                    if spelling[..<place].elementsEqual(letters[..<place]),
                        spelling[(place + 1)...].elementsEqual(letters[place...]), !take(spelling)
                    {
                        return nil
                    }
                }
            }
        }
        return found
    }

    // MARK: Noun phrases

    /// The tokens that make up the name of the nominal headed by `head`: compounds, flat names,
    /// adjectives, determiners, possessors and `of` modifiers; not relative clauses or other PPs.
    func core(of head: Int) -> [Int] {
        var result: [Int] = []
        var stack = [head]
        while let node = stack.popLast() {
            result.append(node)
            for child in graph.children[node] {
                let relation = graph.tokens[child].relation
                switch SentenceGraph.baseRelation(of: relation) {
                case "compound", "flat", "amod", "det", "nummod", "goeswith":
                    stack.append(child)
                case "nmod" where relation == "nmod:desc" && child < node:
                    stack.append(child)  // a title before a name: "President Bush"
                case "nmod":
                    if relation == "nmod:poss" || graph.preposition(of: child) == "of" { stack.append(child) }
                case "case":
                    if node != head || graph.tokens[head].relation.hasPrefix("nmod") { stack.append(child) }
                case "punct":
                    // A hyphen inside a name ("Shangri-La"); never the sentence's final stop.
                    if graph.tokens[child].form == "-", child > result.min() ?? child, child < head {
                        stack.append(child)
                    }
                default:
                    break
                }
            }
        }
        return result.sorted()
    }

    /// The byte range covering `indices`, trimmed of a leading determiner or preposition.
    func range(of indices: [Int]) -> Range<Int> {
        var indices = indices
        while indices.count > 1, let first = indices.first,
            ["DET", "ADP"].contains(graph.tokens[first].upos) && graph.tokens[first].relation != "nmod:poss"
        {
            indices.removeFirst()
        }
        guard let first = indices.first, let last = indices.last else { return 0..<0 }
        return graph.tokens[first].range.lowerBound..<graph.tokens[last].range.upperBound
    }

    /// The Arabic article as it is written before a hyphen in names ("al-Qaeda", "el-Sisi").
    static let arabicArticles: Set<String> = ["al", "el", "ad", "an", "ar", "as", "ash", "at", "az"]

    /// Words inside names that are no surname ("Hamad bin Khalifa", "Abu Musab", "van der Bellen").
    static let nameParticles: Set<String> = [
        "bin", "ibn", "bint", "al", "el", "abu", "abd", "ould", "ag", "de", "da", "di", "del", "dos", "du",
        "van", "von", "der", "den", "ter", "le", "la",
    ]

    /// A word in capitals ("MOU", "UNHCR"): an abbreviation, not a surname.
    static func isAbbreviation(_ word: String) -> Bool {
        word.count >= 2 && word.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "." }
    }

    /// Whether the dictionary name at `index` can be of `kind` ("Serbs": a demonym).
    private func isName(_ index: Int, _ kind: NameKind) -> Bool {
        nameAt[index]?.entries.contains { $0.kind == kind } == true
    }

    /// Words that count people: "thousands of Palestinians", "a crowd of Algerians".
    private static let peopleCounts: Set<String> = [
        "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen", "dozens", "scores", "crowd",
        "group", "groups", "number", "some", "many",
    ]

    /// Whether a demonym at `head` names some of a country's people rather than the country acting
    /// ("Young Algerians blocked roads", "thousands of Palestinians", "200 Iraqis"), as against
    /// "the Palestinians rejected the plan": a describing adjective, a number, or a word counting
    /// people over it.
    private func isPeopleOfCountry(_ head: Int) -> Bool {
        guard isName(head, .demonym) else { return false }
        if !graph.children(of: head, "nummod").isEmpty { return true }
        if graph.children(of: head, "amod").contains(where: { nameAt[$0] == nil }) { return true }
        let governor = graph.tokens[head].head
        return graph.tokens[head].relation == "nmod" && governor >= 0 && governor < head
            && Self.peopleCounts.contains(graph.lemmas[governor])
    }

    /// The actor named by the nominal headed by `head`, resolving pronouns and short names with `context`.
    func resolve(_ head: Int, context: CoreferenceContext) -> ResolvedActor? {
        let token = graph.tokens[head]
        let lemma = graph.lemmas[head]
        if (token.upos == "PRON" && !isMistaggedName(head)) || (token.upos == "DET" && token.relation == "nmod:poss") {
            return resolvePronoun(lemma.isEmpty ? graph.forms[head] : graph.forms[head], at: head, context: context)
        }
        let core = core(of: head)
        let headIsActorWord =
            nameAt[head] != nil || agentAt[head] != nil || token.upos == "PROPN" || isMistaggedName(head)
            || Self.transparentHeads.contains(lemma)
        guard headIsActorWord else { return nil }

        var person: (entry: NameEntry, span: Range<Int>)?
        var organization: NameEntry?
        var seat: NameEntry?
        var countries: [(code: String, position: Int)] = []
        var agents: [(code: String, position: Int)] = []
        var possessor: ResolvedActor?
        var unknownProper: [Int] = []

        for index in core {
            // "US-backed rebels", "Russian-backed separatists": the backer is not who they are.
            if isBacker(index) { continue }
            if let match = nameAt[index] {
                for entry in match.entries {
                    switch entry.kind {
                    case .person: if person == nil { person = (entry, match.span) }
                    case .organization: if organization == nil { organization = entry }
                    case .seat: if seat == nil { seat = entry }
                    case .country, .adjective, .demonym, .capital:
                        countries.append((String(entry.code.prefix(3)), index))
                    }
                }
            } else if let agent = agentAt[index] {
                agents.append((agent.code, index))
            } else if graph.tokens[index].upos == "PROPN" || isMistaggedName(index) {
                unknownProper.append(index)
            }
            if graph.tokens[index].relation == "nmod:poss" && graph.tokens[index].head != index && index != head {
                if graph.tokens[index].upos == "PRON" || graph.tokens[index].upos == "DET" {
                    possessor = resolvePronoun(graph.forms[index], at: index, context: context)
                }
            }
        }
        let textRange = range(of: core)

        if let person, let index = person.entry.person, index < dictionary.people.count {
            let known = dictionary.people[index]
            // A namesake: none of the person's roles covers the date and the phrase gives another
            // country ("British Defence Secretary Tom King" is not the Tom King of the dictionary).
            let covered = date.map { date in known.roles.contains { $0.covers(date) } } ?? true
            let otherCountry = countries.contains { $0.code != known.code(on: date)?.prefix(3) ?? "" }
            if !covered && otherCountry {
                // fall through: resolved from the phrase's country and role below
            } else if let code = known.code(on: date) {
                return ResolvedActor(
                    code: code, range: textRange, name: known.name, isPerson: true, how: "person: \(known.name)")
            }
        }
        if let organization, unknownProper.contains(head) {
            // "Defense Ministry spokesman Tan Kefei": a person introduced with an organisation's role.
            let properName = unknownProper.map { graph.tokens[$0].form }.joined(separator: " ")
            return ResolvedActor(
                code: organization.code, range: textRange, name: properName, isPerson: true,
                how: "introduced: \(properName) of \(organization.canonical)")
        }
        if let organization {
            return ResolvedActor(
                code: organization.code, range: textRange, name: nil, isPerson: false,
                how: "organization: \(organization.canonical)")
        }
        if let seat, agents.isEmpty {
            return ResolvedActor(
                code: seat.code, range: textRange, name: nil, isPerson: false, how: "seat: \(seat.canonical)")
        }
        var country = countries.min { abs($0.position - head) < abs($1.position - head) }?.code
        // "Bosnian Serbs", "American Jews": a people described by the country they live in are
        // of that country.
        if isName(head, .demonym),
            let residence = countries.first(where: { candidate in
                candidate.position < head
                    && isName(candidate.position, .adjective)
            })
        {
            country = residence.code
        }
        if country == nil, let seat { country = String(seat.code.prefix(3)) }
        if country == nil, let possessor { country = possessor.country }
        if country == nil, !agents.isEmpty {
            // "police in Venezuela", "troops from Chad": a role located in or coming from a country.
            for modifier in graph.children(of: head, "nmod")
            where ["in", "from"].contains(graph.preposition(of: modifier) ?? "") {
                if let match = nameAt[modifier],
                    let entry = match.entries.first(where: { [.country, .capital].contains($0.kind) })
                {
                    country = String(entry.code.prefix(3))
                    break
                }
            }
        }
        let agent = Self.chooseAgent(agents.map(\.code))

        // A proper name the dictionaries don't know: a person introduced with a role, or one met before.
        let properName = unknownProper.map { graph.tokens[$0].form }.joined(separator: " ")
        // "Obama", "President Bush": a dictionary person's surname alone, unless the article has
        // introduced someone else of that name.
        // Not an abbreviation in capitals ("a Memorandum of Understanding (MOU)" is no Mr Mou).
        if let last = unknownProper.last, person == nil, organization == nil,
            !Self.isAbbreviation(graph.tokens[last].form),
            !Self.nameParticles.contains(graph.forms[last]),
            context.people[ActorDictionary.normalize(graph.tokens[last].form)] == nil,
            let known = dictionary.person(
                surname: graph.tokens[last].form, on: date, agent: Self.chooseAgent(agents.map(\.code))),
            let code = known.code(on: date), countries.allSatisfy({ $0.code == code.prefix(3) })
        {
            return ResolvedActor(
                code: code, range: textRange, name: known.name, isPerson: true, how: "person by surname: \(known.name)",
                isBySurname: true)
        }
        if !unknownProper.isEmpty, country != nil || agent != nil {
            // "The Umma party has said it will boycott Algeria's elections": an institution named
            // with its role and no country is of the one country the sentence names, else the
            // article's. A person only by the place where the sentence happens ("President
            // Abdelaziz Bouteflicka threatened a curfew in Algiers"), not by any country named
            // ("the Israeli assassination of Sheikh Ahmed Yassin", "President Ouattara visited France").
            let isPerson = unknownProper.contains(head)
            let sentenceCountry = onlyCountry(context: context, locativeOnly: isPerson)
            guard let country = country ?? sentenceCountry ?? context.lastCountry else { return nil }
            let code = country + (agent ?? "")
            // A name before a role's noun ("the Umma party") is an institution, which "it" can
            // stand for; a name after its title ("President Ouattara") is a person.
            return ResolvedActor(
                code: code, range: textRange, name: properName, isPerson: isPerson, how: "introduced: \(properName)")
        }
        if !unknownProper.isEmpty, country == nil, agent == nil {
            if let known = context.people[ActorDictionary.normalize(properName)]
                ?? unknownProper.lazy.compactMap({ context.people[ActorDictionary.normalize(graph.tokens[$0].form)] })
                .first
            {
                return ResolvedActor(
                    code: known.code, range: textRange, name: known.name, isPerson: true,
                    how: "named earlier: \(known.name)")
            }
            return nil
        }
        if let country {
            if agent == nil, isPeopleOfCountry(head) {
                let ethnic = graph.children(of: head, "amod").contains { graph.lemmas[$0] == "ethnic" }
                return ResolvedActor(
                    code: country + "CVL", range: textRange, name: nil, isPerson: false,
                    how: ethnic ? "ethnic \(country) people" : "people of country \(country), not the country itself",
                    isEthnic: ethnic)
            }
            let code = country + (agent ?? "")
            return ResolvedActor(code: code, range: textRange, name: nil, isPerson: false, how: "country \(country)")
        }
        // "the ministry", "the embassy": a definite description of an institution named before.
        if country == nil, unknownProper.isEmpty, core.contains(where: { graph.lemmas[$0] == "the" }),
            graph.children(of: head, "nmod").isEmpty, graph.children(of: head, "acl", "acl:relcl").isEmpty,
            let earlier = context.institutions[lemma],
            // Not when the head is part of a longer name of a role ("the think tank" after "the tanks").
            (agentAt[head]?.span.count ?? 1) == 1
        {
            var actor = earlier
            actor.range = textRange
            actor.how = "the \(lemma) named before (\(earlier.code))"
            return actor
        }
        if let agent, let patron = patron(of: head) {
            // "Militants loyal to Abu Musab al-Zarqawi", "troops loyal to Assad": a role loyal to
            // a group or a leader is of their country (a transnational group's whole code).
            let isTransnational = ["IGO", "NGO", "IMG"].contains(String(patron.code.prefix(3)))
            return ResolvedActor(
                code: isTransnational ? patron.code : String(patron.code.prefix(3)) + agent, range: textRange,
                name: nil, isPerson: false, how: "the \(agent) loyal to \(patron.canonical)")
        }
        if let agent {
            // "Gunmen abducted twenty Nigerian students": a role with no country of its own, in a
            // sentence that names a single country, is taken to be of that country.
            if let only = onlyCountry(context: context) {
                return ResolvedActor(
                    code: only + agent, range: textRange, name: nil, isPerson: false,
                    how: "the \(agent) of the only country in the sentence (\(only))", isCountryGuessed: true)
            }
        }
        if let agent, let lastCountry = context.lastCountry,
            core.contains(where: { graph.lemmas[$0] == "the" }) || possessor != nil
        {
            return ResolvedActor(
                code: lastCountry + agent, range: textRange, name: nil, isPerson: false,
                how: "the \(agent) of the country in context (\(lastCountry))", isCountryGuessed: true)
        }
        return nil
    }

    /// Words that tie a role to the group or leader it serves ("loyal to", "allied with").
    private static let allegianceWords: Set<String> = ["loyal", "allied", "affiliated", "faithful"]

    /// The group or leader a nominal is loyal to, as its dictionary entry: the person named in the
    /// `to`/`with` phrase of an allegiance word describing it ("loyal to Iraq's Al-Qaeda frontman
    /// Abu Musab al-Zarqawi"), else the last organisation, nearest the phrase's head.
    private func patron(of head: Int) -> NameEntry? {
        for word in graph.children(of: head, "amod", "acl") where Self.allegianceWords.contains(graph.lemmas[word]) {
            for phrase in graph.children(of: word, "obl")
            where ["to", "with"].contains(graph.preposition(of: phrase) ?? "") {
                let entries = graph.subtree(phrase).flatMap { nameAt[$0]?.entries ?? [] }
                for entry in entries where entry.kind == .person {
                    guard let person = entry.person, person < dictionary.people.count,
                        let code = dictionary.people[person].code(on: date)
                    else { continue }
                    return NameEntry(kind: .person, code: code, canonical: entry.canonical, person: person)
                }
                if let group = entries.last(where: { $0.kind == .organization }) { return group }
            }
        }
        return nil
    }

    /// The one country the sentence names, if it names exactly one. A person already named counts
    /// for their country ("Putin ordered the army to attack Georgia": the army need not be
    /// Georgia's), but only against a country the sentence names: a person alone ("Bush mentioned
    /// terrorists") says nothing of the others. With `locativeOnly`, only the countries of places
    /// in a locative phrase count ("in Algiers"). Where an organisation is based ("a UK-based
    /// group") does not count.
    private func onlyCountry(context: CoreferenceContext, locativeOnly: Bool = false) -> String? {
        var sentenceCountries = Set<String>()
        func isBase(_ index: Int) -> Bool {
            let head = graph.tokens[index].head
            return head >= 0 && head < graph.count && graph.lemmas[head] == "base"
        }
        for match in nameAt.compactMap({ $0 })
        where
            (!locativeOnly
            || match.span.contains(where: { PlaceFinder.locative.contains(graph.preposition(of: $0) ?? "") }))
            && !match.span.contains(where: isBase) && !match.span.contains(where: isBacker)
        {
            for entry in match.entries where [.country, .adjective, .demonym, .capital].contains(entry.kind) {
                sentenceCountries.insert(String(entry.code.prefix(3)))
            }
        }
        if !sentenceCountries.isEmpty {
            for actor in context.inSentence where actor.isPerson && actor.code.count >= 3 {
                sentenceCountries.insert(actor.country)
            }
        }
        return sentenceCountries.count == 1 ? sentenceCountries.first : nil
    }

    /// The length of the institution part of an actor code: the country and one role (`CHNMIL`),
    /// or the whole code of an organisation (`IGOUNOIAE`).
    static func institutionCodeLength(_ code: String) -> Int {
        code.hasPrefix("IGO") || code.hasPrefix("NGO") ? code.count : min(code.count, 6)
    }

    /// A plural the lemmatizer left as it was ("troops" → "troop"), or `nil`.
    /// "militiamen" → "militiaman", "gunmen" → "gunman".
    static func singular(_ key: String) -> String? {
        // `utf8.count` bounds `count` from above: the cheap tests first, Characters counted last.
        if key.utf8.count > 5, endsWith(key, "men"), key.count > 5 { return key.dropLast(3) + "man" }
        guard key.utf8.count > 4, endsWith(key, "s"), !endsWith(key, "ss"), !endsWith(key, "us"), key.count > 4
        else { return nil }
        return String(key.dropLast())
    }

    /// Whether `key` ends with the ASCII letters `suffix`, as `hasSuffix` says, read on bytes: the
    /// last bytes are the suffix's and the byte before them is ASCII too (else a character before
    /// the suffix could take in its first letter, and `hasSuffix` decides).
    private static func endsWith(_ key: String, _ suffix: StaticString) -> Bool {
        let tail = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        let onBytes = key.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.count >= tail.count else { return false }
            let start = bytes.count - tail.count
            for offset in 0..<tail.count where bytes[start + offset] != tail[offset] { return false }
            return start > 0 && bytes[start - 1] >= 0x80 ? nil : true
        }
        return onBytes.flatMap { $0 } ?? key.hasSuffix(suffix.description)
    }

    /// Participles of backing: whoever stands before them backs the noun, and is not it.
    private static let backingParticiples: Set<String> = [
        "back", "support", "sponsor", "fund", "arm", "train", "ally", "align", "aligned", "allied", "inspire",
    ]

    /// Whether the word at `index` names who backs the noun phrase ("*US*-backed rebels"): it
    /// hangs on a participle of backing, or stands right before one with a hyphen between.
    private func isBacker(_ index: Int) -> Bool {
        func isBacking(_ participle: Int) -> Bool {
            participle > index && participle < graph.count && graph.tokens[participle].relation == "amod"
                && Self.backingParticiples.contains(graph.lemmas[participle])
        }
        return isBacking(graph.tokens[index].head)
            || (index + 2 < graph.count && graph.tokens[index + 1].form == "-" && isBacking(index + 2))
    }

    /// A capitalised word tagged as a pronoun that is no pronoun ("Wu emphasized"), or a surname
    /// in lowercase after a title ("President obama"): a name.
    func isMistaggedName(_ index: Int) -> Bool {
        let token = graph.tokens[index]
        if token.upos == "NOUN", index > 0 { return isLowercaseSurnameAfterTitle(index) }
        guard token.upos == "PRON", token.form.first?.isUppercase == true, token.form.count > 1 else { return false }
        let word = token.form.lowercased()
        return
            !(Self.personPronouns.contains(word) || Self.thingPronouns.contains(word)
            || Self.pluralPronouns.contains(word)
            || Self.otherPronouns.contains(word))
    }

    /// "President obama", "Prime Minister modi": a person's surname in lowercase, tagged as a
    /// common noun, right after a capitalized title.
    private func isLowercaseSurnameAfterTitle(_ index: Int) -> Bool {
        let title = index - 1
        guard graph.tokens[index].form.first?.isLowercase == true, agentAt[title] != nil,
            graph.tokens[title].form.first?.isUppercase == true
        else { return false }
        return dictionary.person(surname: graph.tokens[index].form, on: date, agent: agentAt[title]?.code) != nil
    }

    /// Pronouns and determiners that are neither a person, a thing nor a plural group.
    private static let otherPronouns: Set<String> = [
        "we", "us", "our", "you", "your", "i", "me", "my", "this", "that", "these", "those", "who", "what",
        "which", "one", "some", "all", "both", "none", "many", "each", "any", "anyone", "everyone", "nobody",
        "something", "nothing", "everything", "someone", "ours", "mine", "yours", "whose", "whom", "such",
        "another", "other", "others", "few", "several", "most", "much", "there", "here", "itself", "ourselves",
    ]

    /// Among the agent codes of one noun phrase, the most specific: a ministry's spokesman speaks
    /// for the ministry, so any agent beats the generic government (`GOV`).
    static func chooseAgent(_ codes: [String]) -> String? {
        codes.first { $0 != "GOV" } ?? codes.first
    }

    func resolvePronoun(_ word: String, at index: Int, context: CoreferenceContext) -> ResolvedActor? {
        let word = word.lowercased()
        let range = graph.tokens[index].range
        func copy(_ actor: ResolvedActor?, _ how: String) -> ResolvedActor? {
            guard var actor else { return nil }
            actor.range = range
            actor.how = "\(how) \(word) → \(actor.name ?? actor.code)"
            return actor
        }
        if Self.personPronouns.contains(word) {
            return copy(context.inSentence.last(where: \.isPerson) ?? context.lastPerson, "pronoun")
        }
        if Self.thingPronouns.contains(word) {
            let local = context.inSentence.last { !$0.isPerson }
            return copy(local ?? context.lastSubjectInstitution ?? context.lastInstitution, "pronoun")
        }
        if Self.pluralPronouns.contains(word) {
            // "Rebels blocked transport into Abidjan as they continued …": a group with a role
            // named in the sentence, not the place named after it.
            let group = context.inSentence.last { !$0.isPerson && $0.code.count > 3 }
            return copy(group ?? context.lastInstitution ?? context.lastPerson, "pronoun")
        }
        return nil
    }
}
