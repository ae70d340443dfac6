/// One element of a verb pattern (see docs/dictionaries.md, `verbs.txt`). Not `indirect`: the
/// elements of a pattern lie in its array, so the matcher reads them without another pointer.
enum PatternElement: Sendable, Hashable {
    /// A token whose lemma (or lowercased form) is this word.
    case word(String)
    /// A token whose lemma is in the named word set.
    case set(String)
    /// A prepositional phrase: the preposition, then elements inside its object.
    case phrase(preposition: String, elements: [PatternElement])
    /// Where the target comes from.
    case target
    /// Where the source comes from.
    case source

    /// The ASCII words that tokens must match for `elements` to match: every `word` and every
    /// preposition, in phrases too (not the members of a set, one of which is enough).
    static func requiredWords(_ elements: [PatternElement]) -> WordBits {
        var bits = WordBits()
        for element in elements {
            switch element {
            case .word(let word):
                bits.insert(word)
            case .phrase(let preposition, let inner):
                bits.insert(preposition)
                bits.formUnion(requiredWords(inner))
            case .set, .target, .source:
                break
            }
        }
        return bits
    }

    /// The number of words this element requires (its weight when patterns compete).
    var weight: Int {
        switch self {
        case .word, .set: 1
        case .phrase(_, let elements): 1 + elements.reduce(0) { $0 + $1.weight }
        case .target, .source: 0
        }
    }
}

/// A pattern line: the code it gives and the words it needs around the verb.
///
/// The coder copies patterns while it compares them, so a pattern keeps its parts in one shared,
/// immutable box: a copy costs one reference count, not one per string and array.
struct VerbPattern: Sendable, Hashable {
    private final class Storage: Sendable {
        let code: String
        let before: [PatternElement]
        let after: [PatternElement]
        let id: String
        let file: String
        let line: Int
        let weight: Int
        /// Whether there are elements before `*` (kept beside `weight`, which the coder reads first).
        let hasBefore: Bool
        /// The ASCII words the pattern's tokens must match, on either side of `*`.
        let requiredWords: WordBits

        init(code: String, before: [PatternElement], after: [PatternElement], id: String, file: String, line: Int) {
            self.code = code
            self.before = before
            self.after = after
            self.id = id
            self.file = file
            self.line = line
            weight = (before + after).reduce(0) { $0 + $1.weight }
            hasBefore = !before.isEmpty
            var required = PatternElement.requiredWords(after)
            required.formUnion(PatternElement.requiredWords(before))
            requiredWords = required
        }
    }

    private let storage: Storage

    /// Creates a pattern.
    /// - Parameters:
    ///   - code: the CAMEO code it gives.
    ///   - before: the elements found in the subject's phrase.
    ///   - after: the elements found in the verb's phrase, in order.
    ///   - id: the verb and the pattern text, shown in events.
    ///   - file: the file it was written in.
    ///   - line: the line it was written on.
    init(code: String, before: [PatternElement], after: [PatternElement], id: String, file: String, line: Int) {
        storage = Storage(code: code, before: before, after: after, id: id, file: file, line: line)
    }

    /// The CAMEO code.
    var code: String { storage.code }
    /// Elements found in the subject's phrase (written before `*`).
    var before: [PatternElement] { storage.before }
    /// Elements found in the verb's phrase, in order (written after `*`).
    var after: [PatternElement] { storage.after }
    /// The stable id shown in events: the verb and the pattern text.
    var id: String { storage.id }
    /// Where it was written.
    var file: String { storage.file }
    var line: Int { storage.line }
    /// The number of words the pattern requires: more wins.
    var weight: Int { storage.weight }
    /// Whether the pattern has elements before `*` (`before` is not empty).
    var hasBefore: Bool { storage.hasBefore }
    /// The ASCII words its tokens must match (a sentence without one of them cannot match it).
    var requiredWords: WordBits { storage.requiredWords }

    static func == (lhs: VerbPattern, rhs: VerbPattern) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.code == rhs.code && lhs.before == rhs.before && lhs.after == rhs.after && lhs.id == rhs.id
                && lhs.file == rhs.file && lhs.line == rhs.line)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(before)
        hasher.combine(after)
        hasher.combine(id)
        hasher.combine(file)
        hasher.combine(line)
    }
}

/// What kind of word a group's entries are.
enum PredicateKind: String, Sendable, Hashable {
    case verb, noun
}

