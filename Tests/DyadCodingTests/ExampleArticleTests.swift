import Foundation
import Testing

@testable import DyadCoding

/// The hand-coded events of the bundled example (a copy of ../shared/examples/example.gold.jsonl).
private func exampleGold() throws -> GoldDocument {
    var url = URL(fileURLWithPath: #filePath)
    url.deleteLastPathComponent()
    let data = try Data(contentsOf: url.appendingPathComponent("Fixtures/example.gold.jsonl"))
    return try JSONDecoder().decode(GoldDocument.self, from: data)
}

@Test func exampleArticleFindsTheRequiredEvents() throws {
    let gold = try exampleGold()
    let coder = try #require(sharedCoder)
    let events = coder.code(ExampleArticle.document)
    #expect(ExampleArticle.document.text == gold.text)
    var evaluation = Evaluation()
    evaluation.add(gold: gold, coded: events)
    let described = events.map { "\($0.sentence): \($0.source.code) \($0.code) \($0.target.code) [\($0.pattern)]" }
    // Issue 2: at least 7 of the 9 required events, at most 2 events neither required nor optional.
    #expect(evaluation.lenient.truePositives >= 7, "found \(evaluation.lenient.truePositives) of 9: \(described)")
    #expect(evaluation.lenient.falsePositives <= 2, "extras: \(evaluation.errors.first?.extras.map(\.code) ?? [])")
}

@Test func exampleArticlePeopleResolveToTheirActors() throws {
    let coder = try #require(sharedCoder)
    let events = coder.code(ExampleArticle.document)
    // "Blinken had urged China to restore military-to-military communications" — 026, June 2023.
    let appeal = events.first { $0.source.code == "USAGOV" && $0.target.code == "CHN" && $0.root == "02" }
    #expect(appeal?.date.description == "2023-06")
    // "China suspended high-level military dialogue with Washington" — 164, August 2022.
    let suspension = events.first { $0.source.code == "CHN" && $0.code == "164" }
    #expect(suspension?.target.code == "USA")
    #expect(suspension?.date.description == "2022-08")
}
