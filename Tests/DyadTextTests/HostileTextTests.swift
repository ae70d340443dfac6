import Foundation
import Testing

@testable import DyadText

// Hostile text for the tokenizer and analyzer: runs that used to be quadratic or to recurse once
// per character must finish in linear time with bounded sentences.

/// Seconds `body` takes.
private func seconds(_ body: () -> Void) -> Double {
    let start = Date()
    body()
    return Date().timeIntervalSince(start)
}

@Test func sentencesAreCutAtTheMaximumLength() {
    let text = String(repeating: ", ", count: 100_000)
    let sentences = Tokenizer.sentences(in: text)
    #expect(sentences.reduce(0) { $0 + $1.tokens.count } == 100_000)
    #expect(sentences.allSatisfy { $0.tokens.count <= TokenScanner.maximumSentenceLength })
    #expect(sentences.count == 100_000 / TokenScanner.maximumSentenceLength)
}

@Test func runOfClosingBracketsIsLinear() {
    // Each ")" used to walk back over every ")" before it.
    let text = "It ended." + String(repeating: " )", count: 50_000)
    var sentences: [Sentence] = []
    let time = seconds { sentences = Tokenizer.sentences(in: text) }
    #expect(sentences.reduce(0) { $0 + $1.tokens.count } == 50_003)
    #expect(time < 20, "\(time) s")
}

@Test func chainOfCliticsIsSplitWithoutRecursion() {
    // "x's's's…" used to recurse once per clitic: 200,000 levels overflowed the stack.
    let text = "x" + String(repeating: "'s", count: 200_000)
    let tokens = Tokenizer.sentences(in: text).flatMap(\.tokens)
    #expect(tokens.count == 200_001)
    #expect(tokens.first?.form == "x")
    #expect(tokens.dropFirst().allSatisfy { $0.form == "'s" })
    let negations = "do" + String(repeating: "n't", count: 100_000)
    #expect(Tokenizer.sentences(in: negations).flatMap(\.tokens).count == 100_001)
}

@Test func cliticsStillSplitAsBefore() {
    let forms = Tokenizer.sentences(in: "They couldn't've known it's China's. I can't, won't, cannot.").flatMap(\.tokens).map(\.form)
    #expect(forms == [
        "They", "could", "n't", "'ve", "known", "it", "'s", "China", "'s", ".", "I", "ca", "n't", ",", "wo", "n't",
        ",", "can", "not", ".",
    ])
}

@Test func longWordEndingInPeriodsAndBangsIsLinear() {
    // Each trailing "." used to test the whole word for being an abbreviation.
    let text = String(repeating: "a", count: 50_000) + String(repeating: "!.", count: 25_000)
    let time = seconds { _ = Tokenizer.sentences(in: text) }
    #expect(time < 20, "\(time) s")
}

@Test func analyzerHandlesHostileTextInBoundedTime() throws {
    let analyzer = try Analyzer.bundled()
    let texts = [
        String(repeating: ",", count: 100_000),
        String(repeating: ", ", count: 20_000),
        String(repeating: "\u{201C}\u{2018}", count: 5_000) + "China criticized Japan." + String(repeating: "\u{2019}\u{201D}", count: 5_000),
        String(repeating: "word ", count: 20_000),
        (0..<20_000).map { String($0 * 7919) }.joined(separator: " "),
        "China \u{0} criticized \u{FFFD} Japan \u{202E} 中国 Россия العربية.",
    ]
    for text in texts {
        var sentences: [Sentence] = []
        let time = seconds { sentences = analyzer.analyze(text) }
        #expect(time < 60, "\(text.prefix(20))…: \(time) s")
        #expect(sentences.allSatisfy { $0.tokens.count <= TokenScanner.maximumSentenceLength })
        for sentence in sentences {
            for token in sentence.tokens {
                #expect(token.head >= -1 && token.head < sentence.tokens.count)
            }
        }
    }
}
