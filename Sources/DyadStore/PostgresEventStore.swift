import Foundation
import PostgresNIO

/// The shared store: a PostgreSQL database through postgres-nio, same schema and behaviour as SQLite.
///
/// Several `dyad ingest` processes (or Spark tasks running `dyad`) can write to it at once:
/// events are locked in one order and a transaction that still deadlocks or fails to serialize
/// is retried.
///
/// ```swift
/// let store = try await PostgresEventStore.connect(url: "postgres://dyad:secret@127.0.0.1:5432/dyad")
/// defer { Task { try await store.close() } }
/// ```
package final class PostgresEventStore: EventStore {
    package let name: String
    private let pool: ConnectionLease
    private let logger: Logger

    private init(name: String, connections: [PostgresConnection], logger: Logger) {
        self.name = name
        self.pool = ConnectionLease(connections)
        self.logger = logger
    }

    /// Connects to the database at `url` (`postgres://user:password@host:port/database`) and migrates it.
    /// - Parameters:
    ///   - url: The database URL. `sslmode=disable` (the default) is the only TLS mode supported.
    ///   - connections: How many connections to open (concurrent writers).
    /// - Throws: `StoreError` when the URL is bad, the server cannot be reached, or the schema is newer.
    package static func connect(url: String, connections: Int = 1) async throws -> PostgresEventStore {
        let target = try PostgresURL(url)
        var logger = Logger(label: "dyad.store.postgres")
        logger.logLevel = .critical
        var opened: [PostgresConnection] = []
        do {
            for index in 0..<max(1, connections) {
                let configuration = PostgresConnection.Configuration(
                    host: target.host, port: target.port, username: target.user, password: target.password,
                    database: target.database, tls: .disable)
                let connection = try await PostgresConnection.connect(
                    configuration: configuration, id: index, logger: logger)
                opened.append(connection)
                if let schema = target.schema {
                    // The name is checked to be [a-z0-9_]+, so quoting it is enough; identifiers cannot be bound.
                    if index == 0 {
                        try await run(connection, SQLStatement("CREATE SCHEMA IF NOT EXISTS \"\(schema)\""), logger)
                    }
                    try await run(connection, SQLStatement("SET search_path TO \"\(schema)\""), logger)
                }
            }
        } catch {
            for connection in opened { try? await connection.close() }
            throw storeError(error, database: target.redacted, connecting: true)
        }
        let store = PostgresEventStore(name: target.redacted, connections: opened, logger: logger)
        do {
            try await store.migrate()
        } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    private func migrate() async throws {
        try await transaction { connection, logger in
            _ = try await Self.run(connection, SQLStatement("SELECT pg_advisory_xact_lock(7357117)"), logger)
            try await Self.run(
                connection,
                SQLStatement(
                    "CREATE TABLE IF NOT EXISTS dyad_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"),
                logger)
            let applied = Set(
                try await Self.run(connection, SQLStatement("SELECT name FROM dyad_migrations"), logger)
                    .compactMap { $0.first?.text })
            let known = Set(StoreSchema.migrations.map(\.name))
            if !applied.isSubset(of: known) {
                throw StoreError(
                    .schema, "the database was written by a newer version of Dyad; upgrade Dyad to use it",
                    database: self.name)
            }
            for migration in StoreSchema.migrations where !applied.contains(migration.name) {
                for sql in migration.postgres { try await Self.run(connection, SQLStatement(sql), logger) }
                try await Self.run(
                    connection,
                    SQLStatement(
                        "INSERT INTO dyad_migrations (name, applied_at) VALUES (?, ?)",
                        [.text(migration.name), .text(StoreClock.now())]), logger)
            }
        }
    }

    // MARK: EventStore

    package func storedHashes(ids: [String]) async throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        return try await withConnection { connection, logger in
            var hashes: [String: String] = [:]
            for chunk in ids.chunked(500) {
                for row in try await Self.run(connection, StorePlan.hashStatement(ids: Array(chunk)), logger) {
                    if let id = row[0].text, let hash = row[1].text { hashes[id] = hash }
                }
            }
            return hashes
        }
    }

    @discardableResult
    package func store(_ batch: [CodedDocument]) async throws -> StoreResult {
        guard !batch.isEmpty else { return StoreResult() }
        let plan = StorePlan(batch)
        let now = StoreClock.now()
        return try await transaction { connection, logger in
            var existing: [String: String] = [:]
            for row in try await Self.run(connection, plan.hashStatement, logger) {
                if let id = row[0].text, let hash = row[1].text { existing[id] = hash }
            }
            let (statements, result) = try plan.bulkStatements(existing: existing, now: now)
            for statement in statements { try await Self.run(connection, statement, logger) }
            return result
        }
    }

    package func recordFailures(_ failures: [IngestFailure]) async throws {
        guard !failures.isEmpty else { return }
        try await transaction { connection, logger in
            for statement in StorePlan.failureStatements(failures) { try await Self.run(connection, statement, logger) }
        }
    }

    package func failures() async throws -> [IngestFailure] {
        try await withConnection { connection, logger in
            StorePlan.failures(try await Self.run(connection, StorePlan.failuresStatement, logger))
        }
    }

    package func events(matching filter: EventFilter, after: Int64, limit: Int) async throws -> [StoredEvent] {
        try await withConnection { connection, logger in
            let rows = try await Self.run(
                connection, StorePlan.eventsStatement(filter, after: after, limit: limit), logger)
            let ids = rows.compactMap { $0[0].int }
            guard !ids.isEmpty else { return [] }
            let mentions = try await Self.run(connection, StorePlan.mentionsStatement(eventIDs: ids), logger)
            return StorePlan.storedEvents(eventRows: rows, mentionRows: mentions)
        }
    }

    package func count(matching filter: EventFilter) async throws -> Int {
        try await withConnection { connection, logger in
            Int(try await Self.run(connection, StorePlan.countStatement(filter), logger).first?.first?.int ?? 0)
        }
    }

    package func series(_ query: SeriesQuery) async throws -> DyadSeries {
        try await withConnection { connection, logger in
            let points = try await Self.run(connection, query.statement, logger).map(query.point)
            let imprecise = try await Self.run(connection, query.impreciseStatement, logger).first?.first?.int ?? 0
            return DyadSeries(points: points, impreciseEvents: Int(imprecise))
        }
    }

    package func statistics() async throws -> StoreStatistics {
        try await withConnection { connection, logger in
            StorePlan.statistics(try await Self.run(connection, StorePlan.statisticsStatement, logger))
        }
    }

    package func close() async throws {
        for connection in await pool.closeAll() { try? await connection.close() }
    }

    /// The rows of a read-only statement (tests, tools).
    package func rows(_ statement: SQLStatement) async throws -> [StoreRow] {
        try await withConnection { connection, logger in try await Self.run(connection, statement, logger) }
    }

    /// Runs `sql` outside a transaction (tests use it to empty the database).
    package func execute(_ sql: String) async throws {
        try await withConnection { connection, logger in _ = try await Self.run(connection, SQLStatement(sql), logger) }
    }

    // MARK: Running statements

    private func withConnection<T: Sendable>(
        _ body: (PostgresConnection, Logger) async throws -> T
    ) async throws -> T {
        let connection = try await pool.acquire(name: name)
        do {
            let value = try await body(connection, logger)
            await pool.release(connection)
            return value
        } catch let error as StoreError {
            await pool.release(connection)
            throw error
        } catch {
            await pool.release(connection)
            throw Self.storeError(error, database: name)
        }
    }

    /// Runs `body` in a transaction, retrying it (up to 5 times) after a deadlock or serialization failure.
    private func transaction<T: Sendable>(
        _ body: (PostgresConnection, Logger) async throws -> T
    ) async throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await withConnection { connection, logger in
                    _ = try await Self.run(connection, SQLStatement("BEGIN"), logger)
                    do {
                        let value = try await body(connection, logger)
                        _ = try await Self.run(connection, SQLStatement("COMMIT"), logger)
                        return value
                    } catch {
                        _ = try? await Self.run(connection, SQLStatement("ROLLBACK"), logger)
                        throw error
                    }
                }
            } catch let error as StoreError where attempt < 5 && error.isRetryable {
                try await Task.sleep(nanoseconds: UInt64(attempt) * 20_000_000)
            }
        }
    }

    @discardableResult
    static func run(_ connection: PostgresConnection, _ statement: SQLStatement, _ logger: Logger) async throws
        -> [StoreRow]
    {
        var bindings = PostgresBindings(capacity: statement.values.count)
        for value in statement.values {
            switch value {
            case .null: bindings.appendNull()
            case .int(let int): bindings.append(int)
            case .double(let double): bindings.append(double)
            case .text(let text): bindings.append(text)
            }
        }
        let query = PostgresQuery(unsafeSQL: statement.numberedSQL, binds: bindings)
        let sequence = try await connection.query(query, logger: logger)
        var rows: [StoreRow] = []
        for try await row in sequence {
            var values: StoreRow = []
            for cell in row { values.append(try value(cell)) }
            rows.append(values)
        }
        return rows
    }

    private static func value(_ cell: PostgresCell) throws -> StoreValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .int(Int64(try cell.decode(Int.self)))
        case .float4, .float8: return .double(try cell.decode(Double.self))
        case .bool: return .int(try cell.decode(Bool.self) ? 1 : 0)
        case .numeric:
            let decimal = try cell.decode(Decimal.self)
            return .double(NSDecimalNumber(decimal: decimal).doubleValue)
        default: return .text(try cell.decode(String.self))
        }
    }

    /// A `StoreError` saying what a PostgreSQL error means for the user.
    static func storeError(_ error: any Error, database: String, connecting: Bool = false) -> StoreError {
        if let error = error as? PSQLError {
            if let info = error.serverInfo {
                let state = info[.sqlState] ?? ""
                let message = info[.message] ?? "server error"
                let code: StoreError.Code
                switch state {
                case "25006", "42501": code = .readOnly
                case "40001", "40P01", "55P03": code = .locked
                case "28P01", "28000", "3D000": code = .cannotOpen
                default: code = connecting ? .unavailable : .query
                }
                var store = StoreError(
                    code, "\(message) (SQLSTATE \(state))", database: database, underlying: SendableError(error))
                store.sqlState = state
                return store
            }
            let reason = error.underlying.map { "\($0)" } ?? "\(error.code)"
            return StoreError(
                .unavailable, "cannot reach the PostgreSQL server: \(reason)", database: database,
                underlying: SendableError(error))
        }
        return StoreError(
            connecting ? .unavailable : .query,
            connecting ? "cannot reach the PostgreSQL server: \(error)" : "\(error)", database: database,
            underlying: SendableError(error))
    }
}

