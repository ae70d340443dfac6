import Foundation
import Testing

@testable import DyadCoding

// The accuracy floors of issue 5, a few points under the figures `dyad eval` reports for the
// public gold sets in ../shared/data/event-gold/ (docs/accuracy.md keeps the current figures).
// They catch a change that makes coding worse; they skip, saying so, where ../shared is absent.

private let sharedGold: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path + "/../shared/data/event-gold/"
}()

private func score(_ file: String) throws -> Evaluation? {
    guard let data = FileManager.default.contents(atPath: sharedGold + file) else {
        print("skipped: \(sharedGold + file) is absent (the gold sets live in ../shared beside the repository)")
        return nil
    }
    let coder = try #require(sharedCoder)
    var evaluation = Evaluation()
    for line in data.split(separator: 0x0A) where !line.isEmpty {
        let gold = try JSONDecoder().decode(GoldDocument.self, from: Data(line))
        let document = Document(id: gold.id, text: gold.text, date: gold.date.flatMap { EventDate(String($0.prefix(10))) })
        evaluation.add(gold: gold, coded: coder.code(document))
    }
    return evaluation
}

@Test func ploverGoldStandardLenientF1StaysAboveItsFloor() throws {
    guard let evaluation = try score("plover-gsr-dev.jsonl") else { return }
    #expect(evaluation.lenient.f1 >= 0.75, "lenient F1 \(evaluation.lenient.f1)")
    #expect(evaluation.lenient.precision >= 0.80, "lenient precision \(evaluation.lenient.precision)")
}

@Test func petrarchSilverStandardLenientF1StaysAboveItsFloor() throws {
    guard let evaluation = try score("petrarch2-gsr.jsonl") else { return }
    #expect(evaluation.lenient.f1 >= 0.72, "lenient F1 \(evaluation.lenient.f1)")
}
