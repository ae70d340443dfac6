internal import DyadText

/// A quotation found in a sentence, before it becomes a ``Quotation``.
struct SentenceQuotation: Sendable {
    var speaker: ResolvedActor
    var cue: String?
    var tokens: Range<Int>
    /// UTF-8 byte range of the quoted words in the document.
    var bytes: Range<Int>
    var direct: Bool
    /// Whether the quote runs from the sentence's start or to its end (it may continue across).
    var reachesStart: Bool
    var reachesEnd: Bool
}

/// An event found in a sentence, before it becomes an ``Event``.
struct CandidateEvent: Sendable {
    var predicate: Int
    var code: String
    var source: ResolvedActor
    var target: ResolvedActor
    var pattern: String
    var date: EventDate?
    var dateRange: Range<Int>?
    var place: Place?
}

/// Codes one parsed sentence: resolves its actors and time expressions, works out who is
/// speaking, then codes each predicate (verbs, frames over complements, event nouns).
struct SentenceCoder {
    let graph: SentenceGraph
    let dictionaries: CodingDictionaries
    let published: EventDate?
    var context: CoreferenceContext
    /// The speaker of the quotation this sentence sits in, when it is named in another sentence.
    let carriedSpeaker: ResolvedActor?
    /// The verb that introduced the carried speaker's quotation, in the sentence that names them.
    let carriedCue: String?
    /// Whether the sentence starts inside a quotation opened in an earlier sentence.
    let startsInQuote: Bool
    private(set) var notes: [String] = []
    /// The quotations of this sentence: direct (between quotation marks) and indirect (the
    /// clause a speech verb reports), with their speakers.
    private(set) var quotations: [SentenceQuotation] = []

    private var resolver: ActorResolver
    private var matcher: PatternMatcher
    private var actorAt: [ResolvedActor?]
    /// Plural pronouns that stand for several actors of the sentence ("Obama and Putin said they
    /// would …"): the actors, by the pronoun's index.
    private var groupAt: [Int: [ResolvedActor]] = [:]
    private var speakerAt: [ResolvedActor?]
    private var times: [TimeExpression] = []
    private var places: [PlaceMention] = []
    private var consumed = Set<Int>()
    private var eventsByPredicate: [Int: [CandidateEvent]] = [:]

    private static let negations: Set<String> = ["not", "n't", "never", "no", "neither", "nor"]
    private static let hypotheticalModals: Set<String> = ["could", "might", "may", "can", "ca"]
    /// Intent verbs that ask an act of their object when they have one ("wants Putin to attack").
    private static let wishVerbs: Set<String> = ["want", "wish", "hope"]
    private static let futureModals: Set<String> = ["will", "would", "shall", "'ll", "wo"]
    private static let obligationModals: Set<String> = ["should", "must", "ought"]
    private static let conditionalMarks: Set<String> = ["if", "unless", "whether"]
    private static let reciprocal: Set<String> = [
        "meet", "talk", "negotiate", "agree", "sign", "cooperate", "clash", "fight", "exchange", "discuss", "confer",
        "consult", "hold",
    ]
    /// Verbs of going somewhere, whose `for` phrase names what the traveller went to do.
    private static let travelVerbs: Set<String> = [
        "return", "travel", "arrive", "go", "come", "fly", "head", "gather", "convene", "meet",
    ]
    /// Nouns of roles one person holds, which "he" or "she" can stand for.
    private static let individualRoles: Set<String> = [
        "president", "minister", "premier", "chancellor", "leader", "king", "queen", "emir", "prince", "monarch",
        "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "commander", "general", "governor",
        "mayor", "secretary", "senator", "judge", "prosecutor", "chief", "head", "official", "negotiator",
    ]
    /// Nouns of agreements, which are made at a place rather than lie there.
    private static let agreementNouns: Set<String> = [
        "agreement", "deal", "treaty", "accord", "pact", "memorandum", "protocol", "contract",
    ]
    /// Verbs that keep what their object names from happening.
    private static let preventingVerbs: Set<String> = [
        "block", "veto", "reject", "oppose", "refuse", "deny", "cancel", "postpone", "delay", "suspend", "halt",
        "stop", "prevent", "scrap", "abandon", "thwart", "derail", "obstruct", "boycott", "freeze", "shelve",
    ]
    /// Verbs of battle between armed sides, conventional whoever fights.
    private static let battleVerbs: Set<String> = ["fight", "clash", "battle", "engage", "skirmish", "combat"]

    /// Whether an actor code names a state: a country alone, or its government or armed forces.
    private static func isState(_ code: String) -> Bool {
        code.count == 3 && code != EventActor.unknownCountry
            || ["GOV", "MIL"].contains(String(code.dropFirst(3).prefix(3)))
    }

    /// Whether an actor code names irregular fighters: rebels, insurgents, unidentified armed
    /// groups, separatists (the agent right after the country, "IRQREB", "LBNREBHEZ").
    private static func isIrregularFighter(_ code: String) -> Bool {
        guard code.count >= 6 else { return false }
        return ["REB", "INS", "UAF", "SEP"].contains(String(code.dropFirst(3).prefix(3)))
    }

    /// Prepositions naming whom something is given or aimed at.
    private static let recipientPrepositions: Set<String> = ["to", "for", "against", "on", "toward", "towards"]
    /// Prepositions of place ("in Kano", "near Goma").
    private static let placePrepositions: Set<String> = [
        "in", "at", "near", "outside", "inside", "around", "from", "into", "across", "toward", "towards",
    ]
    /// Words naming military exercises.
    private static let exerciseWords: Set<String> = ["exercise", "game", "drill", "maneuver", "manoeuvre", "manoeuver"]
    /// Verbs whose object is what is talked about, never the partner ("discussed the crisis").
    private static let topicVerbs: Set<String> = ["discuss", "debate", "consider", "review", "examine", "address"]
    /// Prepositions whose object can be an event's target, in order of preference.
    private static let targetPrepositions = [
        "with", "against", "on", "to", "toward", "towards", "at", "over", "into", "upon", "for", "from", "of",
        "between", "among",
    ]
    /// Inside a noun phrase, the agent of a nominalised act is a target too ("the killing of
    /// civilians by Sudanese forces").
    private static let nominalPrepositions = targetPrepositions + ["by"]
    private static let personPronouns: Set<String> = ["we", "us", "our", "i", "me", "my"]
    /// Verbs that carry out or announce the act their object names ("staged demonstrations",
    /// "launched an offensive", "announced a suspension of air links", "imposed a curfew"): the
    /// verb's subject is the noun's actor.
    private static let performingVerbs: Set<String> = [
        "stage", "hold", "launch", "conduct", "carry", "begin", "start", "continue", "resume", "announce", "impose",
        "issue", "make", "mount", "lodge", "declare", "undertake", "organize", "organise", "intensify", "step",
        "order", "initiate", "wage", "pursue", "escalate", "complete", "stage", "call", "file", "open", "end",
        "attend", "join",
    ]

    init(
        graph: SentenceGraph, dictionaries: CodingDictionaries, text: String, published: EventDate?,
        context: CoreferenceContext, carriedSpeaker: ResolvedActor?, carriedCue: String? = nil,
        startsInQuote: Bool = false
    ) {
        self.graph = graph
        self.dictionaries = dictionaries
        self.published = published
        self.context = context
        self.context.inSentence = []
        self.carriedSpeaker = carriedSpeaker
        self.carriedCue = carriedCue
        self.startsInQuote = startsInQuote
        resolver = ActorResolver(dictionary: dictionaries.actors, graph: graph, text: text, date: published)
        matcher = PatternMatcher(graph: graph, sets: dictionaries.verbs.sets)
        actorAt = Array(repeating: nil, count: graph.count)
        speakerAt = Array(repeating: nil, count: graph.count)
    }

    // MARK: Running

    /// Resolves actors, finds the speaker of any speech, and codes the sentence's events.
    mutating func run() -> [CandidateEvent] {
        resolveActors()
        times = DateResolver.expressions(in: graph, published: published)
        places = PlaceFinder.mentions(in: graph, gazetteer: dictionaries.gazetteer)
        findSpeakers()
        var events: [CandidateEvent] = []
        for index in 0..<graph.count where !consumed.contains(index) {
            let found: [CandidateEvent]
            if graph.isVerb(index) || isPredicateAdjective(index) {
                found = codeVerb(index)
            } else if graph.tokens[index].upos == "NOUN" {
                found = codeNoun(index)
            } else {
                continue
            }
            // "will visit Mauritania and Senegal to mediate": an act and its purpose, of the same
            // kind and between the same sides, are one event, coded as the purpose says (039).
            if let governor = purposeGovernor(of: index) {
                let isCovered = { (event: CandidateEvent) in
                    found.contains {
                        $0.source.code == event.source.code && $0.target.code == event.target.code
                            && $0.code.prefix(2) == event.code.prefix(2)
                    }
                }
                events.removeAll { $0.predicate == governor && isCovered($0) }
                eventsByPredicate[governor]?.removeAll(where: isCovered)
            }
            eventsByPredicate[index] = found
            events += found
        }
        events += accusations()
        return deduplicated(events)
    }

    /// The act whose purpose the clause at `index` states ("visited Dakar *to mediate*"), if it
    /// is such a clause.
    private func purposeGovernor(of index: Int) -> Int? {
        let head = graph.tokens[index].head
        guard head >= 0, ["advcl", "xcomp"].contains(String(graph.baseRelation(index))),
            graph.children(of: index, "mark").contains(where: { graph.lemmas[$0] == "to" })
        else { return nil }
        return head
    }

    /// The actor the sentence's first speech verb attributes its content to, if any, with the verb.
    mutating func speechSpeaker() -> (speaker: ResolvedActor, cue: String)? {
        resolveActors()
        for index in 0..<graph.count where isSpeechVerb(index) {
            if let subject = subjects(of: index).first { return (subject, graph.forms[index]) }
        }
        return nil
    }

    private func isPredicateAdjective(_ index: Int) -> Bool {
        let token = graph.tokens[index]
        return token.upos == "ADJ" && adjectiveFrame(index) != nil && graph.child(of: index, "xcomp", "csubj") != nil
    }

    /// The frame of an adjective that heads its clause with a copula: "is willing to withdraw",
    /// "are prepared to lift" (the dictionary's "be willing", "be prepared").
    ///
    /// The participle may be tagged a passive verb ("was determined to mend ties").
    private func adjectiveFrame(_ index: Int) -> FrameEntry? {
        let token = graph.tokens[index]
        let isAdjective = token.upos == "ADJ" && graph.child(of: index, "cop") != nil
        let isParticiple = token.upos == "VERB" && token.xpos == "VBN" && graph.child(of: index, "aux:pass") != nil
        guard isAdjective || isParticiple else { return nil }
        let word = graph.forms[index].lowercased()
        return dictionaries.verbs.frames["be"]?.first {
            $0.particles == [word] || $0.particles == [graph.lemmas[index]]
        }
    }

    // MARK: Actors

