import Foundation
package import GRDB

/// The embedded store: one SQLite file (WAL mode) through GRDB, or an in-memory database.
///
/// ```swift
/// let store = try SQLiteEventStore(path: "dyad.sqlite")
/// let memory = try SQLiteEventStore.inMemory()
/// ```
package struct SQLiteEventStore: EventStore {
    package let name: String
    private let writer: any DatabaseWriter

    /// How long a writer waits for another process's lock before failing, in seconds.
    package static let defaultBusyTimeout: Double = 5

    /// Opens (and creates, unless `mustExist`) the store at `path`, migrating its schema.
    /// - Parameters:
    ///   - path: The SQLite file.
    ///   - mustExist: Fail if there is no file (for commands that only read).
    ///   - busyTimeout: Seconds to wait for a lock held by another process.
    /// - Throws: `StoreError` when the file cannot be opened, is locked, is read-only, or has a newer schema.
    package init(path: String, mustExist: Bool = false, busyTimeout: Double = defaultBusyTimeout) throws {
        name = path
        if mustExist, !FileManager.default.fileExists(atPath: path) {
            throw StoreError(
                .cannotOpen, "no store here; run `dyad ingest PATH --db \(path)` to create it", database: path)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "dyad"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            writer = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw Self.storeError(error, database: path)
        }
        try migrate()
    }

    /// An empty store in memory, for tests.
    package static func inMemory() throws -> SQLiteEventStore {
        try SQLiteEventStore(writer: DatabaseQueue(), name: ":memory:")
    }

    private init(writer: any DatabaseWriter, name: String) throws {
        self.writer = writer
        self.name = name
        try migrate()
    }

    private var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in StoreSchema.migrations {
            migrator.registerMigration(migration.name) { db in
                for sql in migration.sqlite { try db.execute(sql: sql) }
            }
        }
        return migrator
    }

    private func migrate() throws {
        let migrator = self.migrator
        do {
            let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                throw StoreError(
                    .schema, "the database was written by a newer version of Dyad; upgrade Dyad to use it",
                    database: name)
            }
            try migrator.migrate(writer)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, database: name)
        }
    }

    // MARK: EventStore

    package func storedHashes(ids: [String]) async throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        return try await read { db in
            var hashes: [String: String] = [:]
            for chunk in ids.chunked(500) {
                for row in try Self.fetch(db, StorePlan.hashStatement(ids: Array(chunk))) {
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
        return try await write { db in
            var existing: [String: String] = [:]
            for row in try Self.fetch(db, plan.hashStatement) {
                if let id = row[0].text, let hash = row[1].text { existing[id] = hash }
            }
            let (statements, result) = plan.writeStatements(existing: existing, now: now)
            for statement in statements { try Self.execute(db, statement) }
            return result
        }
    }

    package func recordFailures(_ failures: [IngestFailure]) async throws {
        guard !failures.isEmpty else { return }
        try await write { db in
            for statement in StorePlan.failureStatements(failures) { try Self.execute(db, statement) }
        }
    }

    package func failures() async throws -> [IngestFailure] {
        try await read { db in StorePlan.failures(try Self.fetch(db, StorePlan.failuresStatement)) }
    }

    package func events(matching filter: EventFilter, after: Int64, limit: Int) async throws -> [StoredEvent] {
        try await read { db in
            let rows = try Self.fetch(db, StorePlan.eventsStatement(filter, after: after, limit: limit))
            let ids = rows.compactMap { $0[0].int }
            guard !ids.isEmpty else { return [] }
            let mentions = try Self.fetch(db, StorePlan.mentionsStatement(eventIDs: ids))
            return StorePlan.storedEvents(eventRows: rows, mentionRows: mentions)
        }
    }

    package func count(matching filter: EventFilter) async throws -> Int {
        try await read { db in
            Int(try Self.fetch(db, StorePlan.countStatement(filter)).first?.first?.int ?? 0)
        }
    }

    package func series(_ query: SeriesQuery) async throws -> DyadSeries {
        try await read { db in
            let points = try Self.fetch(db, query.statement).map(query.point)
            let imprecise = try Self.fetch(db, query.impreciseStatement).first?.first?.int ?? 0
            return DyadSeries(points: points, impreciseEvents: Int(imprecise))
        }
    }

    package func statistics() async throws -> StoreStatistics {
        try await read { db in StorePlan.statistics(try Self.fetch(db, StorePlan.statisticsStatement)) }
    }

    package func close() async throws {
        if let pool = writer as? DatabasePool {
            do { try pool.close() } catch { throw Self.storeError(error, database: name) }
        }
    }

    /// The rows of a read-only statement (tests, tools).
    package func rows(_ statement: SQLStatement) async throws -> [StoreRow] {
        try await read { db in try Self.fetch(db, statement) }
    }

    /// Runs `sql` (several statements allowed) in a write transaction (benchmarks, tests).
    package func execute(_ sql: String) async throws {
        try await write { db in try db.execute(sql: sql) }
    }

    /// Runs `body` on the store's raw GRDB database in a write transaction (benchmarks, tests).
    package func withDatabase<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        try await write(body)
    }

    // MARK: Running statements

    private func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, database: name)
        }
    }

    private func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, database: name)
        }
    }

    static func execute(_ db: Database, _ statement: SQLStatement) throws {
        let prepared = try db.cachedStatement(sql: statement.sql)
        try prepared.execute(arguments: arguments(statement.values))
    }

    static func fetch(_ db: Database, _ statement: SQLStatement) throws -> [StoreRow] {
        let prepared = try db.cachedStatement(sql: statement.sql)
        let cursor = try Row.fetchCursor(prepared, arguments: arguments(statement.values))
        var rows: [StoreRow] = []
        while let row = try cursor.next() {
            var values: StoreRow = []
            values.reserveCapacity(row.count)
            for index in 0..<row.count {
                let value: DatabaseValue = row[index]
                switch value.storage {
                case .null: values.append(.null)
                case .int64(let int): values.append(.int(int))
                case .double(let double): values.append(.double(double))
                case .string(let string): values.append(.text(string))
                case .blob(let data): values.append(.text(String(decoding: data, as: UTF8.self)))
                }
            }
            rows.append(values)
        }
        return rows
    }

    private static func arguments(_ values: [StoreValue]) -> StatementArguments {
        StatementArguments(
            values.map { value -> (any DatabaseValueConvertible)? in
                switch value {
                case .null: return nil
                case .int(let int): return int
                case .double(let double): return double
                case .text(let text): return text
                }
            })
    }

    /// A `StoreError` saying what an SQLite error means for the user.
    static func storeError(_ error: any Error, database: String) -> StoreError {
        guard let error = error as? DatabaseError else {
            return StoreError(.query, "\(error)", database: database, underlying: SendableError(error))
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(
                .locked,
                "the database is locked by another process; try again when it is done (\(error.message ?? "busy"))",
                database: database, underlying: error)
        case .SQLITE_READONLY:
            return StoreError(
                .readOnly, "the database is read-only; check the permissions of the file and its folder",
                database: database, underlying: error)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return StoreError(
                .cannotOpen,
                "cannot open the database (\(error.message ?? "cannot open")); check that the folder exists and is writable",
                database: database, underlying: error)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(
                .cannotOpen, "this file is not a Dyad store (not an SQLite database, or damaged)",
                database: database, underlying: error)
        default:
            return StoreError(
                .query, "\(error.message ?? "SQLite error \(error.resultCode)") (\(error.sql ?? ""))",
                database: database, underlying: error)
        }
    }
}

/// Wraps a non-`Sendable` error description so a `StoreError` can carry it.
package struct SendableError: Error, Sendable, CustomStringConvertible {
    package let description: String
    init(_ error: any Error) { description = "\(error)" }
}

extension Array {
    /// The array cut into consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
