import DyadCoding
import Foundation
import Testing

@testable import DyadStore

/// `dyad ingest` killed with SIGKILL mid-run and run again stores every document exactly once.
@Suite(.serialized) struct IngestCrashTests {
    /// The built `dyad` executable, beside the test bundle in the build folder.
    static let binary: URL? = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        let candidates = [
            directory.appendingPathComponent("dyad"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/dyad"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// JSON Lines documents with a few sentences each.
    static func feed(_ count: Int) -> Data {
        let countries = ["China", "the United States", "Russia", "Ukraine", "Japan", "India", "France", "Iran"]
        var lines: [String] = []
        for index in 0..<count {
            let a = countries[index % countries.count]
            let b = countries[(index / countries.count + index + 1) % countries.count]
            let text = """
                BEIJING (AA) - \(a) accused \(b) of provocations on Monday, document \(index) says. \
                \(b) rejected the accusation and urged \(a) to restore military talks. \
                Officials of \(a) met \(b)'s ambassador in the capital.
                """
            let object: [String: String] = [
                "id": "doc-\(index)", "date": "2023-08-\(10 + index % 20)", "text": text,
                "url": "https://example.com/\(index)", "source": index % 3 == 0 ? "AP" : "AFP",
            ]
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            lines.append(String(decoding: data, as: UTF8.self))
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    @Test(arguments: StoreKind.allCases)
    func sigkillMidIngestThenRerunStoresEveryDocumentOnce(kind: StoreKind) async throws {
        guard let binary = Self.binary else {
            print("◇ SIGKILL ingest test SKIPPED: the dyad executable is not built (run `swift build` first)")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dyad-kill-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let documents = 300
        let input = directory.appendingPathComponent("feed.jsonl")
        try Self.feed(documents).write(to: input)

        let location: String
        let cleanLocation: String
        var schemas: [String] = []
        switch kind {
        case .sqlite:
            location = directory.appendingPathComponent("killed.sqlite").path
            cleanLocation = directory.appendingPathComponent("clean.sqlite").path
        case .postgres:
            guard let url = TestStores.postgresURL else {
                _ = TestStores.announceSkip
                return
            }
            let separator = url.contains("?") ? "&" : "?"
            let suffix = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            schemas = ["dyad_kill_" + suffix, "dyad_clean_" + suffix]
            location = url + separator + "schema=" + schemas[0]
            cleanLocation = url + separator + "schema=" + schemas[1]
        }
        let cleanupSchemas = schemas
        do {
            try await check(
                kind, binary: binary, input: input, documents: documents, location: location,
                cleanLocation: cleanLocation, directory: directory)
        } catch {
            try await Self.dropSchemas(cleanupSchemas)
            throw error
        }
        try await Self.dropSchemas(cleanupSchemas)
    }

    static func dropSchemas(_ schemas: [String]) async throws {
        guard let url = TestStores.postgresURL, !schemas.isEmpty else { return }
        let admin = try await PostgresEventStore.connect(url: url)
        for schema in schemas { try? await admin.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE") }
        try await admin.close()
    }

    private func check(
        _ kind: StoreKind, binary: URL, input: URL, documents: Int, location: String, cleanLocation: String,
        directory: URL
    ) async throws {
        let store = try await StoreLocation(location).open()
        let arguments = ["ingest", input.path, "--db", location, "--batch-size", "3", "--jobs", "2"]

        // Two runs read the feed from a pipe that is never closed, so neither can finish: one is given
        // the first third and killed with SIGKILL as soon as it has stored something, the next the first
        // two thirds and killed once it has stored 30 more. Then a run over the whole file to the end.
        signal(SIGPIPE, SIG_IGN)
        let lines = try String(contentsOf: input, encoding: .utf8).split(separator: "\n")
        var killedAt: [Int] = []
        for (given, step) in [(documents / 3, 1), (2 * documents / 3, 30)] {
            let before = try await store.statistics().documents
            let pipe = Pipe()
            let piped = ["ingest", "-", "--db", location, "--batch-size", "3", "--jobs", "2"]
            let process = try Self.start(binary, piped, in: directory, input: pipe.fileHandleForReading)
            try pipe.fileHandleForWriting.write(contentsOf: Data((lines[..<given].joined(separator: "\n") + "\n").utf8))
            let deadline = Date().addingTimeInterval(300)
            while process.isRunning, Date() < deadline {
                if try await store.statistics().documents >= min(given, before + step) { break }
                try await Task.sleep(nanoseconds: 2_000_000)
            }
            #expect(process.isRunning, "ingest of an open pipe ended early (status \(process.terminationStatus))")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? pipe.fileHandleForWriting.close()
            #expect(process.terminationReason == .uncaughtSignal)
            killedAt.append(try await store.statistics().documents)
        }
        print("◇ [\(kind)] killed ingest with SIGKILL after \(killedAt) of \(documents) documents were stored")
        #expect(killedAt.count == 2 && killedAt[0] >= 1 && killedAt[1] <= 2 * documents / 3)
        let last = try Self.start(binary, arguments, in: directory)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)

        // Nothing lost, nothing doubled, no partial document; the same as an ingest that was never killed.
        let stats = try await store.statistics()
        #expect(stats.documents == documents)
        #expect(stats.failures == 0)
        let clean = try Self.start(binary, ["ingest", input.path, "--db", cleanLocation], in: directory)
        clean.waitUntilExit()
        #expect(clean.terminationStatus == 0)
        let reference = try await StoreLocation(cleanLocation).open()
        #expect(try await reference.statistics() == stats)
        let killedEvents = try await Fixture.all(store).map(\.mentions.count)
        #expect(killedEvents.reduce(0, +) == stats.mentions)
        #expect(killedEvents.allSatisfy { $0 > 0 })
        let referenceEvents = try await Fixture.all(reference)
        #expect(
            referenceEvents.map(\.numMentions).sorted() == (try await Fixture.all(store)).map(\.numMentions).sorted())
        let partial = SQLStatement(
            """
            SELECT COUNT(*) FROM document d
            WHERE d.mention_count != (SELECT COUNT(*) FROM mention m WHERE m.doc_id = d.id)
            """)
        if let sqlite = store as? SQLiteEventStore {
            #expect(try await sqlite.rows(partial).first?.first?.int == 0)
            #expect(try await sqlite.rows(SQLStatement("PRAGMA integrity_check")).first?.first?.text == "ok")
        }
        if let postgres = store as? PostgresEventStore {
            #expect(try await postgres.rows(partial).first?.first?.int == 0)
        }
        try await reference.close()
        try await store.close()
    }

    static func start(
        _ binary: URL, _ arguments: [String], in directory: URL, input: FileHandle = .nullDevice
    ) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = input
        try process.run()
        return process
    }
}
