/// Accuracy of tags, lemmas and dependencies against gold CoNLL-U, counted as in the CoNLL 2018
/// shared task with gold tokenization: every word counts, punctuation included; LAS compares the
/// universal part of the relation (`nsubj` for `nsubj:pass`), and `fullLAS` the whole relation.
///
/// ```swift
/// let gold = try CoNLLU.read(contentsOf: "en_ewt-ud-test.conllu")
/// let score = SyntaxEvaluation.evaluate(try Analyzer.bundled(), on: gold)
/// print(score.upos, score.las)
/// ```
public struct SyntaxEvaluation: Sendable, Hashable, CustomStringConvertible {
    /// Words scored.
    public var words = 0
    /// Correct counts.
    public var uposCorrect = 0, xposCorrect = 0, lemmaCorrect = 0, headCorrect = 0, labelledCorrect = 0,
        fullLabelledCorrect = 0

    func percent(_ count: Int) -> Double { words == 0 ? 0 : 100 * Double(count) / Double(words) }
    /// UPOS accuracy in percent.
    public var upos: Double { percent(uposCorrect) }
    /// XPOS accuracy in percent.
    public var xpos: Double { percent(xposCorrect) }
    /// Lemma accuracy in percent.
    public var lemma: Double { percent(lemmaCorrect) }
    /// Unlabelled attachment score in percent.
    public var uas: Double { percent(headCorrect) }
    /// Labelled attachment score (universal relations) in percent.
    public var las: Double { percent(labelledCorrect) }
    /// Labelled attachment score with relation subtypes in percent.
    public var fullLAS: Double { percent(fullLabelledCorrect) }

    public var description: String {
        func f(_ x: Double) -> String {
            let r = (x * 100).rounded() / 100
            return String(r)
        }
        return
            "words \(words)  UPOS \(f(upos))  XPOS \(f(xpos))  lemma \(f(lemma))  UAS \(f(uas))  LAS \(f(las))  LAS(subtypes) \(f(fullLAS))"
    }

    /// Adds the comparison of a predicted sentence with its gold version (same tokens).
    public mutating func add(predicted: Sentence, gold: Sentence) {
        for (p, g) in zip(predicted.tokens, gold.tokens) {
            words += 1
            if p.upos == g.upos { uposCorrect += 1 }
            if p.xpos == g.xpos { xposCorrect += 1 }
            if p.lemma == g.lemma || g.lemma == "_" { lemmaCorrect += 1 }
            if p.head == g.head {
                headCorrect += 1
                if Self.universal(p.relation) == Self.universal(g.relation) { labelledCorrect += 1 }
                if p.relation == g.relation { fullLabelledCorrect += 1 }
            }
        }
    }

    static func universal(_ relation: String) -> Substring {
        relation.split(separator: ":", maxSplits: 1).first ?? Substring(relation)
    }

    /// Annotates the gold sentences' words afresh with `analyzer` and scores the result.
    /// - Parameters:
    ///   - analyzer: The analyzer to score.
    ///   - gold: Gold sentences; only their forms are given to the analyzer.
    /// - Returns: The scores.
    public static func evaluate(_ analyzer: Analyzer, on gold: [CoNLLUSentence]) -> SyntaxEvaluation {
        var result = SyntaxEvaluation()
        for sentence in gold {
            var input = Sentence(
                range: sentence.sentence.range,
                tokens: sentence.sentence.tokens.map { Token(form: $0.form, range: $0.range, spaceAfter: $0.spaceAfter) })
            analyzer.annotate(&input)
            result.add(predicted: input, gold: sentence.sentence)
        }
        return result
    }
}
