import DyadCoding
import Testing

@testable import DyadStore

/// The store's behaviour, the same on SQLite and PostgreSQL.
@Suite struct EventStoreTests {
    @Test(arguments: StoreKind.allCases)
    func storesDocumentsEventsAndProvenance(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let quote = EventQuote(
                speaker: "CHN", name: "Wu Qian", cue: "said", text: "No talks.", span: TextSpan(start: 5, end: 14))
            let events = [
                Fixture.event(doc: "a", sentence: 0, place: Fixture.singapore, dateText: "last August", quote: quote),
                Fixture.event(
                    doc: "a", sentence: 2, source: "USAGOV", target: "CHNMIL", code: "036", quadClass: 1, goldstein: 4),
            ]
            let result = try await store.store([CodedDocument(Fixture.document("a"), events: events)])
            #expect(result.inserted == 1)
            #expect(result.mentions == 2)
            let stats = try await store.statistics()
            #expect(stats == StoreStatistics(documents: 1, events: 2, mentions: 2, failures: 0))

            let stored = try await Fixture.all(store)
            #expect(stored.count == 2)
            let first = try #require(stored.first { $0.event.code == "112" })
            #expect(first.event.source.code == "CHN")
            #expect(first.event.target.name == "Lloyd Austin")
            #expect(first.event.place == Fixture.singapore)
            #expect(first.event.dateText == "last August")
            #expect(first.event.quote == quote)
            #expect(first.event.goldstein == -2)
            #expect(first.event.plover == "ACCUSE")
            #expect(first.event.date.description == "2023-08-31")
            #expect(first.event == events[0], "an event read back is the event stored")
            #expect(first.numMentions == 1 && first.numArticles == 1 && first.numSources == 1)
            let mention = try #require(first.mentions.first)
            #expect(mention.doc == "a")
            #expect(mention.sentence == 0)
            #expect(mention.text == events[0].text)
            #expect(mention.span == events[0].span)
            #expect(mention.pattern == "accuse * of")
            #expect(mention.url == "https://example.com/a")
            #expect(mention.newsSource == "AP")
            let second = try #require(stored.first { $0.event.code == "036" })
            #expect(second.event == events[1])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func ingestIsIdempotentAndReplacesChangedDocuments(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let document = Fixture.document("a")
            let coded = CodedDocument(
                document, events: [Fixture.event(doc: "a"), Fixture.event(doc: "a", sentence: 1, code: "0311")])
            #expect(try await store.store([coded]).inserted == 1)
            let again = try await store.store([coded])
            #expect(again.unchanged == 1 && again.inserted == 0 && again.mentions == 0)
            #expect(try await store.statistics() == StoreStatistics(documents: 1, events: 2, mentions: 2, failures: 0))
            #expect(try await store.storedHashes(ids: ["a", "b"]) == ["a": coded.contentHash])

            var changed = document
            changed.text += " More."
            let replacement = CodedDocument(
                changed, events: [Fixture.event(doc: "a", code: "042", quadClass: 1, goldstein: 1.9)])
            #expect(replacement.contentHash != coded.contentHash)
            let result = try await store.store([replacement])
            #expect(result.replaced == 1)
            #expect(try await store.statistics() == StoreStatistics(documents: 1, events: 1, mentions: 1, failures: 0))
            #expect(try await Fixture.all(store).map(\.event.code) == ["042"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func deduplicatesTheSameEventAcrossArticles(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let place = Fixture.singapore
            try await store.store([
                CodedDocument(
                    Fixture.document("ap-1", source: "AP"),
                    events: [
                        Fixture.event(doc: "ap-1", sentence: 0, place: place),
                        Fixture.event(doc: "ap-1", sentence: 3, place: place),
                    ]),
                CodedDocument(
                    Fixture.document("ap-2", source: "AP"),
                    events: [Fixture.event(doc: "ap-2", sentence: 1, place: place)]),
            ])
            try await store.store([
                CodedDocument(
                    Fixture.document("afp-1", source: "AFP"), events: [Fixture.event(doc: "afp-1", place: place)]),
                // Another place, another date, another code: other events.
                CodedDocument(
                    Fixture.document("afp-2", source: "AFP"),
                    events: [
                        Fixture.event(doc: "afp-2"), Fixture.event(doc: "afp-2", date: "2023-09-01", place: place),
                        Fixture.event(doc: "afp-2", code: "1121", place: place),
                    ]),
            ])
            let events = try await Fixture.all(store)
            #expect(events.count == 4)
            let shared = try #require(
                events.first { $0.event.place == place && $0.event.code == "112" && $0.event.date.day == 31 })
            #expect(shared.numMentions == 4)
            #expect(shared.numArticles == 3)
            #expect(shared.numSources == 2)
            #expect(shared.mentions.map(\.doc) == ["ap-1", "ap-1", "ap-2", "afp-1"])
            #expect(shared.mentions.map(\.sentence) == [0, 3, 1, 0])

