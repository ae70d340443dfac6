internal import DyadText

/// A parsed sentence with the lookups the coder needs: children by token, lowercased lemmas,
/// and subtrees cut at chosen relations.
struct SentenceGraph: Sendable {
    let tokens: [Token]
    let children: [[Int]]
    let lemmas: [String]
    let forms: [String]

    init(
        _ sentence: Sentence, isVerbLemma: (String) -> Bool = { _ in false }, isName: (String) -> Bool = { _ in false }
    ) {
        // The parse repairs, in order: each reads the tokens the one before it left.
        let named = Self.repairedInitialNames(sentence.tokens, isName: isName)
        let repairs: [([Token]) -> [Token]] = [
            Self.repairedFullStopPhrases, Self.repairedAdjectivalParticiples, Self.repairedTemporalSubjects,
            Self.repairedDeterminedVerbs, Self.repairedCoordinatedSubjects,
            Self.repairedNounClauses, Self.repairedSplitClauses, Self.repairedObjectRoots, Self.repairedThatClauses,
            Self.repairedVerbCompounds, Self.repairedReducedRelatives, Self.repairedNominalVerbs,
            Self.repairedSubordinateClauses,
        ]
        tokens = repairs.reduce(Self.repairedPastTenses(named, isVerbLemma: isVerbLemma)) { $1($0) }
        var children = Array(repeating: [Int](), count: tokens.count)
        for (index, token) in tokens.enumerated() where token.head >= 0 && token.head < tokens.count {
            if token.head != index { children[token.head].append(index) }
        }
        self.children = children
        lemmas = tokens.map { token in
            let lemma = token.lemma == "_" || token.lemma.isEmpty ? token.form : token.lemma
            return lemma.lowercased()
        }
        forms = tokens.map { $0.form.lowercased() }
    }

    var count: Int { tokens.count }

    /// Undoes a parse that read a past-tense verb after its subject as an adjective of its object
    /// ("guerrillas wounded two British soldiers", "police opened fire", "Algerians blocked roads"
    /// with *wounded*, *opened*, *blocked* as `amod` and the noun before them holding the clause):
    /// the `-ed` word becomes the clause's verb, the noun before it its subject and the noun after
    /// it its object. Only for words whose verb lemma the coder has patterns for.
    static func repairedPastTenses(_ original: [Token], isVerbLemma: (String) -> Bool) -> [Token] {
        var tokens = original
        for verb in tokens.indices.dropFirst() {
            let token = tokens[verb]
            // The relation and tag first: the words are lowercased and looked up only for these.
            guard token.relation == "amod", token.upos == "ADJ" || token.upos == "VERB" else { continue }
            let form = token.form.lowercased()
            // An `-ed` form, or an irregular past the tagger knew for a verb ("struck", "shot").
            let taggedLemma = token.lemma.lowercased()
            let irregular = token.upos == "VERB" && !form.hasSuffix("ing") && isVerbLemma(taggedLemma)
            guard (form.hasSuffix("ed") && form.count > 4) || irregular else { continue }
            // "A top U.S. official today praised Haiti", "Rebels on Tuesday blocked roads": a day
            // word, with its preposition, may stand between them.
            let dayWord = isDayWord(tokens[verb - 1].form) && verb >= 2 ? verb - 1 : nil
            var subject = dayWord.map { $0 - 1 } ?? verb - 1
            let dayPreposition = dayWord != nil && tokens[subject].relation == "case" ? subject : nil
            if dayPreposition != nil, subject >= 1 { subject -= 1 }
            // "Brazil and Chile promoted biofuels", "Rebels in the Ivory Coast blocked roads": the
            // subject is the first of its conjuncts, the head its modifiers hang on.
            while ["conj", "nmod"].contains(tokens[subject].relation), tokens[subject].head < subject,
                tokens[subject].head >= 0, ["NOUN", "PROPN"].contains(tokens[tokens[subject].head].upos)
            {
                subject = tokens[subject].head
            }
            let object = token.head
            guard object > verb, object < tokens.count, ["NOUN", "PROPN"].contains(tokens[subject].upos),
                ["NOUN", "PROPN"].contains(tokens[object].upos),
                tokens[object].head == subject || tokens[subject].head == object || tokens[object].relation == "root",
                !tokens.indices.contains(where: { tokens[$0].head == subject && tokens[$0].relation == "case" }),
                ["root", "ccomp", "conj", "parataxis", "advcl", "nsubj"].contains(tokens[subject].relation)
                    || tokens[subject].head == object || (dayWord != nil && tokens[subject].head == dayWord),
                let lemma = irregular ? taggedLemma : verbLemma(form, isVerbLemma)
            else { continue }
            let objectHolds = tokens[subject].head == object || tokens[object].relation == "root"
            let clauseHead = objectHolds ? tokens[object].head : tokens[subject].head
            let clauseRelation = objectHolds ? tokens[object].relation : tokens[subject].relation
            tokens[verb].upos = "VERB"
            tokens[verb].xpos = "VBD"
            tokens[verb].lemma = lemma
            tokens[verb].head = clauseHead
            tokens[verb].relation = clauseRelation
            for index in tokens.indices where index != verb {
                if tokens[index].head == subject && index > verb && index != object {
                    // What followed the verb hung on the subject: the verb's adjuncts.
                    let base = baseRelation(of: tokens[index].relation)
                    tokens[index].head = verb
                    if base == "nmod" { tokens[index].relation = "obl" }
                } else if tokens[index].head == object && tokens[index].relation == "punct" && index > object {
                    tokens[index].head = verb
                }
            }
            tokens[subject].head = verb
            tokens[subject].relation = "nsubj"
            tokens[object].head = verb
            tokens[object].relation = "obj"
            if let dayWord {
                tokens[dayWord].head = verb
                tokens[dayWord].relation = dayPreposition == nil ? "obl:tmod" : "obl"
            }
            if let dayPreposition, let dayWord { tokens[dayPreposition].head = dayWord }
        }
        return tokens
    }

