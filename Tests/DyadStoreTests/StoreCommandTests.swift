import DyadCoding
import Foundation
import Testing

@testable import DyadStore

/// The store commands as a user runs them: `dyad ingest`, `query`, `dyads`, `export`.
@Suite struct StoreCommandTests {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the built `dyad` with `arguments`; `nil` (with a note) when it is not built.
    static func dyad(_ arguments: [String], in directory: URL) throws -> Output? {
        guard let binary = IngestCrashTests.binary else {
            print("◇ store command tests SKIPPED: the dyad executable is not built (run `swift build` first)")
            return nil
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = directory.appendingPathComponent("out-\(UUID())")
        let err = directory.appendingPathComponent("err-\(UUID())")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dyad-cli-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func ingestRecordsBadDocumentsAndGoesOn() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let feed = """
            {"id": "a", "date": "2023-08-31", "text": "China accused the United States of provocations."}
            {"id": "b", "text": "broken
            {"id": "c", "date": "2023-08-31", "text": "   "}
            {"id": "d", "date": "2023-08-31", "text": "Japan met India."}

            """
        try Data(feed.utf8).write(to: directory.appendingPathComponent("feed.jsonl"))
        guard let first = try Self.dyad(["ingest", "feed.jsonl"], in: directory) else { return }
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("2 stored"))
        #expect(first.stderr.contains("2 failed"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("dyad.sqlite").path))
        let failed = try #require(try Self.dyad(["ingest", "--failed"], in: directory))
        #expect(failed.status == 0)
        let lines = failed.stdout.split(separator: "\n")
        #expect(lines.first == "location\tdoc\treason\tfailed_at")
        #expect(lines.count == 3)
        #expect(lines.contains { $0.hasPrefix("feed.jsonl:2\t") && $0.contains("malformed JSON") })
        #expect(lines.contains { $0.hasPrefix("feed.jsonl:3\t") })
        let again = try #require(try Self.dyad(["ingest", "feed.jsonl"], in: directory))
        #expect(again.status == 0)
        #expect(again.stderr.contains("0 stored, 2 already stored"))
    }

    @Test func storeErrorsAreClear() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        guard let missing = try Self.dyad(["query", "--db", "nope.sqlite"], in: directory) else { return }
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nope.sqlite: no store here"))
        try Data(repeating: 0x41, count: 4096).write(to: directory.appendingPathComponent("junk.sqlite"))
        let junk = try #require(try Self.dyad(["query", "--db", "junk.sqlite"], in: directory))
        #expect(junk.stderr.contains("junk.sqlite: this file is not a Dyad store"))
        let url = try #require(try Self.dyad(["query", "--db", "mysql://x/y"], in: directory))
        #expect(url.stderr.contains("--db takes an SQLite file path or a postgres:// URL"))
        let down = try #require(try Self.dyad(["query", "--db", "postgres://u:secret@127.0.0.1:1/db"], in: directory))
        #expect(down.status != 0)
        #expect(down.stderr.contains("cannot reach the PostgreSQL server"))
        #expect(!down.stderr.contains("secret"))
    }

    @Test func queryDyadsAndExportPrintTheStoredEvents() async throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("events.sqlite").path
        let store = try SQLiteEventStore(path: path)
        try await store.store([
            CodedDocument(
                Fixture.document("d1", source: "AP"),
                events: [
                    Fixture.event(
                        doc: "d1", sentence: 0, code: "112", quadClass: 3, goldstein: -2, date: "2023-08-28",
                        place: Fixture.singapore),
                    Fixture.event(
                        doc: "d1", sentence: 1, source: "USA", target: "CHN", code: "036", quadClass: 1, goldstein: 4,
                        date: "2023-09-02"),
                ]),
            CodedDocument(
                Fixture.document("d2", source: "AFP"),
                events: [
                    Fixture.event(
                        doc: "d2", sentence: 2, code: "112", quadClass: 3, goldstein: -2, date: "2023-08-28",
                        place: Fixture.singapore)
                ]),
        ])
        try await store.close()

        guard let table = try Self.dyad(["query", "--db", path], in: directory) else { return }
        #expect(table.status == 0)
        #expect(table.stdout.split(separator: "\n").count == 4)
        #expect(table.stdout.hasPrefix("id"))
        let tsv = try #require(
            try Self.dyad(["query", "--db", path, "--source", "chn", "--format", "tsv"], in: directory))
        let rows = tsv.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count == 2)
        #expect(
            rows[0].first == "id" && rows[1][2] == "CHN" && rows[1][10] == "2" && rows[1][11] == "2"
                && rows[1][12] == "2")
        let jsonl = try #require(
            try Self.dyad(["query", "--db", path, "--format", "jsonl", "--limit", "1"], in: directory))
        let lines = jsonl.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let stored = try JSONDecoder().decode(StoredEvent.self, from: Data(lines[0].utf8))
        #expect(stored.numMentions == 2 && stored.mentions.map(\.doc) == ["d1", "d2"])
        let csv = try #require(
            try Self.dyad(["query", "--db", path, "--format", "csv", "--code", "03"], in: directory))
        #expect(csv.stdout.split(separator: "\n").count == 2)

        let series = try #require(
            try Self.dyad(
                ["dyads", "--db", path, "--source", "CHN", "--target", "USA", "--by", "week", "--format", "tsv"],
                in: directory))
        #expect(series.status == 0)
        #expect(
            series.stdout == """
                period\tevents\tmentions\tquad1\tquad2\tquad3\tquad4\tgoldstein_mean\tgoldstein_total
                2023-08-28\t1\t2\t0\t0\t1\t0\t-2\t-2

                """)
        let byMonth = try #require(
            try Self.dyad(["dyads", "--db", path, "--actor", "CHN", "--by", "month"], in: directory))
        #expect(byMonth.stdout.contains("2023-08") && byMonth.stdout.contains("2023-09"))

        let gdelt = try #require(try Self.dyad(["export", "--db", path, "--format", "gdelt"], in: directory))
        let gdeltRows = gdelt.stdout.split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
        #expect(gdeltRows.count == 2 && gdeltRows.allSatisfy { $0.count == 61 })
        let phoenix = try #require(
            try Self.dyad(["export", "--db", path, "--format", "phoenix", "-o", "p.txt"], in: directory))
        #expect(phoenix.stderr.contains("exported 2 events"))
        let phoenixText = try String(contentsOf: directory.appendingPathComponent("p.txt"), encoding: .utf8)
        #expect(
            phoenixText.split(separator: "\n").allSatisfy {
                $0.split(separator: "\t", omittingEmptySubsequences: false).count == 26
            })
        let exportCSV = try #require(try Self.dyad(["export", "--db", path, "--format", "csv"], in: directory))
        #expect(exportCSV.stdout.split(separator: "\n").count == 3)
    }
}
