import Benchmark
import DyadText
import Foundation

/// The bundled example article, repeated: news text of the kind Dyad reads.
let article: String = {
    let text = """
        China's defence ministry said on Thursday that military talks with the United States face \
        "difficulties and obstacles", and blamed Washington for the suspension of dialogue. \
        "The US side knows clearly the reasons," spokesman Tan Kefei told reporters in Beijing. \
        Beijing cut off several channels of communication last August after then-US House Speaker \
        Nancy Pelosi visited Taiwan, and it has refused to meet US Defense Secretary Lloyd Austin \
        while sanctions on Defence Minister Li Shangfu remain in place. Washington urged China to \
        restore the talks, saying that open lines of communication were needed to avoid conflict.
        """
    return Array(repeating: text, count: 20).joined(separator: "\n\n")
}()

/// The model file in the source tree (to measure loading without the process-wide cache).
let modelPath: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)  // Benchmarks/Benchmarks/SyntaxBenchmark/SyntaxBenchmark.swift
    return parts.joined(separator: "/") + "/Sources/CDyadAssets/data/models/syntax.model"
}()

/// Sentences of the article holding exactly 1,000 tokens, so that throughput × 1,000 is tokens/s.
func thousandTokens() -> [Sentence] {
    var batch: [Sentence] = []
    var count = 0
    while count < 1_000 {
        for sentence in Tokenizer.sentences(in: article) where count < 1_000 {
            var s = sentence
            if count + s.tokens.count > 1_000 { s.tokens.removeLast(count + s.tokens.count - 1_000) }
            count += s.tokens.count
            batch.append(s)
        }
    }
    return batch
}

/// The sentences of the EWT test split with their given tokenization (empty when the shared
/// data is not beside the repository): web text of every kind, most of whose words are not in
/// the processor's caches, unlike a repeated article.
let ewtTest: [Sentence] = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(5)  // Dyad/Benchmarks/Benchmarks/SyntaxBenchmark/SyntaxBenchmark.swift
    let path = parts.joined(separator: "/") + "/shared/data/ud-english-ewt/en_ewt-ud-test.conllu"
    guard let gold = try? CoNLLU.read(contentsOf: path) else {
        print("\(path) is missing: the EWT benchmark is skipped")
        return []
    }
    return gold.map { sentence in
        Sentence(
            range: sentence.sentence.range,
            tokens: sentence.sentence.tokens.map { Token(form: $0.form, range: $0.range, spaceAfter: $0.spaceAfter) })
    }
}()

/// Tokens per second, reported as its own metric.
let tokensPerSecond = BenchmarkMetric.custom("tokens/s", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    let analyzer = try! Analyzer.bundled()
    let batch = thousandTokens()

    // Tagging + lemmatizing + parsing of the EWT test split (25,094 words, given tokenization).
    if !ewtTest.isEmpty {
        let tokens = ewtTest.reduce(0) { $0 + $1.tokens.count }
        Benchmark(
            "Tag and parse EWT test (tokens/s)",
            configuration: .init(
                metrics: [tokensPerSecond, .wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
                maxDuration: .seconds(10), maxIterations: 10)
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                let start = ContinuousClock.now
                for var sentence in ewtTest {
                    analyzer.annotate(&sentence)
                    blackHole(sentence)
                }
                let elapsed = ContinuousClock.now - start
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                benchmark.measurement(tokensPerSecond, Int((Double(tokens) / max(seconds, 1e-9)).rounded()))
            }
        }
    }

    // Tagging + lemmatizing + parsing of pre-tokenized sentences: throughput × 1,000 = tokens/s.
    Benchmark(
        "Tag and parse 1000 tokens",
        configuration: .init(
            metrics: [.throughput, .wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
            maxDuration: .seconds(5)
        )
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            for var sentence in batch {
                analyzer.annotate(&sentence)
                blackHole(sentence)
            }
        }
    }

    // The whole analysis of raw text: split, tokenize, tag, lemmatize, parse.
    Benchmark(
        "Analyze the article x20",
        configuration: .init(
            metrics: [.throughput, .wallClock, .peakMemoryResident, .mallocCountTotal], maxDuration: .seconds(5))
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(analyzer.analyze(article))
        }
    }

    // Loading the model file (decoding and building the hash tables).
    Benchmark(
        "Load the model",
        configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(5))
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? Analyzer(modelAt: modelPath))
        }
    }
}