    /// Whether `verb` has a subject (of any kind) in `tokens`.
    private static func hasSubject(_ tokens: [Token], _ verb: Int) -> Bool {
        tokens.indices.contains { tokens[$0].head == verb && tokens[$0].relation.hasPrefix("nsubj") }
    }

    /// Undoes a parse that read a verb with its own auxiliary or subject as a compound of the noun
    /// after it ("al-Shabab is claiming responsibility", with *claiming* a `compound` of the root
    /// *responsibility*): the verb takes the noun's place in the tree and the noun is its object.
    static func repairedVerbCompounds(_ original: [Token]) -> [Token] {
        var tokens = original
        for verb in tokens.indices where tokens[verb].upos == "VERB" && tokens[verb].relation == "compound" {
            let noun = tokens[verb].head
            guard noun > verb, noun <= verb + 3, noun < tokens.count,
                ["NOUN", "PROPN"].contains(tokens[noun].upos),
                tokens.indices.contains(where: {
                    tokens[$0].head == verb && ["aux", "nsubj"].contains(tokens[$0].relation)
                })
            else { continue }
            tokens[verb].head = tokens[noun].head
            tokens[verb].relation = tokens[noun].relation
            tokens[noun].head = verb
            tokens[noun].relation = "obj"
            // What hung on the noun before the verb belongs to the clause.
            for index in 0..<verb where tokens[index].head == noun && tokens[index].relation != "det" {
                tokens[index].head = verb
            }
        }
        return tokens
    }

    /// Undoes a parse that lost the clause after a verb's "that" ("Russia alleged that Ukrainian
    /// troops shelled Donetsk", with *that* as `nmod:poss` of the full stop and *shelled* an `acl`
    /// of *troops*): the first verb within a few words after *that* becomes the clause's head, a
    /// complement of the verb before *that*, with the noun phrase between them its subject and the
    /// noun it described, if after it, its object.
    static func repairedThatClauses(_ original: [Token]) -> [Token] {
        var tokens = original
        for mark in tokens.indices.dropFirst()
        where tokens[mark].form.lowercased() == "that" && tokens[mark].upos == "SCONJ" {
            let governor = mark - 1
            guard tokens[governor].upos == "VERB", tokens[mark].relation != "mark" || tokens[mark].head < mark else {
                continue
            }
            let window = (mark + 1)..<min(tokens.count, mark + 8)
            guard let verb = window.first(where: { tokens[$0].upos == "VERB" }), verb > mark + 1 else { continue }
            let between = (mark + 1)..<verb
            // The subject: the head of the words between, a nominal whose head lies outside them.
            guard
                let subject = between.last(where: { index in
                    ["NOUN", "PROPN", "PRON"].contains(tokens[index].upos) && !between.contains(tokens[index].head)
                })
            else { continue }
            var repaired = tokens
            let described = repaired[verb].head
            if ["amod", "acl"].contains(repaired[verb].relation), described > verb, described < repaired.count {
                repaired[described].head = verb
                repaired[described].relation = "obj"
            }
            repaired[verb].head = governor
            repaired[verb].relation = "ccomp"
            repaired[mark].head = verb
            repaired[mark].relation = "mark"
            repaired[subject].head = verb
            repaired[subject].relation = "nsubj"
            // Keep it a tree: the verb before "that" must not now hang below the clause.
            var node = governor
            var steps = 0
            while node >= 0, node < repaired.count, node != verb, steps <= repaired.count {
                node = repaired[node].head
                steps += 1
            }
            if node == -1 { tokens = repaired }
        }
        return tokens
    }

