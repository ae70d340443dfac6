import Testing

@testable import DyadCoding

/// The bundled coder, loaded once for all tests.
let sharedCoder: Coder? = try? Coder.bundled()

/// Codes one sentence published on 2024-05-02 (a Thursday).
func code(_ text: String, date: String = "2024-05-02") throws -> [Event] {
    let coder = try #require(sharedCoder, "the bundled coder failed to load")
    return coder.code(Document(id: "test", text: text, date: EventDate(date)))
}

/// The actors the bundled coder finds in `text`, as `dyad explain` lists them.
func explainedActors(_ text: String, date: String = "2024-05-02") throws -> [SentenceExplanation.Actor] {
    let coder = try #require(sharedCoder, "the bundled coder failed to load")
    return coder.explain(Document(id: "test", text: text, date: EventDate(date))).1.flatMap(\.actors)
}

/// One sentence and the event it must produce: source, CAMEO code (or root), target.
struct Case: CustomTestStringConvertible, Sendable {
    var text: String
    var source: String
    var code: String
    var target: String
    var testDescription: String { text }
}

/// A sentence of our own for each CAMEO root, with the event a political scientist would code.
let rootCases: [Case] = [
    Case(text: "Japan said on Monday that it supported the peace plan for Sudan.", source: "JPN", code: "05", target: "SDN"),
    Case(text: "Germany urged Russia to withdraw its troops from Ukraine.", source: "DEU", code: "02", target: "RUS"),
    Case(text: "Turkey offered to mediate between Russia and Ukraine.", source: "TUR", code: "03", target: "RUS"),
    Case(text: "The French president met the Chinese premier in Beijing on Tuesday.", source: "FRA", code: "04", target: "CHN"),
    Case(text: "Indian Prime Minister Narendra Modi visited Moscow last week.", source: "IND", code: "04", target: "RUS"),
    Case(text: "Egypt praised Qatar for its role in the negotiations.", source: "EGY", code: "05", target: "QAT"),
    Case(text: "Norway recognized Palestine as a state on Tuesday.", source: "NOR", code: "05", target: "PSE"),
    Case(text: "The United States sent military aid to Ukraine.", source: "USA", code: "07", target: "UKR"),
    Case(text: "Russia released two American prisoners on Wednesday.", source: "RUS", code: "08", target: "USA"),
    Case(text: "The United Nations investigated the killing of civilians by Sudanese forces.", source: "IGO", code: "09", target: "SDN"),
    Case(text: "Pakistan demanded that India free the fishermen.", source: "PAK", code: "10", target: "IND"),
    Case(text: "China criticized Japan over its military spending.", source: "CHN", code: "11", target: "JPN"),
    Case(text: "Beijing accused Washington of interfering in its internal affairs.", source: "CHN", code: "11", target: "USA"),
    Case(text: "Israel rejected the proposal from Egypt.", source: "ISR", code: "12", target: "EGY"),
    Case(text: "North Korea threatened South Korea with a nuclear attack.", source: "PRK", code: "13", target: "KOR"),
    Case(text: "Thousands of Kenyans protested against the government in Nairobi.", source: "KEN", code: "14", target: "KEN"),
    Case(text: "Russia deployed troops to the border with Ukraine.", source: "RUS", code: "15", target: "UKR"),
    Case(text: "The European Union imposed sanctions on Iran on Monday.", source: "IGO", code: "16", target: "IRN"),
    Case(text: "Mali expelled the French ambassador.", source: "MLI", code: "16", target: "FRA"),
    Case(text: "Police in Venezuela arrested the opposition leader.", source: "VEN", code: "17", target: "VEN"),
    Case(text: "Unidentified gunmen abducted twenty Nigerian students on Monday.", source: "NGA", code: "18", target: "NGA"),
    Case(text: "Russian forces shelled the Ukrainian city of Kharkiv.", source: "RUS", code: "19", target: "UKR"),
    Case(text: "Israeli forces attacked Hamas fighters in Gaza on Friday.", source: "ISR", code: "19", target: "PSE"),
    Case(text: "India and Pakistan exchanged fire across the border in Kashmir.", source: "IND", code: "19", target: "PAK"),
]