/// The kinds of frames: verbs that govern another event (see docs/dictionaries.md).
enum FrameKind: String, Sendable, Hashable, CaseIterable {
    case appeal, intent, demand, reject, threaten
}

/// A verb or noun of a group, with the words that must follow it (`call on` → `on`).
struct PredicateEntry: Sendable, Hashable {
    var lemma: String
    var particles: [String]
    var kind: PredicateKind
    var defaultCode: String?
    var patterns: [VerbPattern]
    var groupName: String
}

/// A frame verb: `refuse`, `urge`, `call on`, ...
struct FrameEntry: Sendable, Hashable {
    var kind: FrameKind
    var lemma: String
    var particles: [String]
    var code: String?
}

/// The verb and noun patterns, word sets and frames of `verbs.txt`.
struct VerbDictionary: Sendable {
    var sets = WordSets()
    /// Entries by head lemma.
    var verbs: [String: [PredicateEntry]] = [:]
    var nouns: [String: [PredicateEntry]] = [:]
    var frames: [String: [FrameEntry]] = [:]
    var patternCount = 0

    /// Parses `text` (the contents of `file`), validating every line.
    /// - Throws: ``DictionaryError`` naming the file and line of the first bad line.
    init(file: String, text: String, cameo: CAMEO) throws(DictionaryError) {
        var groupEntries: [PredicateEntry] = []
        var groupName = ""

        func fail(_ line: DictionaryLine, _ message: String) -> DictionaryError {
            DictionaryError(file: file, line: line.number, message: message)
        }
        func checkCode(_ code: String, _ line: DictionaryLine) throws(DictionaryError) {
            guard cameo[code] != nil else { throw fail(line, "unknown CAMEO code '\(code)'") }
        }
        func flushGroup() {
            for entry in groupEntries {
                switch entry.kind {
                case .verb: verbs[entry.lemma, default: []].append(entry)
                case .noun: nouns[entry.lemma, default: []].append(entry)
                }
            }
            groupEntries = []
        }

        for line in LineReader.lines(of: text) {
            let text = line.text
            if line.isIndented {
                guard !groupEntries.isEmpty else { throw fail(line, "pattern line outside a verb or noun group") }
                let fields = text.splitBlanks()
                guard let codeField = fields.first else { continue }
                let code = String(codeField)
                guard code.allSatisfy(\.isASCIIDigit) else {
                    throw fail(line, "a pattern line starts with a CAMEO code, found '\(code)'")
                }
                try checkCode(code, line)
                let patternText = text.dropFirst(codeField.count).trimmingBlanks()
                let (before, after) = try Self.parsePattern(patternText, sets: sets, line: line, file: file)
                for index in groupEntries.indices {
                    let entry = groupEntries[index]
                    let particles = entry.particles.map { PatternElement.word($0) }
                    let id = ([entry.lemma] + entry.particles).joined(separator: " ") + " " + patternText
                    groupEntries[index].patterns.append(
                        VerbPattern(
                            code: code, before: before, after: particles + after, id: id, file: file,
                            line: line.number))
                    patternCount += 1
                }
                continue
            }
            if text.hasPrefix("&") {
                guard let equals = text.firstIndex(of: "=") else { throw fail(line, "a word set needs '&NAME = words'") }
                let name = text[..<equals].trimmingBlanks()
                guard name.count > 1, !name.contains(" ") else { throw fail(line, "bad set name '\(name)'") }
                let items = LineReader.list(text[text.index(after: equals)...])
                guard !items.isEmpty else { throw fail(line, "word set \(name) is empty") }
                var expanded: [[String]] = []
                for item in items {
                    if item.hasPrefix("&") {
                        guard let inner = sets[item] else { throw fail(line, "set \(item) is used before it is defined") }
                        expanded += inner
                    } else {
                        expanded.append(item.lowercased().splitBlanks().map(String.init))
                    }
                }
                sets.append(expanded, to: name)
                continue
            }
            let fields = text.splitBlanks()
            guard let keyword = fields.first else { continue }
            switch keyword {
            case "verb", "noun":
                flushGroup()
                let kind: PredicateKind = keyword == "verb" ? .verb : .noun
                let body = text.dropFirst(keyword.count)
                let (items, code) = try Self.splitCode(body, line: line, file: file)
                if let code { try checkCode(code, line) }
                groupName = items.first ?? ""
                for item in items {
                    let words = item.lowercased().splitBlanks().map(String.init)
                    guard let lemma = words.first else { continue }
                    groupEntries.append(
                        PredicateEntry(
                            lemma: lemma, particles: Array(words.dropFirst()), kind: kind, defaultCode: code,
                            patterns: [], groupName: groupName))
                }
                guard !groupEntries.isEmpty else { throw fail(line, "\(keyword) group with no words") }
            case "frame":
                flushGroup()
                guard fields.count >= 3, let kind = FrameKind(rawValue: String(fields[1])) else {
                    throw fail(
                        line,
                        "a frame line is 'frame KIND words [code]' with KIND one of "
                            + FrameKind.allCases.map(\.rawValue).joined(separator: ", "))
                }
                let body = text.dropFirst(keyword.count).trimmingBlanks().dropFirst(fields[1].count)
                let (items, code) = try Self.splitCode(body, line: line, file: file)
                if let code { try checkCode(code, line) }
                for item in items {
                    let words = item.lowercased().splitBlanks().map(String.init)
                    guard let lemma = words.first else { continue }
                    frames[lemma, default: []].append(
                        FrameEntry(kind: kind, lemma: lemma, particles: Array(words.dropFirst()), code: code))
                }
            default:
                throw fail(line, "expected 'verb', 'noun', 'frame', '&SET = ...' or an indented pattern, found '\(keyword)'")
            }
        }
        flushGroup()
    }