    /// Undoes a tagging that read a name opening the sentence as an adverb or adjective of the
    /// verb ("Obama ordered an investigation", with *Obama* `advmod`): a capitalised first word
    /// that the actor dictionaries know as a name, modifying a verb that has no subject, is the
    /// verb's subject.
    static func repairedInitialNames(_ original: [Token], isName: (String) -> Bool) -> [Token] {
        var tokens = original
        guard let first = tokens.indices.first(where: { tokens[$0].upos != "PUNCT" }) else { return tokens }
        let token = tokens[first]
        let verb = token.head
        guard ["ADV", "ADJ", "INTJ", "X"].contains(token.upos),
            ["advmod", "amod", "discourse", "dep", "vocative"].contains(token.relation),
            token.form.first?.isUppercase == true, verb > first, verb < tokens.count, tokens[verb].upos == "VERB",
            ["root", "ccomp", "parataxis"].contains(tokens[verb].relation),
            !hasSubject(tokens, verb),
            isName(token.form)
        else { return tokens }
        tokens[first].upos = "PROPN"
        tokens[first].xpos = "NNP"
        tokens[first].lemma = token.form
        tokens[first].relation = "nsubj"
        return tokens
    }

    /// Undoes a parse that made the day word of wire style the subject ("Klibi today urged …",
    /// with *today* as `nsubj` and the name left as an oblique): the nearest unmarked nominal
    /// before the day word that hangs on the same verb becomes the subject.
    ///
    /// Also a day word read as part of the name before it ("in east Jerusalem Sunday", with
    /// *Sunday* `flat` under *Jerusalem*): it dates the nearest verb above.
    static func repairedTemporalSubjects(_ original: [Token]) -> [Token] {
        var tokens = original
        for day in tokens.indices
        where ["flat", "compound"].contains(tokens[day].relation) && isDayWord(tokens[day].form) {
            var verb = tokens[day].head
            var steps = 0
            while verb >= 0, verb < tokens.count, tokens[verb].upos != "VERB", steps < tokens.count {
                verb = tokens[verb].head
                steps += 1
            }
            guard verb >= 0, verb < tokens.count, tokens[tokens[day].head].upos == "PROPN" else { continue }
            tokens[day].head = verb
            tokens[day].relation = "obl:tmod"
        }
        for day in tokens.indices where tokens[day].relation == "nsubj" && isDayWord(tokens[day].form) {
            let verb = tokens[day].head
            guard verb > day else { continue }
            let subject = (0..<day).reversed().first { index in
                tokens[index].head == verb && ["NOUN", "PROPN"].contains(tokens[index].upos)
                    && !tokens.indices.contains { tokens[$0].head == index && tokens[$0].relation == "case" }
            }
            guard let subject else { continue }
            tokens[subject].relation = "nsubj"
            tokens[day].relation = "obl:tmod"
        }
        // "A top U.S. official today praised Haiti", with *official* a compound of *today*: the
        // noun before the day word is the verb's subject.
        for day in tokens.indices where tokens[day].relation.hasPrefix("obl") && isDayWord(tokens[day].form) {
            let verb = tokens[day].head
            guard verb > day, verb < tokens.count, tokens[verb].upos == "VERB",
                !hasSubject(tokens, verb),
                let subject = (0..<day).last(where: { tokens[$0].head == day && tokens[$0].relation == "compound" }),
                ["NOUN", "PROPN"].contains(tokens[subject].upos)
            else { continue }
            tokens[subject].head = verb
            tokens[subject].relation = "nsubj"
            tokens[day].relation = "obl:tmod"
        }
        return tokens
    }

