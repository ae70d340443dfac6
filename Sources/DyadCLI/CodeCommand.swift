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

    @Option(help: "Documents coded at once, on that many threads (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Write each document's events as soon as they are coded, not in input order (faster on uneven input).")
    var unordered = false

    func run() throws {
        guard let format = OutputFormat(rawValue: format) else {
            throw ValidationError("--format must be one of table, jsonl, tsv (not '\(format)')")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        let reader = try coding.makeReader()
        let coder = try coding.makeCoder()
        if paths.isEmpty {
            var writer = EventWriter(format: format)
            writer.write(coder.code(ExampleArticle.document))
            return
        }
        let threads = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let pipeline = CodingPipeline(coder: coder, writer: EventWriter(format: format), jobs: threads, ordered: !unordered)
        var failures = 0
        var documents = 0
        try reader.read(paths) { item in
            switch item {
            case .document: documents += 1
            case .failure: failures += 1
            }
            pipeline.submit(item)
        }
        pipeline.finish()
        if failures > 0 {
            throw CLIError("\(failures) input\(failures == 1 ? "" : "s") could not be coded (\(documents) coded)")
        }
    }
}

/// Codes documents on several threads and writes their events, in input order or as they are
/// done, flushing after each document.
///
/// At most `window` items (four per thread) are read ahead of the output, so memory stays
/// bounded however long the input is; the reader waits in `submit` when the window is full. A
/// failure to read an input is written to standard error in its place in the order. With one
/// job, documents are coded on the calling thread, one after the other.
final class CodingPipeline: @unchecked Sendable {
    private let coder: Coder
    private let jobs: Int
    private let ordered: Bool
    private let window: Int
    /// Guards everything below.
    private let condition = NSCondition()
    private var writer: EventWriter
    /// Documents waiting for a thread, with their sequence numbers.
    private var queue: [(sequence: Int, document: Document)] = []
    private var queueHead = 0
    /// Results not yet written, by sequence number (ordered output only).
    private var results: [Int: Result] = [:]
    private var nextSequence = 0
    private var nextToWrite = 0
    private var inFlight = 0
    private var closed = false
    private var threads: [Thread] = []

    private enum Result {
        case events([Event])
        case failure(InputFailure)
    }

    init(coder: Coder, writer: EventWriter, jobs: Int, ordered: Bool) {
        self.coder = coder
        self.writer = writer
        self.jobs = max(1, jobs)
        self.ordered = ordered
        self.window = max(2, 4 * jobs)
        guard self.jobs > 1 else { return }
        for _ in 0..<self.jobs {
            let thread = Thread { [self] in work() }
            // The coder recurses over parse trees; give worker threads the main thread's stack.
            thread.stackSize = 8 << 20
            threads.append(thread)
            thread.start()
        }
    }

    /// Hands an item over for coding, waiting while the window is full.
    func submit(_ item: InputItem) {
        guard jobs > 1 else {
            switch item {
            case .document(let document): writer.write(coder.code(document))
            case .failure(let failure): write(.failure(failure))
            }
            return
        }
        condition.lock()
        defer { condition.unlock() }
        while inFlight >= window { condition.wait() }
        let sequence = nextSequence
        nextSequence += 1
        inFlight += 1
        switch item {
        case .document(let document):
            queue.append((sequence, document))
            condition.broadcast()
        case .failure(let failure):
            complete(sequence, .failure(failure))
        }
    }

    /// Waits until every submitted item is written, then stops the threads.
    func finish() {
        guard jobs > 1 else {
            writer.flush()
            return
        }
        condition.lock()
        closed = true
        condition.broadcast()
        while inFlight > 0 { condition.wait() }
        condition.unlock()
        writer.flush()
    }

    /// A worker thread: codes queued documents until the pipeline is closed and the queue empty.
    private func work() {
        condition.lock()
        while true {
            while queueHead == queue.count && !closed { condition.wait() }
            guard queueHead < queue.count else { break }
            let (sequence, document) = queue[queueHead]
            queueHead += 1
            if queueHead > 1024 && queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            condition.unlock()
            let events = coder.code(document)
            condition.lock()
            complete(sequence, .events(events))
        }
        condition.unlock()
    }

    /// Records a result and writes what can be written. Called with the lock held.
    private func complete(_ sequence: Int, _ result: Result) {
        if !ordered {
            write(result)
            inFlight -= 1
            condition.broadcast()
            return
        }
        results[sequence] = result
        while let next = results.removeValue(forKey: nextToWrite) {
            write(next)
            nextToWrite += 1
            inFlight -= 1
        }
        condition.broadcast()
    }

    private func write(_ result: Result) {
        switch result {
        case .events(let events):
            writer.write(events)
        case .failure(let failure):
            writer.flush()
            FileHandle.standardError.write(Data("dyad: \(failure)\n".utf8))
        }
    }
}