    private mutating func resolveActors() {
        for index in 0..<graph.count {
            let token = graph.tokens[index]
            let relation = token.relation
            let base = SentenceGraph.baseRelation(of: relation)
            // Heads of noun phrases only: parts of a name are resolved with their head.
            if ["compound", "flat", "amod", "det", "case", "punct", "goeswith"].contains(base) { continue }
            if relation == "nmod:desc" && token.head > index { continue }  // "President" in "President Bush"
            guard
                token.upos == "NOUN" || token.upos == "PROPN" || token.upos == "PRON" || token.upos == "X"
                    || (token.upos == "ADJ" && resolver.nameAt[index] != nil)
            else { continue }
            var actor: ResolvedActor?
            if token.upos == "PRON" && !resolver.isMistaggedName(index) {
                let word = graph.forms[index]
                if Self.personPronouns.contains(word) {
                    actor = speakerAt[index] ?? carriedSpeaker
                } else {
                    // "There were soldiers killed": an expletive refers to nothing.
                    guard relation != "expl" || adjectiveFrame(token.head) != nil, !["there", "here"].contains(word)
                    else {
                        continue
                    }
                    if ["which", "who", "whom", "that"].contains(word) {
                        actor = antecedent(of: index)
                    } else {
                        actor =
                            reportingSpeaker(of: index) ?? resolveCataphora(index)
                            ?? resolver.resolve(index, context: context)
                    }
                }
            } else {
                actor = resolver.resolve(index, context: context).map { locatedByPlaceName($0, head: index) }
            }
            // "killed three policemen in Kano": a surname alone after a preposition of place that
            // the gazetteer knows is the place, not the person.
            if let person = actor, person.isBySurname, isAfterPlacePreposition(index),
                dictionaries.gazetteer.lookup(graph.tokens[index].form) != nil
            {
                notes.append("\(graph.tokens[index].form): a place here, not \(person.name ?? person.code)")
                continue
            }
            guard var found = actor else { continue }
            actorAt[index] = found
            if token.upos == "PRON", let group = coordinatedAntecedents(of: index) {
                groupAt[index] = group
                found = group[group.count - 1]
                actorAt[index] = found
            }
            if found.isPerson, let name = found.name {
                context.remember(person: name, code: found.code)
                if found.how.hasPrefix("introduced") {
                    found.how = "introduced with a role: \(name) is \(found.code)"
                    actorAt[index] = found
                }
            }
            context.note(found, isSubject: relation.hasPrefix("nsubj"))
            // Remember the institution words that named it, for "the ministry", "the army" later.
            if found.code.count > 3, !found.how.hasPrefix("the ") {
                var institution = found
                institution.isPerson = false
                institution.name = nil
                institution.code = String(found.code.prefix(ActorResolver.institutionCodeLength(found.code)))
                for word in resolver.core(of: index)
                where graph.tokens[word].upos != "PRON"
                    && (resolver.agentAt[word] != nil
                        || resolver.nameAt[word]?.entries.contains(where: { $0.kind == .organization }) == true)
                {
                    context.institutions[graph.lemmas[word]] = institution
                }
            }
        }
        for head in 0..<graph.count {
            if let actor = actorAt[head], let shared = sharedRole(of: head, actor: actor) { actorAt[head] = shared }
            if actorAt[head] == nil, let leader = leader(of: head) { actorAt[head] = leader }
        }
    }

    /// "the US-led coalition", "a Saudi-led alliance": a group led by an actor, with no actor of
    /// its own, acts as its leader. ("US-backed rebels" are not the US.)
    private mutating func leader(of head: Int) -> ResolvedActor? {
        guard graph.tokens[head].upos == "NOUN" else { return nil }
        for led in graph.children(of: head, "amod") where led < head && graph.lemmas[led] == "lead" {
            for modifier in graph.children(of: led, "obl:unmarked", "obl", "compound", "nsubj", "amod")
            where modifier < led && ["PROPN", "ADJ"].contains(graph.tokens[modifier].upos) {
                guard var actor = actorAt[modifier] ?? resolver.resolve(modifier, context: context) else { continue }
                actor.range = graph.tokens[modifier].range.lowerBound..<graph.tokens[head].range.upperBound
                actor.how += ", leading the \(graph.tokens[head].form)"
                return actor
            }
        }
        return nil
    }

    /// "the residents of Rafah", "the mayor of Kharkiv": a role whose only unknown proper name is
    /// a place the gazetteer knows is of that place's country, not of a country guessed from the
    /// rest of the sentence.
    private func locatedByPlaceName(_ actor: ResolvedActor, head: Int) -> ResolvedActor {
        guard !actor.isPerson, actor.how.hasPrefix("introduced: ") else { return actor }
        let proper = resolver.core(of: head).sorted().filter { index in
            graph.tokens[index].upos == "PROPN" && resolver.nameAt[index] == nil && resolver.agentAt[index] == nil
        }
        let name = proper.map { graph.tokens[$0].form }.joined(separator: " ")
        guard !proper.isEmpty, let place = dictionaries.gazetteer.lookup(name), let country = place.country,
            country != actor.country
        else { return actor }
        var located = actor
        located.code = country + actor.code.dropFirst(3)
        located.how = "a role in \(place.name), a place of \(country)"
        located.isCountryGuessed = false
        return located
    }

    /// Whether the nominal at `index` follows a preposition of place ("in Kano").
    private func isAfterPlacePreposition(_ index: Int) -> Bool {
        graph.children(of: index, "case").contains { Self.placePrepositions.contains(graph.lemmas[$0]) }
    }

    /// "Obama and Putin said they will attack": a plural pronoun after a coordinated subject of
    /// the sentence stands for every actor of it.
    private func coordinatedAntecedents(of pronoun: Int) -> [ResolvedActor]? {
        guard ActorResolver.pluralPronouns.contains(graph.forms[pronoun]) else { return nil }
        for subject in (0..<pronoun).reversed() where graph.tokens[subject].relation.hasPrefix("nsubj") {
            let group = actors(at: subject)
            guard group.count > 1 else { continue }
            return group.map { actor in
                var copy = actor
                copy.range = graph.tokens[pronoun].range
                copy.how =
                    "pronoun \(graph.forms[pronoun]) → \(group.map { $0.name ?? $0.code }.joined(separator: " and "))"
                return copy
            }
        }
        return nil
    }

    /// What a relative pronoun stands for ("Macedonia, which is preparing an offensive"): the noun
    /// its clause describes, else (when the parse missed the clause) the actor just before it.
    private func antecedent(of pronoun: Int) -> ResolvedActor? {
        let verb = graph.tokens[pronoun].head
        var found: ResolvedActor?
        if verb >= 0, graph.tokens[verb].relation == "acl:relcl" {
            found = actorAt[graph.tokens[verb].head]
        } else if let before = (max(0, pronoun - 3)..<pronoun).last(where: { actorAt[$0] != nil }) {
            found = actorAt[before]
        }
        guard var actor = found else { return nil }
        actor.range = graph.tokens[pronoun].range
        actor.how = "relative pronoun \(graph.forms[pronoun]) → \(actor.name ?? actor.code)"
        return actor
    }

    /// "France accused Rwanda of lying but said it was determined to mend ties": the subject
    /// pronoun of a reported clause is the institution or role that reports it, not the last one
    /// named; not when the speech has an addressee ("warned the Taliban that they would be
    /// resisted").
    private func reportingSpeaker(of pronoun: Int) -> ResolvedActor? {
        let clause = graph.tokens[pronoun].head
        let word = graph.forms[pronoun]
        guard graph.tokens[pronoun].relation.hasPrefix("nsubj") || graph.tokens[pronoun].relation == "expl",
            ["it", "they", "he", "she"].contains(word),
            clause >= 0, graph.tokens[clause].relation == "ccomp", graph.tokens[clause].head >= 0,
            graph.tokens[clause].head < pronoun, isSpeechVerb(graph.tokens[clause].head),
            graph.child(of: graph.tokens[clause].head, "obj", "iobj") == nil,
            var speaker = subjects(of: graph.tokens[clause].head).first
        else { return nil }
        // "he" and "she" for one person: a named one (resolved as usual) or a singular role
        // ("Serbia's president said he would not …"); "it" and "they" for an institution or group.
        if word == "he" || word == "she" {
            guard !speaker.isPerson, speaker.code.count > 3,
                let subject = graph.child(of: graph.tokens[clause].head, "nsubj"),
                Self.individualRoles.contains(graph.lemmas[subject])
            else { return nil }
        } else if speaker.isPerson {
            return nil
        }
        speaker.range = graph.tokens[pronoun].range
        speaker.how = "pronoun \(graph.forms[pronoun]) → \(speaker.name ?? speaker.code) (who reports the clause)"
        return speaker
    }

    /// "During his trip to Beijing, Blinken urged …": a possessive pronoun in a phrase fronted
    /// before the main subject refers forward to that subject.
    private func resolveCataphora(_ pronoun: Int) -> ResolvedActor? {
        guard let root = graph.tokens.indices.first(where: { graph.tokens[$0].head < 0 }), pronoun < root else {
            return nil
        }
        // "Benin opened its borders …, Benin police said": a clause the pronoun stands in names
        // its subject before it, which it refers back to ("Ethnic Albanians have sworn to fight
        // until they gain control …, officials said": the clause above the pronoun's own).
        var clause = graph.tokens[pronoun].head
        for _ in 0..<graph.count where clause >= 0 && clause != root {
            if graph.isVerb(clause), let own = graph.child(of: clause, "nsubj"), own < pronoun,
                graph.tokens[own].upos != "PRON" || actorAt[own] != nil
            {
                return nil
            }
            clause = graph.tokens[clause].head
        }
        var subject = graph.child(of: root, "nsubj")
        if subject == nil {
            // The parse missed the subject: the last proper name before the verb outside a PP.
            subject = (pronoun + 1..<root).last { index in
                graph.tokens[index].upos == "PROPN" && graph.child(of: index, "case") == nil
                    && !["compound", "flat", "nmod:poss"].contains(graph.tokens[index].relation)
            }
        }
        guard let subject, pronoun < subject, !graph.dominates(subject, pronoun) else { return nil }
        let resolved = resolver.resolve(subject, context: context)
        guard let resolved, resolved.isPerson == ActorResolver.isPersonPronoun(graph.forms[pronoun]) else { return nil }
        var actor = resolved
        actor.range = graph.tokens[pronoun].range
        actor.how = "pronoun \(graph.forms[pronoun]) → \(resolved.name ?? resolved.code) (named later in the sentence)"
        return actor
    }

    func explainedActors() -> [SentenceExplanation.Actor] {
        actorAt.indices.flatMap { index in
            (groupAt[index] ?? actorAt[index].map { [$0] } ?? []).map {
                SentenceExplanation.Actor(
                    text: substring(resolver.text, $0.range), code: $0.code, name: $0.name, how: $0.how)
            }
        }
    }

    /// The actors a nominal names, with its coordinated nominals ("Spain, Ireland and Norway").
    private func actors(at head: Int) -> [ResolvedActor] {
        if let group = groupAt[head] { return group }
        var result: [ResolvedActor] = []
        if let actor = actorAt[head] {
            result.append(actor)
            result += coordinatedModifiers(of: head, actor: actor)
        }
        // A country's adjective among the conjuncts ("U.S. and Russian negotiators", with *Russian*
        // a conjunct of *U.S.*) names that country.
        for conj in graph.children(of: head, "conj")
        where graph.isNominal(conj) || graph.tokens[conj].upos == "ADJ" && actorAt[conj]?.code.count == 3 {
            if let actor = actorAt[conj] { result.append(actor) }
        }
        return result
    }

    /// "US and British forces", parsed with *US* the head and *forces* its conjunct: a bare
    /// country right before "and", a country's adjective and a plural role noun shares that noun's
    /// role.
    private func sharedRole(of head: Int, actor: ResolvedActor) -> ResolvedActor? {
        let conj = head + 3
        guard actor.code.count == 3, graph.tokens[head].upos == "PROPN", conj < graph.count,
            graph.tokens[conj].head == head, graph.tokens[conj].relation == "conj",
            graph.tokens[conj].xpos == "NNS", graph.lemmas[head + 1] == "and",
            graph.tokens[head + 2].head == conj, ["amod", "compound"].contains(graph.tokens[head + 2].relation),
            let other = actorAt[conj], other.code.count > 3, other.country != actor.country
        else { return nil }
        var shared = actor
        shared.code = actor.country + other.code.dropFirst(3)
        shared.how += ", with the role of \(graph.tokens[conj].form) (\(other.code)) it is coordinated before"
        return shared
    }

    /// "Turkish and Greek sides", "US and British activists": one head whose country modifier is
    /// coordinated with other countries names one actor per country, each with the head's role.
    private func coordinatedModifiers(of head: Int, actor: ResolvedActor) -> [ResolvedActor] {
        guard !actor.isPerson else { return [] }
        var result: [ResolvedActor] = []
        for modifier in graph.children(of: head, "amod", "compound") where modifier < head {
            for conj in graph.children(of: modifier, "conj") {
                guard let other = actorAt[conj], other.code.count == 3, other.country != actor.country,
                    !result.contains(where: { $0.country == other.country })
                else { continue }
                var copy = actor
                copy.code = other.country + actor.code.dropFirst(3)
                copy.range = other.range
                copy.how = "\(other.code) coordinated with \(actor.country) before the same head (\(actor.code))"
                result.append(copy)
            }
        }
        return result
    }

