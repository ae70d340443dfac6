import Foundation
import Testing

@testable import DyadText

/// The EWT treebank beside the repository (`../shared/data/ud-english-ewt/`), absent on CI.
let ewtDirectory = URLPath.repositoryRoot + "/../shared/data/ud-english-ewt/"
let ewtIsPresent = FileManager.default.fileExists(atPath: ewtDirectory + "en_ewt-ud-dev.conllu")

/// The shipped model on the EWT dev split, gold tokenization, predicted tags (CoNLL 2018 counting).
@Test(.enabled(if: ewtIsPresent, "skipped: \(ewtDirectory) is absent (the UD English EWT treebank)"))
func shippedModelAccuracyOnEWTDev() throws {
    let gold = try CoNLLU.read(contentsOf: ewtDirectory + "en_ewt-ud-dev.conllu")
    let score = SyntaxEvaluation.evaluate(try Analyzer.bundled(), on: gold)
    print("EWT dev: \(score)")
    #expect(score.words == 25_147)
    #expect(score.upos >= 94.5)
    #expect(score.lemma >= 96)
    #expect(score.uas >= 84)
    #expect(score.las >= 80)
}

/// The tokenizer and sentence splitter on the raw text of EWT dev.
@Test(.enabled(if: ewtIsPresent, "skipped: \(ewtDirectory) is absent (the UD English EWT treebank)"))
func tokenizerScoreOnEWTDev() throws {
    let gold = try CoNLLU.read(contentsOf: ewtDirectory + "en_ewt-ud-dev.conllu")
    let score = TokenizerEvaluation.score(gold)
    print("EWT dev tokenizer: token F1 \(score.tokenF1), sentence F1 \(score.sentenceF1)")
    #expect(score.tokenF1 >= 98)
    #expect(score.sentenceF1 >= 65)
}