@Test(arguments: rootCases)
func sentenceIsCodedWithItsExpectedEvent(_ case_: Case) throws {
    let events = try code(case_.text)
    let found = events.contains { event in
        event.source.code.hasPrefix(case_.source) && event.target.code.hasPrefix(case_.target)
            && event.code.hasPrefix(case_.code)
    }
    #expect(found, "expected \(case_.source) \(case_.code) \(case_.target), got \(events.map { "\($0.source.code) \($0.code) \($0.target.code)" })")
}

/// Sentences that report no event that happened: negation, conditions, hypotheticals.
@Test(arguments: [
    "China did not attack Taiwan.",
    "Russia never invaded Finland.",
    "If Iran blocks the strait, the United States could attack Iran.",
    "Japan might impose sanctions on North Korea.",
])
func negatedOrHypotheticalActsAreNotCoded(_ text: String) throws {
    let events = try code(text)
    let acts = events.filter { ["16", "18", "19"].contains($0.root) }
    #expect(acts.isEmpty, "coded \(acts.map { "\($0.source.code) \($0.code) \($0.target.code)" })")
}

@Test func refusalOfAComplementIsARefusalToYield() throws {
    let events = try code("The United States refused to lift sanctions on Cuba.")
    #expect(events.contains { $0.source.code == "USA" && $0.code.hasPrefix("124") && $0.target.code.hasPrefix("CUB") })
}

@Test func appealWithObjectControlTargetsTheObject() throws {
    let events = try code("France urged Iran to resume talks with the United States.")
    #expect(events.contains { $0.source.code == "FRA" && $0.root == "02" && $0.target.code == "IRN" })
}

@Test func vowToPunishIsAThreat() throws {
    let events = try code("China vowed to impose sanctions on the United States.")
    #expect(events.contains { $0.source.code == "CHN" && $0.root == "13" && $0.target.code == "USA" })
}

@Test func passiveAgentIsTheSource() throws {
    let events = try code("Japan was criticized by China for its military budget.")
    #expect(events.contains { $0.source.code == "CHN" && $0.root == "11" && $0.target.code == "JPN" })
}

@Test func coordinatedSubjectsEachMakeAnEvent() throws {
    let events = try code("Spain, Ireland and Norway recognized Palestine on Tuesday.")
    let sources = Set(events.filter { $0.target.code == "PSE" && $0.root == "05" }.map(\.source.code))
    #expect(sources == ["ESP", "IRL", "NOR"])
}

@Test func reciprocalMeetingIsCodedBothWays() throws {
    let events = try code("China and India met in Geneva on Monday.")
    #expect(events.contains { $0.source.code == "CHN" && $0.target.code == "IND" && $0.root == "04" })
    #expect(events.contains { $0.source.code == "IND" && $0.target.code == "CHN" && $0.root == "04" })
}

@Test func reportedSpeechCodesTheReportedEvent() throws {
    let events = try code("Officials said Russia attacked Ukrainian ports overnight.")
    #expect(events.contains { $0.source.code.hasPrefix("RUS") && $0.target.code.hasPrefix("UKR") && $0.root == "19" })
}

@Test func eventDateComesFromItsClause() throws {
    let events = try code("After talks in Geneva last March, Iran expelled two French diplomats.", date: "2024-05-02")
    let expel = try #require(events.first { $0.source.code.hasPrefix("IRN") && $0.target.code.hasPrefix("FRA") })
    #expect(expel.date.description == "2024-03")
    #expect(expel.dateText == "last March")
}

@Test func eventWithoutATimeExpressionHasThePublicationDate() throws {
    let events = try code("China criticized Japan.")
    let event = try #require(events.first)
    #expect(event.date.description == "2024-05-02")
    #expect(event.dateText == nil)
}

@Test func spanAndTextPointIntoTheDocument() throws {
    let text = "By Jane Doe\nPARIS (AFP) - Le Monde reported it. China criticized Japan on Monday."
    let events = try code(text)
    let event = try #require(events.first { $0.source.code == "CHN" })
    let scalars = Array(text.unicodeScalars)
    let sentence = String(String.UnicodeScalarView(scalars[event.span.start..<event.span.end]))
    #expect(sentence == event.text)
    #expect(event.text == "China criticized Japan on Monday.")
}
