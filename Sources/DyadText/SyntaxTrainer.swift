/// Trains the tagger, lemmatizer and parser from Universal Dependencies treebanks.
///
/// Training is deterministic: the same data, options and seed give the same model file.
///
/// ```swift
/// let train = try CoNLLU.read(contentsOf: "en_ewt-ud-train.conllu")
/// let analyzer = SyntaxTrainer.train(train, options: .init()) { print($0) }
/// try analyzer.write(to: "syntax.model")
/// ```
public enum SyntaxTrainer {
    /// Training settings.
    ///
    /// The defaults are those of the shipped model: `SyntaxTrainer.train` with `Options()` on
    /// UD English EWT 2.15's training file gives the shipped model file byte for byte.
    public struct Options: Sendable, Hashable {
        /// Passes over the data for the tagger.
        public var taggerEpochs: Int
        /// Passes over the data for the parser.
        public var parserEpochs: Int
        /// Folds of jackknife tagging, so the parser learns from predicted tags (0 or 1: gold tags).
        public var folds: Int
        /// Passes over the data for each jackknife tagger (the taggers that tag the parser's
        /// training input).
        public var jackknifeEpochs: Int
        /// Whether the jackknife taggers use the English-lexicon word features, as the model's
        /// own tagger always does. The shipped model's parser learned from taggers without them.
        public var jackknifeUsesEnglishWords: Bool
        /// The seed of the shuffles and of the oracle's exploration.
        public var seed: UInt64

        /// Creates options.
        /// - Parameters:
        ///   - taggerEpochs: Tagger passes (default 8).
        ///   - parserEpochs: Parser passes (default 10).
        ///   - folds: Jackknife folds for the parser's input tags (default 4).
        ///   - jackknifeEpochs: Passes of each jackknife tagger (default 4).
        ///   - jackknifeUsesEnglishWords: Whether the jackknife taggers use the English-lexicon
        ///     features (default `false`).
        ///   - seed: Random seed (default 1).
        public init(
            taggerEpochs: Int = 8, parserEpochs: Int = 10, folds: Int = 4, jackknifeEpochs: Int = 4,
            jackknifeUsesEnglishWords: Bool = false, seed: UInt64 = 1
        ) {
            self.taggerEpochs = taggerEpochs
            self.parserEpochs = parserEpochs
            self.folds = folds
            self.jackknifeEpochs = jackknifeEpochs
            self.jackknifeUsesEnglishWords = jackknifeUsesEnglishWords
            self.seed = seed
        }
    }

