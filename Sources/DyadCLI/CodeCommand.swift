import ArgumentParser
import DyadCoding
import DyadText
import Foundation

/// Options shared by the commands that code text: the publication date and user dictionaries.
struct CodingOptions: ParsableArguments {
    @Option(
        help: """
            Publication date (YYYY-MM-DD) of text input; JSON Lines documents carry their own. Without one, \
            relative dates ("last August") are resolved against today.
            """)
    var date: String?

    @Option(
        name: .customLong("dictionary"),
        help: "A folder of dictionary files that replace the bundled ones of the same name (e.g. people.txt).")
    var dictionaryDirectory: String?

    @Option(help: "A syntax model written by `dyad train`, instead of the bundled one.")
    var model: String?

    @Option(help: "Refuse documents larger than this many bytes (default 16 MiB).")
    var maxBytes: Int = InputReader.defaultMaximumDocumentSize

    /// The reader of inputs with these options.
    func makeReader() throws -> InputReader {
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive") }
        return InputReader(defaultDate: try publicationDate(), maximumDocumentSize: maxBytes)
    }

    /// The parsed `--date`, or a validation error naming the option.
    func publicationDate() throws -> EventDate? {
        guard let date else { return nil }
        guard let parsed = EventDate(date) else {
            throw ValidationError("--date must be YYYY-MM-DD (or YYYY-MM, YYYY), not '\(date)'")
        }
        return parsed
    }

    /// The coder with the bundled model and the dictionaries, overridden from `--dictionary`.
    func makeCoder() throws -> Coder {
        var overrides: [String: (path: String, text: String)] = [:]
        if let directory = dictionaryDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CLIError("--dictionary \(directory): no such folder")
            }
            for name in CodingDictionaries.fileNames {
                let path = directory + "/" + name
                guard FileManager.default.fileExists(atPath: path) else { continue }
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CLIError("\(path): cannot read")
                }
                if let offset = InputReader.invalidUTF8Offset(data) {
                    throw CLIError("\(path): not valid UTF-8 (at byte \(offset))")
                }
                overrides[name] = (path, String(decoding: data, as: UTF8.self))
            }
        }
        do {
            let dictionaries = overrides.isEmpty ? try CodingDictionaries.bundled() : try CodingDictionaries(overrides: overrides)
            let analyzer = try model.map { try Analyzer(modelAt: $0) } ?? Analyzer.bundled()
            return Coder(analyzer: analyzer, dictionaries: dictionaries)
        } catch {
            throw CLIError("\(error)")
        }
    }
}

/// An error for the user: printed as one line, exit status 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// `dyad code`: codes documents and prints their events.
struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Code news text into CAMEO events.",
        discussion: """
            PATH is a text file, a JSON Lines file ({"id","date","text"} a line, optional "url", "source"), \
            a directory (read recursively), or - for standard input. With no PATH, codes the bundled example \
            article. Problems with an input are reported on standard error, one line each, and the other \
            inputs are still coded; the exit status is 1 when any input failed.
            """)

    @Argument(help: "Files, directories or - (standard input). None: the bundled example article.")
    var paths: [String] = []

    @OptionGroup var coding: CodingOptions

    @Option(help: "Output format: table, jsonl or tsv.")
    var format: String = "table"

    func run() throws {
        guard let format = OutputFormat(rawValue: format) else {
            throw ValidationError("--format must be one of table, jsonl, tsv (not '\(format)')")
        }
        let reader = try coding.makeReader()
        let coder = try coding.makeCoder()
        var writer = EventWriter(format: format)
        var failures = 0
        var documents = 0
        if paths.isEmpty {
            writer.write(coder.code(ExampleArticle.document))
            return
        }
        do {
            try reader.read(paths) { item in
                switch item {
                case .document(let document):
                    documents += 1
                    writer.write(coder.code(document))
                case .failure(let failure):
                    failures += 1
                    writer.flush()
                    FileHandle.standardError.write(Data("dyad: \(failure)\n".utf8))
                }
            }
        }
        writer.flush()
        if failures > 0 {
            throw CLIError("\(failures) input\(failures == 1 ? "" : "s") could not be coded (\(documents) coded)")
        }
    }
}
