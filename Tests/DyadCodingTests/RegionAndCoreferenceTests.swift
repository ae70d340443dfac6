import Testing

@testable import DyadCoding

// Sentences of our own from other regions than the example's, each with the event and actors a
// coder of the field would give it (issue 4), and each form of within-document coreference.

private let regionCases: [Case] = [
    // Russia–Ukraine
    Case(text: "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday.", source: "RUSMIL", code: "19", target: "UKR"),
    Case(
        text: "Ukrainian President Volodymyr Zelensky met NATO Secretary-General Jens Stoltenberg in Kyiv.",
        source: "UKRGOV", code: "04", target: "IGONAT"),
    Case(text: "The Kremlin accused Kyiv of attacking a power plant.", source: "RUSGOV", code: "11", target: "UKR"),
    // Israel–Gaza
    Case(text: "Israeli warplanes struck targets in the Gaza Strip overnight.", source: "ISRMIL", code: "19", target: "PSE"),
    Case(text: "Hamas fired rockets at southern Israel.", source: "PSEREBHMS", code: "19", target: "ISR"),
    Case(text: "Egypt urged Israel and Hamas to agree to a ceasefire.", source: "EGY", code: "02", target: "PSEREBHMS"),
    // India–Pakistan
    Case(text: "Pakistan accused India of violating the ceasefire in Kashmir.", source: "PAK", code: "11", target: "IND"),
    Case(text: "Indian Prime Minister Narendra Modi rejected talks with Pakistan.", source: "INDGOV", code: "12", target: "PAK"),
    // The Sahel
    Case(text: "The military junta in Niger expelled the French ambassador.", source: "NERMIL", code: "16", target: "FRAGOV"),
    // Latin America
    Case(text: "Colombian President Gustavo Petro criticized the United States.", source: "COLGOV", code: "11", target: "USA"),
    Case(text: "Venezuela recalled its ambassador from Argentina.", source: "VEN", code: "16", target: "ARG"),
    Case(text: "Brazilian police arrested dozens of protesters in Brasilia.", source: "BRACOP", code: "17", target: "BRAOPP"),
]

@Test(arguments: regionCases)
func regionSentenceHasItsActors(_ case_: Case) throws {
    let events = try code(case_.text, date: "2023-08-01")
    #expect(
        events.contains { $0.source.code == case_.source && $0.root == case_.code && $0.target.code == case_.target },
        "coded: \(events.map { "\($0.source.code) \($0.code) \($0.target.code)" })")
}

@Test func aPersonIntroducedWithARoleIsFollowedBySurnamePronounAndInstitution() throws {
    let text = """
        Chinese Defense Ministry spokesman Tan Kefei criticized the United States on Thursday. \
        Tan also accused Washington of provoking tensions in the region. He condemned Japan as well. \
        Later the ministry criticized Australia.
        """
    let events = try code(text, date: "2023-08-01")
    let bySentence = Dictionary(grouping: events, by: \.sentence)
    // The full name, the surname alone, and "he" are one person with one code.
    for sentence in 0...2 {
        let event = try #require(bySentence[sentence]?.first, "sentence \(sentence)")
        #expect(event.source.code == "CHNMIL")
        #expect(event.source.name == "Tan Kefei")
    }
    #expect(bySentence[1]?.first?.source.text == "Tan")
    #expect(bySentence[2]?.first?.source.text == "He")
    // "the ministry" is the Defense Ministry named before, not the government of Australia.
    let ministry = try #require(bySentence[3]?.first)
    #expect(ministry.source.code == "CHNMIL" && ministry.target.code == "AUS")
}

@Test func aPossessivePronounOfAnInstitutionNamesIt() throws {
    let text = "Japan's Foreign Ministry summoned the Chinese ambassador. Its spokesman criticized Beijing."
    let events = try code(text, date: "2023-08-01")
    #expect(events.contains { $0.sentence == 1 && $0.source.code.hasPrefix("JPN") && $0.target.code.hasPrefix("CHN") })
}
