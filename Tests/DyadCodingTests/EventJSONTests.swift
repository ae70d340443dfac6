import Foundation
import Testing

@testable import DyadCoding

@Test func eventJSONLineIsValidJSONWithCanonicalKeys() throws {
    let event = Event(
        doc: "d\"1", sentence: 2, span: TextSpan(start: 10, end: 40), text: "Line\nwith \"quotes\"\t",
        source: EventActor(code: "CHNMIL", text: "China's Defense Ministry"),
        target: EventActor(code: "USA", text: "the US", name: nil), code: "112", root: "11", name: "Accuse",
        plover: "DISAPPROVE", goldstein: -2, quadClass: 3, date: EventDate(year: 2023, month: 8), dateText: "last August",
        place: EventPlace(name: "Singapore", country: "SGP", lat: 1.29, lon: 103.85, from: "text"), quote: nil,
        pattern: "blame *")
    let line = EventJSON.line(event)
    #expect(!line.contains("\n"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(object["doc"] as? String == "d\"1")
    #expect(object["quad_class"] as? Int == 3)
    #expect(object["date"] as? String == "2023-08")
    #expect((object["source"] as? [String: Any])?["code"] as? String == "CHNMIL")
    #expect((object["place"] as? [String: Any])?["from"] as? String == "text")
    // The hand-written JSON decodes back into the same event.
    let decoded = try JSONDecoder().decode(Event.self, from: Data(line.utf8))
    #expect(decoded == event)
}
