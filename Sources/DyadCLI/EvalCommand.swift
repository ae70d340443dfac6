import ArgumentParser
import DyadCoding
import Foundation

/// `dyad eval`: scores coded events against a hand-coded gold file.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score Dyad's events against hand-coded gold events.",
        discussion: """
            GOLD is JSON Lines: {"id", "date", "text", "events": [{"source", "target", "code" | "plover", \
            "roots"?, "date"?}], "optional": [...]}. Lenient matching compares source and target country \
            (first three letters) and the CAMEO root (or one of "roots", or the PLOVER type); strict matching \
            compares full actor codes and the full code. Events matching an "optional" event count neither \
            for nor against.
            """)

    @Argument(help: "The gold JSON Lines file.")
    var gold: String

    @OptionGroup var coding: CodingOptions

    @Flag(help: "List the extra and missed events of each document.")
    var showErrors = false

    @Flag(help: "Print the scores as one JSON object.")
    var json = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: gold) else {
            throw CLIError("\(gold): cannot read")
        }
        let coder = try coding.makeCoder()
        let decoder = JSONDecoder()
        var evaluation = Evaluation()
        var documents = 0
        var lineNumber = 0
        var badLines = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            let document: GoldDocument
            do {
                document = try decoder.decode(GoldDocument.self, from: Data(line))
            } catch {
                badLines += 1
                FileHandle.standardError.write(
                    Data("dyad: \(gold):\(lineNumber): malformed gold line: \(InputReader.describe(error))\n".utf8))
                continue
            }
            let date = document.date.flatMap { EventDate($0.prefix(10)) }
            let events = coder.code(Document(id: document.id, text: document.text, date: date))
            evaluation.add(gold: document, coded: events)
            documents += 1
        }
        if json {
            printJSON(evaluation, documents: documents)
        } else {
            printTable(evaluation, documents: documents)
        }
        if badLines > 0 { throw CLIError("\(badLines) malformed gold line\(badLines == 1 ? "" : "s") skipped") }
    }

    private func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }

    private func printTable(_ evaluation: Evaluation, documents: Int) {
        var out = "\(gold): \(documents) documents\n\n"
        out += "            precision  recall     F1   (tp/fp/fn)\n"
        for (name, score) in [("lenient", evaluation.lenient), ("strict", evaluation.strict)] {
            out += name.padding(toLength: 12, withPad: " ", startingAt: 0)
            out += "\(format(score.precision))      \(format(score.recall))  \(format(score.f1))"
            out += "   (\(score.truePositives)/\(score.falsePositives)/\(score.falseNegatives))\n"
        }
        if evaluation.datedGold > 0 {
            out += "dates       \(evaluation.datesRight) of \(evaluation.datedGold) dated gold events found with the right date\n"
        }
        if evaluation.outsideOntology > 0 {
            out += "not scored  \(evaluation.outsideOntology) coded statements or appeals (CAMEO 01, 02), which PLOVER has no type for\n"
        }
        out += "\nlenient, by category:\n"
        for (category, score) in evaluation.byCategory.sorted(by: { $0.key < $1.key }) {
            out += "  " + category.padding(toLength: 12, withPad: " ", startingAt: 0)
            out += "P \(format(score.precision))  R \(format(score.recall))  F1 \(format(score.f1))"
            out += "  (\(score.truePositives)/\(score.falsePositives)/\(score.falseNegatives))\n"
        }
        if showErrors {
            out += "\nerrors:\n"
            for entry in evaluation.errors {
                out += "  \(entry.document)\n"
                for event in entry.extras {
                    out += "    extra  \(event.source.code) \(event.code) \(event.target.code)  [\(event.pattern)]\n"
                }
                for event in entry.misses {
                    out += "    missed \(event.source) \(event.code ?? event.plover ?? "?") \(event.target)\n"
                }
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    private func printJSON(_ evaluation: Evaluation, documents: Int) {
        struct Output: Encodable {
            var gold: String
            var documents: Int
            var lenient: Score
            var strict: Score
            var byCategory: [String: Score]
            var datedGold: Int
            var datesRight: Int
            var outsideOntology: Int
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let output = Output(
            gold: gold, documents: documents, lenient: evaluation.lenient, strict: evaluation.strict,
            byCategory: evaluation.byCategory, datedGold: evaluation.datedGold, datesRight: evaluation.datesRight,
            outsideOntology: evaluation.outsideOntology)
        if let data = try? encoder.encode(output) {
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }
}