    /// Tags a word the parse read as a verb as a common noun, plural if it ends in "s".
    static func retagAsNoun(_ token: inout Token) {
        token.upos = "NOUN"
        token.xpos = token.form.hasSuffix("s") ? "NNS" : "NN"
    }

    /// Undoes a parse that read a noun after an article as a verb ("rejected a US offer to host a
    /// summit", with *offer* a verb whose subject is *US*): a verb with an article of its own is a
    /// noun, a name before it its modifier and its infinitive a clause of the noun.
    static func repairedDeterminedVerbs(_ original: [Token]) -> [Token] {
        var tokens = original
        for article in tokens.indices where tokens[article].relation == "det" {
            let noun = tokens[article].head
            guard noun > article, noun < tokens.count, tokens[noun].upos == "VERB",
                ["a", "an", "the"].contains(tokens[article].form.lowercased()),
                !tokens[noun].form.lowercased().hasSuffix("ing")
            else { continue }
            retagAsNoun(&tokens[noun])
            for index in tokens.indices where tokens[index].head == noun {
                switch tokens[index].relation {
                case "nsubj" where index > article && index < noun: tokens[index].relation = "compound"
                case "xcomp": tokens[index].relation = "acl"
                default: break
                }
            }
        }
        return tokens
    }

    /// Undoes a parse that read a clause's verb as a participle describing its subject, so that a
    /// noun stands where the clause should: the root ("Syrian rebels engaged Filipino peacekeepers",
    /// with *rebels* the root and *engaged* its `acl`), a reported clause ("Israeli tanks fired at
    /// targets, witnesses said", with *tanks* the `ccomp` of *said*), or the subject of the
    /// reporting verb with the reporters as its conjunct ("Thousands of Kurds demonstrated in
    /// Kirkuk, witnesses said"). A past-tense verb with an object, or tagged as a past tense, that
    /// describes the noun (or its of-phrase) and has no subject of its own takes the noun's place,
    /// the noun its subject. A conjunct of the noun right after the verb is its object ("helicopters
    /// and tanks shelled positions"). A participle with no object ("Five soldiers killed in
    /// attack", a headline) stays as it is.
    static func repairedNounClauses(_ original: [Token]) -> [Token] {
        var tokens = original
        for noun in tokens.indices where ["NOUN", "PROPN"].contains(tokens[noun].upos) {
            let place = tokens[noun].relation
            let conjuncts = tokens.indices.filter { tokens[$0].head == noun && tokens[$0].relation == "conj" }
            // The reporters ("witnesses") read as the last conjunct of the subject of *said*.
            var reporter: Int?
            if place == "nsubj" {
                let verb = tokens[noun].head
                guard verb > noun, tokens[verb].upos == "VERB", let last = conjuncts.last, last < verb,
                    ((last + 1)..<verb).allSatisfy({ tokens[$0].head == last || tokens[$0].head == verb })
                else { continue }
                reporter = last
            } else if !["root", "ccomp", "parataxis"].contains(place) {
                continue
            }
            // The clause may hang on the noun or on its of-phrase ("Thousands of Iraqi Kurds demonstrated").
            let nouns =
                [noun]
                + tokens.indices.filter {
                    tokens[$0].head == noun && ["nmod", "conj"].contains(tokens[$0].relation) && $0 != reporter
                }
            guard
                let verb = tokens.indices.first(where: {
                    nouns.contains(tokens[$0].head) && tokens[$0].relation == "acl"
                }),
                verb > noun, verb < (reporter ?? tokens.count), tokens[verb].upos == "VERB",
                !hasSubject(tokens, verb),
                !tokens.indices.contains(where: { tokens[$0].head == verb && tokens[$0].relation.hasPrefix("aux") })
            else { continue }
            let hasObject = tokens.indices.contains { tokens[$0].head == verb && tokens[$0].relation == "obj" }
            // "helicopters and tanks shelled positions": the object read as a third conjunct.
            let next = verb + 1
            let conjunctObject =
                hasObject || next >= tokens.count
                ? nil : conjuncts.first { $0 > verb && ($0 == next || tokens[next].head == $0) }
            guard
                tokens[verb].xpos == "VBD"
                    || (tokens[verb].xpos == "VBN"
                        && (hasObject || conjunctObject != nil
                            || intransitiveVerbs.contains(tokens[verb].lemma.lowercased())))
            else { continue }
            let describedNoun = tokens[verb].head
            tokens[verb].head = tokens[noun].head
            tokens[verb].relation = reporter == nil ? place : "ccomp"
            tokens[verb].xpos = "VBD"
            for index in tokens.indices
            where (tokens[index].head == noun || tokens[index].head == describedNoun) && index > verb
                && index != reporter
            {
                // What followed the verb hung on the noun: the verb's adjuncts.
                tokens[index].head = verb
                if tokens[index].relation == "nmod" { tokens[index].relation = "obl" }
            }
            if let conjunctObject {
                tokens[conjunctObject].relation = "obj"
                for index in tokens.indices where tokens[index].head == conjunctObject && tokens[index].relation == "cc"
                {
                    tokens[index].head = verb  // an "and" before the object, if any, is no longer coordination
                }
            }
            if let reporter {
                tokens[reporter].head = tokens[noun].head
                tokens[reporter].relation = "nsubj"
            }
            tokens[noun].head = verb
            tokens[noun].relation = "nsubj"
        }
        return tokens
    }

