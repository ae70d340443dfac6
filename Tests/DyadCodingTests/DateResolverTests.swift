import DyadText
import Testing

@testable import DyadCoding

/// A sentence of bare tokens (no tags), enough for the date resolver.
private func graph(_ words: [String]) -> SentenceGraph {
    var offset = 0
    var tokens: [Token] = []
    for word in words {
        tokens.append(Token(form: word, range: offset..<offset + word.utf8.count))
        offset += word.utf8.count + 1
    }
    return SentenceGraph(Sentence(range: 0..<offset, tokens: tokens))
}

private let published = EventDate(year: 2023, month: 8, day: 31)  // a Thursday

@Test(arguments: [
    ("China said Thursday that", "2023-08-31"),
    ("on Monday the ministry", "2023-08-28"),
    ("last Thursday", "2023-08-24"),
    ("trip to Taiwan last August", "2022-08"),
    ("last March", "2023-03"),
    ("in June", "2023-06"),
    ("Later in June", "2023-06"),
    ("In March", "2023-03"),
    ("in November", "2022-11"),
    ("next March", "2024-03"),
    ("in 2018", "2018"),
    ("on August 15 , 2022", "2022-08-15"),
    ("on 15 August 2022", "2022-08-15"),
    ("Aug. 3", "2023-08-03"),
    ("yesterday", "2023-08-30"),
    ("two days ago", "2023-08-29"),
    ("three months ago", "2023-05"),
    ("two years ago", "2021"),
    ("last year", "2022"),
    ("earlier this month", "2023-08"),
    ("last month", "2023-07"),
    ("last week", "2023-08"),
    ("on 2022-02-24", "2022-02-24"),
])
func dateExpressionsResolveAgainstPublicationDate(text: String, expected: String) throws {
    let words = text.split(separator: " ").map(String.init)
    let expressions = DateResolver.expressions(in: graph(words), published: published)
    let first = try #require(expressions.first, "no time expression in '\(text)'")
    #expect(first.date.description == expected)
}

@Test func sinceMarksABoundaryNotAnEventDate() throws {
    let expressions = DateResolver.expressions(in: graph(["independence", "since", "1949"]), published: published)
    let first = try #require(expressions.first)
    #expect(first.isBoundary)
}

@Test func modalMayIsNotAMonth() {
    let expressions = DateResolver.expressions(in: graph(["China", "may", "respond"]), published: published)
    #expect(expressions.isEmpty)
}

@Test(arguments: [(2023, 8, 31), (2000, 2, 29), (1969, 12, 31), (2024, 1, 1)])
func dayNumbersRoundTrip(year: Int, month: Int, day: Int) {
    let number = DateResolver.dayNumber(year: year, month: month, day: day)
    #expect(DateResolver.date(fromDayNumber: number) == EventDate(year: year, month: month, day: day))
}
