import Foundation
import Testing

@Test func explainShowsParseActorsDecisionsAndEvents() throws {
    let result = try DyadBinary.run(["explain", "--date", "2024-05-02", "China criticized Japan on Monday."])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("parse:"))
    #expect(result.stdout.contains("Japan = JPN"))
    #expect(result.stdout.contains("criticize: pattern"))
    #expect(result.stdout.contains("CHN 111 JPN"))
}

@Test func explainSaysWhyNothingWasCoded() throws {
    let result = try DyadBinary.run(["explain", "--no-parse", "China did not criticize Japan."])
    #expect(result.status == 0)
    #expect(result.stdout.contains("negated, no event"))
    #expect(result.stdout.contains("events: none"))
    #expect(!result.stdout.contains("parse:"))
}

@Test func explainAsJSONIsOneObjectPerSentence() throws {
    let result = try DyadBinary.run(["explain", "--format", "json", "China criticized Japan. Iran expelled two French diplomats."])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    for line in lines {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["explanation"] != nil && object["events"] != nil)
    }
}

@Test func quotesOfTheExampleArticleNameTheirSpeakers() throws {
    let result = try DyadBinary.run(["quotes"])
    #expect(result.status == 0, "\(result.stderr)")
    var speakers: [String: [String]] = [:]
    for line in result.stdout.split(separator: "\n") {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let speaker = try #require(object["speaker"] as? [String: Any])
        let text = try #require(object["text"] as? String)
        let span = try #require(object["span"] as? [Int])
        #expect(span.count == 2 && span[0] < span[1])
        speakers[(speaker["name"] as? String) ?? (speaker["code"] as? String ?? ""), default: []].append(text)
    }
    // The quote that runs over two sentences before "said … Wu Qian" is one quotation.
    #expect(speakers["Wu Qian"]?.contains { $0.hasPrefix("Beijing and Washington") && $0.contains("Nevertheless") } == true)
    #expect(speakers["Wu Qian"]?.contains { $0.hasPrefix("The US side, when it is undermining") } == true)
    #expect(speakers["Antony Blinken"]?.contains { $0.hasPrefix("It is absolutely vital") && $0.contains("That imperative") } == true)
}