    /// Undoes a parse that read a verb as a participle inside its subject and made its object the
    /// root with that subject ("Fabius and a group of deputies held talks with Romania's leaders",
    /// with *held* an `acl` of *deputies* and *talks* the root whose `nsubj` is *Fabius*): the verb
    /// right before the root noun (only its determiners and modifiers between) heads the sentence,
    /// the noun is its object and the subject its own.
    static func repairedObjectRoots(_ original: [Token]) -> [Token] {
        var tokens = original
        guard let root = tokens.indices.first(where: { tokens[$0].head < 0 }),
            ["NOUN", "PROPN"].contains(tokens[root].upos),
            let subject = tokens.indices.first(where: { tokens[$0].head == root && tokens[$0].relation == "nsubj" }),
            let verb = tokens.indices.last(where: {
                $0 > subject && $0 < root && tokens[$0].upos == "VERB" && tokens[$0].relation == "acl"
            }),
            ((verb + 1)..<root).allSatisfy({
                tokens[$0].head == root && ["det", "amod", "nummod", "compound"].contains(tokens[$0].relation)
            }),
            !tokens.indices.contains(where: { tokens[$0].head == verb && tokens[$0].relation != "punct" }),
            ["VBD", "VBN", "VBZ", "VBP"].contains(tokens[verb].xpos)
        else { return tokens }
        tokens[verb].head = -1
        tokens[verb].relation = "root"
        tokens[verb].xpos = "VBD"
        for index in tokens.indices
        where tokens[index].head == root && index > root && tokens[index].relation == "punct" {
            tokens[index].head = verb
        }
        tokens[subject].head = verb
        tokens[root].head = verb
        tokens[root].relation = "obj"
        return tokens
    }

    /// Participles that stand before a noun as adjectives ("neighboring Lebanon", "outgoing Prime
    /// Minister", "warring factions"), which the parser may read as verbs taking the noun as object.
    static let adjectivalParticiples: Set<String> = [
        "neighboring", "neighbouring", "outgoing", "incoming", "ruling", "warring", "governing", "opposing",
    ]

    /// Undoes a parse that read an adjectival participle as a verb with the noun after it as its
    /// object ("withdraw its troops from neighboring Lebanon", with *neighboring* an `advcl` marked
    /// by *from*; "to assassinate outgoing Prime Minister Allawi", with *outgoing* an `xcomp`): the
    /// noun takes the participle's place (an oblique with the participle's preposition, else an
    /// object) and the participle is its adjective.
    static func repairedAdjectivalParticiples(_ original: [Token]) -> [Token] {
        var tokens = original
        for participle in tokens.indices where tokens[participle].upos == "VERB" {
            let noun = tokens.indices.first { tokens[$0].head == participle && tokens[$0].relation == "obj" }
            let governor = tokens[participle].head
            guard adjectivalParticiples.contains(tokens[participle].form.lowercased()), let noun, noun > participle,
                governor >= 0, tokens[governor].upos == "VERB",
                tokens[(participle + 1)..<noun].allSatisfy({ $0.upos != "VERB" && $0.upos != "PUNCT" })
            else { continue }
            let marks = tokens.indices.filter { tokens[$0].head == participle && tokens[$0].relation == "mark" }
            tokens[noun].head = governor
            tokens[noun].relation = marks.isEmpty ? "obj" : "obl"
            for mark in marks {
                tokens[mark].head = noun
                tokens[mark].relation = "case"
                tokens[mark].upos = "ADP"
            }
            for index in tokens.indices where tokens[index].head == participle && index > noun {
                tokens[index].head = governor  // what followed the noun was the clause's
            }
            tokens[participle].upos = "ADJ"
            tokens[participle].head = noun
            tokens[participle].relation = "amod"
        }
        return tokens
    }

