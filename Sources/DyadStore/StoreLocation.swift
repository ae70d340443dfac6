/// Where a store is: an SQLite file path, or a `postgres://` URL (the `--db` option).
///
/// ```swift
/// let store = try await StoreLocation("dyad.sqlite").open()
/// let shared = try await StoreLocation("postgres://dyad@127.0.0.1/dyad").open()
/// ```
package struct StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// The default store: `dyad.sqlite` in the current folder.
    package static let defaultPath = "dyad.sqlite"

    /// The text as given.
    package var text: String

    /// Reads a `--db` value.
    package init(_ text: String) { self.text = text }

    /// Whether this is a PostgreSQL URL.
    package var isPostgres: Bool { text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") }

    /// Opens the store, creating and migrating it if needed.
    /// - Parameters:
    ///   - mustExist: For SQLite, fail when there is no file yet (commands that only read).
    ///   - connections: For PostgreSQL, how many connections to open.
    /// - Throws: `StoreError`.
    package func open(mustExist: Bool = false, connections: Int = 1) async throws -> any EventStore {
        if isPostgres {
            return try await PostgresEventStore.connect(url: text, connections: connections)
        }
        if text.contains("://") {
            throw StoreError(.badLocation, "--db takes an SQLite file path or a postgres:// URL", database: text)
        }
        return try SQLiteEventStore(path: text, mustExist: mustExist)
    }

    package var description: String {
        (try? PostgresURL(text).redacted) ?? text
    }
}
