import ArgumentParser
import DyadText
import Foundation

/// `dyad train`: trains the tagger, lemmatizer and parser from Universal Dependencies treebanks.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the syntax model (tagger, lemmatizer, parser) from CoNLL-U treebanks.",
        discussion: """
            Trains on DIR's *train*.conllu files and writes one model file. When DIR holds a \
            *dev*.conllu file, its scores are printed at the end. Training is deterministic for a given \
            seed. Build in release mode first (swift build -c release); it takes minutes. With the \
            default options, UD English EWT 2.15 gives the shipped model byte for byte.

            Example:
              dyad train --data ../shared/data/ud-english-ewt --out Sources/CDyadAssets/data/models/syntax.model
            """)

    @Option(help: "A folder with *train*.conllu (and optionally *dev*.conllu) files.")
    var data: String

    @Option(help: "Where to write the model file.")
    var out: String

    @Option(help: "Passes over the training data for the parser.")
    var epochs: Int = SyntaxTrainer.Options().parserEpochs

    @Option(help: "Passes over the training data for the tagger.")
    var taggerEpochs: Int = SyntaxTrainer.Options().taggerEpochs

    @Option(help: "Jackknife folds for the parser's input tags (1: gold tags).")
    var folds: Int = SyntaxTrainer.Options().folds

    @Option(help: "Passes over the training data for each jackknife tagger (they tag the parser's input).")
    var jackknifeEpochs: Int = SyntaxTrainer.Options().jackknifeEpochs

    @Flag(
        inversion: .prefixedNo,
        help: """
            Give the jackknife taggers the English-lexicon features, like the model's own tagger \
            (the shipped model's parser learned from taggers without them).
            """)
    var jackknifeEnglishWords: Bool = SyntaxTrainer.Options().jackknifeUsesEnglishWords

    @Option(help: "Random seed.")
    var seed: UInt64 = SyntaxTrainer.Options().seed

    /// The training options the flags give (with no flags, `SyntaxTrainer.Options()`).
    var options: SyntaxTrainer.Options {
        SyntaxTrainer.Options(
            taggerEpochs: taggerEpochs, parserEpochs: epochs, folds: folds, jackknifeEpochs: jackknifeEpochs,
            jackknifeUsesEnglishWords: jackknifeEnglishWords, seed: seed)
    }

    func validate() throws {
        guard epochs >= 1, taggerEpochs >= 1, folds >= 1, jackknifeEpochs >= 1 else {
            throw ValidationError("--epochs, --tagger-epochs, --folds and --jackknife-epochs must be at least 1")
        }
    }

    func run() throws {
        do {
            try train()
        } catch let error as SyntaxError {
            FileHandle.standardError.write(Data("dyad: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    private func train() throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: data))?.sorted() ?? []
        let trainFiles = files.filter { $0.contains("train") && $0.hasSuffix(".conllu") }
        guard !trainFiles.isEmpty else {
            throw SyntaxError(.missingFile, "no *train*.conllu file in the folder", file: data)
        }
        var sentences: [CoNLLUSentence] = []
        for file in trainFiles { sentences += try CoNLLU.read(contentsOf: data + "/" + file) }
        let analyzer = SyntaxTrainer.train(sentences, options: options) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        try analyzer.write(to: out)
        print("wrote \(out)")
        for file in files where file.contains("dev") && file.hasSuffix(".conllu") {
            let dev = try CoNLLU.read(contentsOf: data + "/" + file)
            print("\(file): \(SyntaxEvaluation.evaluate(analyzer, on: dev))")
        }
    }
}
