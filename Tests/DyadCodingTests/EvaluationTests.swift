import Testing

@testable import DyadCoding

private func event(_ source: String, _ code: String, _ target: String, plover: String? = nil) -> Event {
    Event(
        doc: "d", sentence: 0, span: TextSpan(start: 0, end: 1), text: "", source: EventActor(code: source, text: ""),
        target: EventActor(code: target, text: ""), code: code, root: String(code.prefix(2)), name: "",
        plover: plover ?? CAMEO.ploverType(for: code), goldstein: nil, quadClass: 1, date: EventDate(year: 2023),
        dateText: nil, place: nil, quote: nil, pattern: "")
}

private func gold(_ source: String, _ code: String, _ target: String, roots: [String]? = nil) -> GoldDocument.Event {
    GoldDocument.Event(source: source, target: target, code: code, plover: nil, roots: roots, date: nil)
}

@Test func lenientMatchComparesCountriesAndRoots() {
    #expect(Evaluation.lenientMatch(event("CHNMIL", "112", "USA"), gold("CHN", "111", "USAGOV")))
    #expect(Evaluation.lenientMatch(event("USA", "1244", "CHNMIL"), gold("USA", "163", "CHN", roots: ["16", "12"])))
    #expect(!Evaluation.lenientMatch(event("USA", "1244", "CHN"), gold("USA", "163", "CHN")))
    #expect(!Evaluation.lenientMatch(event("CHN", "112", "USA"), gold("USA", "112", "CHN")))
    #expect(!Evaluation.strictMatch(event("CHNMIL", "112", "USA"), gold("CHN", "112", "USA")))
    #expect(Evaluation.strictMatch(event("CHN", "112", "USA"), gold("CHN", "112", "USA")))
}

@Test func optionalEventsCountNeitherWay() {
    var evaluation = Evaluation()
    let document = GoldDocument(
        id: "d", date: nil, text: "", events: [gold("CHN", "112", "USA")], optional: [gold("USA", "042", "TWN")])
    evaluation.add(
        gold: document, coded: [event("CHN", "112", "USA"), event("USA", "042", "TWN"), event("RUS", "190", "UKR")])
    #expect(evaluation.lenient.truePositives == 1)
    #expect(evaluation.lenient.falsePositives == 1)
    #expect(evaluation.lenient.falseNegatives == 0)
    #expect(evaluation.byCategory["19"]?.falsePositives == 1)
}

@Test func ploverGoldMatchesOnType() {
    let goldEvent = GoldDocument.Event(source: "HUNGOV", target: "ROU", code: nil, plover: "AGREE", roots: nil, date: nil)
    #expect(Evaluation.lenientMatch(event("HUN", "036", "ROUGOV"), goldEvent))
    #expect(!Evaluation.lenientMatch(event("HUN", "042", "ROU"), goldEvent))
}

@Test func statementsAndAppealsAreNotScoredAgainstAPLOVERGold() {
    var evaluation = Evaluation()
    let ploverGold = GoldDocument.Event(source: "USA", target: "IRN", code: nil, plover: "DISAPPROVE", roots: nil, date: nil)
    let document = GoldDocument(id: "d", date: nil, text: "", events: [ploverGold], optional: nil)
    evaluation.add(
        gold: document, coded: [event("USA", "111", "IRN"), event("USA", "010", "IRN"), event("USA", "020", "IRN")])
    #expect(evaluation.lenient.truePositives == 1)
    #expect(evaluation.lenient.falsePositives == 0)
    #expect(evaluation.outsideOntology == 2)
    // Against a CAMEO gold a statement is an event like any other.
    var cameo = Evaluation()
    cameo.add(gold: GoldDocument(id: "c", date: nil, text: "", events: [gold("USA", "111", "IRN")], optional: nil),
        coded: [event("USA", "111", "IRN"), event("USA", "010", "IRN")])
    #expect(cameo.lenient.falsePositives == 1 && cameo.outsideOntology == 0)
}

@Test func aGoldActorOfUnknownCountryConstrainsOnlyItsRole() {
    #expect(Evaluation.lenientMatch(event("SYRREB", "190", "SYR"), gold("---REB", "190", "SYR")))
    #expect(!Evaluation.lenientMatch(event("SYRMIL", "190", "SYR"), gold("---REB", "190", "SYR")))
    #expect(Evaluation.lenientMatch(event("IRQCVL", "190", "SYR"), gold("IRQ", "190", "---")))
}

@Test func cameoCountryCodesMatchTheirISOCodesInAGold() {
    // CAMEO's ROM, TMP and MTN are ISO's ROU, TLS and MNE; a gold coded with ISO codes matches them.
    #expect(Evaluation.lenientMatch(event("ROMGOV", "040", "HUN"), gold("ROU", "040", "HUNGOV")))
    #expect(Evaluation.lenientMatch(event("IDN", "173", "TMPCVL"), gold("IDN", "173", "TLS")))
    #expect(!Evaluation.lenientMatch(event("ROM", "040", "HUN"), gold("RUS", "040", "HUN")))
}
