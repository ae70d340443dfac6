import Testing

@testable import DyadText

/// Tokenizer cases: the text, then the expected tokens separated by single spaces.
struct TokenizerCase: CustomTestStringConvertible, Sendable {
    let text: String
    let tokens: String
    var testDescription: String { text }
}

let tokenizerCases: [TokenizerCase] = [
    // Possessives and clitics.
    .init(text: "China's army", tokens: "China 's army"),
    .init(text: "the students' union", tokens: "the students ' union"),
    .init(text: "I don't know", tokens: "I do n't know"),
    .init(text: "We can't, won't, cannot", tokens: "We ca n't , wo n't , can not"),
    .init(text: "They're sure we'll go and I'd say I'm in", tokens: "They 're sure we 'll go and I 'd say I 'm in"),
    .init(text: "It’s China’s", tokens: "It 's China 's"),
    .init(text: "gonna wanna", tokens: "gon na wan na"),
    // Abbreviations, titles, initials.
    .init(text: "Gen. Li met Sen. Kerry and Dr. Smith.", tokens: "Gen. Li met Sen. Kerry and Dr. Smith ."),
    .init(text: "Mr. J. R. R. Tolkien of the U.S. Army", tokens: "Mr. J. R. R. Tolkien of the U.S. Army"),
    .init(text: "on Jan. 5, No. 3", tokens: "on Jan. 5 , No. 3"),
    .init(text: "i.e. e.g. etc.", tokens: "i.e. e.g. etc."),
    // Numbers.
    .init(text: "3.5% of $1,000.50", tokens: "3.5 % of $ 1,000.50"),
    .init(text: "at 10:30 on 11/28/2000", tokens: "at 10:30 on 11/28/2000"),
    // Hyphens and dashes.
    .init(text: "al-Qaeda e-mail co-workers", tokens: "al - Qaeda e-mail co-workers"),
    .init(text: "a long-term US-based plan", tokens: "a long - term US - based plan"),
    .init(text: "call 713-853-3989 now", tokens: "call 713-853-3989 now"),
    .init(text: "war—peace – then -- more", tokens: "war — peace – then -- more"),
    .init(text: "and/or", tokens: "and / or"),
    // Punctuation and quotes.
    .init(text: "\"Go,\" he said (quietly).", tokens: "\" Go , \" he said ( quietly ) ."),
    .init(text: "“Yes” — ‘no’", tokens: "\" Yes \" — ' no '"),
    .init(text: "Wait... what?!", tokens: "Wait ... what ?!"),
    // URLs and e-mails.
    .init(text: "See http://example.com/a.html.", tokens: "See http://example.com/a.html ."),
    .init(text: "Mail john.smith@example.org, please", tokens: "Mail john.smith@example.org , please"),
]

@Test(arguments: tokenizerCases)
func tokenizes(_ testCase: TokenizerCase) {
    let forms = Tokenizer.tokens(in: testCase.text).map(\.form)
    #expect(forms.joined(separator: " ") == testCase.tokens)
}

/// Sentence cases: the text, then the expected sentences separated by " | ".
let sentenceCases: [TokenizerCase] = [
    .init(text: "He left. She stayed.", tokens: "He left . | She stayed ."),
    .init(text: "\"We won't go.\" He said so.", tokens: "\" We wo n't go . \" | He said so ."),
    .init(text: "He lives in the U.S. The rest is history.", tokens: "He lives in the U.S. | The rest is history ."),
    .init(text: "Gen. Li met Dr. Smith. Talks ended.", tokens: "Gen. Li met Dr. Smith . | Talks ended ."),
    .init(text: "Mr. J. R. R. Tolkien wrote it.", tokens: "Mr. J. R. R. Tolkien wrote it ."),
    .init(text: "It cost 3.5 million. Really?", tokens: "It cost 3.5 million . | Really ?"),
    .init(
        text: "China Suspends Talks\nBy John Smith\nBEIJING (Reuters) - China said no.",
        tokens: "China Suspends Talks | By John Smith | BEIJING ( Reuters ) - China said no ."),
    .init(text: "a line that wraps\nin lower case.", tokens: "a line that wraps in lower case ."),
    .init(text: "One.\n\nTwo", tokens: "One . | Two"),
    .init(text: "He asked (why?) and left.", tokens: "He asked ( why ? ) and left ."),
]

@Test(arguments: sentenceCases)
func splitsSentences(_ testCase: TokenizerCase) {
    let sentences = Tokenizer.sentences(in: testCase.text)
    let text = sentences.map { $0.tokens.map(\.form).joined(separator: " ") }.joined(separator: " | ")
    #expect(text == testCase.tokens)
}

@Test func offsetsAreUTF8ByteRanges() {
    let text = "Zürich’s “talks” — don't\u{00A0}stop."
    let tokens = Tokenizer.tokens(in: text)
    let bytes = Array(text.utf8)
    let expected: [(String, String, Bool)] = [
        ("Zürich", "Zürich", false), ("'s", "’s", true), ("\"", "“", false), ("talks", "talks", false),
        ("\"", "”", true), ("—", "—", true), ("do", "do", false), ("n't", "n't", true), ("stop", "stop", false),
        (".", ".", false),
    ]
    #expect(tokens.count == expected.count)
    for (token, (form, original, spaceAfter)) in zip(tokens, expected) {
        #expect(token.form == form)
        #expect(String(decoding: bytes[token.range], as: UTF8.self) == original)
        #expect(token.spaceAfter == spaceAfter, "\(form)")
        #expect(token.upos == "_" && token.head == -1)
    }
}

@Test func sentenceRangesCoverTheirTokens() {
    let text = "  First one.  Second one!\n"
    let sentences = Tokenizer.sentences(in: text)
    #expect(sentences.map(\.range) == [2..<12, 14..<25])
}

@Test func emptyTextHasNoSentences() {
    #expect(Tokenizer.sentences(in: "").isEmpty)
    #expect(Tokenizer.sentences(in: " \n\t ").isEmpty)
}