    /// Undoes a parse that hung the sentence's last phrase on its full stop, as if the stop were a
    /// noun (*Iyad* an `nmod:poss` of "." in "to assassinate outgoing Prime Minister Iyad Allawi.";
    /// *with* and *exiled* children of "." in "and meet with exiled dissidents from Myanmar."):
    /// - a name that goes on a name before it, with nothing between, is part of that name
    ///   (`flat`);
    /// - a phrase opened by a preposition right after a verb's words is that verb's oblique,
    ///   headed by its first noun, the preposition its `case` and the words before the noun its
    ///   modifiers.
    static func repairedFullStopPhrases(_ original: [Token]) -> [Token] {
        var tokens = original
        guard let stop = tokens.indices.last, tokens[stop].upos == "PUNCT" else { return tokens }
        let tops = tokens.indices.filter { tokens[$0].head == stop && tokens[$0].upos != "PUNCT" }
        guard let start = tops.min(), start > 0, tokens[start - 1].upos != "PUNCT" else { return tokens }
        // The phrase: every word whose chain of heads reaches the stop.
        func reachesStop(_ index: Int) -> Bool {
            var node = index
            for _ in 0..<tokens.count {
                if node == stop { return true }
                guard node >= 0 else { return false }
                node = tokens[node].head
            }
            return false
        }
        let phrase = tokens.indices.filter { $0 != stop && reachesStop($0) }
        let before = start - 1
        if tokens[start].upos == "PROPN", ["PROPN", "NOUN"].contains(tokens[before].upos), tops.count == 1 {
            tokens[start].head = before
            tokens[start].relation = "flat"
            return tokens
        }
        guard tokens[start].upos == "ADP", tops.contains(start),
            let noun = phrase.first(where: { $0 > start && ["NOUN", "PROPN"].contains(tokens[$0].upos) }),
            let verb = (0..<start).last(where: { tokens[$0].upos == "VERB" && !phrase.contains($0) })
        else { return tokens }
        tokens[noun].head = verb
        tokens[noun].relation = "obl"
        tokens[start].head = noun
        tokens[start].relation = "case"
        for index in phrase where index > start && index < noun {
            tokens[index].head = noun
            tokens[index].relation =
                switch tokens[index].upos {
                case "DET": "det"
                case "NUM": "nummod"
                case "NOUN", "PROPN": "compound"
                default: "amod"
                }
        }
        // What came after the noun and hung on the stop or on a word before the noun.
        for index in phrase
        where index > noun && (tokens[index].head == stop || (start..<noun).contains(tokens[index].head)) {
            tokens[index].head = noun
            if tokens[index].relation.hasPrefix("nmod:poss") || tokens[index].relation == "obj" {
                tokens[index].relation = "nmod"
            }
        }
        return tokens
    }