    /// Trains an analyzer.
    /// - Parameters:
    ///   - sentences: Gold training sentences (forms, UPOS, XPOS, lemmas, heads, relations).
    ///   - options: Epochs, folds and seed.
    ///   - log: Receives progress lines.
    /// - Returns: An analyzer holding the trained model (see `Analyzer.write(to:)`).
    public static func train(
        _ sentences: [CoNLLUSentence], options: Options = Options(), log report: (String) -> Void = { _ in }
    ) -> Analyzer {
        let started = ContinuousClock.now
        func log(_ line: String) {
            let seconds = (ContinuousClock.now - started).components.seconds
            report("[\(seconds)s] \(line)")
        }
        let gold = sentences.map(\.sentence).filter { !$0.tokens.isEmpty }
        // Joint tags in order of first appearance, and relations; a model holds at most 256 tags
        // and 127 relations (classes are stored in 8 bits), so rarer ones fold into the last kept.
        var tagIndex: [String: Int] = [:]
        var tags: [(upos: String, xpos: String)] = []
        var labelCounts: [String: Int] = ["root": 0]
        for sentence in gold {
            for token in sentence.tokens {
                let key = token.upos + "\t" + token.xpos
                if tagIndex[key] == nil {
                    tagIndex[key] = min(tags.count, 255)
                    if tags.count < 256 { tags.append((token.upos, token.xpos)) }
                }
                labelCounts[token.relation, default: 0] += 1
            }
        }
        var kept = labelCounts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map(\.key)
        if kept.count > 127 {
            kept = Array(kept.prefix(126)) + (kept.contains("dep") && !kept.prefix(126).contains("dep") ? ["dep"] : [])
            if !kept.contains("root") { kept[kept.count - 1] = "root" }
        }
        let labels = kept.sorted()
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let rootLabel = labelIndex["root"] ?? 0
        let tagged = gold.map { $0.tokens.map { (form: $0.form, tag: tagIndex[$0.upos + "\t" + $0.xpos] ?? 0) } }

        log("training the tagger on \(gold.count) sentences, \(tags.count) tags")
        let tagger = TaggerTrainer.train(
            tagged, tags: tags, epochs: options.taggerEpochs, seed: options.seed, maximumEntries: 400_000, log: log)

        log("training the lemmatizer")
        var words: [(form: String, tag: Int, lemma: String)] = []
        for (sentence, tagging) in zip(gold, tagged) {
            for (token, t) in zip(sentence.tokens, tagging) { words.append((token.form, t.tag, token.lemma)) }
        }
        let lemmatizer = Lemmatizer.train(words)

        // The parser learns from tags predicted by taggers that did not see the sentence.
        var parserTags = tagged.map { $0.map(\.tag) }
        if options.folds > 1 {
            for fold in 0..<options.folds {
                let heldOut = gold.indices.filter { $0 % options.folds == fold }
                let rest = gold.indices.filter { $0 % options.folds != fold }.map { tagged[$0] }
                let foldTagger = TaggerTrainer.train(
                    rest, tags: tags, epochs: options.jackknifeEpochs, seed: options.seed &+ UInt64(fold),
                    englishWords: options.jackknifeUsesEnglishWords)
                var correct = 0
                var total = 0
                for s in heldOut {
                    let predicted = foldTagger.tag(gold[s].tokens.map { WordInfo(form: $0.form, lexicon: foldTagger.lexicon) })
                    for (p, g) in zip(predicted, parserTags[s]) {
                        if p == g { correct += 1 }
                        total += 1
                    }
                    parserTags[s] = predicted
                }
                log("jackknife fold \(fold + 1)/\(options.folds): tag accuracy \(Double(correct * 10000 / max(total, 1)) / 100)%")
            }
        }
        let examples = gold.enumerated().map { (s, sentence) in
            let n = sentence.tokens.count
            return ParserTrainer.Example(
                words: sentence.tokens.map { WordInfo.lowerHash($0.form) },
                tags: parserTags[s],
                heads: sentence.tokens.map { $0.head < 0 ? n : $0.head },
                labels: sentence.tokens.map { labelIndex[$0.relation] ?? labelIndex["dep"] ?? 0 })
        }
        log("training the parser: \(labels.count) relations")
        let parser = ParserTrainer.train(
            examples, labels: labels, rootLabel: rootLabel, epochs: options.parserEpochs, seed: options.seed,
            maximumEntries: 1_300_000, log: log)
        return Analyzer(model: SyntaxModel(tagger: tagger, lemmatizer: lemmatizer, parser: parser))
    }
}

extension Analyzer {
    /// The model as the bytes of a model file, or `nil` for a tokenize-only analyzer.
    public func modelData() -> [UInt8]? { model?.encoded() }

    /// Writes the model to a file that `Analyzer(modelAt:)` can load.
    /// - Parameter path: Where to write.
    /// - Throws: `SyntaxError` when there is no model or the file cannot be written.
    public func write(to path: String) throws {
        guard let data = modelData() else {
            throw SyntaxError(.invalidArgument, "this analyzer has no trained model", file: path)
        }
        guard FileBytes.write(data, to: path) else {
            throw SyntaxError(.missingFile, "cannot write the model file", file: path)
        }
    }

    /// Whether the analyzer has a trained model (and so tags and parses, not only tokenizes).
    public var hasModel: Bool { model != nil }
}
