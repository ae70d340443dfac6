import DyadCoding

/// Where coded documents and their events are kept: SQLite by default, PostgreSQL when shared.
///
/// Both implementations run the same SQL (`StorePlan`) on the same schema (`StoreSchema`) and
/// behave the same. Storing a batch is one transaction: a crash leaves each document either
/// fully stored or absent.
///
/// ```swift
/// let store = try await StoreLocation("dyad.sqlite").open()
/// try await store.store([CodedDocument(document, events: coder.code(document))])
/// let series = try await store.series(SeriesQuery(filter: filter, period: .month))
/// try await store.close()
/// ```
package protocol EventStore: Sendable {
    /// The database, for messages: a path, or a URL without its password.
    var name: String { get }

    /// The content hashes stored for the documents `ids` that are stored.
    /// - Parameter ids: Document ids.
    /// - Returns: A hash for each stored id.
    func storedHashes(ids: [String]) async throws -> [String: String]

    /// Stores a batch of coded documents in one transaction, replacing changed ones and skipping
    /// unchanged ones (same id and content hash).
    /// - Parameter batch: The documents and their events.
    /// - Returns: How many were inserted, replaced and skipped, and how many mentions stored.
    @discardableResult
    func store(_ batch: [CodedDocument]) async throws -> StoreResult

    /// Records documents that could not be read or coded (replacing an earlier record at the same location).
    func recordFailures(_ failures: [IngestFailure]) async throws

    /// The recorded failures, oldest first.
    func failures() async throws -> [IngestFailure]

    /// Up to `limit` events matching `filter` whose id is above `after`, by id, with their mentions.
    /// - Parameters:
    ///   - filter: Which events.
    ///   - after: Read events with a larger id (0 for the first page; the last id read for the next).
    ///   - limit: The page size.
    func events(matching filter: EventFilter, after: Int64, limit: Int) async throws -> [StoredEvent]

    /// The number of events matching `filter`.
    func count(matching filter: EventFilter) async throws -> Int

    /// A dyadic time series: events matching the query's filter, counted by period.
    func series(_ query: SeriesQuery) async throws -> DyadSeries

    /// How many documents, events, mentions and failures the store holds.
    func statistics() async throws -> StoreStatistics

    /// Closes the store; it cannot be used afterwards.
    func close() async throws
}
