/// Lemmas from a lexicon of (form, tag) pairs seen in training, then from suffix rules learned
/// from the same data (`-ies` → `-y` for NNS, ...), then from the form itself.
struct Lemmatizer: Sendable {
    /// (form hash, tag) → lemma index, exact form first, then the lower-case form.
    let lexicon: FeatureTable
    let lemmas: [String]
    /// (tag, suffix) → edit index.
    let rules: FeatureTable
    let edits: [(cut: Int, append: String)]

    static let maximumSuffix = 5

    static func key(_ form: String, _ tag: Int, exact: Bool) -> UInt64 {
        FeatureHash.feature(exact ? 901 : 902, FeatureHash.string(form), UInt64(tag))
    }

    /// `key(form.lowercased(), tag, exact: false)`, without building the lower-case string for
    /// an ASCII form.
    static func lowerKey(_ form: String, _ tag: Int) -> UInt64 {
        let ascii = form.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                if byte >= 0x80 { return nil }
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                h = (h ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
            }
            return FeatureHash.feature(902, FeatureHash.finish(h), UInt64(tag))
        }
        if let ascii, let key = ascii { return key }
        return key(form.lowercased(), tag, exact: false)
    }

    /// The key of the rule for `suffix` (Unicode scalars) and `tag`: `FeatureHash.string` of the
    /// suffix, computed over the scalars' UTF-8 bytes without building the string.
    static func ruleKey<Suffix: Sequence<Unicode.Scalar>>(_ suffix: Suffix, _ tag: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in suffix {
            for byte in scalar.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        return FeatureHash.feature(903, FeatureHash.finish(h), UInt64(tag))
    }

    /// The lemma of `form` tagged `tag` (a joint tag index) with universal tag `upos`.
    func lemma(of form: String, tag: Int, upos: String, isFirst: Bool) -> String {
        var row = lexicon.find(Self.key(form, tag, exact: true))
        if row < 0 { row = lexicon.find(Self.lowerKey(form, tag)) }
        if row >= 0 { return lemmas[Int(row)] }
        if upos == "PUNCT" || upos == "SYM" || upos == "NUM" { return form }
        let keepCase: Bool
        if upos == "PROPN" {
            keepCase = true
        } else if upos == "ADJ" || upos == "NOUN" || upos == "X" {
            // "Iraqi", "TV": proper adjectives and acronyms keep their case (not at a sentence start).
            let scalars = form.unicodeScalars
            let isAllCaps = scalars.count > 1 && scalars.allSatisfy { !$0.properties.isLowercase }
            let isCapitalised = scalars.first.map { $0.properties.isUppercase } ?? false
            keepCase = isAllCaps || (upos == "ADJ" && isCapitalised && !isFirst)
        } else {
            keepCase = false
        }
        let lowered = form.lowercased()
        let base = keepCase ? form : lowered
        // Words the treebank never showed: the English lexicon's lemma for the part of speech.
        if !keepCase {
            let pos: Character? =
                switch upos {
                case "NOUN": "n"
                case "VERB", "AUX": "v"
                case "ADJ": "a"
                case "ADV": "r"
                default: nil
                }
            if let pos, let lemma = EnglishWords.shared.lemma(of: base, pos: pos) { return lemma }
        }
        let lower = Array(lowered.unicodeScalars)
        let n = lower.count
        var k = min(Self.maximumSuffix, n - 1)
        while k >= 1 {
            let edit = rules.find(Self.ruleKey(lower[(n - k)...], tag))
            if edit >= 0 {
                let (cut, append) = edits[Int(edit)]
                let scalars = Array(base.unicodeScalars)
                if cut <= scalars.count && (cut < scalars.count || !append.isEmpty) {
                    var out = String.UnicodeScalarView(scalars[0..<(scalars.count - cut)])
                    out.append(contentsOf: append.unicodeScalars)
                    return String(out)
                }
            }
            k -= 1
        }
        return base
    }

    // MARK: Training

    /// Learns the lexicon and rules from (form, tag, lemma) triples.
    static func train(_ words: [(form: String, tag: Int, lemma: String)]) -> Lemmatizer {
        var exact: [UInt64: [String: Int]] = [:]
        var lowered: [UInt64: [String: Int]] = [:]
        var ruleCounts: [UInt64: [Int: Int]] = [:]
        var editIndex: [String: Int] = [:]
        var edits: [(cut: Int, append: String)] = []
        for (form, tag, lemma) in words {
            exact[key(form, tag, exact: true), default: [:]][lemma, default: 0] += 1
            lowered[key(form.lowercased(), tag, exact: false), default: [:]][lemma, default: 0] += 1
            // The edit from the lower-case form to the lower-case lemma.
            let f = Array(form.lowercased().unicodeScalars)
            let l = Array(lemma.lowercased().unicodeScalars)
            var p = 0
            while p < f.count && p < l.count && f[p] == l[p] { p += 1 }
            let cut = f.count - p
            let append = String(String.UnicodeScalarView(l[p...]))
            let editName = "\(cut)|\(append)"
            let edit: Int
            if let e = editIndex[editName] {
                edit = e
            } else {
                edit = edits.count
                editIndex[editName] = edit
                edits.append((cut, append))
            }
            let n = f.count
            if n >= 2 {
                for k in 1...min(maximumSuffix, n - 1) {
                    let suffix = String.UnicodeScalarView(f[(n - k)...])
                    ruleCounts[ruleKey(suffix[...], tag), default: [:]][edit, default: 0] += 1
                }
            }
        }
        var lemmaIndex: [String: Int32] = [:]
        var lemmas: [String] = []
        var lexicon = FeatureTable(capacity: exact.count + lowered.count)
        func best(_ counts: [String: Int]) -> String {
            counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? ""
        }
        func intern(_ lemma: String) -> Int32 {
            if let i = lemmaIndex[lemma] { return i }
            let i = Int32(lemmas.count)
            lemmas.append(lemma)
            lemmaIndex[lemma] = i
            return i
        }
        for (key, counts) in exact.sorted(by: { $0.key < $1.key }) { _ = lexicon.insert(key, intern(best(counts))) }
        for (key, counts) in lowered.sorted(by: { $0.key < $1.key }) { _ = lexicon.insert(key, intern(best(counts))) }
        var rules = FeatureTable(capacity: ruleCounts.count)
        for (key, counts) in ruleCounts.sorted(by: { $0.key < $1.key }) {
            let total = counts.values.reduce(0, +)
            guard let top = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }),
                total >= 2, top.value * 2 > total
            else { continue }
            _ = rules.insert(key, Int32(top.key))
        }
        return Lemmatizer(lexicon: lexicon, lemmas: lemmas, rules: rules, edits: edits)
    }

    // MARK: Encoding

    func encode(to writer: inout ByteWriter) {
        // Key order, so that a model file re-encodes to the same bytes.
        func sortedPairs(_ table: FeatureTable) -> [(UInt64, Int32)] {
            var pairs: [(UInt64, Int32)] = []
            for (slot, key) in table.keys.enumerated() where key != 0 { pairs.append((key, table.values[slot])) }
            return pairs.sorted { $0.0 < $1.0 }
        }
        let lexiconPairs = sortedPairs(lexicon)
        writer.append(array: lexiconPairs.map(\.0))
        writer.append(array: lexiconPairs.map(\.1))
        writer.append(strings: lemmas)
        let rulePairs = sortedPairs(rules)
        writer.append(array: rulePairs.map(\.0))
        writer.append(array: rulePairs.map(\.1))
        writer.append(array: edits.map { Int32($0.cut) })
        writer.append(strings: edits.map(\.append))
    }

    init(lexicon: FeatureTable, lemmas: [String], rules: FeatureTable, edits: [(cut: Int, append: String)]) {
        self.lexicon = lexicon
        self.lemmas = lemmas
        self.rules = rules
        self.edits = edits
    }

    init(from reader: inout ByteReader) throws {
        let lexiconKeys: [UInt64] = try reader.array()
        let lexiconValues: [Int32] = try reader.array()
        let lemmas = try reader.strings()
        let ruleKeys: [UInt64] = try reader.array()
        let ruleValues: [Int32] = try reader.array()
        let cuts: [Int32] = try reader.array()
        let appends = try reader.strings()
        guard lexiconKeys.count == lexiconValues.count, ruleKeys.count == ruleValues.count,
            cuts.count == appends.count,
            lexiconValues.allSatisfy({ $0 >= 0 && Int($0) < lemmas.count }),
            ruleValues.allSatisfy({ $0 >= 0 && Int($0) < cuts.count }),
            cuts.allSatisfy({ $0 >= 0 }), !lexiconKeys.contains(0), !ruleKeys.contains(0)
        else {
            throw reader.error("inconsistent lemmatizer tables")
        }
        var lexicon = FeatureTable(capacity: lexiconKeys.count)
        for (k, v) in zip(lexiconKeys, lexiconValues) { _ = lexicon.insert(k, v) }
        var rules = FeatureTable(capacity: ruleKeys.count)
        for (k, v) in zip(ruleKeys, ruleValues) { _ = rules.insert(k, v) }
        self.init(
            lexicon: lexicon, lemmas: lemmas, rules: rules, edits: zip(cuts, appends).map { (Int($0), $1) })
    }
}