            // Replacing a document recounts, and an event left without mentions disappears.
            var changed = Fixture.document("afp-1", source: "AFP")
            changed.text = "Changed."
            try await store.store([CodedDocument(changed, events: [Fixture.event(doc: "afp-1", code: "057")])])
            let after = try await Fixture.all(store)
            let recount = try #require(after.first { $0.id == shared.id })
            #expect(recount.numMentions == 3 && recount.numArticles == 2 && recount.numSources == 1)
            var emptied = Fixture.document("afp-2", source: "AFP")
            emptied.text = "Nothing happened."
            try await store.store([CodedDocument(emptied, events: [])])
            let final = try await Fixture.all(store)
            #expect(final.count == 2)
            #expect(Set(final.map(\.event.code)) == ["112", "057"])
            #expect(try await store.statistics() == StoreStatistics(documents: 4, events: 2, mentions: 4, failures: 0))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aBatchWithTheSameDocumentTwiceKeepsTheLast(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            var second = Fixture.document("a")
            second.text = "Second version."
            let result = try await store.store([
                CodedDocument(Fixture.document("a"), events: [Fixture.event(doc: "a")]),
                CodedDocument(second, events: [Fixture.event(doc: "a", code: "051")]),
            ])
            #expect(result.inserted == 1)
            #expect(try await Fixture.all(store).map(\.event.code) == ["051"])
            #expect(try await store.storedHashes(ids: ["a"])["a"] == ContentHash.of(second))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func filtersEvents(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let moscow = EventPlace(name: "Moscow", country: "RUS", lat: 55.75, lon: 37.62, from: "dateline")
            try await store.store([
                CodedDocument(
                    Fixture.document("d1"),
                    events: [
                        Fixture.event(
                            doc: "d1", source: "CHN", target: "USA", code: "112", quadClass: 3, date: "2023-08-31"),
                        Fixture.event(
                            doc: "d1", source: "CHNMIL", target: "USAGOV", code: "1121", quadClass: 3,
                            date: "2023-08-15"),
                        Fixture.event(
                            doc: "d1", source: "USA", target: "CHN", code: "042", quadClass: 1, date: "2023-07-01",
                            place: Fixture.singapore),
                    ]),
                CodedDocument(
                    Fixture.document("d2"),
                    events: [
                        Fixture.event(
                            doc: "d2", source: "RUS", target: "UKR", code: "190", quadClass: 4, goldstein: -10,
                            date: "2022-02-24", place: moscow),
                        Fixture.event(
                            doc: "d2", source: "IGOUNO", target: "RUS", code: "1244", quadClass: 4, date: "2022-03"),
                    ]),
            ])
            func codes(_ configure: (inout EventFilter) -> Void) async throws -> [String] {
                var filter = EventFilter()
                configure(&filter)
                let events = try await Fixture.all(store, filter)
                #expect(try await store.count(matching: filter) == events.count)
                return events.map(\.event.code).sorted()
            }
            #expect(try await codes { _ in }.count == 5)
            #expect(try await codes { $0.source = "CHN" } == ["112", "1121"])
            #expect(try await codes { $0.source = "chnmil" } == ["1121"])
            #expect(
                try await codes {
                    $0.source = "CHN"; $0.target = "USAGOV"
                } == ["1121"])
            #expect(try await codes { $0.actor = "RUS" } == ["1244", "190"])
            #expect(try await codes { $0.actor = "IGO" } == ["1244"])
            #expect(try await codes { $0.code = "112" } == ["112", "1121"])
            #expect(try await codes { $0.code = "1" } == ["112", "1121", "1244", "190"])
            #expect(try await codes { $0.root = "12" } == ["1244"])
            #expect(try await codes { $0.quadClass = 4 } == ["1244", "190"])
            #expect(try await codes { $0.from = EventDate("2023-08") } == ["112", "1121"])
            #expect(try await codes { $0.to = EventDate("2022") } == ["1244", "190"])
            #expect(
                try await codes {
                    $0.from = EventDate("2022-03"); $0.to = EventDate("2023-07-01")
                } == ["042", "1244"])
            #expect(
                try await codes {
                    $0.from = EventDate("2023-08-15"); $0.to = EventDate("2023-08-15")
                } == ["1121"])
            #expect(try await codes { $0.place = "singapore" } == ["042"])
            #expect(try await codes { $0.country = "rus" } == ["190"])
            #expect(try await codes { $0.doc = "d2" } == ["1244", "190"])
            #expect(try await codes { $0.doc = "nope" } == [])
            #expect(try await codes { $0.source = "ZZZ" } == [])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func countsADyadicTimeSeries(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            try await store.store([
                CodedDocument(
                    Fixture.document("s1"),
                    events: [
                        // 2023-08-28 is a Monday, 2023-09-03 a Sunday: one ISO week.
                        Fixture.event(doc: "s1", code: "112", quadClass: 3, goldstein: -2, date: "2023-08-28"),
                        Fixture.event(doc: "s1", code: "036", quadClass: 1, goldstein: 4, date: "2023-08-31"),
                        Fixture.event(doc: "s1", code: "190", quadClass: 4, goldstein: -10, date: "2023-09-03"),
                        Fixture.event(doc: "s1", code: "057", quadClass: 1, goldstein: 8, date: "2023-09"),
                        Fixture.event(doc: "s1", code: "071", quadClass: 2, goldstein: nil, date: "2024-01-02"),
                        Fixture.event(doc: "s1", source: "USA", target: "CHN", code: "112", date: "2023-08-28"),
                    ]),
                CodedDocument(
                    Fixture.document("s2"),
                    events: [Fixture.event(doc: "s2", code: "112", quadClass: 3, goldstein: -2, date: "2023-08-28")]),
            ])
            var filter = EventFilter()
            filter.source = "CHN"
            filter.target = "USA"
            let months = try await store.series(SeriesQuery(filter: filter, period: .month))
            #expect(months.points.map(\.period) == ["2023-08", "2023-09", "2024-01"])
            let august = months.points[0]
            #expect(august.events == 2 && august.mentions == 3)
            #expect(august.verbalCooperation == 1 && august.verbalConflict == 1)
            #expect(august.materialCooperation == 0 && august.materialConflict == 0)
            #expect(august.goldsteinMean == 1 && august.goldsteinTotal == 2)
            #expect(months.points[1].events == 2 && months.points[1].goldsteinTotal == -2)
            #expect(months.points[2].goldsteinMean == nil && months.points[2].materialCooperation == 1)
            #expect(months.impreciseEvents == 0)

            let weeks = try await store.series(SeriesQuery(filter: filter, period: .week))
            #expect(weeks.points.map(\.period) == ["2023-08-28", "2024-01-01"])
            #expect(weeks.points[0].events == 3)
            #expect(weeks.impreciseEvents == 1)
            let days = try await store.series(SeriesQuery(filter: filter, period: .day))
            #expect(days.points.map(\.period) == ["2023-08-28", "2023-08-31", "2023-09-03", "2024-01-02"])
            let years = try await store.series(SeriesQuery(filter: filter, period: .year))
            #expect(years.points.map(\.period) == ["2023", "2024"])
            #expect(years.points.map(\.events) == [4, 1])
            filter.from = EventDate("2023-09")
            let later = try await store.series(SeriesQuery(filter: filter, period: .month))
            #expect(later.points.map(\.period) == ["2023-09", "2024-01"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func recordsAndClearsFailures(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            try await store.recordFailures([
                IngestFailure(location: "in.jsonl:3", reason: "not JSON"),
                IngestFailure(location: "in.jsonl:7", doc: "x", reason: "no text"),
            ])
            try await store.recordFailures([IngestFailure(location: "in.jsonl:3", reason: "still not JSON")])
            let failures = try await store.failures()
            #expect(failures.count == 2)
            #expect(failures.first { $0.location == "in.jsonl:3" }?.reason == "still not JSON")
            try await store.store([CodedDocument(Fixture.document("x"), events: [], location: "in.jsonl:7")])
            #expect(try await store.failures().map(\.location) == ["in.jsonl:3"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func ingesterCodesStoresSkipsAndRecordsFailures(kind: StoreKind) async throws {
        try await TestStores.with(kind) { store in
            let items: [IngestItem] =
                (0..<50).map { index in
                    .document(
                        Fixture.document("doc-\(index)", text: "Text \(index)."), location: "in.jsonl:\(index + 1)")
                } + [
                    .failure(location: "in.jsonl:51", reason: "line 51 is not JSON"),
                    .document(Document(id: "empty", text: "  "), location: "in.jsonl:52"),
                    .document(Fixture.document("boom", text: "Explodes."), location: "in.jsonl:53"),
                ]
            struct Boom: Error, CustomStringConvertible { var description: String { "the coder gave up" } }
            let ingester = Ingester(store: store, concurrency: 4, batchSize: 7) { document in
                if document.id == "boom" { throw Boom() }
                let index = Int(document.id.dropFirst(4)) ?? 0
                return [
                    Fixture.event(
                        doc: document.id, code: index % 2 == 0 ? "112" : "036", date: "2023-08-\(10 + index % 20)")
                ]
            }
            let first = try await ingester.run(items, total: items.count)
            #expect(first.documents == 53)
            #expect(first.stored == 50)
            #expect(first.failed == 3)
            #expect(first.events == 50)
            let stats = try await store.statistics()
            #expect(stats.documents == 50 && stats.mentions == 50 && stats.failures == 3)
            let reasons = try await store.failures().map(\.reason).sorted()
            #expect(reasons == ["line 51 is not JSON", "the coder gave up", "the document has no text"])
            let second = try await ingester.run(items)
            #expect(second.stored == 0 && second.unchanged == 50 && second.failed == 3)
            #expect(try await store.statistics() == stats)
        }
    }
}
