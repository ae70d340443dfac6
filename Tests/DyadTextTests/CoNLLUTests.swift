import Testing

@testable import DyadText

let sampleCoNLLU = """
    # newdoc id = d1
    # sent_id = s1
    # text = I don't know.
    1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_
    2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
    2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
    3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
    4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
    4.1\tknew\tknow\tVERB\tVBD\t_\t_\t_\t4:conj\t_
    5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

    """

@Test func readsWordsOfMultiwordTokens() throws {
    let sentences = try CoNLLU.parse(sampleCoNLLU, file: "sample.conllu")
    #expect(sentences.count == 1)
    let sentence = try #require(sentences.first)
    #expect(sentence.id == "s1")
    #expect(sentence.text == "I don't know.")
    #expect(sentence.isNewDocument)
    #expect(sentence.sentence.tokens.map(\.form) == ["I", "do", "n't", "know", "."])
    #expect(sentence.sentence.tokens.map(\.head) == [3, 3, 3, -1, 3])
    #expect(sentence.sentence.tokens.map(\.relation) == ["nsubj", "aux", "advmod", "root", "punct"])
    #expect(sentence.sentence.tokens[1].range == 2..<7)
    #expect(sentence.sentence.tokens[3].spaceAfter == false)
}

@Test func writesCoNLLU() throws {
    let sentences = try CoNLLU.parse(sampleCoNLLU)
    let text = CoNLLU.format(sentences.map(\.sentence))
    let again = try CoNLLU.parse(text)
    #expect(again.map(\.sentence.tokens) .first?.map(\.form) == ["I", "do", "n't", "know", "."])
    #expect(again.first?.sentence.tokens.map(\.head) == [3, 3, 3, -1, 3])
    #expect(text.contains("4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No"))
}

struct MalformedCase: CustomTestStringConvertible, Sendable {
    let text: String
    let expected: String
    var testDescription: String { expected }
}

let malformedCases: [MalformedCase] = [
    .init(text: "# sent_id = 1\n1\tI\tI\tPRON\n", expected: "bad.conllu:2: expected 10 tab-separated columns, found 4"),
    .init(
        text: "1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n3\tx\tx\tX\tX\t_\t1\tdep\t_\t_\n",
        expected: "bad.conllu:2: word id '3' out of sequence (expected 2)"),
    .init(
        text: "1\tI\tI\tPRON\tPRP\t_\tzero\troot\t_\t_\n", expected: "bad.conllu:1: head 'zero' is not a number"),
    .init(
        text: "\n\n# c\n1\tI\tI\tPRON\tPRP\t_\t7\troot\t_\t_\n\n",
        expected: "bad.conllu:3: head 7 of word 1 is outside the sentence"),
]

@Test(arguments: malformedCases)
func malformedLinesReportFileAndLine(_ testCase: MalformedCase) {
    #expect {
        _ = try CoNLLU.parse(testCase.text, file: "bad.conllu")
    } throws: { error in
        "\(error)" == testCase.expected
    }
}

@Test func missingFileIsAnError() {
    #expect(throws: SyntaxError.self) { _ = try CoNLLU.read(contentsOf: "/no/such/file.conllu") }
}
