internal import DyadText

/// The outcome of matching one pattern against a predicate.
struct PatternMatch: Sendable {
    var pattern: VerbPattern
    /// Where the pattern put the target (`+`), if it says.
    var target: Int?
    /// Where the pattern put the source (`$`), if it says.
    var source: Int?
    /// The tokens the pattern's words matched (nouns used up by the verb's event).
    var consumed: [Int]
}

/// Matches `verbs.txt` patterns against a predicate's phrase in a parsed sentence.
struct PatternMatcher {
    let graph: SentenceGraph
    let sets: WordSets
    /// The words a token of the sentence can match (see `lemmaMatches`): lemmas, forms, and
    /// plural lemmas without their "s". A pattern needing a word not in it is not tried.
    private let words: WordBits

    /// A matcher for the sentence of `graph`, with the word sets of the dictionary.
    init(graph: SentenceGraph, sets: WordSets) {
        self.graph = graph
        self.sets = sets
        var words = WordBits()
        var isASCII = true
        for (lemma, form) in zip(graph.lemmas, graph.forms) {
            isASCII = words.insert(lemma) && words.insert(form) && isASCII
            if lemma.utf8.last == UInt8(ascii: "s") { words.insert(lemma.dropLast()) }
        }
        self.words = isASCII ? words : .all
    }

    /// Relations that are not part of a verb's own phrase.
    static let clausal: Set<String> = [
        "nsubj", "csubj", "expl", "ccomp", "advcl", "parataxis", "conj", "cc", "punct", "aux", "mark", "xcomp",
        "discourse", "vocative", "dislocated", "reparandum", "acl", "orphan", "dep", "cop",
    ]

    /// Where a passive subject's phrase stops.
    private static let passiveSubjectStops: Set<String> = ["acl:relcl", "acl", "parataxis"]
    /// Where the phrase of a verb's other dependents stops.
    private static let verbPhraseStops: Set<String> = ["acl:relcl", "acl", "parataxis", "advcl", "ccomp"]
    /// Where an event noun's phrase stops.
    private static let nounPhraseStops: Set<String> = ["acl:relcl", "acl", "parataxis", "conj", "cc", "appos"]
    /// Where a subject's phrase stops.
    private static let subjectStops: Set<String> = ["acl:relcl"]
    /// Where the object of a pattern's prepositional phrase stops.
    private static let objectStops: Set<String> = ["acl:relcl", "parataxis"]

    /// The tokens a verb's patterns are matched against: the passive subject first (it is the
    /// underlying object), then objects, particles and prepositional phrases in text order.
    func phrase(ofVerb verb: Int) -> [Int] {
        var front: [Int] = []
        var rest: [Int] = []
        for child in graph.children[verb] {
            let relation = graph.tokens[child].relation
            if relation == "nsubj:pass" {
                front += graph.subtree(child, stoppingAt: Self.passiveSubjectStops)
                continue
            }
            if Self.clausal.contains(SentenceGraph.baseRelation(of: relation)) { continue }
            rest += graph.subtree(child, stoppingAt: Self.verbPhraseStops)
        }
        return front.sorted() + rest.sorted()
    }

    /// The tokens around an event noun: its modifiers before it and after it.
    func phrase(ofNoun noun: Int) -> (before: [Int], after: [Int]) {
        let tokens = graph.subtree(noun, stoppingAt: Self.nounPhraseStops)
            .filter { $0 != noun }
        return (tokens.filter { $0 < noun }, tokens.filter { $0 > noun })
    }

    /// The tokens of a verb's subject phrase (for words written before `*`).
    func subjectPhrase(ofVerb verb: Int) -> [Int] {
        graph.children(of: verb, "nsubj", "csubj").flatMap { graph.subtree($0, stoppingAt: Self.subjectStops) }
    }

    /// Matches `pattern`; `before` and `after` are the token sequences for the two sides of `*`.
    func match(_ pattern: VerbPattern, before: [Int], after: [Int], predicate: Int) -> PatternMatch? {
        guard words.contains(pattern.requiredWords) else { return nil }
        var state = MatchState()
        if pattern.hasBefore {
            guard matchSequence(pattern.before[...], in: before, from: 0, state: &state, predicate: predicate) != nil
            else { return nil }
        }
        guard matchSequence(pattern.after[...], in: after, from: 0, state: &state, predicate: predicate) != nil else {
            return nil
        }
        return PatternMatch(pattern: pattern, target: state.target, source: state.source, consumed: state.consumed)
    }

    /// What a match has found so far. A failed attempt is undone with ``restore(_:)``, so trying
    /// the positions of a word one after another copies no array.
    private struct MatchState {
        var target: Int?
        var source: Int?
        var consumed: [Int] = []
        /// The last token matched by a word, for `+` written after a word.
        var lastWord: Int?

        /// The state to come back to when an attempt fails.
        struct Mark {
            var target: Int?
            var source: Int?
            var consumedCount: Int
            var lastWord: Int?
        }

        var mark: Mark { Mark(target: target, source: source, consumedCount: consumed.count, lastWord: lastWord) }

        /// Undoes everything an attempt did since `mark` was taken.
        mutating func restore(_ mark: Mark) {
            target = mark.target
            source = mark.source
            consumed.removeSubrange(mark.consumedCount...)
            lastWord = mark.lastWord
        }
    }

