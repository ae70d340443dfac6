/// A greedy left-to-right averaged-perceptron tagger over joint UPOS+XPOS classes.
struct Tagger: Sendable {
    /// Joint tags: `tags[i] = (upos, xpos)`.
    let tags: [(upos: String, xpos: String)]
    let model: LinearModel
    let lexicon: WordLexicon
    /// Whether the tagger uses the English-lexicon features (`WordInfo.lexical`). A model file's
    /// tagger always does; the jackknife taggers that tag the parser's training input may not.
    var usesEnglishWords = true

    /// Features per word: the first 40 come from the training data alone, the last 5 from the
    /// English lexicon (`WordInfo.lexical`).
    static let featureCount = 45

    /// Features per word with or without the English-lexicon features.
    static func featureCount(englishWords: Bool) -> Int { englishWords ? featureCount : 40 }

    /// Writes the features of word `i` into `out`, which holds `featureCount(englishWords:)`
    /// values: all the features, or only those without the English lexicon.
    @inline(__always)
    static func features(
        _ words: UnsafeBufferPointer<WordInfo>, _ i: Int, previous1: Int, previous2: Int,
        into out: UnsafeMutableBufferPointer<UInt64>
    ) {
        let pad = WordInfo.padding
        let w = words[i]
        let p1 = i >= 1 ? words[i - 1] : pad
        let p2 = i >= 2 ? words[i - 2] : pad
        let n1 = i + 1 < words.count ? words[i + 1] : pad
        let n2 = i + 2 < words.count ? words[i + 2] : pad
        let t1 = UInt64(bitPattern: Int64(previous1))
        let t2 = UInt64(bitPattern: Int64(previous2))
        let first: UInt64 = i == 0 ? 1 : 0
        var k = 0
        @inline(__always) func add(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) {
            out[k] = FeatureHash.feature(template, a, b, c)
            k += 1
        }
        add(1, 0)
        add(2, w.lower)
        add(3, w.form)
        add(4, w.suffix1)
        add(5, w.suffix2)
        add(6, w.suffix3)
        add(7, w.suffix4)
        add(8, w.prefix1)
        add(9, w.prefix2)
        add(10, w.prefix3)
        add(11, w.shape)
        add(12, w.flags, first)
        add(13, w.ambiguity)
        add(14, t1)
        add(15, t2, t1)
        add(16, t1, w.lower)
        add(17, p1.lower)
        add(18, p1.suffix3)
        add(19, p2.lower)
        add(20, n1.lower)
        add(21, n1.suffix3)
        add(22, n2.lower)
        add(23, p1.lower, w.lower)
        add(24, w.lower, n1.lower)
        add(25, n1.ambiguity)
        add(26, p1.ambiguity, w.ambiguity)
        add(27, w.ambiguity, n1.ambiguity)
        add(28, t1, w.ambiguity)
        add(29, n1.shape)
        add(30, p1.shape)
        add(31, t1, n1.lower)
        add(32, w.shape, first)
        add(33, n1.suffix2)
        add(34, p1.suffix2)
        add(35, n2.ambiguity)
        add(36, w.suffix3, t1)
        add(37, n1.flags, w.flags)
        add(38, t1, n1.ambiguity)
        add(39, w.lower, n2.lower)
        add(40, p1.lower, n1.lower)
        guard out.count > featureCount(englishWords: false) else { return }
        add(41, w.lexical)
        add(42, w.lexical, w.suffix2)
        add(43, n1.lexical)
        add(44, p1.lexical, w.lexical)
        add(45, w.lexical, t1)
    }

    /// Tags the words, returning joint tag indices.
    func tag(_ words: [WordInfo]) -> [Int] {
        var result = [Int](repeating: 0, count: words.count)
        let classCount = model.classCount
        let featureCount = Self.featureCount(englishWords: usesEnglishWords)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: featureCount) { features in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: model.paddedClassCount) { scores in
                words.withUnsafeBufferPointer { words in
                    result.withUnsafeMutableBufferPointer { result in
                        for i in 0..<words.count {
                            Self.features(
                                words, i, previous1: i >= 1 ? result[i - 1] : -1,
                                previous2: i >= 2 ? result[i - 2] : -2, into: features)
                            scores.initialize(repeating: 0)
                            model.score(UnsafeBufferPointer(features), into: scores, classes: .all(classCount))
                            var best = 0
                            var bestScore = -Float.infinity
                            for c in 0..<classCount where scores[c] > bestScore {
                                bestScore = scores[c]
                                best = c
                            }
                            result[i] = best
                        }
                    }
                }
            }
        }
        return result
    }
}

/// Trains a `Tagger`.
struct TaggerTrainer {
    /// Trains on sentences of (form, joint tag index) with `epochs` passes, shuffled with `seed`,
    /// with or without the English-lexicon features (`englishWords`).
    static func train(
        _ sentences: [[(form: String, tag: Int)]], tags: [(upos: String, xpos: String)], epochs: Int, seed: UInt64,
        englishWords: Bool = true, maximumEntries: Int = .max, log: (String) -> Void = { _ in }
    ) -> Tagger {
        let lexicon = WordLexicon.build(sentences)
        let infos = sentences.map { $0.map { WordInfo(form: $0.form, lexicon: lexicon) } }
        let perceptron = PerceptronTrainer(classCount: tags.count)
        var order = Array(sentences.indices)
        var rng = SplitMix64(seed: seed)
        var features = [UInt64](repeating: 0, count: Tagger.featureCount(englishWords: englishWords))
        var scores = [Float](repeating: 0, count: tags.count)
        for epoch in 1...max(1, epochs) {
            rng.shuffle(&order)
            var correct = 0
            var total = 0
            for s in order {
                let gold = sentences[s].map(\.tag)
                var predicted = [Int](repeating: 0, count: gold.count)
                infos[s].withUnsafeBufferPointer { words in
                    for i in 0..<words.count {
                        features.withUnsafeMutableBufferPointer { out in
                            Tagger.features(
                                words, i, previous1: i >= 1 ? predicted[i - 1] : -1,
                                previous2: i >= 2 ? predicted[i - 2] : -2, into: out)
                        }
                        perceptron.score(features, into: &scores)
                        var best = 0
                        for c in 1..<scores.count where scores[c] > scores[best] { best = c }
                        perceptron.update(features, good: gold[i], bad: best)
                        perceptron.tick()
                        predicted[i] = best
                        if best == gold[i] { correct += 1 }
                        total += 1
                    }
                }
            }
            log("tagger epoch \(epoch): train accuracy \(Double(correct * 10000 / max(total, 1)) / 100)%")
        }
        return Tagger(
            tags: tags, model: perceptron.averaged(maximumEntries: maximumEntries), lexicon: lexicon,
            usesEnglishWords: englishWords)
    }
}

/// A small deterministic random number generator (splitmix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return FeatureHash.finish(state)
    }
    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            array.swapAt(i, j)
        }
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
