/// A 256-bit Bloom filter of ASCII words: one bit per word, chosen by a hash of its bytes.
///
/// The pattern matcher keeps one for the words of a sentence and one for the words each pattern
/// requires; a pattern whose words are not all in the sentence's filter cannot match, and is
/// rejected without reading a token. The filter is exact about absence only for ASCII, where two
/// strings are equal exactly when their bytes are: a pattern's non-ASCII word is not required, and
/// a sentence with a non-ASCII word has every bit set.
///
/// ```swift
/// var sentence = WordBits()
/// sentence.insert("talk")
/// var pattern = WordBits()
/// pattern.insert("with")
/// sentence.contains(pattern)   // false (unless the two words share a bit)
/// ```
struct WordBits: Sendable, Hashable {
    private var words: SIMD4<UInt64> = .zero

    /// The filter with every bit set: it contains every set of words.
    static let all = WordBits(words: SIMD4(repeating: .max))

    private init(words: SIMD4<UInt64>) {
        self.words = words
    }

    /// The empty filter.
    init() {}

    /// Sets the bit of `word`; returns `false`, setting nothing, when `word` is not ASCII.
    @discardableResult
    mutating func insert(_ word: some StringProtocol) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in word.utf8 {
            if byte >= 0x80 { return false }
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let bit = Int(truncatingIfNeeded: (hash ^ (hash >> 32)) & 0xFF)
        words[bit >> 6] |= 1 << UInt64(bit & 63)
        return true
    }

    /// Adds the bits of `other`.
    mutating func formUnion(_ other: WordBits) {
        words |= other.words
    }

    /// Whether every bit of `other` is set here.
    func contains(_ other: WordBits) -> Bool {
        (words & other.words) == other.words
    }
}
