internal import DyadText

/// A place named in a sentence: its tokens and the gazetteer entry.
struct PlaceMention: Sendable {
    var tokens: Range<Int>
    /// The token heading the name in the parse (the one whose head lies outside the name).
    var head: Int
    var place: Place
}

/// Finds places in a sentence and picks the one where an event happened.
enum PlaceFinder {
    /// Prepositions that say where something happened.
    static let locative: Set<String> = ["in", "at", "near", "outside", "off", "inside", "across", "along", "within"]

    /// The gazetteer names in `graph`, longest first from the left, capitalised words only.
    static func mentions(in graph: SentenceGraph, gazetteer: Gazetteer) -> [PlaceMention] {
        var result: [PlaceMention] = []
        let tokens = graph.tokens
        var index = 0
        while index < tokens.count {
            guard tokens[index].form.startsWithUppercase else {
                index += 1
                continue
            }
            let run = ActorDictionary.firstRun(ActorDictionary.normalize(tokens[index].form))
            guard let limit = gazetteer.firstRuns[run] else {
                index += 1
                continue
            }
            var key = ""
            var best: (place: Place, end: Int)?
            var end = index
            while end < tokens.count && end < index + limit {
                if end > index { key += tokens[end - 1].spaceAfter ? " " : "" }
                key += ActorDictionary.normalize(tokens[end].form)
                if let place = gazetteer.places[key]?.first { best = (place, end + 1) }
                end += 1
            }
            guard let best else {
                index += 1
                continue
            }
            let span = index..<best.end
            let head = span.first { position in !span.contains(tokens[position].head) } ?? span.upperBound - 1
            result.append(PlaceMention(tokens: span, head: head, place: best.place))
            index = best.end
        }
        return result
    }

    /// Words for a part of a place ("in the east of the Gaza Strip", "on the outskirts of Kabul").
    static let areaWords: Set<String> = [
        "east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest", "centre", "center",
        "heart", "outskirts", "edge", "part", "area", "suburb", "suburbs", "border", "coast", "capital",
    ]

    private static func isLocative(_ index: Int, in graph: SentenceGraph) -> Bool {
        graph.preposition(of: index).map { locative.contains($0) || $0 == "on" && graph.lemmas[index] == "outskirts" }
            == true
    }

    /// "in the east of the Gaza Strip", "near the town of Samarra": the place is the "of" phrase of
    /// a part or a settlement in a locative phrase.
    private static func isPartOfLocative(_ index: Int, in graph: SentenceGraph) -> Bool {
        let part = graph.tokens[index].head
        guard graph.preposition(of: index) == "of", part >= 0,
            areaWords.contains(graph.lemmas[part]) || settlementWords.contains(graph.lemmas[part])
        else {
            return false
        }
        return graph.preposition(of: part).map { locative.contains($0) || $0 == "on" } == true
    }

    /// Nouns for a settlement named by an of-phrase ("the town of Rafah", "the port of Hodeidah").
    static let settlementWords: Set<String> = [
        "town", "city", "village", "port", "district", "province", "region", "capital", "suburb", "outskirts",
    ]

    /// The place the act at `predicate` is done to: its direct object is the place's name
    /// ("shelled Homs"), or a place is named in the object's of-phrases, the nearest first
    /// ("stormed the town of Rafah", "seized control of the town of Goma").
    static func objectPlace(of predicate: Int, in graph: SentenceGraph, mentions: [PlaceMention]) -> Place? {
        guard let object = graph.child(of: predicate, "obj") else { return nil }
        var frontier = [object]
        while !frontier.isEmpty {
            if let mention = mentions.first(where: { frontier.contains($0.head) }) { return mention.place }
            frontier = frontier.flatMap { node in
                graph.children(of: node, "nmod").filter { graph.preposition(of: $0) == "of" }
            }
        }
        return nil
    }

    /// The place where the event at `predicate` happened: a place in a locative phrase ("in
    /// Singapore", "on the sidelines of the Shangri-La Dialogue in Singapore", "in the Taiwan
    /// Strait") within the predicate's clause, the nearest first.
    static func place(for predicate: Int, in graph: SentenceGraph, mentions: [PlaceMention]) -> Place? {
        guard !mentions.isEmpty else { return nil }
        let clause = Set(graph.subtree(predicate, stoppingAt: ["ccomp", "parataxis", "conj", "acl:relcl", "nsubj"]))
        let located = mentions.filter { mention in
            clause.contains(mention.head)
                && (isLocative(mention.head, in: graph) || isPartOfLocative(mention.head, in: graph))
        }
        return located.min { abs($0.head - predicate) < abs($1.head - predicate) }?.place
    }
}
