package import DyadCoding
import Foundation

/// One input to ingest: a document read, or an input that could not be read.
package enum IngestItem: Sendable {
    /// A document and where it was read from (`file.jsonl:12`, a path), if known.
    case document(Document, location: String?)
    /// An input that could not be read, where, and why.
    case failure(location: String, reason: String)
}

/// Progress of an ingest, reported as it goes.
package struct IngestProgress: Sendable, Hashable {
    /// Documents seen so far (stored, skipped or failed).
    package var documents = 0
    /// How many documents there are in all, when known.
    package var total: Int?
    /// Documents stored (new or changed).
    package var stored = 0
    /// Documents skipped because they were already stored unchanged.
    package var unchanged = 0
    /// Documents that failed.
    package var failed = 0
    /// Event mentions stored.
    package var events = 0
    /// Seconds since the start.
    package var elapsed: Double = 0

    package init() {}

    /// Documents per second so far.
    package var rate: Double { elapsed > 0 ? Double(documents) / elapsed : 0 }

    /// Seconds left at the current rate, when the total is known.
    package var remaining: Double? {
        guard let total, rate > 0 else { return nil }
        return Double(max(0, total - documents)) / rate
    }
}

/// Codes documents on all cores and stores them in batches, skipping those already stored.
///
/// A batch is one transaction, so a crash at any point loses at most the batch in flight;
/// running again skips what was stored and stores the rest.
///
/// ```swift
/// let coder = try Coder.bundled()
/// let ingester = Ingester(store: store) { coder.code($0) }
/// let summary = try await ingester.run(items) { progress in print(progress.documents) }
/// ```
package struct Ingester: Sendable {
    /// The store to write to.
    package var store: any EventStore
    /// Codes one document.
    package var code: @Sendable (Document) throws -> [Event]
    /// How many documents are coded at once (default: the number of cores).
    package var concurrency: Int
    /// How many documents go in one transaction.
    package var batchSize: Int

    package init(
        store: any EventStore, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount, batchSize: Int = 64,
        code: @escaping @Sendable (Document) throws -> [Event]
    ) {
        self.store = store
        self.code = code
        self.concurrency = max(1, concurrency)
        self.batchSize = max(1, batchSize)
    }

    /// Ingests `items`, calling `report` after each batch.
    /// - Parameters:
    ///   - items: The documents and read failures, in input order.
    ///   - total: The number of items, when known (for the ETA).
    ///   - report: Called with the progress so far.
    /// - Returns: The final progress.
    /// - Throws: `StoreError` when the store fails (locked, read-only, unreachable); bad documents do not throw.
    @discardableResult
    package func run(
        _ items: some Sequence<IngestItem>, total: Int? = nil,
        report: @Sendable (IngestProgress) -> Void = { _ in }
    ) async throws -> IngestProgress {
        var iterator = items.makeIterator()
        return try await run(total: total, report: report) { iterator.next() }
    }

    /// Ingests the items `next` hands out one at a time until it returns `nil`, calling `report`
    /// after each batch. Only a few batches are read ahead, so memory does not grow with the input
    /// and a stream (a pipe, standard input) is stored as it arrives.
    /// - Parameters:
    ///   - total: The number of items, when known (for the ETA).
    ///   - report: Called with the progress so far.
    ///   - next: The next document or read failure, in input order; `nil` at the end.
    /// - Returns: The final progress.
    /// - Throws: What `next` throws, or `StoreError` when the store fails.
    @discardableResult
    package func run(
        total: Int? = nil, report: @Sendable (IngestProgress) -> Void = { _ in },
        next: () async throws -> IngestItem?
    ) async throws -> IngestProgress {
        let start = DispatchTime.now().uptimeNanoseconds
        var progress = IngestProgress()
        progress.total = total
        var seen: [String: String] = [:]  // id -> hash, documents met in this run
        var exhausted = false

        /// The next chunk of documents that need coding, after skipping stored ones.
        func nextChunk() async throws -> [(Document, String?, String)] {
            var documents: [(Document, String?, String)] = []
            var failures: [IngestFailure] = []
            while documents.count + failures.count < batchSize * 4, !exhausted {
                guard let item = try await next() else {
                    exhausted = true
                    break
                }
                switch item {
                case .failure(let location, let reason):
                    failures.append(IngestFailure(location: location, reason: reason))
                case .document(let document, let location):
                    if let problem = Self.problem(document) {
                        failures.append(
                            IngestFailure(location: location ?? document.id, doc: document.id, reason: problem))
                        continue
                    }
                    let hash = ContentHash.of(document)
                    if seen[document.id] == hash {
                        progress.documents += 1
                        progress.unchanged += 1
                        continue
                    }
                    seen[document.id] = hash
                    documents.append((document, location, hash))
                }
            }
            if !failures.isEmpty {
                try await store.recordFailures(failures)
                progress.documents += failures.count
                progress.failed += failures.count
            }
            let stored = try await store.storedHashes(ids: documents.map(\.0.id))
            let fresh = documents.filter { stored[$0.0.id] != $0.2 }
            progress.documents += documents.count - fresh.count
            progress.unchanged += documents.count - fresh.count
            return fresh
        }

        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

        let code = self.code
        var queue: [(Document, String?, String)] = []
        var pending: [CodedDocument] = []
        var failures: [IngestFailure] = []
        try await withThrowingTaskGroup(of: Result<CodedDocument, IngestFailureBox>.self) { group in
            var running = 0
            func fill() async throws {
                while running < concurrency {
                    if queue.isEmpty {
                        if exhausted { return }
                        queue = try await nextChunk()
                        if queue.isEmpty { continue }
                    }
                    let (document, location, _) = queue.removeFirst()
                    running += 1
                    group.addTask {
                        do {
                            let events = try code(document)
                            return .success(CodedDocument(document, events: events, location: location))
                        } catch {
                            return .failure(
                                IngestFailureBox(
                                    IngestFailure(
                                        location: location ?? document.id, doc: document.id, reason: "\(error)")))
                        }
                    }
                }
            }
            func flush() async throws {
                if !failures.isEmpty {
                    try await store.recordFailures(failures)
                    progress.documents += failures.count
                    progress.failed += failures.count
                    failures = []
                }
                guard !pending.isEmpty else { return }
                let result = try await store.store(pending)
                progress.documents += pending.count
                progress.stored += result.inserted + result.replaced
                progress.unchanged += result.unchanged
                progress.events += result.mentions
                pending = []
                progress.elapsed = elapsed()
                report(progress)
            }
            try await fill()
            while let result = try await group.next() {
                running -= 1
                switch result {
                case .success(let coded): pending.append(coded)
                case .failure(let box): failures.append(box.failure)
                }
                try await fill()
                if pending.count >= batchSize || failures.count >= batchSize { try await flush() }
            }
            try await flush()
        }
        progress.elapsed = elapsed()
        report(progress)
        return progress
    }

    /// Why a document cannot be stored, or `nil` when it can.
    static func problem(_ document: Document) -> String? {
        if document.id.isEmpty { return "the document has no id" }
        if document.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { return "the document has no text" }
        return nil
    }
}

/// An `IngestFailure` as an `Error`, to travel through a task group's `Result`.
struct IngestFailureBox: Error {
    var failure: IngestFailure
    init(_ failure: IngestFailure) { self.failure = failure }
}