    /// The actor a nominal names, or failing that an actor inside its modifiers ("sanctions
    /// against Li", "dialogue with Washington", "Austin's request").
    private func actorInside(_ head: Int, depth: Int = 0) -> [ResolvedActor] {
        let direct = actors(at: head)
        if !direct.isEmpty { return direct }
        // A possessive pronoun comes after a name among the modifiers: "its European Community
        // partners" are the Community.
        let possessor = graph.child(of: head, "nmod:poss")
        let pronounPossessor = possessor.map { graph.tokens[$0].upos == "PRON" } ?? false
        if let possessor, !pronounPossessor, let actor = actorAt[possessor] { return [actor] }
        // "condemned US arms sales to Taiwan": the actor named before an event noun did it.
        if graph.tokens[head].upos == "NOUN" {
            for modifier in resolver.core(of: head)
            where modifier < head && graph.tokens[modifier].relation != "det"
                && !(pronounPossessor && modifier == possessor)
            {
                if let actor = actorAt[modifier] ?? resolver.resolve(modifier, context: context) { return [actor] }
            }
        }
        if let possessor, pronounPossessor, let actor = actorAt[possessor] { return [actor] }
        // "photographs and other intelligence to Macedonia": a recipient's phrase may hang on the
        // last of coordinated nouns (not any phrase: "the inability to foresee … and the coup by
        // the King" says nothing of who did the first).
        let lastConjunct = graph.children(of: head, "conj").last { graph.tokens[$0].upos == "NOUN" }
        for preposition in Self.nominalPrepositions {
            var modifiers = graph.children(of: head, "nmod")
            if let lastConjunct, Self.recipientPrepositions.contains(preposition) {
                modifiers += graph.children(of: lastConjunct, "nmod")
            }
            for modifier in modifiers where graph.preposition(of: modifier) == preposition {
                let found = actors(at: modifier)
                if !found.isEmpty { return found }
            }
        }
        // "an investigation into crimes committed by Croat forces": whoever did what the noun names.
        for clause in graph.children(of: head, "acl") where isPassiveParticiple(clause) {
            if let agent = passiveAgent(of: clause) {
                let found = actors(at: agent)
                if !found.isEmpty { return found }
            }
        }
        // "A report released in the Rwandan capital alleged …": a document issued in a country
        // with no author named speaks for that country.
        if Self.documentNouns.contains(graph.lemmas[head]) {
            for clause in graph.children(of: head, "acl")
            where isPassiveParticiple(clause) && Self.issuingVerbs.contains(graph.lemmas[clause]) {
                for oblique in graph.children(of: clause, "obl") where graph.preposition(of: oblique) == "in" {
                    let found = actors(at: oblique).filter { $0.code.count == 3 }
                    if !found.isEmpty { return found }
                }
            }
        }
        // "an attack targeting Kenyans", "sanctions aimed at Russian banks": whom a participle of
        // aiming names (or where what it names lies: "targeting shoppers at a mall in Nairobi").
        for clause in graph.children(of: head, "acl")
        where depth == 0 && Self.aimingVerbs.contains(graph.lemmas[clause]) && !isPassiveParticiple(clause) {
            let found = defaultTargets(of: clause)
            if !found.isEmpty { return found }
            for oblique in graph.children(of: clause, "obl") {
                for place in graph.children(of: oblique, "nmod") where graph.preposition(of: place) == "in" {
                    let found = actors(at: place).filter { $0.code.count == 3 }
                    if !found.isEmpty { return found }
                }
            }
        }
        // One level further: "a blockade on Palestinian lorries", "sanctions on imports from Iran".
        if depth == 0 {
            for preposition in Self.nominalPrepositions {
                for modifier in graph.children(of: head, "nmod") where graph.preposition(of: modifier) == preposition {
                    let found = actorInside(modifier, depth: 1)
                    if !found.isEmpty { return found }
                }
            }
        }
        return []
    }

    /// Whoever must comply with a condition on the act at `predicate` ("… unless Baghdad accepted
    /// its conditions", "… if the United States goes ahead"): the subject of an `if`/`unless`
    /// clause attached to it or to the verb above it, for threats that name no target otherwise.
    /// A threat to fight until a goal is won is aimed at whom the goal is taken from ("sworn to
    /// fight until they take Kabul"): the `until` clause's target.
    private func conditionedActors(_ predicate: Int) -> [ResolvedActor] {
        var node = predicate
        for _ in 0..<3 {
            for clause in graph.children(of: node, "advcl") {
                let marks = graph.children(of: clause, "mark").map { graph.lemmas[$0] }
                let found =
                    marks.contains(where: { ["if", "unless"].contains($0) })
                    ? subjects(of: clause)
                    : marks.contains("until") ? defaultTargets(of: clause).excluding(subjects(of: clause)) : []
                if !found.isEmpty { return found }
            }
            guard graph.tokens[node].head >= 0, graph.tokens[node].relation.hasPrefix("xcomp") else { break }
            node = graph.tokens[node].head
        }
        return []
    }

    // MARK: Speakers

    private func isSpeechVerb(_ index: Int) -> Bool {
        graph.isVerb(index) && dictionaries.speech.speechVerbs.contains(graph.lemmas[index])
    }

