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

    static func isQuote(_ form: String) -> Bool {
        form == "\"" || form == "\u{201C}" || form == "\u{201D}" || form == "``" || form == "''"
    }

    static func hasSpeechVerb(_ sentence: Sentence, _ speechVerbs: Set<String>) -> Bool {
        sentence.tokens.contains { $0.upos == "VERB" && speechVerbs.contains($0.lemma.lowercased()) }
    }
}