    /// Undoes a parse that split a reported clause after its subject ("said that the government
    /// and the rebels must reach an agreement", with *rebels* a `ccomp` of *said* whose `nsubj` is
    /// *government*, and *reach* a second `ccomp` with no subject): the nouns are the verb's
    /// coordinated subjects, and the clause's "that" its own.
    static func repairedSplitClauses(_ original: [Token]) -> [Token] {
        var tokens = original
        for noun in tokens.indices
        where ["NOUN", "PROPN"].contains(tokens[noun].upos) && tokens[noun].relation == "ccomp" {
            let governor = tokens[noun].head
            guard
                let verb = tokens.indices.first(where: {
                    $0 > noun && tokens[$0].head == governor && tokens[$0].relation == "ccomp"
                        && tokens[$0].upos == "VERB"
                }),
                !hasSubject(tokens, verb),
                // Only the noun's own words stand between them.
                ((noun + 1)..<verb).allSatisfy({ tokens[$0].head != governor })
            else { continue }
            let first = tokens.indices.first { tokens[$0].head == noun && tokens[$0].relation == "nsubj" && $0 < noun }
            for index in tokens.indices where tokens[index].head == noun && tokens[index].relation == "mark" {
                tokens[index].head = verb
            }
            if let first {
                // "the government and the rebels": the first noun heads the coordination.
                tokens[first].head = verb
                tokens[first].relation = "nsubj"
                for index in tokens.indices where tokens[index].head == first && tokens[index].relation == "mark" {
                    tokens[index].head = verb
                }
                tokens[noun].head = first
                tokens[noun].relation = "conj"
            } else {
                tokens[noun].head = verb
                tokens[noun].relation = "nsubj"
            }
        }
        return tokens
    }

    /// Undoes a parse that made the first of several coordinated subjects the root and the verb
    /// one of its conjuncts ("The US, Russia, and Switzerland met", with *met* a conjunct of *US*
    /// and *Switzerland* its subject): the verb heads the clause, the first nominal is its subject
    /// and the last one a conjunct of the first again.
    static func repairedCoordinatedSubjects(_ original: [Token]) -> [Token] {
        var tokens = original
        guard let root = tokens.indices.first(where: { tokens[$0].head < 0 }),
            ["NOUN", "PROPN", "PRON"].contains(tokens[root].upos)
        else { return tokens }
        let conjuncts = tokens.indices.filter { tokens[$0].head == root && tokens[$0].relation == "conj" }
        guard let verb = conjuncts.last, tokens[verb].upos == "VERB", verb > root,
            let last = tokens.indices.first(where: { tokens[$0].head == verb && tokens[$0].relation == "nsubj" }),
            last > root, last < verb, ["NOUN", "PROPN"].contains(tokens[last].upos),
            !tokens.indices.contains(where: { tokens[$0].head == root && tokens[$0].relation == "nsubj" })
        else { return tokens }
        tokens[verb].head = -1
        tokens[verb].relation = "root"
        for index in tokens.indices where tokens[index].head == root && index > verb {
            tokens[index].head = verb  // what followed the verb (punctuation, obliques) is the verb's
        }
        for index in tokens.indices where tokens[index].head == verb && index < last && index > root {
            tokens[index].head = last  // "and" and the comma before the last subject are its own
        }
        tokens[root].head = verb
        tokens[root].relation = "nsubj"
        tokens[last].head = root
        tokens[last].relation = "conj"
        return tokens
    }

    /// Verbs with no passive, whose past participle after a noun can only be its main verb
    /// ("Thousands of Kurds demonstrated in Kirkuk").
    private static let intransitiveVerbs: Set<String> = [
        "demonstrate", "protest", "rally", "march", "riot", "strike", "gather", "meet", "clash", "arrive", "return",
    ]

    private static let dayWords: Set<String> = [
        "today", "yesterday", "tonight", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday",
    ]

    static func isDayWord(_ form: String) -> Bool { dayWords.contains(form.lowercased()) }

    /// The verb lemma of a past form ("wounded" → "wound", "stopped" → "stop", "seized" → "seize").
    private static func verbLemma(_ form: String, _ isVerbLemma: (String) -> Bool) -> String? {
        let stem = String(form.dropLast(2))
        var candidates = [stem, stem + "e", String(form.dropLast())]
        if let last = stem.last, stem.dropLast().last == last { candidates.append(String(stem.dropLast())) }
        if stem.hasSuffix("i") { candidates.append(stem.dropLast() + "y") }
        return candidates.first(where: isVerbLemma)
    }

