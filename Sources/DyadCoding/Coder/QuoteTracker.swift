internal import DyadText

/// Follows quotation marks across sentences, so that a quote that runs over several sentences
/// ("…. Nevertheless, …," said Wu Qian) is attributed to the speaker named where it closes.
struct QuoteTracker {
    /// For each sentence inside a quotation that closes in a later sentence (or opened in an
    /// earlier one), the index of the sentence that names the speaker; `nil` otherwise.
    mutating func speakers(for sentences: [Sentence], speechVerbs: Set<String>) -> [Int?] {
        var result = [Int?](repeating: nil, count: sentences.count)
        var open = false
        var runStart: Int?
        for (index, sentence) in sentences.enumerated() {
            let startsOpen = open
            for token in sentence.tokens where Self.isQuote(token.form) { open.toggle() }
            if startsOpen || open {
                if runStart == nil { runStart = index }
            }
            if let start = runStart, !open {
                // The quote closed in this sentence: its speaker is named here, or else before the quote.
                let speakerSentence =
                    Self.hasSpeechVerb(sentence, speechVerbs) ? index : (start > 0 ? start - 1 : nil)
                if let speakerSentence {
                    for covered in start...index where covered != speakerSentence { result[covered] = speakerSentence }
                }
                runStart = nil
            }
        }
        return result
    }

    /// For each sentence, whether it starts inside a quotation opened in an earlier sentence.
    static func openAtStart(_ sentences: [Sentence]) -> [Bool] {
        var open = false
        return sentences.map { sentence in
            let startsOpen = open
            for token in sentence.tokens where isQuote(token.form) { open.toggle() }
            return startsOpen
        }
    }

    /// Whether `form` is a quotation mark: `"`, `“`, `”`, ` `` ` or `''`. Compared on UTF-8 bytes
    /// (none of these has another canonically equivalent spelling), with no string comparison
    /// for the other tokens.
    static func isQuote(_ form: String) -> Bool {
        let utf8 = form.utf8
        guard let first = utf8.first else { return false }
        switch utf8.count {
        case 1: return first == 0x22
        case 2: return (first == 0x60 || first == 0x27) && utf8.last == first
        case 3:  // U+201C and U+201D: E2 80 9C, E2 80 9D
            let last = utf8.last
            return first == 0xE2 && utf8[utf8.index(after: utf8.startIndex)] == 0x80 && (last == 0x9C || last == 0x9D)
        default: return false
        }
    }

    static func hasSpeechVerb(_ sentence: Sentence, _ speechVerbs: Set<String>) -> Bool {
        sentence.tokens.contains { $0.upos == "VERB" && speechVerbs.contains($0.lemma.lowercased()) }
    }
}
