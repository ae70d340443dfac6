import Testing

@testable import DyadCoding

@Test func bundledDictionariesLoad() throws {
    let dictionaries = try CodingDictionaries.bundled()
    #expect(dictionaries.verbs.patternCount > 1000)
    #expect(dictionaries.actors.names["china"]?.contains { $0.code == "CHN" } == true)
    #expect(dictionaries.actors.agents["defense ministry"] == "MIL")
}

@Test func cameoTableHasEveryCodeWithQuadClassAndPLOVER() throws {
    let cameo = try CAMEO.bundled()
    #expect(cameo.all.count == 318)
    #expect(cameo["1244"]?.quadClass == 3)
    #expect(cameo["1244"]?.plover == "REJECT")
    #expect(cameo["042"]?.plover == "CONSULT")
    #expect(cameo["0874"]?.plover == "RETREAT")
    #expect(cameo["190"]?.plover == "FIGHT")
    #expect(cameo["010"]?.plover == nil)
    #expect(cameo["163"]?.goldstein == -8.0)
}

/// Each bad line names its file and line.
@Test(arguments: [
    ("verbs.txt", "verb impose\n  999  * sanction\n", "verbs.txt:2: unknown CAMEO code '999'"),
    ("verbs.txt", "verb impose\n  163  sanction\n", "verbs.txt:2: a pattern needs '*' where the verb is"),
    ("verbs.txt", "verb impose\n  163  * (on +\n", "verbs.txt:2: unbalanced '('"),
    ("verbs.txt", "verb impose\n  163  * &NOPE\n", "verbs.txt:2: word set &NOPE is not defined above"),
    ("verbs.txt", "  163  * sanction\n", "verbs.txt:1: pattern line outside a verb or noun group"),
    ("verbs.txt", "\nsomething else\n", "verbs.txt:2: expected 'verb', 'noun', 'frame', '&SET = ...' or an indented pattern, found 'something'"),
    ("countries.txt", "CHN planet China\n", "countries.txt:1: unknown kind 'planet' (name, adjective, demonym, capital or seat)"),
    ("countries.txt", "ZZZ name Zedland\n", "countries.txt:1: unknown country code 'ZZZ'"),
    ("agents.txt", "XYZ wizard\n", "agents.txt:1: unknown agent code 'XYZ'"),
    ("people.txt", "Jane Doe\n  USAGOV 2020 2021\n", "people.txt:2: a role needs 'FROM .. UNTIL' dates (either may be left out)"),
    ("people.txt", "Jane Doe\n  USAGOV 2021-13 .. 2022\n", "people.txt:2: bad date '2021-13'"),
    ("people.txt", "Jane Doe\n  USAGOV 2022 .. 2020\n", "people.txt:2: role ends (2020) before it starts (2022)"),
    ("people.txt", "Jane Doe\nJohn Roe\n  USAGOV 2020 ..\n", "people.txt:1: Jane Doe has no role lines"),
    ("organizations.txt", "IG NATO\n", "organizations.txt:1: an actor code is letters in groups of three, found 'IG'"),
    ("frame-codes.tsv", "base\tappeal\tintent\tdemand\treject\tthreaten\n04\t026\t999\t-\t-\t-\n", "frame-codes.tsv:2: unknown CAMEO code '999'"),
    ("speech.txt", "talk say\n", "speech.txt:1: expected 'speech' or 'accusation', found 'talk'"),
])
func badDictionaryLinesAreReportedWithTheirLine(file: String, text: String, message: String) throws {
    let cameo = try CAMEO.bundled()
    #expect {
        var actors = ActorDictionary()
        switch file {
        case "verbs.txt": _ = try VerbDictionary(file: file, text: text, cameo: cameo)
        case "countries.txt": try actors.loadCountries(file: file, text: text, validCodes: ["CHN", "USA"])
        case "agents.txt": try actors.loadAgents(file: file, text: text, validTypes: ["GOV", "MIL"])
        case "organizations.txt": try actors.loadOrganizations(file: file, text: text)
        case "people.txt": try actors.loadPeople(file: file, text: text)
        case "frame-codes.tsv": _ = try FrameCodes(file: file, text: text, cameo: cameo)
        default: _ = try SpeechDictionary(file: file, text: text)
        }
    } throws: { error in
        (error as? DictionaryError)?.description == message
    }
}

/// A bad line in a user's override file is reported with the user's path.
@Test func overrideFileErrorsNameTheUsersFile() {
    #expect {
        _ = try CodingDictionaries(overrides: ["verbs.txt": ("/home/me/verbs.txt", "verb x\n  999 *\n")])
    } throws: { error in
        (error as? DictionaryError)?.description == "/home/me/verbs.txt:2: unknown CAMEO code '999'"
    }
}

@Test func userPeopleFileAddsAPerson() throws {
    let people = "Jane Doe = J. Doe\n  GBRGOV 2020-01 .. 2024-06   Foreign Secretary\n  GBRLEG .. 2019\n"
    let dictionaries = try CodingDictionaries(overrides: ["people.txt": ("people.txt", people)])
    let entry = try #require(dictionaries.actors.names["jane doe"]?.first)
    let person = dictionaries.actors.people[try #require(entry.person)]
    #expect(person.code(on: EventDate(year: 2022, month: 5)) == "GBRGOV")
    #expect(person.code(on: EventDate(year: 2018)) == "GBRLEG")
    #expect(dictionaries.actors.names["j. doe"] != nil)
}

@Test func frameCodesUseTheLongestPrefix() throws {
    let dictionaries = try CodingDictionaries.bundled()
    #expect(dictionaries.frameCodes.code(for: "085", under: .reject) == "1244")
    #expect(dictionaries.frameCodes.code(for: "042", under: .appeal) == "026")
    #expect(dictionaries.frameCodes.code(for: "163", under: .threaten) == "1312")
}

/// Found by Fuzz/DictionaryFuzz: an `accusation` line with no verb trapped on an empty split.
@Test(arguments: ["accusation\n", "accusation =\n", "accusation =x\n", "accusation two verbs = x\n"])
func anAccusationWithoutOneVerbIsAnErrorWithItsLine(_ text: String) {
    #expect {
        _ = try CodingDictionaries(overrides: ["speech.txt": ("/tmp/d/speech.txt", "speech say\n" + text)])
    } throws: { error in
        (error as? DictionaryError)?.description == "/tmp/d/speech.txt:2: an accusation names one verb"
    }
}