    /// The token ranges between quotation marks in this sentence: a quote opened in an earlier
    /// sentence runs from the start, and one left open runs to the end.
    private func quoteSpans() -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var open: Int? = startsInQuote ? -1 : nil
        for index in 0..<graph.count where QuoteTracker.isQuote(graph.tokens[index].form) {
            if let start = open {
                spans.append(start + 1..<index)
                open = nil
            } else {
                open = index
            }
        }
        if let start = open { spans.append(start + 1..<graph.count) }
        return spans.filter { !$0.isEmpty }
    }

    /// Marks every token of a reported statement with its speaker.
    private mutating func findSpeakers() {
        let spans = quoteSpans()
        if let carriedSpeaker {
            for index in 0..<graph.count { speakerAt[index] = carriedSpeaker }
            // A sentence inside a quotation whose speaker is named in another sentence.
            for span in spans.isEmpty ? [0..<graph.count] : spans {
                addQuotation(carriedSpeaker, cue: carriedCue, tokens: span, direct: true)
            }
        }
        // Direct quotes: the words inside quotation marks belong to the speaker of a speech verb
        // outside them ("“…,” Wu emphasized"), whatever the parse made of the clauses.
        if !spans.isEmpty {
            for verb in 0..<graph.count where isSpeechVerb(verb) && !spans.contains(where: { $0.contains(verb) }) {
                guard let speaker = subjects(of: verb).first else { continue }
                // The quote must belong to the verb's clause: it governs the quote, or the quote governs it.
                let own = spans.filter { span in
                    span.contains { graph.dominates(verb, $0) || graph.dominates($0, verb) }
                }
                guard let nearest = own.min(by: { abs($0.lowerBound - verb) < abs($1.lowerBound - verb) }) else {
                    continue
                }
                for index in nearest { speakerAt[index] = speaker }
                addQuotation(speaker, cue: graph.forms[verb], tokens: nearest, direct: true)
            }
        }
        for verb in 0..<graph.count where isSpeechVerb(verb) {
            guard let speaker = subjects(of: verb).first else { continue }
            var content: [Int] = []
            for child in graph.children(of: verb, "ccomp", "parataxis") {
                content += graph.subtree(child)
            }
            let relation = graph.tokens[verb].relation
            if relation.hasPrefix("parataxis") || relation.hasPrefix("ccomp") || relation.hasPrefix("advcl"),
                graph.tokens[verb].head >= 0
            {
                let head = graph.tokens[verb].head
                let own = Set(graph.subtree(verb))
                content += graph.subtree(head).filter { !own.contains($0) }
            }
            for index in content { speakerAt[index] = speaker }
            // Indirect speech: the clause the verb reports, unless it is a direct quote already recorded.
            let reported = graph.children(of: verb, "ccomp").flatMap { graph.subtree($0) }
            if let first = reported.min(), let last = reported.max(),
                !spans.contains(where: { $0.contains(first) || $0.contains(last) })
            {
                addQuotation(speaker, cue: graph.forms[verb], tokens: first..<last + 1, direct: false)
            }
            // Pronouns of the first person inside the statement are the speaker.
            for index in content where Self.personPronouns.contains(graph.forms[index]) && actorAt[index] == nil {
                actorAt[index] = speaker
            }
        }
    }

    private mutating func addQuotation(_ speaker: ResolvedActor, cue: String?, tokens: Range<Int>, direct: Bool) {
        // Trim punctuation at the edges: the quote is the words.
        var lower = tokens.lowerBound
        var upper = tokens.upperBound
        while lower < upper, graph.tokens[lower].upos == "PUNCT" { lower += 1 }
        while upper > lower, graph.tokens[upper - 1].upos == "PUNCT" { upper -= 1 }
        guard lower < upper, !quotations.contains(where: { $0.tokens.overlaps(lower..<upper) }) else { return }
        let bytes = graph.tokens[lower].range.lowerBound..<graph.tokens[upper - 1].range.upperBound
        quotations.append(
            SentenceQuotation(
                speaker: speaker, cue: cue, tokens: lower..<upper, bytes: bytes, direct: direct,
                reachesStart: tokens.lowerBound == 0, reachesEnd: tokens.upperBound >= graph.count - 1))
    }

    // MARK: Subjects and objects

    private func isPassive(_ verb: Int) -> Bool {
        // A passive auxiliary, or a passive subject with no active one beside it (a parse that
        // gives a verb both is wrong about the passive one).
        graph.child(of: verb, "aux:pass") != nil
            || (graph.child(of: verb, "nsubj:pass") != nil && graph.child(of: verb, "nsubj") == nil)
            || isPassiveParticiple(verb)
    }

    /// The `by` phrase of a passive verb.
    private func passiveAgent(of verb: Int) -> Int? {
        graph.child(of: verb, "obl:agent")
            ?? graph.children(of: verb, "obl").first { graph.preposition(of: $0) == "by" }
    }

    /// A past participle describing a noun ("soldiers killed in Ukraine", "the civilians
    /// imprisoned for acting against Moscow"): the noun is what the act was done to. Not when the
    /// noun heads the sentence: then the "participle" is the main verb the parse missed
    /// ("Indian and Pakistani officials met in Geneva").
    private func isPassiveParticiple(_ verb: Int) -> Bool {
        let noun = graph.tokens[verb].head
        return graph.tokens[verb].relation == "acl" && ["VBN", "VBD"].contains(graph.tokens[verb].xpos)
            && graph.child(of: verb, "obj") == nil && graph.child(of: verb, "nsubj") == nil && noun >= 0
            && graph.tokens[noun].head >= 0
    }

    /// Who does what `verb` says: its subject (or a passive's `by` agent), else the subject it
    /// shares with the verb it depends on ("refused to remove", "suspended … and vowed").
    private func subjects(of verb: Int, depth: Int = 0) -> [ResolvedActor] {
        guard depth < 6 else { return [] }
        if isPassive(verb) {
            if let agent = passiveAgent(of: verb) { return actors(at: agent) }
            // "Ghana was prepared to lift the ban": a participle of will ("be prepared",
            // "be determined") is no passive act; its subject is the one who intends.
            if let subject = graph.child(of: verb, "nsubj:pass"), graph.child(of: verb, "xcomp") != nil,
                dictionaries.verbs.frames["be"]?.contains(where: { $0.particles == [graph.forms[verb]] }) == true
            {
                return actors(at: subject)
            }
            return []
        }
        // "it is willing to withdraw": an adjective of will has no expletive subject, whatever the
        // parse says (nor a clausal one: "it was determined to mend ties").
        if adjectiveFrame(verb) != nil, graph.child(of: verb, "nsubj") == nil,
            let subject = graph.child(of: verb, "expl")
        {
            return actors(at: subject)
        }
        if let subject = graph.child(of: verb, "nsubj", "csubj") {
            var found = actors(at: subject)
            // A parse with two subjects ("Colombian | President Gustavo Petro criticized"): the
            // most specific actor among them.
            // A named actor beats one whose country was only inferred ("Human rights watchdog |
            // Amnesty International accused").
            let otherSubjects = graph.children(of: verb, "nsubj").filter { $0 != subject }
            let others = otherSubjects.flatMap { actors(at: $0) }
            // "The United States and the European Union warned Russia", with both nouns subjects
            // of the verb and "and" between them: coordinated subjects, each acts.
            if let last = otherSubjects.max(), last > subject,
                graph.tokens[(subject + 1)..<last].contains(where: { $0.upos == "CCONJ" })
            {
                return found + others
            }
            // Of two as specific, the one nearer the verb ("The Al Qaeda-linked group al-Shabab is
            // claiming": al-Shabab).
            func rank(_ actor: ResolvedActor) -> (Int, Int, Int) {
                (actor.isInferred ? 0 : 1, actor.code.count, actor.range.lowerBound)
            }
            if let best = (found + others).max(by: { rank($0) < rank($1) }), !others.isEmpty {
                found = [best]
            }
            if !found.isEmpty { return found }
            // "the head of the ministry", "many of them": the actor inside the subject phrase.
            return actorInside(subject)
        }
        let token = graph.tokens[verb]
        guard token.head >= 0 else { return rescuedSubject(of: verb).map { [$0] } ?? [] }
        let relation = token.relation
        if relation.hasPrefix("xcomp") {
            // Object control: "urged China to restore" — China restores; "praised Haiti's efforts
            // to improve" — Haiti improves.
            if let object = graph.child(of: token.head, "obj", "iobj") {
                let found = actorInside(object)
                if !found.isEmpty { return found }
            }
            // In the passive, the one the clause is about acts: "Obama is scheduled to attend",
            // "the envoy was asked to leave", "troops were ordered to withdraw".
            if isPassive(token.head), let subject = graph.child(of: token.head, "nsubj:pass") {
                let found = actors(at: subject)
                if !found.isEmpty { return found }
            }
            return subjects(of: token.head, depth: depth + 1)
        }
        if relation.hasPrefix("conj") || relation.hasPrefix("advcl") {
            return subjects(of: token.head, depth: depth + 1)
        }
        if relation.hasPrefix("acl") {
            let found = actorInside(token.head)
            // "The party issued a declaration demanding …": the declaration's issuer demands.
            let noun = token.head
            if found.isEmpty, graph.tokens[noun].relation == "obj", graph.tokens[noun].head >= 0 {
                return subjects(of: graph.tokens[noun].head, depth: depth + 1)
            }
            return found
        }
        return []
    }

    /// A main verb the parse left without a subject: the last actor before it that no
    /// preposition governs ("During his trip to Beijing, US Secretary of State Antony Blinken
    /// had urged …" when the name was attached to the trip).
    private func rescuedSubject(of verb: Int) -> ResolvedActor? {
        guard graph.child(of: verb, "expl") == nil else { return nil }
        var index = verb - 1
        while index >= 0 && verb - index <= 12 {
            defer { index -= 1 }
            guard let actor = actorAt[index], graph.tokens[index].upos != "PRON" else { continue }
            if graph.child(of: index, "case") != nil || graph.tokens[index].relation == "nmod:poss" { continue }
            if graph.tokens[index].relation.hasPrefix("obj") || graph.tokens[index].relation.hasPrefix("iobj") {
                continue
            }
            return actor
        }
        return nil
    }

    /// Whom `verb` is done to, by the default rule: indirect object, direct object (or the actor
    /// inside it), a passive subject, then prepositional phrases.
    private func defaultTargets(of verb: Int) -> [ResolvedActor] {
        if let indirect = graph.child(of: verb, "iobj") {
            let found = actors(at: indirect)
            if !found.isEmpty { return found }
        }
        if let object = graph.child(of: verb, "obj") {
            // "withdraw its troops from Lebanon", "recalled its ambassador from Moscow": the
            // source's own people, moved to or from a place, are not whom the act is aimed at; the
            // place is, and so are those they are opened or sent to when the parse hangs them on
            // the object ("opened its border to Sudanese refugees").
            let isOwn = graph.children(of: object, "nmod:poss").contains { graph.tokens[$0].upos == "PRON" }
            let oblique = isOwn ? obliqueTargets(of: verb) : []
            if !oblique.isEmpty { return oblique }
            if isOwn {
                for recipient in graph.children(of: object, "nmod") where graph.preposition(of: recipient) == "to" {
                    let found = actors(at: recipient)
                    if !found.isEmpty { return found }
                }
            }
            let found = actorInside(object)
            if !found.isEmpty { return found }
        }
        if isPassive(verb), let subject = graph.child(of: verb, "nsubj:pass") {
            let found = actorInside(subject)
            if !found.isEmpty { return found }
        }
        if isPassiveParticiple(verb) {
            let found = actors(at: graph.tokens[verb].head)
            if !found.isEmpty { return found }
        }
        let oblique = obliqueTargets(of: verb)
        if !oblique.isEmpty { return oblique }
        // "will evacuate all settlements in the Gaza Strip", "called for a ceasefire in Sudan": a
        // thing acted on, or asked for, where it lies. Not an agreement, which is only made there
        // ("signed a peace agreement in Pretoria").
        let things =
            graph.children(of: verb, "obj")
            + graph.children(of: verb, "obl").filter { ["for", "on"].contains(graph.preposition(of: $0) ?? "") }
        for object in things.prefix(1) where !Self.agreementNouns.contains(graph.lemmas[object]) {
            for place in graph.children(of: object, "nmod") where graph.preposition(of: place) == "in" {
                let found = actors(at: place).filter { $0.code.count == 3 }
                if !found.isEmpty { return found }
            }
        }
        return []
    }

    /// The actors the obliques of `verb` name, by the first preposition in `targetPrepositions`
    /// that has one ("met with Iran", "fired on protesters", "withdrew from Lebanon").
    private func obliqueTargets(of verb: Int) -> [ResolvedActor] {
        for preposition in Self.targetPrepositions {
            for oblique in graph.children(of: verb, "obl") where graph.tokens[oblique].relation != "obl:agent" {
                guard graph.preposition(of: oblique) == preposition else { continue }
                let found = actorInside(oblique)
                if !found.isEmpty { return found }
            }
        }
        return []
    }

    // MARK: Modality

    private func hasChild(_ index: Int, relation: String, lemmaIn words: Set<String>) -> Bool {
        graph.children(of: index, relation).contains {
            words.contains(graph.lemmas[$0]) || words.contains(graph.forms[$0])
        }
    }

    /// Whether `verb` is negated, or is the purpose of a negated act ("would not give permission
    /// to Russia to help Israel": no help either).
    private func isNegated(_ verb: Int) -> Bool {
        func own(_ index: Int) -> Bool {
            hasChild(index, relation: "advmod", lemmaIn: Self.negations)
                || hasChild(index, relation: "det", lemmaIn: ["no"])
                || graph.children(of: index, "obj").contains { hasChild($0, relation: "det", lemmaIn: ["no"]) }
        }
        if own(verb) { return true }
        let governor = graph.tokens[verb].head
        return governor >= 0 && graph.isVerb(governor) && graph.baseRelation(verb) == "advcl"
            && graph.children(of: verb, "mark").contains { graph.lemmas[$0] == "to" } && own(governor)
    }

    private func isConditional(_ verb: Int) -> Bool {
        var node = verb
        var steps = 0
        while node >= 0 && steps < 4 {
            if hasChild(node, relation: "mark", lemmaIn: Self.conditionalMarks) { return true }
            let relation = graph.tokens[node].relation
            guard relation.hasPrefix("xcomp") || relation.hasPrefix("conj") else { break }
            node = graph.tokens[node].head
            steps += 1
        }
        return false
    }

    /// The modal of `verb`'s clause. A purpose ("will visit Senegal to mediate") or a verb
    /// coordinated under the same subject ("would visit Dakar and mediate") shares its governor's.
    private func modal(of verb: Int) -> String? {
        func own(_ index: Int) -> String? {
            graph.children(of: index, "aux").lazy.map { graph.forms[$0] }.first {
                Self.hypotheticalModals.contains($0) || Self.futureModals.contains($0)
                    || Self.obligationModals.contains($0)
            }
        }
        if let modal = own(verb) { return modal }
        let governor = graph.tokens[verb].head
        guard governor >= 0, graph.isVerb(governor), graph.child(of: verb, "nsubj") == nil,
            graph.children(of: verb, "aux").isEmpty
        else { return nil }
        let relation = String(graph.baseRelation(verb))
        let isPurpose =
            relation == "advcl" && graph.children(of: verb, "mark").contains { graph.lemmas[$0] == "to" }
        return isPurpose || relation == "conj" ? own(governor) : nil
    }

    // MARK: Patterns

    private struct Coding {
        var code: String
        var pattern: String
        var match: PatternMatch?
    }

    /// The best pattern of `verb`'s lemma that matches its phrase, or the lemma's default code.
    private func bestVerbCoding(_ verb: Int) -> Coding? {
        guard let entries = dictionaries.verbs.verbs[graph.lemmas[verb]] else { return nil }
        var after = matcher.phrase(ofVerb: verb)
        if isPassive(verb), let agent = passiveAgent(of: verb) {
            // "crimes committed by Croat forces": the agent is no object of the pattern.
            let words = Set(graph.subtree(agent))
            after.removeAll { words.contains($0) }
        }
        let before = matcher.subjectPhrase(ofVerb: verb)
        var best: PatternMatch?
        for entry in entries {
            for pattern in entry.patterns {
                guard best == nil || pattern.weight > best?.pattern.weight ?? 0 else { continue }
                if let match = matcher.match(pattern, before: before, after: after, predicate: verb) {
                    best = match
                }
            }
        }
        if let best { return Coding(code: best.pattern.code, pattern: best.pattern.id, match: best) }
        for entry in entries {
            guard let code = entry.defaultCode else { continue }
            if entry.particles.isEmpty { return Coding(code: code, pattern: entry.lemma + " *", match: nil) }
            let particles = VerbPattern(
                code: code, before: [], after: entry.particles.map { .word($0) },
                id: ([entry.lemma] + entry.particles).joined(separator: " ") + " *", file: "", line: 0)
            if let match = matcher.match(particles, before: [], after: after, predicate: verb) {
                return Coding(code: code, pattern: particles.id, match: match)
            }
        }
        return nil
    }

    private func frame(of predicate: Int) -> FrameEntry? {
        guard let entries = dictionaries.verbs.frames[graph.lemmas[predicate]] else {
            return adjectiveFrame(predicate)  // "be ready to", "be willing to": the adjective heads the clause
        }
        let phrase = Set(matcher.phrase(ofVerb: predicate).map { graph.lemmas[$0] })
        return entries.first { entry in entry.particles.allSatisfy { phrase.contains($0) } }
            ?? entries.first { $0.lemma == "be" }
    }

    // MARK: Coding verbs

    private mutating func codeVerb(_ verb: Int) -> [CandidateEvent] {
        let lemma = graph.lemmas[verb]
        let hasEntries =
            dictionaries.verbs.verbs[lemma] != nil || dictionaries.verbs.frames[lemma] != nil
            || adjectiveFrame(verb) != nil
        guard hasEntries else { return [] }
        if graph.tokens[verb].relation == "amod" {
            return []  // "rejected proposed Israeli changes": a participle describing a noun
        }
        // "said it would not provide support": cooperation refused for the future is a rejection.
        var refused = false
        if isNegated(verb) {
            guard let modal = modal(of: verb), Self.futureModals.contains(modal),
                let coding = bestVerbCoding(verb), Self.isCooperation(coding.code)
            else {
                notes.append("\(lemma): negated, no event")
                return []
            }
            refused = true
        }
        if isConditional(verb) {
            notes.append("\(lemma): conditional (if/unless), no event")
            return []
        }
        // "defended the right of Russian troops to fire", "continued their effort to overthrow the
        // government": a to-clause describing a noun names a right, a plan or an attempt, not an act.
        if graph.tokens[verb].relation == "acl", graph.isNominal(graph.tokens[verb].head),
            graph.children(of: verb, "mark").contains(where: { graph.lemmas[$0] == "to" }),
            Self.unrealizedNouns.contains(graph.lemmas[graph.tokens[verb].head])
        {
            notes.append("\(lemma): what a \(graph.lemmas[graph.tokens[verb].head]) is for, no event")
            return []
        }
        // "An Israeli air strike on Rafah killed ten people": an act whose subject is an event noun
        // already coded tells what that event did; it is no event of its own.
        if let subject = graph.child(of: verb, "nsubj"), graph.tokens[subject].upos == "NOUN",
            let coded = eventsByPredicate[subject], !coded.isEmpty
        {
            notes.append("\(lemma): what the \(graph.lemmas[subject]) did, no event of its own")
            return []
        }
        // "rioted at the jail, setting fire to mattresses", "opened fire, killing one": a participle
        // adjunct of a coded act tells how it went; it is no event of its own.
        if graph.tokens[verb].relation == "advcl", graph.tokens[verb].xpos == "VBG",
            graph.child(of: verb, "nsubj") == nil, graph.child(of: verb, "mark") == nil,
            eventsByPredicate[graph.tokens[verb].head]?.isEmpty == false
        {
            notes.append(
                "\(lemma): detail of the event of '\(graph.forms[graph.tokens[verb].head])', no event of its own")
            consumed.formUnion(graph.subtree(verb))  // nor anything inside it ("urging X to sign …")
            return []
        }
        let modal = modal(of: verb)
        if let modal, Self.hypotheticalModals.contains(modal) {
            notes.append("\(lemma): hypothetical ('\(modal)'), no event")
            return []
        }

        // A frame verb over a complement: "refused to remove", "urged China to restore".
        if let frame = frame(of: verb) {
            let graph = self.graph
            // Not a participle describing the object ("demanded the return of property seized by troops").
            // Nor a to-clause the parse read as a purpose ("ordered the army to attack", with
            // *attack* as `advcl`): under a frame verb it is the complement.
            // "it was determined to mend ties" may come parsed as an expletive with a clausal subject.
            let complement =
                graph.child(of: verb, "xcomp")
                ?? (adjectiveFrame(verb) != nil ? graph.child(of: verb, "csubj") : nil)
                ?? graph.children(of: verb, "obj").lazy.compactMap { graph.child(of: $0, "acl", "xcomp") }
                .first { !isPassiveParticiple($0) }
                ?? graph.children(of: verb, "advcl").first { clause in
                    clause > verb && graph.child(of: clause, "nsubj") == nil
                        && graph.children(of: clause, "mark").contains { graph.lemmas[$0] == "to" }
                }
            if let complement, graph.isVerb(complement) {
                // What is urged, intended, refused or threatened has not happened: no event inside it.
                for index in graph.subtree(complement, stoppingAt: ["parataxis", "acl:relcl", "ccomp"]) {
                    consumed.insert(index)
                }
                return codeFrame(frame, verb: verb, complement: complement)
            }
            // "demanded that India release the fishermen": the clause's subject is asked to act.
            // The clause's head may be mistagged ("free" as an adjective): its subject and a verb
            // entry for its lemma are enough.
            // Not "officials told AFP (that) …": told with a clause reports it.
            if [.appeal, .demand, .threaten, .intent].contains(frame.kind), lemma != "tell",
                let clause = graph.child(of: verb, "ccomp"),
                graph.isVerb(clause) || graph.child(of: clause, "nsubj") != nil
            {
                let inner = bestVerbCoding(clause)
                let asked = frame.kind == .threaten ? defaultTargets(of: clause) : subjects(of: clause)
                // What is asked for or threatened has not happened: nothing inside is an event.
                for index in graph.subtree(clause, stoppingAt: ["parataxis", "acl:relcl"]) { consumed.insert(index) }
                // "Hungarian and Romanian officials agreed that their countries should cooperate":
                // what the sides agree to do together, each to the other.
                if frame.kind == .intent, let inner, Self.isCooperation(inner.code) {
                    let sources = subjects(of: verb)
                    let code = dictionaries.frameCodes.code(for: inner.code, under: .intent) ?? frame.code ?? "030"
                    let pattern = "intent(\(lemma)) that " + inner.pattern
                    let others = asked.excluding(sources).filter { other in
                        !sources.contains { $0.country == other.country }
                    }
                    if others.isEmpty, sources.count > 1 {
                        return reciprocalEvents(verb: verb, code: code, pattern: pattern, actors: sources)
                    }
                    return make(verb: verb, code: code, pattern: pattern, sources: sources, targets: others)
                }
                if let inner, let code = dictionaries.frameCodes.code(for: inner.code, under: frame.kind) {
                    return make(
                        verb: verb, code: code, pattern: "\(frame.kind.rawValue)(\(lemma)) that " + inner.pattern,
                        sources: subjects(of: verb), targets: asked)
                }
                // "demanded that the US cancel plans": no finer code for the act, the frame's own.
                if let code = frame.code, !asked.isEmpty {
                    return make(
                        verb: verb, code: code, pattern: "\(frame.kind.rawValue)(\(lemma)) that …",
                        sources: subjects(of: verb),
                        targets: asked)
                }
            }
        }

        if speakerAt[verb] != nil, dictionaries.speech.accusations[lemma] != nil {
            notes.append("\(lemma): reported by a speaker, coded as the speaker's accusation")
            return []
        }
        guard var coding = bestVerbCoding(verb) else {
            notes.append("\(lemma): no pattern of \(lemma) matches")
            return []
        }
        var sources = coding.match?.source.map { actors(at: $0) } ?? subjects(of: verb)
        if sources.isEmpty, let authorities = authorities(for: verb, code: coding.code) {
            sources = [authorities]
        }
        if sources.isEmpty { sources = perpetrators(of: verb) }
        let launchedFrom = sources.isEmpty ? launchPoint(of: verb, code: coding.code) : nil
        if let launchedFrom { sources = [launchedFrom] }
        if sources.isEmpty, let attackers = unidentifiedAttackers(of: verb, code: coding.code) { sources = [attackers] }
        if sources.isEmpty, let role = unknownCountryRole(of: verb, slot: coding.match?.source) { sources = [role] }
        // The speaker of a statement with no subject of its own ("…, adding: will send troops"), but
        // not the agent of what was done to someone ("victims killed by the crash", "were freed").
        if sources.isEmpty, let speaker = speakerAt[verb], graph.child(of: verb, "nsubj") == nil, !isPassive(verb),
            !isPassiveParticiple(verb)
        {
            sources = [speaker]
        }
        // "met Assad to discuss efforts to counter Islamic State": what is discussed is a topic, not
        // the partner, and nothing inside it has happened.
        let isTopicVerb = Self.topicVerbs.contains(lemma)
        if isTopicVerb {
            for object in graph.children(of: verb, "obj") { consumed.formUnion(graph.subtree(object)) }
        }
        var targets =
            coding.match?.target.map { actorInside($0) }
            ?? (isTopicVerb ? obliqueTargets(of: verb) : defaultTargets(of: verb))
        // "faces pressure from Congress": when the pattern finds the source elsewhere, the subject
        // is the one the act is aimed at.
        if coding.match?.source != nil, coding.match?.target == nil {
            let undergoers = subjects(of: verb)
            if !undergoers.isEmpty { targets = undergoers }
        }
        if coding.match?.target == nil, let addressee = addressee(ofPurpose: verb, sources: sources) {
            targets = addressee
        }
        if targets.isEmpty, isTopicVerb, ["advcl", "xcomp", "conj"].contains(String(graph.baseRelation(verb))),
            let partner = eventsByPredicate[graph.tokens[verb].head]?.first?.target
        {
            targets = [partner]
        }
        // "conducting military exercises": an actor of the source's own country named only by a
        // modifier among the pattern's words describes the act and is not its target.
        if let words = coding.match?.consumed {
            let modifiers = words.filter { ["amod", "compound"].contains(graph.tokens[$0].relation) }
            targets.removeAll { target in
                sources.contains { $0.country == target.country }
                    && modifiers.contains { graph.tokens[$0].range == target.range }
            }
        }
        // A target that is only the source itself ("reiterated its demand that …") or its own people
        // ("withdraw its troops from Lebanon") is none.
        let own = graph.children(of: verb, "obj").filter { object in
            graph.children(of: object, "nmod:poss").contains { graph.tokens[$0].upos == "PRON" }
        }.compactMap { actorAt[$0] }
        let onlySelf =
            !targets.isEmpty
            && targets.allSatisfy { target in
                sources.contains { $0.code == target.code }
                    || own.contains { $0.range == target.range && sources.contains { $0.country == target.country } }
            }
        if targets.isEmpty || onlySelf {
            let named = targets
            targets = []
            defer { if targets.isEmpty { targets = named } }
            // "opened fire to disperse demonstrators": whom the act's purpose names.
            let objects = graph.children(of: verb, "obj")
            for purpose in graph.children(of: verb, "advcl", "xcomp")
                + objects.flatMap({ graph.children(of: $0, "acl") })
            where graph.children(of: purpose, "mark").contains(where: { graph.lemmas[$0] == "to" })
                && graph.isVerb(purpose)
            {
                targets = defaultTargets(of: purpose).excluding(sources)
                if !targets.isEmpty { break }
            }
            // "reiterated its demand that Israel ease restrictions": whom the demand is made of. Not
            // for a statement: "officials said that Syrian troops attacked" is not said to the troops.
            for clause in objects.flatMap({ graph.children(of: $0, "acl", "ccomp") })
                + graph.children(of: verb, "ccomp")
            where targets.isEmpty && !coding.code.hasPrefix("01")
                && graph.children(of: clause, "mark").contains(where: { graph.lemmas[$0] == "that" })
            {
                targets = subjects(of: clause).excluding(sources)
            }
            // "withdrew its troops from Lebanon": whom the act's prepositions name.
            if targets.isEmpty { targets = obliqueTargets(of: verb).excluding(sources) }
        }
        // "attacked Gori and shelled": a conjunct with no target of its own shares its first
        // verb's, if it shares its subject too ("… and the French military took part" does not).
        if targets.isEmpty, graph.tokens[verb].relation.hasPrefix("conj"), graph.child(of: verb, "nsubj") == nil,
            graph.child(of: verb, "ccomp") == nil,
            let first = eventsByPredicate[graph.tokens[verb].head]?.first,
            !sources.contains(where: { $0.code == first.target.code && $0.range == first.target.range })
        {
            targets = [first.target]
        }
        // The place violence was launched from is where it came from, not whom it hit.
        if let launchedFrom { targets.removeAll { $0.range == launchedFrom.range } }
        for index in coding.match?.consumed ?? [] { consumed.insert(index) }
        // "accused Israeli troops of killing civilians": what an accusation alleges is its content,
        // not an event of its own.
        if coding.code.hasPrefix("11") {
            let clauses =
                graph.children(of: verb, "advcl")
                + graph.children(of: verb, "obj").flatMap { graph.children(of: $0, "acl") }
            for clause in clauses
            where graph.children(of: clause, "mark").contains(where: { ["of", "for"].contains(graph.lemmas[$0]) }) {
                consumed.formUnion(graph.subtree(clause))
            }
        }

        // "The US claimed that ISIL attacked Iraq": violence a speaker only claims or alleges is an
        // accusation of its doer (112); claimed by its doer ("claimed that they attacked"), a
        // claim of responsibility (015).
        if ["17", "18", "19", "20"].contains(coding.code.prefix(2)), let claimant = reporter(of: verb, claimsOnly: true), !sources.isEmpty
        {
            if sources.contains(where: { $0.code == claimant.code || $0.country == claimant.country }) {
                return make(
                    verb: verb, code: "015", pattern: "claim of " + coding.pattern, sources: [claimant],
                    targets: targets)
            }
            return make(
                verb: verb, code: "112", pattern: "alleged " + coding.pattern, sources: [claimant], targets: sources)
        }
        // "Israel said a mortar bomb was fired at it from Gaza", "The US said that Iraq had attacked
        // itself", "said eight people were killed in an air strike by government forces": violence
        // a speaker reports against itself, with no victim but its doer, or with victims no actor
        // names (unless the place it happened names whom it hit), is the speaker's accusation of
        // the doer (112), as for a claim. Not of attackers no one named ("A roadside bomb killed a
        // US soldier, the military said"): that reports an attack.
        if ["18", "19", "20"].contains(coding.code.prefix(2)), modal == nil,
            let reporter = reporter(of: verb, claimsOnly: false),
            !sources.isEmpty, !sources.contains(where: { $0.country == reporter.country || $0.code.hasSuffix("UAF") }),
            targets.isEmpty
                ? hasUnnamedVictims(verb) && domesticTarget(of: verb, code: coding.code, sources: sources) == nil
                : targets.allSatisfy({ target in
                    target.code == reporter.code || sources.contains { $0.code == target.code }
                })
        {
            return make(
                verb: verb, code: "112", pattern: "reported " + coding.pattern, sources: [reporter], targets: sources)
        }
        if let modal {
            if refused {
                coding = Coding(
                    code: dictionaries.frameCodes.code(for: coding.code, under: .reject) ?? "120",
                    pattern: "reject(\(modal) not) " + coding.pattern, match: coding.match)
            } else if Self.futureModals.contains(modal) {
                // A conflictual act announced for the future is a threat ("said they would boycott
                // all contact with the US"), when the intent column has no finer code.
                let announced =
                    dictionaries.frameCodes.code(for: coding.code, under: .intent)
                    ?? (coding.code.prefix(2) >= "11"
                        ? dictionaries.frameCodes.code(for: coding.code, under: .threaten) ?? "130" : nil)
                guard let code = announced else {
                    notes.append("\(lemma): future ('\(modal)') of \(coding.code) has no intent code, no event")
                    return []
                }
                coding = Coding(code: code, pattern: "future(\(modal)) " + coding.pattern, match: coding.match)
                if targets.isEmpty, code.hasPrefix("13") { targets = conditionedActors(verb) }
            } else if Self.obligationModals.contains(modal) {
                // "X said Y should lift sanctions": the speaker demands it of Y.
                guard let speaker = speakerAt[verb],
                    let code = dictionaries.frameCodes.code(for: coding.code, under: .demand)
                else {
                    notes.append("\(lemma): '\(modal)' outside reported speech, no event")
                    return []
                }
                let demanded = subjects(of: verb)
                return make(
                    verb: verb, code: code, pattern: "demand(\(modal)) " + coding.pattern, sources: [speaker],
                    targets: demanded)
            }
        }
        // "French and Egyptian warships launched war games": exercises several countries hold
        // together are military cooperation (062), each with the other, not a show of force.
        if targets.isEmpty, coding.code.hasPrefix("15"), Set(sources.map(\.country)).count > 1,
            coding.match?.consumed.contains(where: { Self.exerciseWords.contains(graph.lemmas[$0]) }) == true
        {
            return reciprocalEvents(verb: verb, code: "062", pattern: coding.pattern + " (joint)", actors: sources)
        }
        if sources.count > 1, targets.isEmpty,
            Self.reciprocal.contains(lemma) || Self.isCooperation(coding.code) && !actsOnThing(verb, coding.match)
        {
            return reciprocalEvents(verb: verb, code: coding.code, pattern: coding.pattern, actors: sources)
        }
        // "Petraeus held talks with Suleiman": negotiation (046) takes two; each side negotiates
        // with the other. A meeting (040) or a visit is coded as reported, by who sought it.
        if coding.code == "046", sources.count == 1, targets.count == 1 {
            return reciprocalEvents(verb: verb, code: coding.code, pattern: coding.pattern, actors: sources + targets)
        }
        return make(verb: verb, code: coding.code, pattern: coding.pattern, sources: sources, targets: targets)
    }

    private mutating func codeFrame(_ frame: FrameEntry, verb: Int, complement: Int) -> [CandidateEvent] {
        let lemma = graph.lemmas[verb]
        // "Obama wants Putin to attack": wanting someone else to act asks it of them.
        if frame.kind == .intent, Self.wishVerbs.contains(lemma),
            graph.children(of: verb, "obj", "iobj").contains(where: { !actors(at: $0).isEmpty })
        {
            return codeFrame(
                FrameEntry(kind: .appeal, lemma: lemma, particles: [], code: "020"), verb: verb, complement: complement)
        }
        let sources = subjects(of: verb)
        let negated = isNegated(complement)
        if negated, frame.kind == .intent {
            // "vowed not to return the Golan Heights": cooperation forsworn is a rejection; anything
            // else promised not to happen is no event.
            guard let refused = bestVerbCoding(complement), Self.isCooperation(refused.code) else {
                notes.append("\(lemma): intent not to act, no event")
                return []
            }
            let code = dictionaries.frameCodes.code(for: refused.code, under: .reject) ?? "120"
            for index in refused.match?.consumed ?? [] { consumed.insert(index) }
            let targets = refused.match?.target.map { actorInside($0) } ?? defaultTargets(of: complement)
            return make(
                verb: verb, code: code, pattern: "reject(\(lemma) not) " + refused.pattern, sources: subjects(of: verb),
                targets: targets)
        }
        let inner = negated ? nil : bestVerbCoding(complement)
        var code: String?
        var pattern = "\(frame.kind.rawValue)(\(lemma))"
        if let inner {
            code = dictionaries.frameCodes.code(for: inner.code, under: frame.kind)
            pattern += " " + inner.pattern
            for index in inner.match?.consumed ?? [] { consumed.insert(index) }
            // "hoped to accuse", "intends to reject": the intent frame's own code is cooperation
            // (030), which a conflictual act with no intent code of its own is not.
            if code == nil, frame.kind == .intent, inner.code.prefix(2) >= "11" {
                notes.append("\(lemma): intent of \(inner.code) has no intent code, no event")
                return []
            }
            if code == nil, !(frame.kind == .intent && inner.code.hasPrefix("01")) {
                // No finer code for this act under the frame: the frame's own ("demanded an
                // admission" is a demand, 100, whatever was to be admitted).
                notes.append(
                    "\(lemma): \(frame.kind.rawValue) of \(inner.code) has no finer code; the frame's \(frame.code ?? "-")"
                )
                code = frame.code
            }
        } else {
            code = frame.code
        }
        // "failed to reach agreement" is agreement refused; a failed attack or visit is no event at all.
        if lemma == "fail", !(inner.map { Self.isCooperation($0.code) } ?? false) {
            notes.append("\(lemma): an act that failed is no event")
            return []
        }
        guard let code else { return [] }
        let innerTargets = inner?.match?.target.map { actorInside($0) } ?? defaultTargets(of: complement)
        var objectTargets = graph.children(of: verb, "obj", "iobj").flatMap { actors(at: $0) }
        if objectTargets.isEmpty, let object = graph.child(of: verb, "obj") {
            // "refused Austin's request to meet", "rejected an Australian ultimatum", "dismissed an
            // appeal from President Gbagbo": whoever made the proposal is the target.
            objectTargets = actorInside(object)
        }
        // Whoever the frame verb names ("urged China", "refused Austin's request") is the target,
        // else the governed event's target ("vowed to impose sanctions on X").
        var targets = objectTargets.isEmpty ? innerTargets : objectTargets
        if targets.isEmpty, graph.tokens[verb].relation.hasPrefix("conj"),
            let first = eventsByPredicate[graph.tokens[verb].head]?.first
        {
            targets = [first.target]
        }
        if targets.isEmpty, frame.kind == .threaten || code.hasPrefix("13") {
            targets = conditionedActors(complement)  // "threatened to stop talks if the US goes ahead"
        }
        // "The Turkish and Greek sides have agreed to share information", "Palestinians and Israelis
        // failed to reach agreement": each side to the other.
        if sources.count > 1,
            targets.isEmpty || targets.allSatisfy({ target in sources.contains { $0.code == target.code } }),
            Self.reciprocal.contains(lemma) || Self.reciprocal.contains(graph.lemmas[complement])
                || Self.isCooperation(code)
                || inner.map({ Self.isCooperation($0.code) }) == true
        {
            return reciprocalEvents(verb: verb, code: code, pattern: pattern, actors: sources)
        }
        // "refused to deploy peacekeepers in Iraq", "threatened to impose a curfew in Algiers": the
        // country where the act would have happened.
        if targets.isEmpty, let country = placeCountry(of: complement, sources: sources) { targets = [country] }
        return make(verb: verb, code: code, pattern: pattern, sources: sources, targets: targets)
    }

    // MARK: Coding nouns

    private mutating func codeNoun(_ noun: Int) -> [CandidateEvent] {
        guard let entries = dictionaries.verbs.nouns[graph.lemmas[noun]] else { return [] }
        if isNegated(noun) { return [] }
        // "the peacekeeping force in Lebanon" names an actor, not an event.
        if let actor = actorAt[noun] {
            notes.append("\(graph.lemmas[noun]) (noun): names the actor \(actor.code), no event")
            return []
        }
        let (before, after) = matcher.phrase(ofNoun: noun)
        var best: PatternMatch?
        for entry in entries {
            for pattern in entry.patterns where best == nil || pattern.weight > best?.pattern.weight ?? 0 {
                if let match = matcher.match(pattern, before: before, after: after, predicate: noun) { best = match }
            }
        }
        let code: String
        let pattern: String
        if let best {
            code = best.pattern.code
            pattern = best.pattern.id
        } else if let entry = entries.first(where: { $0.defaultCode != nil && $0.particles.isEmpty }),
            let defaultCode = entry.defaultCode
        {
            code = defaultCode
            pattern = entry.lemma + " *"
        } else {
            return []
        }
        // "Hungary blocked the EU's aid package", "cancelled the visit": what a verb keeps from
        // happening is no event.
        let object = graph.tokens[noun]
        if object.relation == "obj", object.head >= 0, graph.isVerb(object.head),
            Self.preventingVerbs.contains(graph.lemmas[object.head])
        {
            notes.append(
                "\(graph.lemmas[noun]) (noun): kept from happening by '\(graph.lemmas[object.head])', no event")
            return []
        }
        // The actor of an event noun is its possessor or a country word before it ("US sanctions").
        var sources: [ResolvedActor] = []
        if let possessor = graph.child(of: noun, "nmod:poss") { sources = actors(at: possessor) }
        if sources.isEmpty {
            for modifier in graph.children(of: noun, "compound", "amod") where modifier < noun {
                if let actor = actorAt[modifier] ?? resolver.resolve(modifier, context: context) {
                    sources = [actor]
                    break
                }
            }
        }
        // "students staged demonstrations", "Italy announced a suspension of air links": the event
        // noun is the object of a verb that reports or carries it out, whose subject did it.
        let governor = graph.tokens[noun].head
        let isObject =
            graph.tokens[noun].relation == "obj" && governor >= 0 && graph.isVerb(governor)
            && Self.performingVerbs.contains(graph.lemmas[governor])
        // "negotiators returned to Geneva for talks": whoever travels for the act does it.
        let isPurpose =
            graph.baseRelation(noun) == "obl" && graph.preposition(of: noun) == "for" && governor >= 0
            && Self.travelVerbs.contains(graph.lemmas[governor])
        if sources.isEmpty, isObject || isPurpose, !isNegated(governor), !isConditional(governor),
            modal(of: governor).map({ Self.hypotheticalModals.contains($0) }) != true
        {
            sources = subjects(of: governor)
        }
        var targets: [ResolvedActor] = []
        if let target = best?.target { targets = actorInside(target) }
        if targets.isEmpty {
            for preposition in Self.targetPrepositions where targets.isEmpty {
                for modifier in graph.children(of: noun, "nmod") where graph.preposition(of: modifier) == preposition {
                    // "riots against Israeli military policies": whose the thing aimed at is.
                    targets = actors(at: modifier)
                    if targets.isEmpty { targets = actorInside(modifier).excluding(sources) }
                    if !targets.isEmpty { break }
                }
            }
        }
        if targets.isEmpty {
            // "a suspension of air links with Serbia": the target inside the act's object.
            for modifier in graph.children(of: noun, "nmod") where graph.preposition(of: modifier) == "of" {
                targets = actorInside(modifier).excluding(sources)
                if !targets.isEmpty { break }
            }
        }
        if targets.isEmpty, isObject {
            targets = defaultTargets(of: governor).excluding(sources)
        }
        // "a Russian missile strike on Odesa": violence aimed at a place is aimed at its country.
        if targets.isEmpty, let source = sources.first, Self.placeTargetedRoots.contains(String(code.prefix(2))) {
            for modifier in graph.children(of: noun, "nmod")
            where ["on", "against", "in"].contains(graph.preposition(of: modifier) ?? "") {
                guard let place = places.first(where: { $0.head == modifier })?.place, place.country != source.country,
                    let country = countryActor(
                        of: place, how: "no target named: the country of the place (\(place.name))")
                else { continue }
                targets = [country]
                break
            }
        }
        if targets.isEmpty, !sources.isEmpty, let fallback = domesticTarget(of: noun, code: code, sources: sources) {
            targets = [fallback]
        }
        // "US and Russian negotiators … for talks": cooperation among several sources, each with the others.
        if targets.isEmpty, sources.count > 1, Self.isCooperation(code) {
            return reciprocalEvents(verb: noun, code: code, pattern: pattern, actors: sources)
        }
        guard !sources.isEmpty, !targets.isEmpty else {
            notes.append(
                "\(graph.lemmas[noun]) (noun): \(sources.isEmpty ? "no actor before it" : "no target"), no event")
            return []
        }
        // "held talks with Suleiman": each side negotiates with the other, as for the verb.
        if code == "046", sources.count == 1, targets.count == 1 {
            return reciprocalEvents(verb: noun, code: code, pattern: pattern, actors: sources + targets)
        }
        return make(verb: noun, code: code, pattern: pattern, sources: sources, targets: targets)
    }

    // MARK: Accusations in reported speech

    /// "Many of these obstacles are caused by the US side," the spokesman said: a speaker who
    /// says another actor caused harm accuses it (112).
    private mutating func accusations() -> [CandidateEvent] {
        var events: [CandidateEvent] = []
        for verb in 0..<graph.count where graph.isVerb(verb) {
            guard let objects = dictionaries.speech.accusations[graph.lemmas[verb]], let speaker = speakerAt[verb]
            else {
                continue
            }
            if isNegated(verb) { continue }
            if !objects.isEmpty {
                let objectHeads = graph.children(of: verb, "obj", "nsubj:pass")
                let objectLemmas = objectHeads.flatMap { head in
                    [graph.lemmas[head]] + graph.children(of: head, "nmod").map { graph.lemmas[$0] }
                }
                guard objectLemmas.contains(where: { objects.contains($0) }) else { continue }
            }
            let accused = subjects(of: verb).filter { $0.code != speaker.code }
            guard !accused.isEmpty else { continue }
            events += make(
                verb: verb, code: "112", pattern: "accusation: \(graph.lemmas[verb]) (said by \(speaker.code))",
                sources: [speaker], targets: accused)
        }
        return events
    }

    // MARK: Making events

    private mutating func reciprocalEvents(verb: Int, code: String, pattern: String, actors: [ResolvedActor])
        -> [CandidateEvent]
    {
        var events: [CandidateEvent] = []
        for source in actors {
            for target in actors where target.code != source.code {
                events += make(
                    verb: verb, code: code, pattern: pattern + " (reciprocal)", sources: [source], targets: [target])
            }
        }
        return events
    }

    private mutating func make(
        verb: Int, code: String, pattern: String, sources: [ResolvedActor], targets: [ResolvedActor]
    ) -> [CandidateEvent] {
        let lemma = graph.lemmas[verb]
        if ["02", "10"].contains(code.prefix(2)), isPurposeOfProtest(verb) {
            // "staged demonstrations to demand reforms": the demand is what the protest is for.
            notes.append("\(lemma): the aim of a protest coded in this sentence, not an event of its own")
            return []
        }
        guard !sources.isEmpty else {
            notes.append("\(lemma): pattern '\(pattern)' → \(code), but no source actor")
            return []
        }
        var targets = targets
        if targets.isEmpty, let fallback = domesticTarget(of: verb, code: code, sources: sources) {
            targets = [fallback]
        }
        guard !targets.isEmpty else {
            notes.append("\(lemma): pattern '\(pattern)' → \(code), but no target actor")
            return []
        }
        let (date, dateRange) = date(for: verb)
        // Where it happened: a place in a locative phrase, else, for an act done to a place ("shelled
        // Homs"), that place.
        let place =
            PlaceFinder.place(for: verb, in: graph, mentions: places)
            ?? (Self.placeTargetedRoots.contains(String(code.prefix(2)))
                ? PlaceFinder.objectPlace(of: verb, in: graph, mentions: places) : nil)
        // "Ethnic Albanians demonstrated in Serbia": the people of the country where they act.
        func located(_ actor: ResolvedActor) -> ResolvedActor {
            guard actor.isEthnic, let country = place?.country, country != actor.country else { return actor }
            var moved = actor
            moved.code = country + actor.code.dropFirst(3)
            moved.how += ", living in \(place?.name ?? country)"
            return moved
        }
        var events: [CandidateEvent] = []
        for named in sources.map(located) {
            for target in targets.map(located) {
                var source = named
                guard source.code != target.code, source.range != target.range else {
                    notes.append("\(lemma): source and target are the same actor (\(source.code)), no event")
                    continue
                }
                // "The government expressed appreciation for China's assistance": a source whose
                // country was only guessed from the target's is no one cooperating with itself. A
                // role is then of unknown country (`---GOV`); an institution named before, or a
                // role acting where its country is only named as a place ("The president promoted
                // tolerance in Sudan"), is no event.
                if source.isInferred, source.country == target.country, code.prefix(2) <= "08" {
                    guard source.isCountryGuessed, !isNamedAsPlace(target) else {
                        notes.append("\(lemma): \(source.code) was guessed from the target's country, no event")
                        continue
                    }
                    source.code = EventActor.unknownCountry + source.code.dropFirst(3)
                    source.how += ", which is the target's: of no country named"
                }
                // "Bashir promised to democratize Sudan", "took steps to promote openness in Sudan":
                // intent, meetings, diplomatic cooperation and the cutting of relations ("announced
                // bans on travel to Canada against …") are between two parties, not with the
                // source's own country.
                if ["03", "04", "05", "16"].contains(code.prefix(2)), target.code.count == 3,
                    target.country == source.country
                {
                    notes.append("\(lemma): \(target.code) is \(source.code)'s own country, no event")
                    continue
                }
                var code = code
                var pattern = pattern
                // "Guerrillas killed two soldiers": CAMEO's 19 is conventional military force; the
                // same act by irregular fighters is unconventional violence (18), unless it is a
                // battle ("rebels clashed with troops").
                if code == "190", Self.isIrregularFighter(source.code), !Self.battleVerbs.contains(lemma) {
                    code = "180"
                    pattern += " (irregular fighters: 180)"
                }
                // "The US-led coalition bombed Mosul": CAMEO's 183 is non-military bombing; a state's
                // bombing of a place is from the air (195).
                if code.hasPrefix("183"), Self.isState(source.code), !code.hasPrefix("1831") {
                    code = "195"
                    pattern += " (a state's bombing: 195)"
                }
                // "Protesters torched the building", "rioters attacked police": violence or
                // destruction by a crowd of protesters is a violent protest (145); not artillery or
                // missiles (194, 195), which make them fighters.
                if ["171", "18", "190", "191", "192", "193"].contains(where: code.hasPrefix), isProtesterCrowd(source) {
                    code = "145"
                    pattern += " (protesters: 145)"
                }
                events.append(
                    CandidateEvent(
                        predicate: verb, code: code, source: source, target: target, pattern: pattern, date: date,
                        dateRange: dateRange, place: place))
                notes.append("\(lemma): pattern '\(pattern)' → \(code) \(source.code) → \(target.code)")
            }
        }
        return events
    }

    /// Whether the words that named `actor` are the object of a preposition of place ("in Sudan").
    private func isNamedAsPlace(_ actor: ResolvedActor) -> Bool {
        graph.tokens.indices.contains { index in
            actor.range.contains(graph.tokens[index].range.lowerBound)
                && PlaceFinder.locative.contains(graph.preposition(of: index) ?? "")
        }
    }

    /// Words naming a crowd of protesters.
    private static let protesterWords: Set<String> = [
        "protester", "protestor", "demonstrator", "rioter", "mob", "crowd", "marcher",
    ]

    /// Whether `actor` is named by a word for protesters ("a Ukrainian protestor", "angry mobs").
    private func isProtesterCrowd(_ actor: ResolvedActor) -> Bool {
        graph.tokens.indices.contains { index in
            actor.range.contains(graph.tokens[index].range.lowerBound)
                && Self.protesterWords.contains(ActorResolver.singular(graph.lemmas[index]) ?? graph.lemmas[index])
        }
    }

    /// Whether `predicate` says what a protest coded in this sentence is for: a purpose clause or
    /// participle ("to demand", "calling for") attached to the protest's verb or to its event noun.
    ///
    /// The purpose may hang lower than the protest ("blocked roads leading to the centre to press
    /// their demands", with *press* under *leading*): up to four steps up through clauses and the
    /// objects they describe.
    private func isPurposeOfProtest(_ predicate: Int) -> Bool {
        var node = predicate
        for step in 0..<4 {
            let head = graph.tokens[node].head
            let relation = String(graph.baseRelation(node))
            guard head >= 0, ["advcl", "xcomp", "acl"].contains(relation) || (step > 0 && relation == "obj") else {
                return false
            }
            let candidates = [head] + graph.children(of: head, "obj")
            if candidates.contains(where: { eventsByPredicate[$0]?.contains { $0.code.hasPrefix("14") } == true }) {
                return true
            }
            node = head
        }
        return false
    }

    /// Whether a verb's direct object is a thing its pattern did not name: "Brazil and the US are
    /// promoting biofuels" cooperate on biofuels, not with each other, while in "signed an
    /// agreement" the object is the pattern's own word.
    private func actsOnThing(_ verb: Int, _ match: PatternMatch?) -> Bool {
        graph.children(of: verb, "obj").contains { object in
            match?.consumed.contains(object) != true && actors(at: object).isEmpty
                && graph.tokens[object].upos != "PRON"
        }
    }

    /// Cooperation (03–08): done by several actors with no one else named, they do it with each
    /// other ("French and Egyptian warships launched joint exercises").
    static func isCooperation(_ code: String) -> Bool {
        let root = code.prefix(2)
        return root >= "03" && root <= "08"
    }

    /// Roots whose act, with no one named as its target, is aimed at the country where it happens:
    /// concessions, protests, force postures, coercion and violence ("demonstrated in Serbia",
    /// "lifted the state of emergency in Darfur").
    private static let placeTargetedRoots: Set<String> = ["08", "14", "15", "17", "18", "19", "20"]
    /// Of those, the ones a domestic actor aims at its own country when no place is named
    /// (concessions, protests and repression: "lifted the curfew", "students staged demonstrations").
    private static let domesticRoots: Set<String> = ["08", "14", "17"]

    /// The target of an act with no named target: the country of the place where it happened,
    /// else, for protest and repression by a domestic actor (a code with a role), its own country.
    /// Condolences (018) are aimed at the place of the tragedy.
    private mutating func domesticTarget(of predicate: Int, code: String, sources: [ResolvedActor]) -> ResolvedActor? {
        let root = String(code.prefix(2))
        // Sympathy is also aimed at where the tragedy happened ("condolences for the earthquake
        // victims in Turkey").
        guard Self.placeTargetedRoots.contains(root) || code == "018", let source = sources.first else { return nil }
        // Of the concessions, only easing restrictions (081: curfews, bans, states of emergency) is
        // aimed at a country; a resignation or a surrender with no one named is not an event here.
        if root == "08", !code.hasPrefix("081") { return nil }
        let placed =
            placeCountry(of: predicate, sources: sources, objectOnly: true)
            ?? placeCountry(of: predicate, sources: sources)
        if let placed { return placed }
        // "fired on protesters in a Syrian village": a place the gazetteer does not know, named
        // by its country's adjective, where the act happened or where those it hit were.
        let phrases = graph.children(of: predicate, "obl", "obj")
        for oblique in phrases + phrases.flatMap({ graph.children(of: $0, "nmod") })
        where PlaceFinder.locative.contains(graph.preposition(of: oblique) ?? "") {
            if let country = actors(at: oblique).first(where: { $0.code.count == 3 && $0.country != source.country }) {
                return country
            }
        }
        guard Self.domesticRoots.contains(root),
            !source.code.hasPrefix(EventActor.unknownCountry),
            sources.allSatisfy({ $0.code.count > 3 && $0.country == source.country }),
            !source.code.hasPrefix("IGO"), !source.code.hasPrefix("NGO")
        else { return nil }
        return ResolvedActor(
            code: source.country, range: 0..<0, name: nil, isPerson: false,
            how: "no target named: the source's own country (\(source.country))")
    }

    /// "Obama faces pressure from Congress", "Macron was criticized by parliament": the role that
    /// does the act (the pattern's source, the passive's agent or the subject), when the text gives
    /// it no country at all, is of unknown country (`---LEG`, as PETRARCH2 codes it). A source of
    /// last resort only: a target is never of unknown country, so such an event always says whom
    /// it was aimed at.
    private func unknownCountryRole(of verb: Int, slot: Int?) -> ResolvedActor? {
        let head = slot ?? (isPassive(verb) ? passiveAgent(of: verb) : graph.child(of: verb, "nsubj"))
        guard let head, actorAt[head] == nil, groupAt[head] == nil, let agent = resolver.agentAt[head],
            graph.tokens[head].upos != "PRON"
        else { return nil }
        return ResolvedActor(
            code: EventActor.unknownCountry + agent.code, range: resolver.range(of: resolver.core(of: head)), name: nil,
            isPerson: false, how: "a \(agent.code) of no country named")
    }

    /// "summoned Niger's ambassador to complain of inaction": the purpose of an act done to
    /// someone else is addressed to them, when it names no one of its own.
    private func addressee(ofPurpose verb: Int, sources: [ResolvedActor]) -> [ResolvedActor]? {
        let governor = graph.tokens[verb].head
        guard governor >= 0, ["advcl", "xcomp"].contains(String(graph.baseRelation(verb))),
            graph.children(of: verb, "mark").contains(where: { graph.lemmas[$0] == "to" }),
            graph.children(of: verb, "obj", "iobj").isEmpty, graph.child(of: verb, "nsubj") == nil
        else { return nil }
        let addressed = graph.children(of: governor, "obj").flatMap { actors(at: $0) }
            .filter { actor in !sources.contains { $0.country == actor.country } }
        return addressed.isEmpty ? nil : addressed
    }

    /// "Four children were killed in Israeli tank shelling": a passive act with no agent, done in
    /// an event the sentence names with its actor ("Israeli shelling", "a Taliban attack"), was
    /// done by that actor.
    private func perpetrators(of verb: Int) -> [ResolvedActor] {
        guard isPassive(verb) || isPassiveParticiple(verb), passiveAgent(of: verb) == nil else { return [] }
        // The event noun, or a gerund the parse hung on the word before it ("tank shelling").
        func isEvent(_ noun: Int) -> Bool {
            dictionaries.verbs.nouns[graph.lemmas[noun]] != nil
                || graph.children(of: noun, "acl").contains {
                    graph.forms[$0].hasSuffix("ing") && dictionaries.verbs.verbs[graph.lemmas[$0]] != nil
                }
        }
        for oblique in graph.children(of: verb, "obl")
        where ["in", "during"].contains(graph.preposition(of: oblique) ?? "") && isEvent(oblique) {
            let found = actorInside(oblique)
            if !found.isEmpty { return found }
            // "killed in an air strike by government forces": a role of no country named.
            for agent in graph.children(of: oblique, "nmod") where graph.preposition(of: agent) == "by" {
                if let role = unknownCountryRole(of: verb, slot: agent) { return [role] }
            }
        }
        return []
    }

    /// Participles that say whom a noun's act is aimed at ("an attack targeting Kenyans").
    private static let aimingVerbs: Set<String> = ["target", "aim", "hit", "strike", "direct"]
    /// Nouns naming a document that can say or allege something ("a report released in Kigali").
    private static let documentNouns: Set<String> = [
        "report", "study", "statement", "document", "communique", "communiqué", "dossier", "survey",
        "assessment", "review", "memo", "memorandum", "letter", "declaration", "paper",
    ]
    /// Participles of putting out a document ("released", "published in Paris").
    private static let issuingVerbs: Set<String> = [
        "release", "publish", "issue", "present", "unveil", "submit", "circulate", "distribute",
    ]

    /// Nouns whose to-clause is a right, a plan or an attempt, not an act ("the right to fire").
    private static let unrealizedNouns: Set<String> = [
        "right", "effort", "attempt", "bid", "plan", "ability", "power", "authority", "capacity", "freedom",
        "readiness", "willingness", "intention", "ambition", "chance", "opportunity", "option", "permission",
        "campaign", "drive", "push", "struggle", "way", "means",
    ]

    /// Weapons and attacks that act with no one behind them named ("a roadside bombing killed").
    /// Not air strikes, missiles or shelling, which armies of other countries make.
    private static let anonymousAttacks: Set<String> = [
        "bomb", "bombing", "explosion", "blast", "mine", "landmine", "ied", "grenade", "ambush", "gunfire",
    ]

    /// "A roadside bombing near the town of Samarra killed a U.S. soldier": violence whose subject
    /// is a bomb or an attack naming no one was done by unidentified armed forces (`UAF`) of the
    /// country where it happened.
    private func unidentifiedAttackers(of verb: Int, code: String) -> ResolvedActor? {
        if let forces = forcesWhereForeignForcesFell(verb: verb, code: code) { return forces }
        guard ["18", "19", "20"].contains(code.prefix(2)), let subject = graph.child(of: verb, "nsubj"),
            Self.anonymousAttacks.contains(graph.lemmas[subject]), actorInside(subject).isEmpty,
            let place = PlaceFinder.place(for: subject, in: graph, mentions: places)
                ?? PlaceFinder.place(for: verb, in: graph, mentions: places),
            var attackers = countryActor(of: place, how: "")
        else { return nil }
        attackers.code += "UAF"
        attackers.how = "no attacker named: unidentified armed forces of the place (\(place.name))"
        return attackers
    }

    /// "Ten Russian soldiers were killed in Ukraine", "There were two Turkish soldiers killed in
    /// Syria": soldiers or police of one country killed in another, with no one named as doing it
    /// and no event named that killed them ("in a helicopter crash"), fell to the country where it
    /// happened (PETRARCH2's reading too); its forces are not named, so the actor is the country.
    private func forcesWhereForeignForcesFell(verb: Int, code: String) -> ResolvedActor? {
        guard ["18", "19"].contains(code.prefix(2)), isPassive(verb) || isPassiveParticiple(verb),
            passiveAgent(of: verb) == nil
        else { return nil }
        let victims = defaultTargets(of: verb)
        guard !victims.isEmpty,
            victims.allSatisfy({ victim in ["MIL", "COP"].contains { victim.code.dropFirst(3).hasPrefix($0) } }),
            !graph.children(of: verb, "obl").contains(where: { oblique in
                graph.tokens[oblique].upos == "NOUN" && ["in", "during", "by"].contains(graph.preposition(of: oblique) ?? "")
            }),
            let place = PlaceFinder.place(for: verb, in: graph, mentions: places),
            let country = place.country, victims.allSatisfy({ $0.country != country }),
            var forces = countryActor(of: place, how: "")
        else { return nil }
        forces.how = "no attacker named: the country (\(place.name)) whose ground the foreign forces fell on"
        return forces
    }

    /// Verbs that report a contested claim rather than a fact.
    private static let claimVerbs: Set<String> = ["claim", "allege", "charge", "contend"]

    /// The speaker of a speech verb whose reported clause `verb` heads ("X said that Y attacked"),
    /// through coordinated clauses ("claimed that ISIL had attacked Iraq and taken Mosul"); with
    /// `claimsOnly`, of a verb that reports a contested claim ("claimed", "alleged").
    private func reporter(of verb: Int, claimsOnly: Bool) -> ResolvedActor? {
        var node = verb
        for _ in 0..<4 where graph.tokens[node].relation.hasPrefix("conj") && graph.tokens[node].head >= 0 {
            node = graph.tokens[node].head
        }
        let head = graph.tokens[node].head
        guard head >= 0, graph.tokens[node].relation.hasPrefix("ccomp"),
            !claimsOnly || Self.claimVerbs.contains(graph.lemmas[head]), isSpeechVerb(head)
        else { return nil }
        return subjects(of: head).first
    }

    /// Whether the ones `verb` is done to are named by a noun that names no actor ("eight people
    /// were killed", "killed five civilians").
    private func hasUnnamedVictims(_ verb: Int) -> Bool {
        guard let victims = graph.child(of: verb, isPassive(verb) ? "nsubj:pass" : "obj") else { return false }
        return graph.tokens[victims].upos == "NOUN" && actorInside(victims).isEmpty
    }

    /// "A mortar bomb was fired at Israel from the Gaza Strip", "a rocket fired from Lebanon hit
    /// Nahariya": violence with no one named behind it, launched from a country or a territory,
    /// came from there.
    private func launchPoint(of verb: Int, code: String) -> ResolvedActor? {
        guard ["18", "19", "20"].contains(code.prefix(2)) else { return nil }
        var launches: [Int] = []
        if isPassive(verb) || isPassiveParticiple(verb), passiveAgent(of: verb) == nil { launches.append(verb) }
        if let subject = graph.child(of: verb, "nsubj"), !isPassive(verb), actorInside(subject).isEmpty {
            launches += graph.children(of: subject, "acl").filter { isPassiveParticiple($0) && passiveAgent(of: $0) == nil }
        }
        for launch in launches {
            for oblique in graph.children(of: launch, "obl") where graph.preposition(of: oblique) == "from" {
                guard var origin = actors(at: oblique).first(where: { $0.code.count == 3 }) else { continue }
                origin.how += ", where the attack came from"
                return origin
            }
        }
        return nil
    }

    /// "Three journalists were detained in Iran": an act only a state does (arrest, detention,
    /// charges, expulsion, repression, investigation), reported in the passive with no agent, was
    /// done by the authorities of the country where it happened.
    private func authorities(for verb: Int, code: String) -> ResolvedActor? {
        guard isPassive(verb), passiveAgent(of: verb) == nil,
            code.hasPrefix("09") || ["173", "174", "175"].contains(code.prefix(3)),
            let place = PlaceFinder.place(for: verb, in: graph, mentions: places)
        else { return nil }
        return countryActor(of: place, how: "no agent named: the authorities of the place (\(place.name))")
    }

    /// The country of `place`, as an actor named by the place's words.
    private func countryActor(of place: Place, how: String) -> ResolvedActor? {
        guard let country = place.country, let mention = places.first(where: { $0.place == place }) else { return nil }
        let first = graph.tokens[mention.tokens.lowerBound].range.lowerBound
        let last = graph.tokens[mention.tokens.upperBound - 1].range.upperBound
        return ResolvedActor(code: country, range: first..<last, name: nil, isPerson: false, how: how)
    }

    /// The country of the place where the act at `predicate` happens ("in Serbia"), or with
    /// `objectOnly` of the place it is done to ("shelled Homs", "stormed the town of Rafah"), as an
    /// actor, unless it is the source's own code.
    private func placeCountry(of predicate: Int, sources: [ResolvedActor], objectOnly: Bool = false) -> ResolvedActor? {
        guard let source = sources.first,
            let place = objectOnly
                ? PlaceFinder.objectPlace(of: predicate, in: graph, mentions: places)
                : PlaceFinder.place(for: predicate, in: graph, mentions: places),
            place.country != source.code
        else { return nil }
        return countryActor(of: place, how: "no target named: the country of the place (\(place.name))")
    }

    /// The date of an event at `predicate`: the time expression in its clause nearest to it, else
    /// one elsewhere in the sentence, else the publication date (`nil` here).
    private func date(for predicate: Int) -> (EventDate?, Range<Int>?) {
        let usable = times.filter { !$0.isBoundary }
        guard !usable.isEmpty else { return (nil, nil) }
        let clause = Set(graph.subtree(predicate, stoppingAt: ["ccomp", "parataxis", "conj", "acl:relcl", "advcl"]))
        let inClause = usable.filter {
            clause.contains($0.tokens.lowerBound) || clause.contains($0.tokens.upperBound - 1)
        }
        // Else an expression of the sentence whose own clause governs the predicate ("In March, …");
        // not one that dates another clause ("referring to sanctions imposed in 2018").
        let governing = usable.filter { expression in
            guard let verb = governingVerb(of: expression.tokens.lowerBound) else { return true }
            return graph.dominates(verb, predicate)
        }
        let pool = inClause.isEmpty ? governing : inClause
        guard let nearest = pool.min(by: { distance($0, predicate) < distance($1, predicate) }) else {
            return (nil, nil)
        }
        let first = graph.tokens[nearest.tokens.lowerBound].range.lowerBound
        let last = graph.tokens[nearest.tokens.upperBound - 1].range.upperBound
        return (nearest.date, first..<last)
    }

    /// The nearest verb above `index` in the tree.
    private func governingVerb(of index: Int) -> Int? {
        var node = graph.tokens[index].head
        var steps = 0
        while node >= 0 && steps <= graph.count {
            if graph.isVerb(node) { return node }
            node = graph.tokens[node].head
            steps += 1
        }
        return nil
    }

    private func distance(_ expression: TimeExpression, _ index: Int) -> Int {
        if expression.tokens.contains(index) { return 0 }
        return min(abs(expression.tokens.lowerBound - index), abs(expression.tokens.upperBound - 1 - index))
    }

    /// One event per source, target and code in a sentence.
    private func deduplicated(_ events: [CandidateEvent]) -> [CandidateEvent] {
        var seen = Set<String>()
        return events.filter { seen.insert("\($0.source.code)|\($0.target.code)|\($0.code)").inserted }
    }
}

extension ActorResolver {
    static func isPersonPronoun(_ word: String) -> Bool {
        ["he", "she", "him", "her", "his", "hers"].contains(word.lowercased())
    }
}

extension [ResolvedActor] {
    /// These actors without any named by the same words as one of `others` (a target is not
    /// the source's own mention).
    func excluding(_ others: [ResolvedActor]) -> [ResolvedActor] {
        filter { actor in !others.contains { $0.range == actor.range } }
    }
}
