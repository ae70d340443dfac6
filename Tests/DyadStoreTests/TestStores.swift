import DyadCoding
import Foundation

@testable import DyadStore

/// The two stores every store test runs against.
enum StoreKind: String, CaseIterable, Sendable {
    case sqlite, postgres
}

/// Makes empty stores for tests: an in-memory SQLite database, or a fresh PostgreSQL schema.
enum TestStores {
    /// The test server's URL, from `DYAD_TEST_POSTGRES_URL` (`.ci/run` starts a server and sets it).
    static let postgresURL: String? = {
        let url = ProcessInfo.processInfo.environment["DYAD_TEST_POSTGRES_URL"]
        return url?.isEmpty == false ? url : nil
    }()

    static let announceSkip: Void = {
        print(
            """
            ◇ PostgreSQL store tests SKIPPED: DYAD_TEST_POSTGRES_URL is not set, so there is no PostgreSQL \
            server to test against (.ci/run installs and starts one; locally: \
            DYAD_TEST_POSTGRES_URL=postgres://USER:PASS@127.0.0.1:5432/DB swift test)
            """)
    }()

    /// Runs `body` with an empty store of `kind`, or prints why and returns when PostgreSQL is absent.
    static func with(_ kind: StoreKind, _ body: (any EventStore) async throws -> Void) async throws {
        switch kind {
        case .sqlite:
            let store = try SQLiteEventStore.inMemory()
            try await body(store)
            try await store.close()
        case .postgres:
            guard let url = postgresURL else {
                _ = announceSkip
                return
            }
            let schema = "dyad_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let separator = url.contains("?") ? "&" : "?"
            let store = try await PostgresEventStore.connect(url: url + separator + "schema=" + schema)
            do {
                try await body(store)
            } catch {
                try? await store.execute("DROP SCHEMA \(schema) CASCADE")
                try? await store.close()
                throw error
            }
            try await store.execute("DROP SCHEMA \(schema) CASCADE")
            try await store.close()
        }
    }
}

/// Builds synthetic events and documents for tests.
enum Fixture {
    static func event(
        doc: String, sentence: Int = 0, source: String = "CHN", target: String = "USA", code: String = "112",
        quadClass: Int = 3, goldstein: Double? = -2, date: String = "2023-08-31", place: EventPlace? = nil,
        pattern: String = "accuse * of", text: String? = nil, dateText: String? = nil, quote: EventQuote? = nil
    ) -> Event {
        let sentenceText = text ?? "Sentence \(sentence) of \(doc)."
        return Event(
            doc: doc, sentence: sentence,
            span: TextSpan(start: sentence * 100, end: sentence * 100 + sentenceText.count),
            text: sentenceText, source: EventActor(code: source, text: "the \(source) side", name: nil),
            target: EventActor(code: target, text: "the \(target) side", name: source == "CHN" ? "Lloyd Austin" : nil),
            code: code, root: String(code.prefix(2)), name: "name of \(code)", plover: "ACCUSE", goldstein: goldstein,
            quadClass: quadClass, date: EventDate(date) ?? EventDate(year: 2023), dateText: dateText, place: place,
            quote: quote, pattern: pattern)
    }

    static func document(_ id: String, text: String = "Some text.", source: String? = "AP", url: String? = nil)
        -> Document
    {
        Document(
            id: id, text: text, date: EventDate("2023-08-31"), url: url ?? "https://example.com/\(id)", source: source)
    }

    static let singapore = EventPlace(name: "Singapore", country: "SGP", lat: 1.29, lon: 103.85, from: "text")

    /// All events in `store`, by id.
    static func all(_ store: any EventStore, _ filter: EventFilter = EventFilter()) async throws -> [StoredEvent] {
        var events: [StoredEvent] = []
        var after: Int64 = 0
        while true {
            let page = try await store.events(matching: filter, after: after, limit: 3)
            guard let last = page.last else { return events }
            events += page
            after = last.id
        }
    }
}
