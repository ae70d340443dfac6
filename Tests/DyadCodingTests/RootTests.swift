import Testing

@testable import DyadCoding

// More sentences of our own for every CAMEO root (with those in CoderTests.rootCases, at least two
// a root), and for each root a sentence that must not produce it: a negated, hypothetical,
// conditional, asked-for or refused act of that kind.

private let moreRootCases: [Case] = [
    Case(text: "The Chinese foreign ministry commented on the Japanese election results.", source: "CHNGOV", code: "01", target: "JPN"),
    Case(text: "Kenya appealed to the United Nations for food aid.", source: "KEN", code: "02", target: "IGOUNO"),
    Case(text: "Brazil called on Argentina to lower its tariffs.", source: "BRA", code: "02", target: "ARG"),
    Case(text: "Spain promised to send humanitarian aid to Morocco.", source: "ESP", code: "03", target: "MAR"),
    Case(text: "Germany and France agreed to share intelligence on terrorism.", source: "DEU", code: "03", target: "FRA"),
    Case(text: "The Saudi foreign minister held talks with his Iranian counterpart in Beijing.", source: "SAUGOV", code: "04", target: "IRN"),
    Case(text: "Japan and Australia signed a defense cooperation agreement.", source: "JPN", code: "06", target: "AUS"),
    Case(text: "India exported rice to Bangladesh under the trade agreement.", source: "IND", code: "06", target: "BGD"),
    Case(text: "Japan provided economic assistance to the Philippines.", source: "JPN", code: "07", target: "PHL"),
    Case(text: "Israel eased restrictions on Palestinian workers.", source: "ISR", code: "08", target: "PSE"),
    Case(text: "Sudanese rebels declared a ceasefire with the government.", source: "SDNREB", code: "08", target: "SDNGOV"),
    Case(text: "The International Criminal Court opened an investigation into Russian war crimes.", source: "IGO", code: "09", target: "RUS"),
    Case(text: "Ukraine demanded compensation from Russia.", source: "UKR", code: "10", target: "RUS"),
    Case(text: "Canada condemned China for the detention of its citizens.", source: "CAN", code: "11", target: "CHN"),
    Case(text: "Israel refused to release the Palestinian prisoners.", source: "ISR", code: "12", target: "PSE"),
    Case(text: "India refused to attend the talks with Pakistan.", source: "IND", code: "12", target: "PAK"),
    Case(text: "Iran warned Israel against any attack on its nuclear facilities.", source: "IRN", code: "13", target: "ISR"),
    Case(text: "Turkey threatened to invade Syria.", source: "TUR", code: "13", target: "SYR"),
    Case(text: "Workers in Argentina went on strike against the government.", source: "ARGLAB", code: "14", target: "ARGGOV"),
    Case(text: "Farmers blockaded the roads to protest against the French government.", source: "FRA", code: "14", target: "FRAGOV"),
    Case(text: "China held military exercises near Taiwan.", source: "CHN", code: "15", target: "TWN"),
    Case(text: "Russia cut diplomatic ties with Lithuania.", source: "RUS", code: "16", target: "LTU"),
    Case(text: "The Turkish government banned protests in Istanbul.", source: "TURGOV", code: "17", target: "TUR"),
    Case(text: "Nicaraguan police detained several opposition candidates.", source: "NICCOP", code: "17", target: "NICOPP"),
    Case(text: "Islamist militants in Mali kidnapped two Italian aid workers.", source: "MLIREB", code: "18", target: "ITA"),
    Case(text: "A suicide bomber attacked a Pakistani army convoy.", source: "PAK", code: "18", target: "PAK"),
    Case(text: "Al-Shabab militants bombed a hotel in Mogadishu.", source: "SOMREB", code: "18", target: "SOM"),
    Case(text: "Ethiopian troops fought Eritrean forces along the border.", source: "ETH", code: "19", target: "ERIMIL"),
    Case(text: "Serbian forces carried out a massacre of Bosnian civilians.", source: "SRBMIL", code: "20", target: "BIHCVL"),
    Case(text: "Government troops used chemical weapons against Syrian civilians.", source: "SYRMIL", code: "20", target: "SYRCVL"),
]

@Test(arguments: moreRootCases)
func anotherSentenceOfTheRootIsCoded(_ case_: Case) throws {
    let events = try code(case_.text)
    #expect(
        events.contains { $0.source.code.hasPrefix(case_.source) && $0.root == case_.code && $0.target.code.hasPrefix(case_.target) },
        "expected \(case_.source) \(case_.code) \(case_.target), got \(events.map { "\($0.source.code) \($0.code) \($0.target.code)" })")
}

/// A sentence and a root it must not produce.
struct Negative: CustomTestStringConvertible, Sendable {
    var text: String
    var root: String
    var testDescription: String { "\(root): \(text)" }
}

private let negativeCases: [Negative] = [
    Negative(text: "Russia denied that its forces attacked the convoy.", root: "19"),
    Negative(text: "China did not criticize Japan.", root: "11"),
    Negative(text: "Japan may send aid to the Philippines.", root: "07"),
    Negative(text: "If talks fail, Iran could expel the inspectors.", root: "16"),
    Negative(text: "Egypt urged Israel to release the prisoners.", root: "08"),
    Negative(text: "Turkey threatened to invade Syria.", root: "19"),
    Negative(text: "India refused to attend the talks with Pakistan.", root: "04"),
    Negative(text: "The Cuban president promised to visit Venezuela.", root: "04"),
    Negative(text: "Analysts said China could impose sanctions on Australia.", root: "16"),
    Negative(text: "Chile would never recognize the new government of Peru.", root: "05"),
    Negative(text: "Kenyan students held demonstrations in Nairobi to demand the resignation of the president.", root: "10"),
    Negative(text: "Germany demanded that Turkey free the journalists.", root: "08"),
]

@Test(arguments: negativeCases)
func aSentenceDoesNotProduceARootItOnlyMentions(_ case_: Negative) throws {
    let events = try code(case_.text)
    #expect(!events.contains { $0.root == case_.root }, "coded \(events.map { "\($0.source.code) \($0.code) \($0.target.code)" })")
}
