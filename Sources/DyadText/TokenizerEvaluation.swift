/// Scores the tokenizer and sentence splitter against CoNLL-U gold data whose `# text` lines hold
/// the raw sentences.
///
/// Each document (`# newdoc`) is rebuilt by joining its sentences' `# text` with single spaces;
/// the tokenizer runs on that text, and words and sentences count as correct when their UTF-8
/// spans match the gold spans exactly (multiword tokens count as their syntactic words when the
/// words spell the token, as in `do` + `n't`).
///
/// ```swift
/// let score = TokenizerEvaluation.score(try CoNLLU.read(contentsOf: "en_ewt-ud-test.conllu"))
/// print(score.tokenF1, score.sentenceF1)
/// ```
public struct TokenizerEvaluation: Sendable, Hashable {
    /// Gold words, predicted tokens and exact span matches.
    public var goldTokens = 0, predictedTokens = 0, matchedTokens = 0
    /// Gold sentences, predicted sentences and exact span matches.
    public var goldSentences = 0, predictedSentences = 0, matchedSentences = 0

    /// Token F1 in percent.
    public var tokenF1: Double { Self.f1(matchedTokens, goldTokens, predictedTokens) }
    /// Sentence F1 in percent.
    public var sentenceF1: Double { Self.f1(matchedSentences, goldSentences, predictedSentences) }

    static func f1(_ matched: Int, _ gold: Int, _ predicted: Int) -> Double {
        guard gold + predicted > 0 else { return 0 }
        return 200 * Double(matched) / Double(gold + predicted)
    }

    /// Scores the tokenizer on `gold`.
    /// - Parameter gold: Sentences read from CoNLL-U, with `# text` lines.
    /// - Returns: The counts, from which `tokenF1` and `sentenceF1` follow.
    public static func score(_ gold: [CoNLLUSentence]) -> TokenizerEvaluation {
        var result = TokenizerEvaluation()
        var documents: [[CoNLLUSentence]] = []
        for sentence in gold {
            if sentence.isNewDocument || documents.isEmpty { documents.append([]) }
            documents[documents.count - 1].append(sentence)
        }
        for document in documents {
            var text = ""
            var goldTokenSpans = Set<Range<Int>>()
            var goldSentenceSpans = Set<Range<Int>>()
            for sentence in document {
                if !text.isEmpty { text += " " }
                let base = text.utf8.count
                let sentenceText = sentence.text ?? sentence.sentence.tokens.map(\.form).joined(separator: " ")
                text += sentenceText
                let utf8 = Array(sentenceText.utf8)
                var spans: [Range<Int>] = []
                var i = 0
                let words = sentence.sentence.tokens
                while i < words.count {
                    var j = i + 1
                    while j < words.count && words[j].range == words[i].range { j += 1 }
                    let range = words[i].range
                    if j - i == 1 {
                        spans.append(range)
                    } else {
                        // A multiword token: split it when its words spell it.
                        var cursor = range.lowerBound
                        var spelled = true
                        var parts: [Range<Int>] = []
                        for k in i..<j {
                            let form = Array(words[k].form.utf8)
                            let end = cursor + form.count
                            if end <= utf8.count && end <= range.upperBound && Array(utf8[cursor..<end]) == form {
                                parts.append(cursor..<end)
                                cursor = end
                            } else {
                                spelled = false
                            }
                        }
                        if spelled && cursor == range.upperBound { spans += parts } else { spans.append(range) }
                    }
                    i = j
                }
                for span in spans { goldTokenSpans.insert((span.lowerBound + base)..<(span.upperBound + base)) }
                result.goldTokens += words.count
                goldSentenceSpans.insert(base..<(base + utf8.count))
            }
            result.goldSentences += document.count
            let predicted = Tokenizer.sentences(in: text)
            result.predictedSentences += predicted.count
            for sentence in predicted {
                if goldSentenceSpans.contains(sentence.range) { result.matchedSentences += 1 }
                result.predictedTokens += sentence.tokens.count
                for token in sentence.tokens where goldTokenSpans.contains(token.range) {
                    result.matchedTokens += 1
                }
            }
        }
        return result
    }
}
