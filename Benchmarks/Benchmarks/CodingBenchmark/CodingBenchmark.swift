import Benchmark
import DyadCoding
import DyadText

/// The bundled example article: 13 sentences of wire copy.
let example = ExampleArticle.document

/// The number of sentences the coder sees in the example, so that throughput × this = sentences/s.
let sentencesPerDocument: Int = {
    (try? Analyzer.bundled().analyze(example.text).count) ?? 0
}()

let benchmarks: @Sendable () -> Void = {
    // Loading the dictionaries and model happens once per process; measure it on its own.
    Benchmark(
        "Load dictionaries",
        configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(5), maxIterations: 5)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? CodingDictionaries())
        }
    }

    let coder: Coder
    do {
        coder = try Coder.bundled()
    } catch {
        print("cannot load the coder: \(error)")
        return
    }
    print("The example article has \(sentencesPerDocument) sentences: sentences/s = throughput x \(sentencesPerDocument).")

    // Coding the whole example article on one core: analysis, actors, dates, patterns, events.
    Benchmark(
        "Code the example article",
        configuration: .init(
            metrics: [.throughput, .wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
            maxDuration: .seconds(10))
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(coder.code(example))
        }
    }
}
