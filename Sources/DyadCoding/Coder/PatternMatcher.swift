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
    let sets: [String: [[String]]]

    /// Relations that are not part of a verb's own phrase.
    static let clausal: Set<String> = [
        "nsubj", "csubj", "expl", "ccomp", "advcl", "parataxis", "conj", "cc", "punct", "aux", "mark", "xcomp",
        "discourse", "vocative", "dislocated", "reparandum", "acl", "orphan", "dep", "cop",
    ]

    /// The tokens a verb's patterns are matched against: the passive subject first (it is the
    /// underlying object), then objects, particles and prepositional phrases in text order.
    func phrase(ofVerb verb: Int) -> [Int] {
        var front: [Int] = []
        var rest: [Int] = []
        for child in graph.children[verb] {
            let relation = graph.tokens[child].relation
            if relation == "nsubj:pass" {
                front += graph.subtree(child, stoppingAt: ["acl:relcl", "acl", "parataxis"])
                continue
            }
            let base = String(relation.prefix { $0 != ":" })
            if Self.clausal.contains(base) { continue }
            rest += graph.subtree(child, stoppingAt: ["acl:relcl", "parataxis", "advcl", "ccomp"])
        }
        return front.sorted() + rest.sorted()
    }

    /// The tokens around an event noun: its modifiers before it and after it.
    func phrase(ofNoun noun: Int) -> (before: [Int], after: [Int]) {
        let tokens = graph.subtree(noun, stoppingAt: ["acl:relcl", "acl", "parataxis", "conj", "cc", "appos"])
            .filter { $0 != noun }
        return (tokens.filter { $0 < noun }, tokens.filter { $0 > noun })
    }

    /// The tokens of a verb's subject phrase (for words written before `*`).
    func subjectPhrase(ofVerb verb: Int) -> [Int] {
        graph.children(of: verb, "nsubj", "csubj").flatMap { graph.subtree($0, stoppingAt: ["acl:relcl"]) }
    }

    /// Matches `pattern`; `before` and `after` are the token sequences for the two sides of `*`.
    func match(_ pattern: VerbPattern, before: [Int], after: [Int], predicate: Int) -> PatternMatch? {
        var state = MatchState()
        guard matchSequence(pattern.before, in: before, from: 0, state: &state, predicate: predicate) != nil else {
            return nil
        }
        guard matchSequence(pattern.after, in: after, from: 0, state: &state, predicate: predicate) != nil else {
            return nil
        }
        return PatternMatch(pattern: pattern, target: state.target, source: state.source, consumed: state.consumed)
    }

    private struct MatchState {
        var target: Int?
        var source: Int?
        var consumed: [Int] = []
        /// The last token matched by a word, for `+` written after a word.
        var lastWord: Int?
    }

    private func lemmaMatches(_ index: Int, _ word: String) -> Bool {
        let lemma = graph.lemmas[index]
        if lemma == word || graph.forms[index] == word { return true }
        // A plural the lemmatizer left alone ("troops", "talks"): its singular is the word.
        return lemma.utf8.count == word.utf8.count + 1 && lemma.hasSuffix("s") && lemma.hasPrefix(word)
    }

    /// Matches `elements` in order within `tokens` starting at `start`; returns the position after the last match.
    private func matchSequence(
        _ elements: [PatternElement], in tokens: [Int], from start: Int, state: inout MatchState, predicate: Int
    ) -> Int? {
        guard let element = elements.first else { return start }
        let rest = Array(elements.dropFirst())
        switch element {
        case .word(let word):
            var position = start
            while position < tokens.count {
                if lemmaMatches(tokens[position], word) {
                    var attempt = state
                    attempt.consumed.append(tokens[position])
                    attempt.lastWord = tokens[position]
                    if let end = matchSequence(rest, in: tokens, from: position + 1, state: &attempt, predicate: predicate) {
                        state = attempt
                        return end
                    }
                }
                position += 1
            }
            return nil
        case .set(let name):
            let items = sets[name] ?? []
            var position = start
            while position < tokens.count {
                for item in items {
                    guard position + item.count <= tokens.count else { continue }
                    var ok = true
                    for (offset, word) in item.enumerated() where !lemmaMatches(tokens[position + offset], word) {
                        ok = false
                        break
                    }
                    guard ok else { continue }
                    var attempt = state
                    attempt.consumed += tokens[position..<position + item.count]
                    attempt.lastWord = tokens[position + item.count - 1]
                    if let end = matchSequence(
                        rest, in: tokens, from: position + item.count, state: &attempt, predicate: predicate)
                    {
                        state = attempt
                        return end
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
                        ? graph.subtree(object, stoppingAt: ["acl:relcl", "parataxis"]).filter { $0 > marker } : []
                    var attempt = state
                    let innerElements = inner.filter { $0 != .target && $0 != .source }
                    if matchSequence(innerElements, in: objectTokens, from: 0, state: &attempt, predicate: predicate) != nil {
                        if inner.contains(.target), object >= 0 { attempt.target = object }
                        if inner.contains(.source), object >= 0 { attempt.source = object }
                        attempt.lastWord = object >= 0 ? object : marker
                        if let end = matchSequence(rest, in: tokens, from: position + 1, state: &attempt, predicate: predicate) {
                            state = attempt
                            return end
                        }
                    }
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
