/// An error from the event store: what went wrong, where, and the error beneath it.
///
/// It prints as `location: message` (the database path or URL, or the source file and line of the
/// code that raised it), so a command can show it as is:
///
/// ```swift
/// do { try await store.store(batch) } catch let error as StoreError { print(error) }
/// // dyad.sqlite: the database is locked by another process (waited 5 s); try again when it is done
/// ```
package struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; stable across releases.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Kind: String, Sendable { case locked, readOnly, cannotOpen, badLocation, unavailable, schema, query }
        let kind: Kind

        /// The database is locked by another writer.
        package static let locked = Code(kind: .locked)
        /// The database is read-only (file permissions, a read-only mount, or a read-only role).
        package static let readOnly = Code(kind: .readOnly)
        /// The database file could not be opened or created.
        package static let cannotOpen = Code(kind: .cannotOpen)
        /// The `--db` value is neither a path nor a `postgres://` URL that can be used.
        package static let badLocation = Code(kind: .badLocation)
        /// The database server could not be reached.
        package static let unavailable = Code(kind: .unavailable)
        /// The database's schema is newer than this program or could not be migrated.
        package static let schema = Code(kind: .schema)
        /// A statement failed.
        package static let query = Code(kind: .query)

        package var description: String { kind.rawValue }
    }

    /// What kind of failure this is.
    package var code: Code
    /// A sentence saying what went wrong and, when possible, what to do.
    package var message: String
    /// The database the error is about (a path or a URL without its password), if known.
    package var database: String?
    /// Where in Dyad's sources the error was raised.
    package var file: String
    /// The line in `file`.
    package var line: Int
    /// PostgreSQL's SQLSTATE code, when the server reported the error.
    package var sqlState: String?
    /// The error from SQLite or PostgreSQL, if any.
    package var underlying: (any Error & Sendable)?

    /// Creates an error.
    package init(
        _ code: Code, _ message: String, database: String? = nil, underlying: (any Error & Sendable)? = nil,
        file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.database = database
        self.underlying = underlying
        self.file = file
        self.line = line
    }

    package var description: String {
        "\(database ?? "\(file):\(line)"): \(message)"
    }
}