    /// The relation without its subtype (`nsubj:pass` → `nsubj`): what `prefix { $0 != ":" }`
    /// gives, cut on bytes when the text up to the colon and the byte after it are ASCII (every
    /// relation of the parser), so that no character is formed.
    static func baseRelation(of relation: String) -> String {
        let utf8 = relation.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return relation }
        let after = utf8.index(after: colon)
        guard utf8[..<colon].allSatisfy({ $0 < 0x80 }), after == utf8.endIndex || utf8[after] < 0x80 else {
            return String(relation.prefix { $0 != ":" })
        }
        return String(Substring(utf8[..<colon]))
    }

    /// The relation of token `index` without its subtype (`nsubj` for `nsubj:pass`).
    func baseRelation(_ index: Int) -> Substring {
        Substring(Self.baseRelation(of: tokens[index].relation))
    }

    /// The children of `index` whose relation is one of `relations` or a subtype of it.
    func children(of index: Int, _ relations: String...) -> [Int] {
        children[index].filter { child in relations.contains { Self.relation(tokens[child].relation, is: $0) } }
    }

    /// The children of `index` whose relation is `relation` or a subtype of it: the common call
    /// with one relation, without the array of a variadic argument.
    func children(of index: Int, _ relation: String) -> [Int] {
        children[index].filter { Self.relation(tokens[$0].relation, is: relation) }
    }

    /// The first child of `index` whose relation is one of `relations` or a subtype of it.
    func child(of index: Int, _ relations: String...) -> Int? {
        children[index].first { child in relations.contains { Self.relation(tokens[child].relation, is: $0) } }
    }

    /// The first child of `index` whose relation is `relation` or a subtype of it (one relation,
    /// no variadic array).
    func child(of index: Int, _ relation: String) -> Int? {
        children[index].first { Self.relation(tokens[$0].relation, is: relation) }
    }

    /// Whether `relation` is `base` or a subtype of it (`nsubj:pass` is `nsubj`), without building
    /// a string: the bytes of `base`, then the end or a colon.
    static func relation(_ relation: String, is base: String) -> Bool {
        let onBytes = relation.utf8.withContiguousStorageIfAvailable { full in
            base.utf8.withContiguousStorageIfAvailable { prefix in
                guard full.count >= prefix.count else { return false }
                for offset in 0..<prefix.count where full[offset] != prefix[offset] { return false }
                return full.count == prefix.count || full[prefix.count] == UInt8(ascii: ":")
            }
        }
        if let onBytes = onBytes ?? nil { return onBytes }
        let full = relation.utf8
        let prefix = base.utf8
        guard full.count >= prefix.count, full.starts(with: prefix) else { return false }
        return full.count == prefix.count
            || full[full.index(full.startIndex, offsetBy: prefix.count)] == UInt8(ascii: ":")
    }

    /// The tokens of `index`'s subtree, in order, not descending into children whose relation
    /// (base or full) is in `stop`.
    func subtree(_ index: Int, stoppingAt stop: Set<String> = []) -> [Int] {
        var result: [Int] = []
        var stack = [index]
        var seen = [Bool](repeating: false, count: tokens.count)
        while let node = stack.popLast() {
            guard node >= 0, node < seen.count, !seen[node] else { continue }
            seen[node] = true
            result.append(node)
            for child in children[node] {
                let relation = tokens[child].relation
                if !stop.isEmpty,
                    stop.contains(relation)
                        || (relation.utf8.contains(UInt8(ascii: ":")) && stop.contains(Self.baseRelation(of: relation)))
                {
                    continue
                }
                stack.append(child)
            }
        }
        return result.sorted()
    }

    /// Whether `ancestor` dominates `index` (or is it).
    func dominates(_ ancestor: Int, _ index: Int) -> Bool { Self.dominates(ancestor, index, in: tokens) }

    /// Whether `ancestor` dominates `index` (or is it) in `tokens`, for the repairs that work on
    /// the tokens before there is a graph. A head outside the sentence ends the walk.
    static func dominates(_ ancestor: Int, _ index: Int, in tokens: [Token]) -> Bool {
        var node = index
        var steps = 0
        while node >= 0 && node < tokens.count && steps <= tokens.count {
            if node == ancestor { return true }
            node = tokens[node].head
            steps += 1
        }
        return false
    }

    /// The preposition (`case` child) of a nominal, lowercased, if any.
    func preposition(of index: Int) -> String? {
        child(of: index, "case").map { lemmas[$0] }
    }

    /// Whether the token is a verb or an auxiliary acting as a predicate.
    func isVerb(_ index: Int) -> Bool {
        tokens[index].upos == "VERB"
    }

    func isNominal(_ index: Int) -> Bool {
        let upos = tokens[index].upos
        return upos == "NOUN" || upos == "PROPN" || upos == "PRON" || upos == "NUM"
    }
}
