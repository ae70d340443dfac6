import DyadCoding
import Foundation
import Testing

@testable import DyadStore

/// Store figures: ingest documents/s and the time of a dyad time-series query over one million events.
///
/// Off by default (it takes minutes); run it in release mode:
/// `DYAD_STORE_BENCHMARK=1 swift test -c release --filter StoreBenchmark`
/// (with `DYAD_TEST_POSTGRES_URL` set, PostgreSQL is measured too; `DYAD_STORE_BENCHMARK_STORES=sqlite`
/// measures one store; `DYAD_STORE_BENCHMARK_DOCS` and `_EVENTS` change the sizes).
@Suite(.serialized) struct StoreBenchmarkTests {
    static let enabled = ProcessInfo.processInfo.environment["DYAD_STORE_BENCHMARK"] == "1"

    @Test(arguments: StoreKind.allCases)
    func storeBenchmark(kind: StoreKind) async throws {
        let only = ProcessInfo.processInfo.environment["DYAD_STORE_BENCHMARK_STORES"] ?? "sqlite,postgres"
        guard Self.enabled, only.contains(kind.rawValue) else {
            if kind == .sqlite { report("◇ store benchmark skipped: set DYAD_STORE_BENCHMARK=1 to run it") }
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dyad-bench-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let documents = Int(ProcessInfo.processInfo.environment["DYAD_STORE_BENCHMARK_DOCS"] ?? "") ?? 20_000
        let total = Int(ProcessInfo.processInfo.environment["DYAD_STORE_BENCHMARK_EVENTS"] ?? "") ?? 1_000_000

        switch kind {
        case .sqlite:
            let store = try SQLiteEventStore(path: directory.appendingPathComponent("bench.sqlite").path)
            try await run(store, documents: documents, total: total) { sql in try await store.execute(sql) }
            try await store.close()
        case .postgres:
            guard let url = TestStores.postgresURL else {
                _ = TestStores.announceSkip
                return
            }
            let schema = "dyad_bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let store = try await PostgresEventStore.connect(
                url: url + (url.contains("?") ? "&" : "?") + "schema=" + schema)
            do {
                try await run(store, documents: documents, total: total) { sql in try await store.execute(sql) }
            } catch {
                try? await store.execute("DROP SCHEMA \(schema) CASCADE")
                throw error
            }
            try await store.execute("DROP SCHEMA \(schema) CASCADE")
            try await store.close()
        }
    }

