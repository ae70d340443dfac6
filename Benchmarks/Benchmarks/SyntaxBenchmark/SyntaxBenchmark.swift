import Benchmark
import DyadText

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

let benchmarks: @Sendable () -> Void = {
    let analyzer = try! Analyzer.bundled()
    let batch = thousandTokens()

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
