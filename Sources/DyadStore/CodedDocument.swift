package import DyadCoding

/// A document with the events coded from it, ready to store.
///
/// ```swift
/// let coded = CodedDocument(document, events: coder.code(document))
/// try await store.store([coded])
/// ```
package struct CodedDocument: Sendable, Hashable {
    /// The document as read.
    package var document: Document
    /// The document's content hash (`ContentHash.of(document)`).
    package var contentHash: String
    /// The events coded from it (one per sentence-level mention).
    package var events: [Event]
    /// Where the document was read from (`file.jsonl:12`), if known; clears an earlier failure there.
    package var location: String?

    /// Creates a coded document; the hash is computed from `document`.
    package init(_ document: Document, events: [Event], location: String? = nil) {
        self.document = document
        self.contentHash = ContentHash.of(document)
        self.events = events
        self.location = location
    }
}

/// A document that could not be read or coded, and why.
package struct IngestFailure: Sendable, Hashable, Codable {
    /// Where it was read from (`file.jsonl:12`, a path, or the document id).
    package var location: String
    /// The document id, when the document could be read.
    package var doc: String?
    /// Why it failed.
    package var reason: String
    /// When it failed, as ISO 8601 UTC (`2026-11-30T12:00:00Z`).
    package var failedAt: String

    enum CodingKeys: String, CodingKey {
        case location, doc, reason
        case failedAt = "failed_at"
    }

    /// Creates a failure record.
    package init(location: String, doc: String? = nil, reason: String, failedAt: String = StoreClock.now()) {
        self.location = location
        self.doc = doc
        self.reason = reason
        self.failedAt = failedAt
    }
}

/// What storing a batch did.
package struct StoreResult: Sendable, Hashable {
    /// Documents stored for the first time.
    package var inserted = 0
    /// Documents that replaced an earlier version with another content hash.
    package var replaced = 0
    /// Documents skipped because the same id and content hash were already stored.
    package var unchanged = 0
    /// Event mentions stored.
    package var mentions = 0

    package init() {}

    static func + (lhs: StoreResult, rhs: StoreResult) -> StoreResult {
        var sum = lhs
        sum.inserted += rhs.inserted
        sum.replaced += rhs.replaced
        sum.unchanged += rhs.unchanged
        sum.mentions += rhs.mentions
        return sum
    }
}

/// Counts of what a store holds.
package struct StoreStatistics: Sendable, Hashable, Codable {
    /// Stored documents.
    package var documents: Int
    /// Distinct (deduplicated) events.
    package var events: Int
    /// Event mentions: one per sentence an event was coded from.
    package var mentions: Int
    /// Recorded failures.
    package var failures: Int
}
