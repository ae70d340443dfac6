/// A sentence read from a CoNLL-U file: the words with their annotation, plus the comment lines.
public struct CoNLLUSentence: Sendable, Hashable {
    /// The words (multiword tokens are expanded into their syntactic words; empty nodes are skipped).
    public var sentence: Sentence
    /// The `# sent_id = ...` value, if any.
    public var id: String?
    /// The `# text = ...` value, if any.
    public var text: String?
    /// Whether the sentence starts a new document (`# newdoc`).
    public var isNewDocument: Bool
    /// The line of the first line of the sentence in its file (1-based).
    public var line: Int

    /// Creates a CoNLL-U sentence.
    public init(sentence: Sentence, id: String? = nil, text: String? = nil, isNewDocument: Bool = false, line: Int = 0) {
        self.sentence = sentence
        self.id = id
        self.text = text
        self.isNewDocument = isNewDocument
        self.line = line
    }
}

/// Reads and writes the CoNLL-U format of Universal Dependencies.
///
/// The reader keeps the syntactic words of multiword tokens (`don't` → `do` `n't`), skips empty
/// nodes (`8.1`), and reports the first malformed line as `file:line: reason`.
///
/// ```swift
/// let gold = try CoNLLU.read(contentsOf: "en_ewt-ud-dev.conllu")
/// print(CoNLLU.format(gold.map(\.sentence)))
/// ```
public enum CoNLLU {
    /// Reads a CoNLL-U file.
    /// - Parameter path: The file's path.
    /// - Returns: The sentences of the file.
    /// - Throws: `SyntaxError` when the file is missing or a line is malformed.
    public static func read(contentsOf path: String) throws -> [CoNLLUSentence] {
        guard let bytes = FileBytes.read(path) else {
            throw SyntaxError(.missingFile, "cannot read the file", file: path)
        }
        return try parse(String(decoding: bytes, as: UTF8.self), file: path)
    }

