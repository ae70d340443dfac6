/// What the tagger and parser know of a word before looking at its neighbours: hashes of its
/// form, lower-case form, affixes, shape and ambiguity class, computed once per token.
struct WordInfo {
    var form: UInt64 = 0
    var lower: UInt64 = 0
    var prefix1: UInt64 = 0, prefix2: UInt64 = 0, prefix3: UInt64 = 0
    var suffix1: UInt64 = 0, suffix2: UInt64 = 0, suffix3: UInt64 = 0, suffix4: UInt64 = 0
    var shape: UInt64 = 0
    var flags: UInt64 = 0
    var ambiguity: UInt64 = 0
    /// Parts of speech the English lexicon allows (bit mask), or 0 for an unknown word.
    var lexical: UInt64 = 0

    static let padding: WordInfo = {
        var info = WordInfo()
        let h = FeatureHash.string("<pad>")
        info.form = h
        info.lower = h
        info.shape = h
        info.ambiguity = h
        info.lexical = 99
        return info
    }()

    init() {}

    /// Hash of a run of scalars (no allocation).
    @inline(__always)
    static func hash(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range { h = (h ^ UInt64(scalars[i].value)) &* 0x0000_0100_0000_01B3 }
        return FeatureHash.finish(h)
    }

    /// The hash the parser uses for a word: its lower-case form.
    static func lowerHash(_ form: String) -> UInt64 {
        withLowercaseScalars(form) { hash($0, 0..<$0.count) }
    }

    /// Calls `body` with the Unicode scalars of `form.lowercased()`; an ASCII form (almost every
    /// word) is lowered in a stack buffer, without allocating.
    @inline(__always)
    static func withLowercaseScalars<R>(_ form: String, _ body: (UnsafeBufferPointer<Unicode.Scalar>) -> R) -> R {
        let ascii = form.utf8.withContiguousStorageIfAvailable { bytes -> R? in
            guard bytes.count <= 64 else { return nil }
            for byte in bytes where byte >= 0x80 { return nil }
            return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: bytes.count) { scalars in
                for (i, byte) in bytes.enumerated() {
                    let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    scalars.initializeElement(at: i, to: Unicode.Scalar(lower))
                }
                return body(UnsafeBufferPointer(scalars))
            }
        }
        if let ascii, let result = ascii { return result }
        return Array(form.lowercased().unicodeScalars).withUnsafeBufferPointer(body)
    }

    init(form: String, lexicon: WordLexicon?) {
        self.form = FeatureHash.string(form)
        Self.withLowercaseScalars(form) { s in
            let n = s.count
            lower = Self.hash(s, 0..<n)
            prefix1 = Self.hash(s, 0..<min(1, n))
            prefix2 = Self.hash(s, 0..<min(2, n))
            prefix3 = Self.hash(s, 0..<min(3, n))
            suffix1 = Self.hash(s, max(0, n - 1)..<n)
            suffix2 = Self.hash(s, max(0, n - 2)..<n)
            suffix3 = Self.hash(s, max(0, n - 3)..<n)
            suffix4 = Self.hash(s, max(0, n - 4)..<n)
        }
        // Shape: X for upper, x for lower, d for digit, other characters kept; runs capped at 2.
        var shapeHash: UInt64 = 0xcbf2_9ce4_8422_2325
        var last: UInt8 = 0
        var run = 0
        var hasDigit = false, hasUpper = false, hasLower = false, hasHyphen = false, hasPeriod = false
        for scalar in form.unicodeScalars {
            let c: UInt8
            let v = scalar.value
            if v < 0x80 {
                if v >= 0x41 && v <= 0x5A {
                    c = UInt8(ascii: "X")
                    hasUpper = true
                } else if v >= 0x61 && v <= 0x7A {
                    c = UInt8(ascii: "x")
                    hasLower = true
                } else if v >= 0x30 && v <= 0x39 {
                    c = UInt8(ascii: "d")
                    hasDigit = true
                } else {
                    c = UInt8(v)
                    if scalar == "-" { hasHyphen = true }
                    if scalar == "." { hasPeriod = true }
                }
            } else if scalar.properties.isUppercase {
                c = UInt8(ascii: "X")
                hasUpper = true
            } else if scalar.properties.isLowercase {
                c = UInt8(ascii: "x")
                hasLower = true
            } else if scalar.value >= 0x30 && scalar.value <= 0x39 {
                c = UInt8(ascii: "d")
                hasDigit = true
            } else if scalar.value < 0x80 {
                c = UInt8(scalar.value)
                if scalar == "-" { hasHyphen = true }
                if scalar == "." { hasPeriod = true }
            } else {
                c = UInt8(ascii: "o")
            }
            if c == last {
                run += 1
                if run > 2 { continue }
            } else {
                run = 1
                last = c
            }
            shapeHash = (shapeHash ^ UInt64(c)) &* 0x0000_0100_0000_01B3
        }
        shape = FeatureHash.finish(shapeHash)
        var f: UInt64 = 0
        if hasDigit { f |= 1 }
        if hasUpper { f |= 2 }
        if hasLower { f |= 4 }
        if hasHyphen { f |= 8 }
        if hasPeriod { f |= 16 }
        if hasUpper && !hasLower { f |= 32 }
        flags = f
        ambiguity = lexicon?.ambiguity(of: lower) ?? 0
        lexical = UInt64(EnglishWords.shared.mask(of: lower))
    }
}

/// For each frequent training word, a hash of the set of tags it was seen with.
struct WordLexicon: Sendable {
    let table: FeatureTable
    let classes: [UInt64]

    init(words: [UInt64], classes: [UInt64]) {
        var table = FeatureTable(capacity: words.count)
        for (i, w) in words.enumerated() { _ = table.insert(w, Int32(i)) }
        self.table = table
        self.classes = classes
    }

    func ambiguity(of word: UInt64) -> UInt64 {
        let row = table.find(word)
        return row < 0 ? 7 : classes[Int(row)]
    }

    func encode(to writer: inout ByteWriter) {
        var words = [UInt64](repeating: 0, count: classes.count)
        for (slot, key) in table.keys.enumerated() where key != 0 { words[Int(table.values[slot])] = key }
        writer.append(array: words)
        writer.append(array: classes)
    }

    init(from reader: inout ByteReader) throws {
        let words: [UInt64] = try reader.array()
        let classes: [UInt64] = try reader.array()
        guard words.count == classes.count, !words.contains(0) else {
            throw reader.error("inconsistent word lexicon")
        }
        self.init(words: words, classes: classes)
    }

    /// Builds the lexicon from tagged sentences: words seen at least `minimumCount` times, with the
    /// tags that make up at least 5% of their occurrences.
    static func build(_ sentences: [[(form: String, tag: Int)]], minimumCount: Int = 3) -> WordLexicon {
        var counts: [UInt64: [Int: Int]] = [:]
        for sentence in sentences {
            for (form, tag) in sentence {
                counts[WordInfo.lowerHash(form), default: [:]][tag, default: 0] += 1
            }
        }
        var words: [UInt64] = []
        var classes: [UInt64] = []
        for (word, tags) in counts.sorted(by: { $0.key < $1.key }) {
            let total = tags.values.reduce(0, +)
            guard total >= minimumCount else { continue }
            var h: UInt64 = 0x5151
            for (tag, count) in tags.sorted(by: { $0.key < $1.key }) where count * 20 >= total {
                h = FeatureHash.mix(h, UInt64(tag))
            }
            words.append(word)
            classes.append(h)
        }
        return WordLexicon(words: words, classes: classes)
    }
}
