internal import DyadText

extension SentenceGraph {
    /// Undoes a parse that read a reduced relative clause as the sentence's verb and the real verb
    /// as its conjunct ("A report released Tuesday in Kigali alleged that …", "The man arrested in
    /// Paris denied the charges", with *released*, *arrested* the root and *alleged*, *denied* a
    /// `conj` or an unmarked `advcl` with no subject of its own): the conjunct becomes the root
    /// with the noun as its subject, and the participle describes the noun (`acl`). Words after
    /// the conjunct that hung on the participle move to it; a passive participle has no object, so
    /// what the parse took for one is an oblique ("released *Tuesday*").
    static func repairedReducedRelatives(_ original: [Token]) -> [Token] {
        var tokens = original
        guard let root = tokens.indices.first(where: { tokens[$0].head < 0 }),
            tokens[root].upos == "VERB", ["VBN", "VBD"].contains(tokens[root].xpos),
            tokens[root].form.lowercased().hasSuffix("ed"),
            let subject = tokens.indices.first(where: { tokens[$0].head == root && tokens[$0].relation == "nsubj" }),
            subject < root, tokens[subject].upos == "NOUN",
            !tokens.indices.contains(where: {
                tokens[$0].head == root && ["aux", "aux:pass", "cop", "mark"].contains(tokens[$0].relation)
            }),
            let verb = tokens.indices.first(where: {
                $0 > root && tokens[$0].head == root && ["conj", "advcl"].contains(tokens[$0].relation)
                    && tokens[$0].upos == "VERB" && ["VBD", "VBZ", "VBP"].contains(tokens[$0].xpos)
            }),
            !tokens.indices.contains(where: {
                tokens[$0].head == verb
                    && ["cc", "mark", "nsubj", "nsubj:pass", "aux", "aux:pass"].contains(tokens[$0].relation)
            }),
            !tokens[(root + 1)..<verb].contains(where: { $0.upos == "PUNCT" || $0.upos == "CCONJ" })
        else { return tokens }
        for index in tokens.indices where tokens[index].head == root {
            if index > verb { tokens[index].head = verb }
            if tokens[index].relation == "obj" { tokens[index].relation = "obl" }
        }
        tokens[verb].head = -1
        tokens[verb].relation = "root"
        tokens[root].head = subject
        tokens[root].relation = "acl"
        tokens[root].xpos = "VBN"
        tokens[subject].head = verb
        return tokens
    }

    /// Undoes a parse that tagged a noun standing as a subject or object as a verb ("Evidence
    /// against Russia was presented", with a sentence-initial *Evidence* a verb and *against
    /// Russia* its oblique): a verb that is a clause's subject or object and has no subject,
    /// auxiliary, marker or object of its own is a noun, and its obliques are its modifiers.
    /// Gerunds ("Shelling continued") keep their reading.
    static func repairedNominalVerbs(_ original: [Token]) -> [Token] {
        var tokens = original
        for noun in tokens.indices
        where tokens[noun].upos == "VERB" && ["nsubj", "nsubj:pass", "obj"].contains(tokens[noun].relation)
            && !tokens[noun].form.lowercased().hasSuffix("ing")
        {
            let children = tokens.indices.filter { tokens[$0].head == noun }
            guard
                !children.contains(where: {
                    ["nsubj", "nsubj:pass", "aux", "aux:pass", "mark", "obj", "cop"].contains(tokens[$0].relation)
                })
            else { continue }
            retagAsNoun(&tokens[noun])
            for index in children where tokens[index].relation == "obl" { tokens[index].relation = "nmod" }
        }
        return tokens
    }
}

extension SentenceGraph {
    /// Subordinating words that the parser may read as prepositions.
    private static let clauseMarks: Set<String> = [
        "as", "after", "before", "while", "since", "because", "until", "once", "when",
    ]

    /// Undoes a parse that read a subordinating word as a preposition of the clause's subject and
    /// left its verb without one ("The stopover came as the US leader prepared to attend …", with
    /// *as the US leader* an oblique of *came* and *prepared* a `parataxis`): the noun becomes the
    /// subject of the verb right after it, the word its marker, and the clause an adverbial one.
    static func repairedSubordinateClauses(_ original: [Token]) -> [Token] {
        var tokens = original
        for mark in tokens.indices
        where tokens[mark].relation == "case" && clauseMarks.contains(tokens[mark].form.lowercased()) {
            let noun = tokens[mark].head
            guard noun > mark, noun < tokens.count, ["NOUN", "PROPN"].contains(tokens[noun].upos),
                tokens[noun].relation.hasPrefix("obl"), tokens[noun].head >= 0
            else { continue }
            let governor = tokens[noun].head
            // The noun phrase ends where its last dependent does; the verb comes right after it.
            var end = noun
            for index in tokens.indices where index > end && dominates(noun, index, in: tokens) { end = index }
            let verb = end + 1
            // A finite verb; a past participle with no auxiliary is a past tense read wrong.
            guard verb < tokens.count, tokens[verb].upos == "VERB",
                ["VBD", "VBZ", "VBP", "VBN"].contains(tokens[verb].xpos),
                tokens[verb].head == governor,
                ["parataxis", "conj", "advcl", "dep", "ccomp", "xcomp"].contains(tokens[verb].relation),
                !tokens.indices.contains(where: {
                    tokens[$0].head == verb
                        && ["nsubj", "nsubj:pass", "mark", "cc", "aux", "aux:pass"].contains(tokens[$0].relation)
                })
            else { continue }
            if tokens[verb].xpos == "VBN" { tokens[verb].xpos = "VBD" }
            tokens[noun].head = verb
            tokens[noun].relation = "nsubj"
            tokens[mark].head = verb
            tokens[mark].relation = "mark"
            tokens[mark].upos = "SCONJ"
            tokens[verb].relation = "advcl"
        }
        return tokens
    }
}
