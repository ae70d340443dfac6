/// A lexicon of English word forms with their possible parts of speech (noun, verb, adjective,
/// adverb) and lemmas, from lemminflect and the WordNet exception lists
/// (`lexicon/english-words.tsv`, built by `scripts/build_word_lexicon.py`).
///
/// The tagger uses the parts of speech as features (they help with words the treebank never
/// shows), and the lemmatizer uses the lemmas for words the treebank does not have.
struct EnglishWords: Sendable {
    static let assetName = "lexicon/english-words.tsv"
    /// The embedded lexicon, parsed on first use (empty when the asset is missing).
    static let shared: EnglishWords = EmbeddedAssets.bytes(named: assetName).map { EnglishWords(tsv: $0) } ?? EnglishWords()

    static let partsOfSpeech: [UInt8] = Array("nvar".utf8)

    private var table = FeatureTable(capacity: 16)
    /// Bit i set: the form can be part of speech `partsOfSpeech[i]`.
    private var masks: [UInt8] = []
    /// Four entries per row: lemma string index, -1 when the lemma is the form itself.
    private var lemmaIndices: [Int32] = []
    private var lemmas: [String] = []

    init() {}

    init(tsv bytes: UnsafeRawBufferPointer) {
        table = FeatureTable(capacity: 80_000)
        var lemmaIndex: [String: Int32] = [:]
        var lineStart = 0
        let count = bytes.count
        while lineStart < count {
            var lineEnd = lineStart
            while lineEnd < count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            // Split on tabs.
            var fields: [Range<Int>] = []
            var fieldStart = lineStart
            for i in lineStart...lineEnd where i == lineEnd || bytes[i] == 0x09 {
                fields.append(fieldStart..<i)
                fieldStart = i + 1
            }
            if fields.count >= 2 && !fields[0].isEmpty {
                let form = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[fields[0]]), as: UTF8.self)
                var mask: UInt8 = 0
                var indices: [Int32] = [-1, -1, -1, -1]
                for field in fields.dropFirst() where !field.isEmpty {
                    guard let pos = Self.partsOfSpeech.firstIndex(of: bytes[field.lowerBound]) else { continue }
                    mask |= 1 << UInt8(pos)
                    if field.count > 2 && bytes[field.lowerBound + 1] == UInt8(ascii: "=") {
                        let lemma = String(
                            decoding: UnsafeRawBufferPointer(rebasing: bytes[(field.lowerBound + 2)..<field.upperBound]),
                            as: UTF8.self)
                        if let index = lemmaIndex[lemma] {
                            indices[pos] = index
                        } else {
                            let index = Int32(lemmas.count)
                            lemmas.append(lemma)
                            lemmaIndex[lemma] = index
                            indices[pos] = index
                        }
                    }
                }
                let row = Int32(masks.count)
                if table.insert(WordInfo.lowerHash(form), row) == row {
                    masks.append(mask)
                    lemmaIndices.append(contentsOf: indices)
                }
            }
            lineStart = lineEnd + 1
        }
    }

    var count: Int { masks.count }

    /// The parts-of-speech mask of a lower-case form's hash (`WordInfo.lower`), 0 when unknown.
    @inline(__always)
    func mask(of lowerHash: UInt64) -> UInt8 {
        let row = table.find(lowerHash)
        return row < 0 ? 0 : masks[Int(row)]
    }

    /// The lemma of `lowerForm` as part of speech `pos` (`n`, `v`, `a`, `r`), or nil when unknown.
    func lemma(of lowerForm: String, pos: Character) -> String? {
        guard let ascii = pos.asciiValue, let p = Self.partsOfSpeech.firstIndex(of: ascii) else { return nil }
        let row = table.find(WordInfo.lowerHash(lowerForm))
        guard row >= 0, masks[Int(row)] & (1 << UInt8(p)) != 0 else { return nil }
        let index = lemmaIndices[Int(row) * 4 + p]
        return index < 0 ? lowerForm : lemmas[Int(index)]
    }
}
