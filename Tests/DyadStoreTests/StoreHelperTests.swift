import DyadCoding
import Foundation
import GRDB
import Testing

@testable import DyadStore

@Suite struct StoreHelperTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func sha256MatchesTheStandardVectors(input: String, digest: String) {
        #expect(ContentHash.hex(ContentHash.sha256(Array(input.utf8))) == digest)
    }

    @Test func contentHashChangesWithTextAndMetadata() {
        let document = Document(id: "a", text: "Text.", date: EventDate("2023-08-31"), url: "u", source: "AP")
        var other = document
        other.source = "AFP"
        #expect(ContentHash.of(document) != ContentHash.of(other))
        other = document
        other.id = "b"
        #expect(ContentHash.of(document) == ContentHash.of(other), "the id is not content")
    }

    @Test func dateKeysAndDays() throws {
        let day = try #require(EventDate("2023-08-31"))
        #expect(day.dateKey == 20_230_831)
        #expect(try #require(EventDate("2022-08")).dateKey == 20_220_800)
        #expect(try #require(EventDate("2022-08")).upperKey == 20_220_899)
        #expect(EventDate(year: 2022).upperKey == 20_229_999)
        #expect(EventDate(dateKey: 20_220_800)?.description == "2022-08")
        #expect(EventDate(year: 1970, month: 1, day: 1).epochDay == 0)
        #expect(day.epochDay == 19_600)
        #expect(EventDate(year: 1969, month: 12, day: 31).epochDay == -1)
        #expect(DayNumber.civil(fromEpochDay: 19_600) == (2023, 8, 31))
        #expect(StoreClock.iso(epochSeconds: 1_693_440_000) == "2023-08-31T00:00:00Z")
    }

    @Test func prefixRanges() {
        #expect(EventFilter.prefixRange("CHN") == ("CHN", "CHO"))
        #expect(EventFilter.prefixRange("12") == ("12", "13"))
        #expect(EventFilter.prefixRange("A\u{10FFFF}") == ("A\u{10FFFF}", "B"))
    }

    @Test func postgresPlaceholdersAreNumbered() {
        let statement = SQLStatement("SELECT ? + ?, ?", [.int(1), .int(2), .text("x")])
        #expect(statement.numberedSQL == "SELECT $1 + $2, $3")
    }

    @Test func postgresURLs() throws {
        let url = try PostgresURL("postgres://dyad:s%40cret@db.example:5433/events?schema=daily")
        #expect(url.host == "db.example" && url.port == 5433 && url.user == "dyad")
        #expect(url.password == "s@cret" && url.database == "events" && url.schema == "daily")
        #expect(!url.redacted.contains("cret"))
        #expect(throws: StoreError.self) { try PostgresURL("postgres://h/db?schema=Bad-Name") }
        #expect(throws: StoreError.self) { try PostgresURL("postgres://h/db?sslmode=require") }
        #expect(throws: StoreError.self) { try PostgresURL("mysql://h/db") }
    }

    @Test func aMissingStoreIsAClearErrorForReaders() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dyad-missing-\(UUID()).sqlite").path
        let error = try #require(throws: StoreError.self) { try SQLiteEventStore(path: path, mustExist: true) }
        #expect(error.code == .cannotOpen)
        #expect("\(error)".hasPrefix(path + ": no store here"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aLockedDatabaseIsAClearError() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dyad-locked-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteEventStore(path: path, busyTimeout: 0.2)
        let other = try DatabaseQueue(path: path)
        // Another connection, on its own thread, holds the write lock until told to let go.
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        let holder = Thread {
            _ = try? other.write { db in
                try db.execute(sql: "DELETE FROM failure")
                holding.signal()
                _ = release.wait(timeout: .now() + 30)
            }
            done.signal()
        }
        holder.start()
        holding.wait()
        let error = try await #require(throws: StoreError.self) {
            try await store.store([CodedDocument(Fixture.document("a"), events: [Fixture.event(doc: "a")])])
        }
        #expect(error.code == .locked)
        #expect("\(error)".contains("locked by another process"))
        release.signal()
        done.wait()
        try other.close()
        try await store.store([CodedDocument(Fixture.document("a"), events: [Fixture.event(doc: "a")])])
        #expect(try await store.statistics().documents == 1)
        try await store.close()
    }

    @Test func readOnlyAndCorruptDatabasesAreClearErrors() throws {
        let readOnly = SQLiteEventStore.storeError(
            DatabaseError(resultCode: .SQLITE_READONLY, message: "attempt to write a readonly database"),
            database: "x.sqlite")
        #expect(readOnly.code == .readOnly)
        #expect(
            "\(readOnly)" == "x.sqlite: the database is read-only; check the permissions of the file and its folder")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dyad-notadb-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try SQLiteEventStore(path: path) }
        #expect(error.code == .cannotOpen)
        #expect("\(error)".contains("not a Dyad store"))
    }

    @Test func gdeltAndPhoenixRows() throws {
        let event = Fixture.event(
            doc: "d1", sentence: 0, source: "CHNMIL", target: "IGOUNOGOV", code: "1121", quadClass: 3, goldstein: -2,
            date: "2023-08-31", place: Fixture.singapore)
        let stored = StoredEvent(
            id: 42, event: event, numMentions: 3, numArticles: 2, numSources: 2, added: "2026-11-30T12:34:56Z",
            mentions: [
                EventMention(
                    doc: "d1", sentence: 0, span: event.span, text: event.text, source: event.source,
                    target: event.target,
                    dateText: nil, placeFrom: "text", quote: nil, pattern: "p", newsSource: "AP", url: "https://a/1"),
                EventMention(
                    doc: "d2", sentence: 4, span: event.span, text: event.text, source: event.source,
                    target: event.target,
                    dateText: nil, placeFrom: "text", quote: nil, pattern: "p", newsSource: "AFP", url: "https://b/2"),
            ])
        let gdelt = EventExport.gdeltColumns(stored)
        #expect(gdelt.count == 61)
        #expect(gdelt[0] == "42" && gdelt[1] == "20230831" && gdelt[2] == "202308" && gdelt[3] == "2023")
        #expect(gdelt[4] == "2023.7425")
        #expect(Array(gdelt[5...14]) == ["CHNMIL", "THE CHNMIL SIDE", "CHN", "", "", "", "", "MIL", "", ""])
        #expect(Array(gdelt[15...24]) == ["IGOUNOGOV", "THE IGOUNOGOV SIDE", "", "UNO", "", "", "", "IGO", "GOV", ""])
        #expect(Array(gdelt[25...34]) == ["1", "1121", "112", "11", "3", "-2", "3", "2", "2", ""])
        #expect(Array(gdelt[51...58]) == ["", "Singapore", "SGP", "", "", "1.29", "103.85", ""])
        #expect(gdelt[59] == "20261130123456" && gdelt[60] == "https://a/1")
        let phoenix = EventExport.phoenixColumns(stored)
        #expect(phoenix.count == 26)
        #expect(Array(phoenix[0...4]) == ["42", "20230831", "2023", "08", "31"])
        #expect(Array(phoenix[5...12]) == ["CHNMIL", "CHN", "MIL", "", "IGOUNOGOV", "IGO", "", "UNO;GOV"])
        #expect(Array(phoenix[13...17]) == ["1121", "11", "3", "-2", ""])
        #expect(Array(phoenix[18...22]) == ["1.29", "103.85", "Singapore", "", "SGP"])
        #expect(Array(phoenix[23...25]) == ["d1_0;d2_4", "https://a/1;https://b/2", "AP;AFP"])
        #expect(EventExport.phoenixQuadClass(root: "02") == "0" && EventExport.phoenixQuadClass(root: "16") == "3")
        // A role of unknown country has no country column, only its type.
        let unknown = EventActor(code: "---GOV", text: "the government")
        #expect(Array(EventExport.gdeltActor(unknown)[2...9]) == ["", "", "", "", "", "GOV", "", ""])
        #expect(EventExport.phoenixActor("---GOV") == ["---GOV", "", "GOV", ""])
    }

    @Test func storedEventJSONIsTheEventRecordWithItsMentions() throws {
        let event = Fixture.event(doc: "d1", place: Fixture.singapore)
        let stored = StoredEvent(
            id: 7, event: event, numMentions: 1, numArticles: 1, numSources: 1, added: "t", mentions: [])
        let data = try JSONEncoder().encode(stored)
        #expect(try JSONDecoder().decode(Event.self, from: data) == event)
        #expect(try JSONDecoder().decode(StoredEvent.self, from: data) == stored)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["id"] as? Int == 7 && object["num_mentions"] as? Int == 1 && object["quad_class"] as? Int == 3)
    }
}
