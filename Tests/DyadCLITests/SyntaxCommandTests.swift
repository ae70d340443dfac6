import ArgumentParser
import DyadText
import Foundation
import Testing

@testable import DyadCLI

/// `dyad parse` and `dyad train` as a user runs them: raw text and CoNLL-U in, CoNLL-U out, a
/// model trained on a tiny treebank, and bad input (malformed CoNLL-U, missing or corrupt models).
@Suite struct SyntaxCommandTests {
    /// A tiny treebank in CoNLL-U: three short sentences with gold tags, lemmas and trees.
    static let tinyTreebank = """
        # sent_id = 1
        # text = China criticized Japan.
        1\tChina\tChina\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
        2\tcriticized\tcriticize\tVERB\tVBD\t_\t0\troot\t_\t_
        3\tJapan\tJapan\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No
        4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

        # sent_id = 2
        # text = The minister met the envoy.
        1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
        2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_
        3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
        4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
        5\tenvoy\tenvoy\tNOUN\tNN\t_\t3\tobj\t_\tSpaceAfter=No
        6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

        # sent_id = 3
        # text = Talks resumed.
        1\tTalks\ttalk\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
        2\tresumed\tresume\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
        3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_


        """

    /// The word lines of CoNLL-U output, split into columns.
    static func wordLines(_ conllu: String) -> [[Substring]] {
        conllu.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
    }