    private func lemmaMatches(_ index: Int, _ word: String) -> Bool {
        let lemma = graph.lemmas[index]
        if lemma == word || graph.forms[index] == word { return true }
        // A plural the lemmatizer left alone ("troops", "talks"): its singular is the word.
        // The last byte first: a string ends with the character "s" only if its last byte is "s".
        return lemma.utf8.count == word.utf8.count + 1 && lemma.utf8.last == UInt8(ascii: "s")
            && lemma.hasSuffix("s") && lemma.hasPrefix(word)
    }

    /// The positions of the items of an indexed set whose first word `token` matches (as its
    /// lemma, its form, or the singular of a plural lemma; see `lemmaMatches`), in order.
    private func candidates(at token: Int, in index: [String: [Int]]) -> [Int] {
        let lemma = graph.lemmas[token]
        var found = index[lemma] ?? []
        let form = graph.forms[token]
        if form != lemma, let more = index[form] { found += more }
        if lemma.hasSuffix("s"), let more = index[String(lemma.dropLast())] { found += more }
        guard found.count > 1 else { return found }
        return Array(Set(found)).sorted()
    }

    /// Matches the words of a set's `item` at `position`, then `rest` after them; on failure
    /// `state` is as it was.
    private func matchItem(
        _ item: [String], at position: Int, then rest: ArraySlice<PatternElement>, in tokens: [Int],
        state: inout MatchState, predicate: Int
    ) -> Int? {
        guard position + item.count <= tokens.count else { return nil }
        for (offset, word) in item.enumerated() where !lemmaMatches(tokens[position + offset], word) { return nil }
        let mark = state.mark
        state.consumed += tokens[position..<position + item.count]
        state.lastWord = tokens[position + item.count - 1]
        if let end = matchSequence(rest, in: tokens, from: position + item.count, state: &state, predicate: predicate) {
            return end
        }
        state.restore(mark)
        return nil
    }

    /// Matches `elements` in order within `tokens` starting at `start`; returns the position after
    /// the last match. On failure `state` may hold a partial attempt: the caller restores it.
    private func matchSequence(
        _ elements: ArraySlice<PatternElement>, in tokens: [Int], from start: Int, state: inout MatchState,
        predicate: Int
    ) -> Int? {
        guard let element = elements.first else { return start }
        let rest = elements.dropFirst()
        switch element {
        case .word(let word):
            var position = start
            while position < tokens.count {
                if lemmaMatches(tokens[position], word) {
                    let mark = state.mark
                    state.consumed.append(tokens[position])
                    state.lastWord = tokens[position]
                    if let end = matchSequence(rest, in: tokens, from: position + 1, state: &state, predicate: predicate) {
                        return end
                    }
                    state.restore(mark)
                }
                position += 1
            }
            return nil
        case .set(let name):
            let items = sets[name] ?? []
            let index = sets.firstWordIndex(of: name)
            var position = start
            while position < tokens.count {
                if let index {
                    // A large set: only the items whose first word matches the token, in their order.
                    for item in candidates(at: tokens[position], in: index) {
                        if let end = matchItem(
                            items[item], at: position, then: rest, in: tokens, state: &state, predicate: predicate)
                        {
                            return end
                        }
                    }
                } else {
                    for item in items {
                        if let end = matchItem(
                            item, at: position, then: rest, in: tokens, state: &state, predicate: predicate)
                        {
                            return end
                        }
                    }
                }
                position += 1
            }
            return nil
        case .phrase(let preposition, let inner):
            var position = start
            while position < tokens.count {
                let marker = tokens[position]
                if lemmaMatches(marker, preposition) {
                    // The phrase's object: the head of a `case`/`mark` word, or the verb's object after a particle.
                    var object = graph.tokens[marker].head
                    let relation = graph.tokens[marker].relation
                    if relation == "compound:prt" || object == predicate {
                        object = graph.child(of: predicate, "obj") ?? graph.child(of: predicate, "obl") ?? -1
                    }
                    let objectTokens = object >= 0
                        ? graph.subtree(object, stoppingAt: Self.objectStops).filter { $0 > marker } : []
                    let mark = state.mark
                    let innerElements = inner.filter { $0 != .target && $0 != .source }
                    if matchSequence(innerElements[...], in: objectTokens, from: 0, state: &state, predicate: predicate)
                        != nil
                    {
                        if inner.contains(.target), object >= 0 { state.target = object }
                        if inner.contains(.source), object >= 0 { state.source = object }
                        state.lastWord = object >= 0 ? object : marker
                        if let end = matchSequence(rest, in: tokens, from: position + 1, state: &state, predicate: predicate) {
                            return end
                        }
                    }
                    state.restore(mark)
                }
                position += 1
            }
            return nil
        case .target:
            state.target = graph.child(of: predicate, "iobj") ?? graph.child(of: predicate, "obj")
                ?? graph.child(of: predicate, "nsubj:pass") ?? state.lastWord
            return matchSequence(rest, in: tokens, from: start, state: &state, predicate: predicate)
        case .source:
            state.source = state.lastWord ?? graph.child(of: predicate, "nsubj")
            return matchSequence(rest, in: tokens, from: start, state: &state, predicate: predicate)
        }
    }
}