    /// Parses CoNLL-U text.
    /// - Parameters:
    ///   - text: The contents of a CoNLL-U file.
    ///   - file: The name to report in errors.
    /// - Returns: The sentences.
    /// - Throws: `SyntaxError` with the line number of the first malformed line.
    public static func parse(_ text: String, file: String = "<input>") throws -> [CoNLLUSentence] {
        var result: [CoNLLUSentence] = []
        var tokens: [Token] = []
        var heads: [Int] = []
        var sentID: String?
        var sentText: String?
        var newDoc = false
        var startLine = 0
        var lineNumber = 0
        var mwtEnd = 0
        var mwtSpaceAfter = true
        var mwtRange: Range<Int>? = nil
        var offset = 0
        var inSentence = false

        func finish() throws {
            inSentence = false
            mwtEnd = 0
            mwtRange = nil
            guard !tokens.isEmpty else {
                sentID = nil
                sentText = nil
                return
            }
            for (i, h) in heads.enumerated() {
                if h > tokens.count {
                    throw SyntaxError(.malformedCoNLLU, "head \(h) of word \(i + 1) is outside the sentence",
                        file: file, line: startLine)
                }
                tokens[i].head = h - 1
            }
            let range = (tokens.first?.range.lowerBound ?? 0)..<(tokens.last?.range.upperBound ?? 0)
            result.append(CoNLLUSentence(sentence: Sentence(range: range, tokens: tokens), id: sentID, text: sentText,
                isNewDocument: newDoc, line: startLine))
            tokens.removeAll()
            heads.removeAll()
            sentID = nil
            sentText = nil
            newDoc = false
            offset = 0
        }

        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty {
                try finish()
                continue
            }
            if !inSentence {
                inSentence = true
                startLine = lineNumber
            }
            if line.hasPrefix("#") {
                if line.hasPrefix("# sent_id") {
                    sentID = value(of: line)
                } else if line.hasPrefix("# text") && !line.hasPrefix("# text_") {
                    sentText = value(of: line)
                } else if line.hasPrefix("# newdoc") {
                    newDoc = true
                }
                continue
            }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 10 else {
                throw SyntaxError(.malformedCoNLLU, "expected 10 tab-separated columns, found \(columns.count)",
                    file: file, line: lineNumber)
            }
            let id = columns[0]
            if id.contains(".") { continue }  // empty node
            if let dash = id.firstIndex(of: "-") {
                guard let first = Int(id[..<dash]), let last = Int(id[id.index(after: dash)...]), first <= last,
                    first == tokens.count + 1
                else {
                    throw SyntaxError(.malformedCoNLLU, "bad multiword token range '\(id)'", file: file, line: lineNumber)
                }
                mwtEnd = last
                mwtSpaceAfter = !columns[9].contains("SpaceAfter=No")
                let length = columns[1].utf8.count
                mwtRange = offset..<(offset + length)
                offset += length + (mwtSpaceAfter ? 1 : 0)
                continue
            }
            guard let index = Int(id), index == tokens.count + 1 else {
                throw SyntaxError(.malformedCoNLLU, "word id '\(id)' out of sequence (expected \(tokens.count + 1))",
                    file: file, line: lineNumber)
            }
            let headColumn = columns[6]
            var head = 0
            if headColumn == "_" {
                head = 0
            } else if let h = Int(headColumn), h >= 0 {
                head = h
            } else {
                throw SyntaxError(.malformedCoNLLU, "head '\(headColumn)' is not a number", file: file, line: lineNumber)
            }
            if head == index {
                throw SyntaxError(.malformedCoNLLU, "word \(index) is its own head", file: file, line: lineNumber)
            }
            let form = String(columns[1])
            var range: Range<Int>
            var spaceAfter: Bool
            if index <= mwtEnd, let mwt = mwtRange {
                range = mwt
                spaceAfter = index == mwtEnd ? mwtSpaceAfter : false
                if index == mwtEnd { mwtRange = nil }
            } else {
                spaceAfter = !columns[9].contains("SpaceAfter=No")
                let length = form.utf8.count
                range = offset..<(offset + length)
                offset += length + (spaceAfter ? 1 : 0)
            }
            let relation = columns[7] == "_" ? "_" : String(columns[7])
            tokens.append(Token(form: form, range: range, upos: String(columns[3]), xpos: String(columns[4]),
                lemma: String(columns[2]), head: -1, relation: relation, spaceAfter: spaceAfter))
            heads.append(head)
        }
        try finish()
        return result
    }

    static func value(of line: Substring) -> String? {
        guard let eq = line.firstIndex(of: "=") else { return nil }
        return String(line[line.index(after: eq)...].drop(while: { $0 == " " }))
    }

    /// Formats sentences as CoNLL-U.
    ///
    /// Writes `# sent_id` (numbered from 1 unless `ids` gives them) and `# text` (rebuilt from the
    /// forms and `spaceAfter`, or taken from `texts`), then one line per word: ID FORM LEMMA UPOS
    /// XPOS `_` HEAD DEPREL `_` MISC (`SpaceAfter=No` where there is no space).
    /// - Parameters:
    ///   - sentences: The analysed sentences.
    ///   - texts: The original text of each sentence, if known.
    ///   - ids: The sentence ids, if known.
    /// - Returns: The CoNLL-U text, each sentence followed by an empty line.
    public static func format(_ sentences: [Sentence], texts: [String]? = nil, ids: [String]? = nil) -> String {
        var out = ""
        for (n, sentence) in sentences.enumerated() {
            out += "# sent_id = \(ids?[n] ?? String(n + 1))\n"
            var text = texts?[n] ?? ""
            if texts == nil {
                for (i, t) in sentence.tokens.enumerated() {
                    text += t.form
                    if t.spaceAfter && i + 1 < sentence.tokens.count { text += " " }
                }
            }
            out += "# text = \(text.replacingNewlines())\n"
            for (i, t) in sentence.tokens.enumerated() {
                let head = t.relation == "_" && t.head < 0 ? "_" : String(t.head + 1)
                let form = t.form.replacingNewlines().isEmpty ? "_" : t.form.replacingNewlines()
                out += "\(i + 1)\t\(form)\t\(t.lemma)\t\(t.upos)\t\(t.xpos)\t_\t\(head)\t\(t.relation)\t_\t"
                out += t.spaceAfter ? "_\n" : "SpaceAfter=No\n"
            }
            out += "\n"
        }
        return out
    }
}

extension String {
    func replacingNewlines() -> String {
        guard contains(where: { $0.isNewline || $0 == "\t" }) else { return self }
        return String(map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