    @Test func parseRawTextWritesTenColumnCoNLLUPerSentence() throws {
        let result = try DyadBinary.run(
            ["parse"], input: Data("China suspended military talks with the US. Washington urged China to resume them.".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        // Two sentences, each with an id and its text, separated by a blank line.
        #expect(result.stdout.components(separatedBy: "# sent_id = ").count == 3)
        #expect(result.stdout.contains("# text = China suspended military talks with the US."))
        #expect(result.stdout.contains("# text = Washington urged China to resume them."))
        #expect(result.stdout.contains("\n\n"))
        let words = Self.wordLines(result.stdout)
        #expect(words.count == 15)
        for columns in words {
            #expect(columns.count == 10, "\(columns)")
            // A head is a number within the sentence; every word has a relation and a tag.
            #expect(Int(columns[6]) != nil)
            #expect(columns[3] != "_" && columns[7] != "_")
        }
        // The verb is the root of the first sentence, and "suspended" is lemmatized.
        let suspended = words.first { $0[1] == "suspended" }
        #expect(suspended?[2] == "suspend")
        #expect(suspended?[6] == "0" && suspended?[7] == "root")
    }

    @Test func parseConlluKeepsTheGivenTokenization() throws {
        let folder = try ScratchFolder()
        // "cannot" as one word and "U.S" without its period: tokens the tokenizer would split otherwise.
        let input = """
            # sent_id = a1
            # text = They cannot leave U.S soil
            1\tThey\t_\t_\t_\t_\t0\t_\t_\t_
            2\tcannot\t_\t_\t_\t_\t0\t_\t_\t_
            3\tleave\t_\t_\t_\t_\t0\t_\t_\t_
            4\tU.S\t_\t_\t_\t_\t0\t_\t_\t_
            5\tsoil\t_\t_\t_\t_\t0\t_\t_\t_


            """
        let file = try folder.write("given.conllu", Data(input.utf8))
        let result = try DyadBinary.run(["parse", "--conllu", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("# sent_id = a1"))
        let words = Self.wordLines(result.stdout)
        #expect(words.map { String($0[1]) } == ["They", "cannot", "leave", "U.S", "soil"])
        #expect(words.allSatisfy { $0.count == 10 && $0[3] != "_" })
        #expect(words.filter { $0[6] == "0" }.count == 1)
    }

    @Test func trainOnATinyTreebankGivesAModelThatParseLoads() throws {
        let folder = try ScratchFolder()
        let data = folder.path + "/ud"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try Data(Self.tinyTreebank.utf8).write(to: URL(fileURLWithPath: data + "/tiny-ud-train.conllu"))
        let model = folder.path + "/tiny.model"
        let options = ["--epochs", "2", "--tagger-epochs", "2", "--folds", "2", "--jackknife-epochs", "1"]
        let trained = try DyadBinary.run(["train", "--data", data, "--out", model] + options)
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(trained.stdout.contains("wrote \(model)"))
        #expect(FileManager.default.fileExists(atPath: model))

        // The same run again gives the same bytes (training is deterministic across processes).
        let again = folder.path + "/again.model"
        let retrained = try DyadBinary.run(["train", "--data", data, "--out", again] + options)
        #expect(retrained.status == 0, "\(retrained.stderr)")
        #expect(FileManager.default.contents(atPath: model) == FileManager.default.contents(atPath: again))

        let parsed = try DyadBinary.run(["parse", "--model", model], input: Data("The minister met the envoy.".utf8))
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let words = Self.wordLines(parsed.stdout)
        #expect(words.count == 6)
        // Seen in training: the tiny model knows these words.
        #expect(words.first { $0[1] == "met" }?[2] == "meet")
        #expect(words.first { $0[1] == "minister" }?[3] == "NOUN")
    }

    /// `dyad train` with no flags trains with `SyntaxTrainer.Options()`, the settings that give the
    /// shipped model byte for byte; the jackknife flags reach the options.
    @Test func trainFlagsGiveTheTrainerOptions() throws {
        let required = ["--data", "ud", "--out", "x.model"]
        #expect(try TrainCommand.parse(required).options == SyntaxTrainer.Options())
        let changed = try TrainCommand.parse(
            required + ["--jackknife-epochs", "6", "--jackknife-english-words", "--tagger-epochs", "7", "--seed", "3"])
        #expect(
            changed.options
                == SyntaxTrainer.Options(
                    taggerEpochs: 7, jackknifeEpochs: 6, jackknifeUsesEnglishWords: true, seed: 3))
        let off = try TrainCommand.parse(required + ["--no-jackknife-english-words"])
        #expect(off.options.jackknifeUsesEnglishWords == false)
        #expect(throws: (any Error).self) { try TrainCommand.parse(required + ["--jackknife-epochs", "0"]) }
    }

    @Test func trainWithoutTrainingFilesIsAClearError() throws {
        let folder = try ScratchFolder()
        let result = try DyadBinary.run(["train", "--data", folder.path, "--out", folder.path + "/x.model"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(folder.path): no *train*.conllu file in the folder"))
    }

    @Test func malformedCoNLLUIsReportedWithItsLineNumber() throws {
        let folder = try ScratchFolder()
        let input = """
            # sent_id = 1
            1\tChina\t_\t_\t_\t_\t0\t_\t_\t_
            2\tprotested\t_\t_\t_\t_\t0\t_\t_

            """
        let file = try folder.write("bad.conllu", Data(input.utf8))
        let result = try DyadBinary.run(["parse", "--conllu", file])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(file):3:"), "\(result.stderr)")
        #expect(result.stderr.contains("expected 10 tab-separated columns, found 9"))
        #expect(!result.stderr.contains("Fatal error"))

        // A head outside the sentence, in a training file, is reported the same way.
        let data = folder.path + "/ud"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let badTree = "1\tChina\tChina\tPROPN\tNNP\t_\t7\tnsubj\t_\t_\n\n"
        try Data(badTree.utf8).write(to: URL(fileURLWithPath: data + "/x-train.conllu"))
        let trained = try DyadBinary.run(["train", "--data", data, "--out", folder.path + "/x.model"])
        #expect(trained.status != 0)
        #expect(trained.stderr.contains("x-train.conllu:"), "\(trained.stderr)")
        #expect(trained.stderr.contains("outside the sentence"))
    }

    @Test func missingModelFileIsAClearError() throws {
        let result = try DyadBinary.run(["parse", "--model", "/no/such/syntax.model"], input: Data("Hello.".utf8))
        #expect(result.status != 0)
        #expect(result.stderr.contains("/no/such/syntax.model: cannot read the model file"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func corruptModelFilesAreClearErrorsNotCrashes() throws {
        let folder = try ScratchFolder()
        let shipped = URLPath.repositoryRoot + "/Sources/CDyadAssets/data/models/syntax.model"
        let text = Data("China protested.".utf8)
        var cases: [(name: String, bytes: Data, message: String)] = [
            ("empty.model", Data(), "not a Dyad syntax model"),
            ("text.model", Data("this is not a model at all, just some text".utf8), "not a Dyad syntax model (bad magic number)"),
        ]
        if let model = FileManager.default.contents(atPath: shipped) {
            // Truncated, and one flipped byte in the middle: the checksum catches both.
            cases.append(("truncated.model", model.prefix(model.count / 2), "checksum mismatch"))
            var flipped = model
            flipped[model.count / 3] ^= 0x5A
            cases.append(("flipped.model", flipped, "checksum mismatch"))
        }
        for (name, bytes, message) in cases {
            let file = try folder.write(name, bytes)
            let result = try DyadBinary.run(["parse", "--model", file], input: text)
            #expect(result.status == 1, "\(name): status \(result.status)")
            #expect(result.stderr.contains("\(file): \(message)"), "\(name): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }
}