    /// Splits `a; b; c [123]` into its items and its bracketed code.
    private static func splitCode(
        _ body: some StringProtocol, line: DictionaryLine, file: String
    ) throws(DictionaryError) -> ([String], String?) {
        var text = body.trimmingBlanks()
        var code: String?
        if text.hasSuffix("]") {
            guard let open = text.lastIndex(of: "[") else {
                throw DictionaryError(file: file, line: line.number, message: "unbalanced ']'")
            }
            code = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingBlanks()
            text = String(text[..<open])
            if code == "---" || code?.isEmpty == true { code = nil }
        }
        return (LineReader.list(text), code)
    }

    /// Parses a pattern's text into the elements before and after `*`.
    static func parsePattern(
        _ text: String, sets: WordSets, line: DictionaryLine, file: String
    ) throws(DictionaryError) -> (before: [PatternElement], after: [PatternElement]) {
        func fail(_ message: String) -> DictionaryError {
            DictionaryError(file: file, line: line.number, message: message)
        }
        var spaced = ""
        for character in text {
            if character == "(" || character == ")" {
                spaced += " \(character) "
            } else {
                spaced.append(character)
            }
        }
        let tokens = spaced.splitBlanks().map { String($0) }
        var before: [PatternElement] = []
        var after: [PatternElement] = []
        var sawStar = false
        var stack: [(preposition: String?, elements: [PatternElement])] = []
        func append(_ element: PatternElement) {
            if !stack.isEmpty {
                stack[stack.count - 1].elements.append(element)
            } else if sawStar {
                after.append(element)
            } else {
                before.append(element)
            }
        }
        for token in tokens {
            switch token {
            case "*":
                guard !sawStar else { throw fail("more than one '*' in a pattern") }
                guard stack.isEmpty else { throw fail("'*' inside parentheses") }
                sawStar = true
            case "(":
                guard stack.isEmpty else { throw fail("nested parentheses") }
                stack.append((nil, []))
            case ")":
                guard let phrase = stack.popLast() else { throw fail("unbalanced ')'") }
                guard let preposition = phrase.preposition else { throw fail("empty parentheses") }
                append(.phrase(preposition: preposition, elements: phrase.elements))
            case "+":
                append(.target)
            case "$":
                append(.source)
            default:
                if !stack.isEmpty && stack[stack.count - 1].preposition == nil {
                    stack[stack.count - 1].preposition = token.lowercased()
                    continue
                }
                if token.hasPrefix("&") {
                    guard sets[token] != nil else { throw fail("word set \(token) is not defined above") }
                    append(.set(token))
                } else {
                    append(.word(token.lowercased()))
                }
            }
        }
        guard stack.isEmpty else { throw fail("unbalanced '('") }
        guard sawStar else { throw fail("a pattern needs '*' where the verb is") }
        return (before, after)
    }
}
