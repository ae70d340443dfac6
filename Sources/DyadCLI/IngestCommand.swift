import ArgumentParser
import DyadCoding
import DyadStore
import Foundation

/// `dyad ingest`: codes documents on all cores and stores them, their sentences and their events.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Code documents and store them with their events (SQLite by default, or PostgreSQL).",
        discussion: """
            PATH is what `dyad code` reads: text files, JSON Lines files ({"id","date","text","url","source"} a \
            line), directories (recursively) or - for standard input. Documents are coded on all cores and \
            stored in batches, one transaction per batch. A document already stored with the same id and \
            content is skipped; a changed one is coded again and replaces the old one. Killed at any point, \
            the same command run again stores what is missing, each document exactly once.

            The same event reported by several articles (same source, target, CAMEO code, date and place) \
            is stored once with all its mentions. A document that cannot be read or coded is recorded with \
            its reason and the others go on; --failed lists them.

            Examples:
              dyad ingest news/ --db events.sqlite
              dyad ingest feed.jsonl --db postgres://dyad:secret@127.0.0.1:5432/events
              dyad ingest --failed
            """)

    @Argument(help: "Files, directories or - (standard input).")
    var paths: [String] = []

    @OptionGroup var store: StoreOptions
    @OptionGroup var coding: CodingOptions

    @Flag(help: "List the documents that failed (location, document id, reason, time) instead of ingesting.")
    var failed = false

    @Option(name: .customLong("batch-size"), help: "Documents per transaction.")
    var batchSize = 64

    @Option(help: "Documents coded at once (default: the number of cores).")
    var jobs: Int?

    func validate() throws {
        if !failed, paths.isEmpty { throw ValidationError("give the files, directories or - to ingest (or --failed)") }
        if failed, !paths.isEmpty { throw ValidationError("--failed lists failures; it takes no PATH") }
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        if failed {
            try await listFailures()
            return
        }
        let reader = try coding.makeReader()
        let coder = try coding.makeCoder()
        let store = try await store.open()
        // The input is read on a thread of its own, a few batches ahead of the coders, so a feed of
        // any length (or standard input, as it arrives) is stored without being held in memory.
        let items = ReadAhead<IngestItem>(capacity: max(256, batchSize * 8))
        let paths = self.paths
        let readerThread = Thread {
            items.produce { put in
                try reader.read(paths) { item in
                    switch item {
                    case .document(let document): try put(.document(document, location: nil))
                    case .failure(let failure): try put(.failure(location: failure.location, reason: failure.reason))
                    }
                }
            }
        }
        readerThread.start()
        let progress = StoreProgress()
        let ingester = Ingester(
            store: store, concurrency: jobs ?? ProcessInfo.processInfo.activeProcessorCount, batchSize: batchSize
        ) { document in coder.code(document) }
        do {
            let result = try await ingester.run(total: reader.estimatedCount(paths), report: { progress.update($0) }) {
                try await items.next()
            }
            progress.finish(result)
            try await store.close()
        } catch {
            items.cancel()
            try? await store.close()
            throw error
        }
    }

    private func listFailures() async throws {
        let store = try await store.open(mustExist: true)
        let failures: [IngestFailure]
        do {
            failures = try await store.failures()
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
        guard !failures.isEmpty else {
            StoreOutput.note("no failed documents")
            return
        }
        var output = StoreOutput()
        output.line(["location", "doc", "reason", "failed_at"].joined(separator: "\t"))
        for failure in failures {
            output.line(
                [failure.location, failure.doc ?? "", failure.reason, failure.failedAt].map(StoreOutput.tsv)
                    .joined(separator: "\t"))
        }
        output.flush()
    }
}
