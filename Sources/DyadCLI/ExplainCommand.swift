import ArgumentParser
import DyadCoding
import Foundation

/// `dyad explain`: why each event was (or was not) coded — for each sentence its parse, the
/// actors found and how, and every pattern that fired or was rejected, with the reason.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why Dyad coded (or did not code) each event: the parse, the actors, the patterns.",
        discussion: """
            Each INPUT is a file, a directory or - (standard input) when such a path exists, and otherwise \
            text to explain: `dyad explain "China criticized Japan on Monday."`. With no INPUT, explains \
            the bundled example article. For each sentence it prints the dependency parse (index, word, \
            lemma, part of speech, head, relation), the actors found and how each was resolved, one line \
            per decision of the coder (a pattern that fired, or why a predicate made no event), and the \
            events. `--format json` writes one JSON object per sentence instead.
            """)

    @Argument(help: "Text to explain, or files, directories or -. None: the bundled example article.")
    var inputs: [String] = []

    @OptionGroup var coding: CodingOptions

    @Option(help: "Output format: text or json.")
    var format: String = "text"

    @Flag(help: "Leave out the parse of each sentence.")
    var noParse = false

    func run() throws {
        guard ["text", "json"].contains(format) else {
            throw ValidationError("--format must be text or json (not '\(format)')")
        }
        let reader = try coding.makeReader()
        let coder = try coding.makeCoder()
        var failures = 0
        if inputs.isEmpty {
            explain(coder.explain(ExampleArticle.document), document: ExampleArticle.document)
            return
        }
        for input in inputs {
            let isPath = input == "-" || FileManager.default.fileExists(atPath: input)
            guard isPath else {
                let document = Document(id: "text", text: input, date: try coding.publicationDate() ?? InputReader.today())
                explain(coder.explain(document), document: document)
                continue
            }
            try reader.read([input]) { item in
                switch item {
                case .document(let document):
                    explain(coder.explain(document), document: document)
                case .failure(let failure):
                    failures += 1
                    FileHandle.standardError.write(Data("dyad: \(failure)\n".utf8))
                }
            }
        }
        if failures > 0 {
            throw CLIError("\(failures) input\(failures == 1 ? "" : "s") could not be explained")
        }
    }

    private func explain(_ result: (events: [Event], sentences: [SentenceExplanation]), document: Document) {
        var out = ""
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            for sentence in result.sentences {
                var object = "{\"doc\":\(EventJSON.quoted(document.id)),\"explanation\":"
                object += (try? encoder.encode(sentence)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
                let events = result.events.filter { $0.sentence == sentence.index }.map(EventJSON.line)
                object += ",\"events\":[" + events.joined(separator: ",") + "]}\n"
                out += object
            }
        } else {
            out += "== \(document.id) (published \(document.date?.description ?? "unknown"))\n"
            for sentence in result.sentences {
                out += "\n[\(sentence.index)] \(sentence.text)\n"
                if !noParse {
                    out += "  parse:\n"
                    for (index, word) in sentence.tokens.enumerated() {
                        let head = word.head < 0 ? "root" : String(word.head)
                        out += "    \(index)\t\(word.form)\t\(word.lemma)\t\(word.upos)\t\(head)\t\(word.relation)\n"
                    }
                }
                if !sentence.actors.isEmpty {
                    out += "  actors:\n"
                    for actor in sentence.actors {
                        out += "    \(actor.text) = \(actor.code)  (\(actor.how))\n"
                    }
                }
                if !sentence.notes.isEmpty {
                    out += "  decisions:\n"
                    for note in sentence.notes { out += "    \(note)\n" }
                }
                let events = result.events.filter { $0.sentence == sentence.index }
                if events.isEmpty {
                    out += "  events: none\n"
                } else {
                    out += "  events:\n"
                    for event in events {
                        out += "    \(event.source.code) \(event.code) \(event.target.code)  \(event.name)"
                        out += "  date \(event.date)"
                        if let place = event.place { out += "  place \(place.name) (\(place.from))" }
                        out += "  [\(event.pattern)]\n"
                    }
                }
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

/// `dyad quotes`: the quotations of documents with their speakers, as JSON Lines.
struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Print the quotations of documents with their speakers, as JSON Lines.",
        discussion: """
            One line per quotation: doc, speaker (code, text, name for a person), cue (the verb that \
            introduced it), text, span (code points [start, end) in the document) and direct (true between \
            quotation marks, false for reported speech). A quote that runs across sentences is one line. \
            PATH is read as by `dyad code`; with no PATH, the bundled example article.
            """)

    @Argument(help: "Files, directories or - (standard input). None: the bundled example article.")
    var paths: [String] = []

    @OptionGroup var coding: CodingOptions

    func run() throws {
        let reader = try coding.makeReader()
        let coder = try coding.makeCoder()
        func write(_ document: Document) {
            let lines = coder.quotations(document).map { $0.jsonLine + "\n" }.joined()
            FileHandle.standardOutput.write(Data(lines.utf8))
        }
        if paths.isEmpty {
            write(ExampleArticle.document)
            return
        }
        var failures = 0
        try reader.read(paths) { item in
            switch item {
            case .document(let document): write(document)
            case .failure(let failure):
                failures += 1
                FileHandle.standardError.write(Data("dyad: \(failure)\n".utf8))
            }
        }
        if failures > 0 {
            throw CLIError("\(failures) input\(failures == 1 ? "" : "s") could not be read")
        }
    }
}
