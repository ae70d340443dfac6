import Foundation
import Testing

@testable import DyadText

@Test func bundledAnalyzerParsesASentence() throws {
    let analyzer = try Analyzer.bundled()
    #expect(analyzer.hasModel)
    let sentences = analyzer.analyze("China suspended military talks with the United States.")
    let tokens = try #require(sentences.first?.tokens)
    let forms = tokens.map(\.form)
    #expect(forms == ["China", "suspended", "military", "talks", "with", "the", "United", "States", "."])
    let verb = try #require(forms.firstIndex(of: "suspended"))
    #expect(tokens[verb].head == -1 && tokens[verb].relation == "root")
    #expect(tokens[verb].lemma == "suspend" && tokens[verb].upos == "VERB" && tokens[verb].xpos == "VBD")
    #expect(tokens[0].head == verb && tokens[0].relation == "nsubj")
    #expect(tokens[3].head == verb && tokens[3].relation == "obj")
    #expect(tokens.filter { $0.head == -1 }.count == 1)
}

@Test func annotateKeepsTheGivenTokens() throws {
    let analyzer = try Analyzer.bundled()
    let forms = ["The", "talks", "were", "suspended", "by", "China", "."]
    var offset = 0
    var tokens: [Token] = []
    for form in forms {
        tokens.append(Token(form: form, range: offset..<(offset + form.utf8.count)))
        offset += form.utf8.count + 1
    }
    var sentence = Sentence(range: 0..<offset, tokens: tokens)
    analyzer.annotate(&sentence)
    #expect(sentence.tokens.map(\.form) == forms)
    #expect(sentence.tokens[1].relation == "nsubj:pass")
    #expect(sentence.tokens[2].relation == "aux:pass")
    #expect(sentence.tokens[5].relation == "obl:agent" || sentence.tokens[5].relation == "obl")
    for token in sentence.tokens { #expect(token.head >= -1 && token.head < forms.count) }
}

@Test func analyzerIsSharedAcrossTasks() async throws {
    let results = await withTaskGroup(of: Int.self) { group in
        for _ in 0..<4 {
            group.addTask { (try? Analyzer.bundled().analyze("He said no. She left.").count) ?? -1 }
        }
        return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results == [2, 2, 2, 2])
}

// MARK: Model files

func temporaryFile(_ bytes: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "dyad-model-\(UUID().uuidString).model"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

@Test func modelLoadsFromAFile() throws {
    let bytes = Array(try #require(EmbeddedAssets.bytes(named: BundledModel.assetName)))
    let path = try temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let fromFile = try Analyzer(modelAt: path)
    let text = "The talks were suspended by China after Pelosi's visit to Taiwan."
    #expect(fromFile.analyze(text) == (try Analyzer.bundled()).analyze(text))
    let encoded = try #require(fromFile.modelData())
    #expect(encoded == bytes, "re-encoding gives the same bytes")
}

struct CorruptModelCase: CustomTestStringConvertible, Sendable {
    let name: String
    let damage: @Sendable ([UInt8]) -> [UInt8]
    var testDescription: String { name }
}

let corruptModelCases: [CorruptModelCase] = [
    .init(name: "empty") { _ in [] },
    .init(name: "not a model") { _ in Array("hello, world: this is not a model at all".utf8) },
    .init(name: "truncated to half") { Array($0.prefix($0.count / 2)) },
    .init(name: "truncated by one byte") { Array($0.dropLast()) },
    .init(name: "header only") { Array($0.prefix(12)) },
    .init(name: "flipped byte") { bytes in
        var copy = bytes
        copy[copy.count / 3] ^= 0x5A
        return copy
    },
]

@Test(arguments: corruptModelCases)
func corruptModelIsAClearError(_ testCase: CorruptModelCase) throws {
    let bytes = Array(try #require(EmbeddedAssets.bytes(named: BundledModel.assetName)))
    let path = try temporaryFile(testCase.damage(bytes))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect {
        _ = try Analyzer(modelAt: path)
    } throws: { error in
        guard let error = error as? SyntaxError else { return false }
        return error.code == .corruptModel && "\(error)".hasPrefix(path + ": ")
    }
}

@Test func missingModelIsAClearError() {
    #expect {
        _ = try Analyzer(modelAt: "/no/such/syntax.model")
    } throws: { error in
        (error as? SyntaxError)?.code == .missingFile && "\(error)".contains("/no/such/syntax.model")
    }
}