    private func run(
        _ store: any EventStore, documents: Int, total: Int, execute: (String) async throws -> Void
    ) async throws {
        // 1. Ingest synthetic documents (10 events each) through the ingester, as `dyad ingest` does.
        let items = (0..<documents).map { index in
            IngestItem.document(Fixture.document("bench-\(index)", text: "Benchmark document \(index)."), location: nil)
        }
        let ingester = Ingester(store: store, batchSize: 64) { document in
            let index = Int(document.id.dropFirst(6)) ?? 0
            return (0..<10).map { k in
                let n = index * 10 + k
                return Fixture.event(
                    doc: document.id, sentence: k, source: Self.countries[n % 40],
                    target: Self.countries[(n / 40 + 1 + n) % 40],
                    code: Self.codes[n % Self.codes.count], date: "20\(15 + n % 10)-0\(1 + n % 9)-1\(n % 10)")
            }
        }
        let progress = try await ingester.run(items, total: items.count)
        let perSecond = Double(progress.stored) / progress.elapsed
        report(
            "◇ \(store.name) [\(kindName(store))] ingest: \(progress.stored) documents, \(progress.events) events in "
                + "\(EventExport.format(progress.elapsed, digits: 2)) s = \(Int(perSecond)) documents/s")

        // 2. Top up to `total` events with generated rows (no mentions needed for the series query).
        let stats = try await store.statistics()
        let missing = total - stats.events
        if missing > 0 {
            let start = Date()
            try await execute(Self.generateEvents(missing))
            report(
                "◇ [\(kindName(store))] generated \(missing) more events in \(EventExport.format(Date().timeIntervalSince(start), digits: 1)) s"
            )
        }
        try await execute("ANALYZE")
        #expect(try await store.statistics().events >= total)

        // 3. Time the dyad series query (best and median of 7 runs, after one warm-up).
        for (source, target, period) in [
            ("CHN", "USA", SeriesPeriod.month), ("CHN", "USA", .week), ("USA", "RUS", .day),
        ] {
            var filter = EventFilter()
            filter.source = source
            filter.target = target
            let query = SeriesQuery(filter: filter, period: period)
            let warm = try await store.series(query)
            var times: [Double] = []
            for _ in 0..<7 {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try await store.series(query)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            times.sort()
            let events = warm.points.reduce(0) { $0 + $1.events }
            report(
                "◇ [\(kindName(store))] dyads \(source)->\(target) by \(period): \(warm.points.count) periods, \(events) events; "
                    + "best \(EventExport.format(times[0], digits: 1)) ms, median \(EventExport.format(times[3], digits: 1)) ms"
            )
        }
        var all = EventFilter()
        all.code = "19"
        let start = DispatchTime.now().uptimeNanoseconds
        let count = try await store.count(matching: all)
        report(
            "◇ [\(kindName(store))] count --code 19: \(count) in \(EventExport.format(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6, digits: 1)) ms"
        )
    }

    /// Prints a figure now (standard error is not buffered), so it survives an interrupted run.
    private func report(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    private func kindName(_ store: any EventStore) -> String { store is SQLiteEventStore ? "SQLite" : "PostgreSQL" }

    static let countries = [
        "CHN", "USA", "RUS", "UKR", "GBR", "FRA", "DEU", "JPN", "KOR", "PRK", "IND", "PAK", "IRN", "ISR", "PSE", "SYR",
        "TUR", "SAU", "EGY", "ZAF", "NGA", "BRA", "MEX", "CAN", "AUS", "IDN", "PHL", "VNM", "TWN", "AFG", "IRQ", "YEM",
        "ETH", "KEN", "SDN", "VEN", "COL", "ARG", "POL", "ITA",
    ]
    static let codes = [
        "010", "020", "036", "042", "043", "051", "057", "061", "071", "112", "1121", "120", "130", "138", "141", "163",
        "173", "190", "193", "1244",
    ]

    /// SQL (SQLite and PostgreSQL alike) inserting `count` generated events spread over 40×40 dyads,
    /// 20 codes and the days of 2015–2024.
    static func generateEvents(_ count: Int) -> String {
        let countryList = countries.map { "'\($0)'" }
        func pick(_ expression: String, _ list: [String]) -> String {
            "CASE (\(expression)) "
                + list.enumerated().map { "WHEN \($0.offset) THEN \($0.element)" }.joined(separator: " ") + " END"
        }
        let agents = ["''", "'GOV'", "'MIL'", "'BUS'"]
        let quad = "CASE WHEN r < 5 THEN 1 WHEN r < 9 THEN 2 WHEN r < 14 THEN 3 ELSE 4 END"
        return """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(count)),
            g AS (SELECT i, (i * 7) % 20 AS r, 16436 + (i * 13) % 3653 AS e FROM n),
            c AS (SELECT i, r, e, e + 719468 AS z FROM g),
            d1 AS (SELECT i, r, e, z / 146097 AS era, z - (z / 146097) * 146097 AS doe FROM c),
            d2 AS (SELECT i, r, e, era, doe, (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365 AS yoe FROM d1),
            d3 AS (SELECT i, r, e, era, yoe, doe - (365 * yoe + yoe / 4 - yoe / 100) AS doy FROM d2),
            d4 AS (SELECT i, r, e, era, yoe, doy, (5 * doy + 2) / 153 AS mp FROM d3),
            d5 AS (SELECT i, r, e, doy - (153 * mp + 2) / 5 + 1 AS d, CASE WHEN mp < 10 THEN mp + 3 ELSE mp - 9 END AS m,
                   yoe + era * 400 AS y0 FROM d4),
            d AS (SELECT i, r, e, d, m, CASE WHEN m <= 2 THEN y0 + 1 ELSE y0 END AS y FROM d5)
            INSERT INTO event (source_code, target_code, code, event_date, place_key, root, name, plover, goldstein,
            quad_class, date_key, epoch_day, place_name, place_country, place_lat, place_lon, num_mentions,
            num_articles, num_sources, added)
            SELECT \(pick("i % 40", countryList)) || \(pick("(i / 40) % 4", agents)),
            \(pick("(i / 160 + 1 + i) % 40", countryList)) || \(pick("(i / 7) % 4", agents)),
            \(pick("r", codes.map { "'\($0)'" })),
            CAST(y AS TEXT) || '-' || CASE WHEN m < 10 THEN '0' ELSE '' END || CAST(m AS TEXT) || '-'
            || CASE WHEN d < 10 THEN '0' ELSE '' END || CAST(d AS TEXT),
            'bench|' || CAST(i AS TEXT), \(pick("r", codes.map { "'\($0.prefix(2))'" })), 'generated', NULL,
            CAST(r AS DOUBLE PRECISION) - 10.0, \(quad), y * 10000 + m * 100 + d, e, NULL, NULL, NULL, NULL,
            1 + i % 5, 1, 1, '2026-01-01T00:00:00Z'
            FROM d
            """
    }
}
