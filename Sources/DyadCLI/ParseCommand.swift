import ArgumentParser
import DyadText
import Foundation

/// `dyad parse`: sentences, tokens, tags, lemmas and dependencies of raw text, as CoNLL-U.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Split, tokenize, tag, lemmatize and parse text; write CoNLL-U.",
        discussion: """
            Reads raw text (a file, or standard input with - or no path) and writes CoNLL-U: sent_id, \
            # text, then ID FORM LEMMA UPOS XPOS _ HEAD DEPREL _ MISC (SpaceAfter=No). With --conllu the \
            input is CoNLL-U and its tokenization is kept; --eval then prints UPOS, XPOS, lemma, UAS and \
            LAS against the input's own columns (CoNLL 2018 counting, punctuation included), and \
            --score-tokenizer scores the tokenizer and sentence splitter against its # text lines.

            Examples:
              echo "China suspended military talks with the US." | dyad parse
              dyad parse --conllu --eval en_ewt-ud-test.conllu
              dyad parse --conllu --score-tokenizer en_ewt-ud-test.conllu
            """)

    @Argument(help: "A text file (CoNLL-U with --conllu), or - for standard input.")
    var path: String = "-"

    @Flag(help: "The input is CoNLL-U: keep its words, re-annotate them.")
    var conllu = false

    @Flag(help: "With --conllu: print accuracy against the input's gold columns instead of CoNLL-U.")
    var eval = false

    @Flag(help: "With --conllu: print token and sentence F1 of the tokenizer against the # text lines.")
    var scoreTokenizer = false

    @Option(help: "A model file written by `dyad train` (default: the bundled model).")
    var model: String?

    func validate() throws {
        if (scoreTokenizer || eval) && !conllu {
            throw ValidationError("--eval and --score-tokenizer need --conllu")
        }
    }

    func run() throws {
        do {
            try parse()
        } catch let error as SyntaxError {
            FileHandle.standardError.write(Data("dyad: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    private func parse() throws {
        let input = try readInput()
        let analyzer = try model.map { try Analyzer(modelAt: $0) } ?? Analyzer.bundled()
        let out = FileHandle.standardOutput
        if conllu {
            let gold = try CoNLLU.parse(input, file: path == "-" ? "<stdin>" : path)
            if scoreTokenizer {
                let score = TokenizerEvaluation.score(gold)
                print(
                    "tokens: gold \(score.goldTokens), predicted \(score.predictedTokens), F1 \(Self.format(score.tokenF1))")
                print(
                    "sentences: gold \(score.goldSentences), predicted \(score.predictedSentences), F1 \(Self.format(score.sentenceF1))"
                )
                return
            }
            if eval {
                let start = Date()
                let score = SyntaxEvaluation.evaluate(analyzer, on: gold)
                let seconds = Date().timeIntervalSince(start)
                print(score)
                print("\(Int(Double(score.words) / max(seconds, 1e-9))) words/s")
                return
            }
            var chunk = ""
            for sentence in gold {
                var annotated = Sentence(
                    range: sentence.sentence.range,
                    tokens: sentence.sentence.tokens.map {
                        Token(form: $0.form, range: $0.range, spaceAfter: $0.spaceAfter)
                    })
                analyzer.annotate(&annotated)
                chunk += CoNLLU.format(
                    [annotated], texts: sentence.text.map { [$0] }, ids: sentence.id.map { [$0] })
                if chunk.utf8.count > 1 << 16 {
                    out.write(Data(chunk.utf8))
                    chunk = ""
                }
            }
            out.write(Data(chunk.utf8))
            return
        }
        let bytes = Array(input.utf8)
        var chunk = ""
        var number = 0
        for sentence in analyzer.analyze(input) {
            number += 1
            let text = String(decoding: bytes[sentence.range], as: UTF8.self)
            chunk += CoNLLU.format([sentence], texts: [text], ids: [String(number)])
            if chunk.utf8.count > 1 << 16 {
                out.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        out.write(Data(chunk.utf8))
    }

    private func readInput() throws -> String {
        if path == "-" {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SyntaxError(.missingFile, "cannot read the file", file: path)
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
