internal import DyadText

/// A parsed sentence with the lookups the coder needs: children by token, lowercased lemmas,
/// and subtrees cut at chosen relations.
struct SentenceGraph: Sendable {
    let tokens: [Token]
    let children: [[Int]]
    let lemmas: [String]
    let forms: [String]

    init(_ sentence: Sentence) {
        tokens = sentence.tokens
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

    /// The relation of token `index` without its subtype (`nsubj` for `nsubj:pass`).
    func baseRelation(_ index: Int) -> Substring {
        tokens[index].relation.prefix { $0 != ":" }
    }

    /// The children of `index` whose relation is `relation` or a subtype of it.
    func children(of index: Int, _ relations: String...) -> [Int] {
        children[index].filter { child in
            let relation = tokens[child].relation
            return relations.contains { relation == $0 || relation.hasPrefix($0 + ":") }
        }
    }

    /// The first child of `index` with exactly this relation (subtypes included unless `exact`).
    func child(of index: Int, _ relations: String...) -> Int? {
        children[index].first { child in
            let relation = tokens[child].relation
            return relations.contains { relation == $0 || relation.hasPrefix($0 + ":") }
        }
    }

    /// The tokens of `index`'s subtree, in order, not descending into children whose relation
    /// (base or full) is in `stop`.
    func subtree(_ index: Int, stoppingAt stop: Set<String> = []) -> [Int] {
        var result: [Int] = []
        var stack = [index]
        var seen = Set<Int>()
        while let node = stack.popLast() {
            guard seen.insert(node).inserted else { continue }
            result.append(node)
            for child in children[node] {
                let relation = tokens[child].relation
                if stop.contains(relation) || stop.contains(String(relation.prefix { $0 != ":" })) { continue }
                stack.append(child)
            }
        }
        return result.sorted()
    }

    /// Whether `ancestor` dominates `index` (or is it).
    func dominates(_ ancestor: Int, _ index: Int) -> Bool {
        var node = index
        var steps = 0
        while node >= 0 && steps <= tokens.count {
            if node == ancestor { return true }
            node = tokens[node].head
            steps += 1
        }
        return false
    }

    /// The preposition (`case` child) of a nominal, lowercased, if any.
    func preposition(of index: Int) -> String? {
        children(of: index, "case").first.map { lemmas[$0] }
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