extension StoreError {
    /// Whether retrying the transaction may succeed (a deadlock or a serialization failure).
    var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }
}

/// Hands out a fixed set of connections, one task at a time each.
private actor ConnectionLease {
    private var idle: [PostgresConnection]
    private var waiting: [CheckedContinuation<PostgresConnection?, Never>] = []
    private var closed = false

    init(_ connections: [PostgresConnection]) { idle = connections }

    func acquire(name: String) async throws -> PostgresConnection {
        if closed { throw StoreError(.unavailable, "the store is closed", database: name) }
        if let connection = idle.popLast() { return connection }
        let connection = await withCheckedContinuation { waiting.append($0) }
        guard let connection else { throw StoreError(.unavailable, "the store is closed", database: name) }
        return connection
    }

    func release(_ connection: PostgresConnection) {
        if closed { return }
        if waiting.isEmpty {
            idle.append(connection)
        } else {
            waiting.removeFirst().resume(returning: connection)
        }
    }

    func closeAll() -> [PostgresConnection] {
        closed = true
        for waiter in waiting { waiter.resume(returning: nil) }
        waiting = []
        defer { idle = [] }
        return idle
    }
}

/// The parts of a `postgres://user:password@host:port/database` URL.
struct PostgresURL {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String?
    /// The schema to keep the tables in (`?schema=NAME`), created if missing; `nil` for the default.
    var schema: String?
    /// The URL without its password, for messages.
    var redacted: String

    init(_ url: String) throws {
        guard let components = URLComponents(string: url),
            let scheme = components.scheme, scheme == "postgres" || scheme == "postgresql"
        else {
            throw StoreError(.badLocation, "not a postgres:// URL", database: url)
        }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        port = components.port ?? 5432
        user = components.user?.removingPercentEncoding ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = components.password?.removingPercentEncoding
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? nil : path
        var shown = components
        if shown.password != nil { shown.password = "***" }
        shown.query = nil
        redacted = shown.string ?? "postgres://\(host):\(port)"
        for item in components.queryItems ?? [] where item.name == "schema" {
            guard let name = item.value, !name.isEmpty, name.count <= 63,
                name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }),
                !name.hasPrefix("pg_")
            else {
                throw StoreError(.badLocation, "schema= takes a lowercase name of letters, digits and _", database: url)
            }
            schema = name
        }
        for item in components.queryItems ?? [] where item.name == "sslmode" {
            if let mode = item.value, mode != "disable", mode != "prefer", mode != "allow" {
                throw StoreError(
                    .badLocation,
                    "sslmode=\(mode) is not supported; Dyad connects without TLS (use it on a trusted network)",
                    database: redacted)
            }
        }
    }
}
