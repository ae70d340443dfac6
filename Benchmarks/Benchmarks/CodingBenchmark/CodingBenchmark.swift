import Benchmark
import DyadCoding
import DyadText
import Foundation

/// The bundled example article: wire copy with long sentences (about 30 words each).
let example = ExampleArticle.document

/// Short news sentences of the kind wire services and headlines carry (about 10 words each),
/// written for this benchmark, one document each.
let shortSentences = [
    "Russia accused Ukraine of shelling the nuclear plant on Sunday.",
    "The United Nations urged both sides to resume talks.",
    "Israeli troops arrested three Palestinians in the West Bank.",
    "China warned Japan against interfering in its internal affairs.",
    "The European Union imposed new sanctions on Iran.",
    "Protesters clashed with police in the capital on Friday.",
    "Turkey and Greece agreed to hold talks next month.",
    "The president met the Indian prime minister in Washington.",
    "North Korea fired two ballistic missiles into the sea.",
    "Germany pledged 500 million euros in aid to Ukraine.",
    "Rebels attacked an army base in the north of Mali.",
    "Brazil recalled its ambassador to Israel for consultations.",
    "The government denied that it had arrested the journalist.",
    "Saudi Arabia and Iran restored diplomatic relations.",
    "Police fired tear gas at students in Dhaka.",
    "The opposition leader called for a general strike.",
    "Pakistan rejected India's proposal for a ceasefire.",
    "France will send troops to the Sahel, the minister said.",
    "The court sentenced the former minister to five years in prison.",
    "Kenya's president visited Ethiopia on Tuesday.",
    "Washington praised Seoul for its support.",
    "Militants kidnapped two aid workers in Nigeria.",
    "The army seized control of the presidential palace.",
    "Canada expelled a Chinese diplomat over the allegations.",
    "Hamas threatened to halt the release of hostages.",
    "The two leaders signed a trade agreement in Beijing.",
    "Venezuela's foreign minister criticized the United States.",
    "Thousands of workers went on strike in Paris.",
    "Ukraine asked its allies for more air defence systems.",
    "The Security Council condemned the attack on peacekeepers.",
    "Egypt offered to mediate between Israel and Hamas.",
    "Authorities in Iran executed two protesters on Saturday.",
    "Australia and Japan will hold joint military exercises.",
    "The prime minister apologized to the victims' families.",
    "Serbia blamed Kosovo for the violence in the north.",
    "Colombia's government and the rebels agreed to a ceasefire.",
    "Indian police arrested dozens of opposition supporters.",
    "The World Bank approved a loan of $300 million for Ghana.",
    "Poland closed its border crossing with Belarus.",
    "The minister resigned after the protests.",
].enumerated().map { Document(id: "short-\($0.offset)", text: $0.element, date: EventDate(year: 2024, month: 5, day: 2)) }

/// The number of sentences the coder sees in `documents`.
func sentenceCount(_ documents: [Document]) -> Int {
    guard let analyzer = try? Analyzer.bundled() else { return 0 }
    return documents.reduce(0) { $0 + analyzer.analyze($1.text).count }
}

/// Sentences per second, reported by each benchmark below as its own metric.
let sentencesPerSecond = BenchmarkMetric.custom("sentences/s", polarity: .prefersLarger, useScalingFactor: false)

/// Codes `documents` once per iteration and records sentences/s (`sentences` sentences in all).
func codeAndCount(_ benchmark: Benchmark, _ coder: Coder, _ documents: [Document], sentences: Int) {
    for _ in benchmark.scaledIterations {
        let start = ContinuousClock.now
        for document in documents { blackHole(coder.code(document)) }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        benchmark.measurement(sentencesPerSecond, Int((Double(sentences) / max(seconds, 1e-9)).rounded()))
    }
}

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
    let articleSentences = sentenceCount([example])
    let shortCount = sentenceCount(shortSentences)
    print("example article: \(articleSentences) sentences; short news: \(shortCount) sentences in \(shortSentences.count) documents")

    // Coding the whole example article on one core: analysis, actors, dates, patterns, events.
    Benchmark(
        "Code the example article (sentences/s)",
        configuration: .init(
            metrics: [sentencesPerSecond, .throughput, .wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
            maxDuration: .seconds(10))
    ) { benchmark in
        codeAndCount(benchmark, coder, [example], sentences: articleSentences)
    }

    // Forty short news sentences, one document each.
    Benchmark(
        "Code 40 short news sentences (sentences/s)",
        configuration: .init(
            metrics: [sentencesPerSecond, .throughput, .wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
            maxDuration: .seconds(10))
    ) { benchmark in
        codeAndCount(benchmark, coder, shortSentences, sentences: shortCount)
    }
}
