/// The trained tagger, lemmatizer and parser, and their binary file format.
///
/// File layout (all integers little-endian): the magic `DYADSYN1`, a format version (UInt32),
/// the joint tag list (UPOS strings, XPOS strings), the tagger's word lexicon and linear model,
/// the lemmatizer tables, the parser's labels and linear model, then an FNV-1a 64 checksum of
/// everything before it. Arrays are a UInt64 count followed by the raw elements; strings are a
/// UInt32 byte count followed by UTF-8.
final class SyntaxModel: Sendable {
    static let magic: [UInt8] = Array("DYADSYN1".utf8)
    static let version: UInt32 = 1

    let tagger: Tagger
    let lemmatizer: Lemmatizer
    let parser: Parser

    init(tagger: Tagger, lemmatizer: Lemmatizer, parser: Parser) {
        self.tagger = tagger
        self.lemmatizer = lemmatizer
        self.parser = parser
    }

    /// Decodes a model file.
    /// - Throws: `SyntaxError` (`.corruptModel`) when the bytes are not a complete model.
    convenience init(bytes: UnsafeRawBufferPointer, name: String) throws {
        var reader = ByteReader(bytes, name: name)
        guard bytes.count >= Self.magic.count + 12 else {
            throw SyntaxError(.corruptModel, "not a Dyad syntax model (only \(bytes.count) bytes)", file: name)
        }
        let magic = try reader.take(Self.magic.count)
        guard Array(magic) == Self.magic else {
            throw SyntaxError(.corruptModel, "not a Dyad syntax model (bad magic number)", file: name)
        }
        let stored = UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - 8)...]).loadUnaligned(as: UInt64.self)
        let computed = Self.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count - 8)]))
        guard UInt64(littleEndian: stored) == computed else {
            throw SyntaxError(.corruptModel, "checksum mismatch: the model file is truncated or damaged", file: name)
        }
        let version = try reader.uint32()
        guard version == Self.version else {
            throw SyntaxError(.corruptModel, "model format version \(version), expected \(Self.version)", file: name)
        }
        let upos = try reader.strings()
        let xpos = try reader.strings()
        guard upos.count == xpos.count, !upos.isEmpty else { throw reader.error("bad tag list") }
        let lexicon = try WordLexicon(from: &reader)
        let taggerModel = try LinearModel(from: &reader)
        guard taggerModel.classCount == upos.count else { throw reader.error("tagger classes do not match tags") }
        let lemmatizer = try Lemmatizer(from: &reader)
        let parser = try Parser(from: &reader)
        guard reader.offset == bytes.count - 8 else { throw reader.error("unexpected data after the parser") }
        let tags = zip(upos, xpos).map { (upos: $0, xpos: $1) }
        self.init(
            tagger: Tagger(tags: tags, model: taggerModel, lexicon: lexicon), lemmatizer: lemmatizer, parser: parser)
    }

    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        // Eight bytes at a time keeps this fast on a large file.
        var i = 0
        let count = bytes.count
        while i + 8 <= count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x0000_0100_0000_01B3
            i += 8
        }
        while i < count {
            h = (h ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
        return h
    }

    /// The model file's bytes.
    func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writer.bytes.append(contentsOf: Self.magic)
        writer.append(Self.version)
        writer.append(strings: tagger.tags.map(\.upos))
        writer.append(strings: tagger.tags.map(\.xpos))
        tagger.lexicon.encode(to: &writer)
        tagger.model.encode(to: &writer)
        lemmatizer.encode(to: &writer)
        parser.encode(to: &writer)
        let sum = writer.bytes.withUnsafeBytes { Self.checksum($0) }
        writer.append(sum)
        return writer.bytes
    }

    /// Tags, lemmatizes and parses `sentence` in place.
    func annotate(_ sentence: inout Sentence) {
        let n = sentence.tokens.count
        guard n > 0 else { return }
        let infos = sentence.tokens.map { WordInfo(form: $0.form, lexicon: tagger.lexicon) }
        let tags = tagger.tag(infos)
        for i in 0..<n {
            let (upos, xpos) = tagger.tags[tags[i]]
            sentence.tokens[i].upos = upos
            sentence.tokens[i].xpos = xpos
            sentence.tokens[i].lemma = lemmatizer.lemma(
                of: sentence.tokens[i].form, tag: tags[i], upos: upos, isFirst: i == 0)
        }
        let arcs = parser.parse(words: infos.map(\.lower), tags: tags)
        var root = -1
        for i in 0..<n where arcs[i].head == n {
            if root < 0 || parser.labels[arcs[i].label] == "root" && sentence.tokens[root].relation != "root" {
                root = i
            }
        }
        for i in 0..<n {
            let (head, label) = arcs[i]
            if head == n || head < 0 {
                if i == root {
                    sentence.tokens[i].head = -1
                    sentence.tokens[i].relation = "root"
                } else {
                    // A second root: attach it to the first as a parallel clause.
                    sentence.tokens[i].head = root
                    sentence.tokens[i].relation = sentence.tokens[i].upos == "PUNCT" ? "punct" : "parataxis"
                }
            } else {
                sentence.tokens[i].head = head
                sentence.tokens[i].relation = label >= 0 && label < parser.labels.count ? parser.labels[label] : "dep"
            }
        }
    }
}

extension Analyzer {
    /// Sizes of the model's tables, for diagnostics.
    package var modelSummary: String {
        guard let model else { return "no model" }
        return """
            tagger: \(model.tagger.tags.count) tags, \(model.tagger.model.rowCount) features, \
            \(model.tagger.model.entryCount) weights; lexicon \(model.tagger.lexicon.classes.count) words
            lemmatizer: \(model.lemmatizer.lemmas.count) lemmas, \(model.lemmatizer.lexicon.count) entries, \
            \(model.lemmatizer.rules.count) rules
            parser: \(model.parser.labels.count) labels, \(model.parser.model.rowCount) features, \
            \(model.parser.model.entryCount) weights
            """
    }
}

extension Analyzer {
    package var debugScales: String {
        guard let model else { return "" }
        func describe(_ m: LinearModel) -> String {
            let rows = m.sortedRows()
            let maxCount = rows.map(\.entries.count).max() ?? 0
            var maxQ: Int32 = 0
            for row in rows { for e in row.entries { maxQ = max(maxQ, abs(Int32(bitPattern: e) >> 8)) } }
            return "scale \(m.scale) maxRow \(maxCount) maxQ \(maxQ) maxW \(Float(maxQ) * m.scale)"
        }
        return describe(model.tagger.model) + " | " + describe(model.parser.model)
    }
}
