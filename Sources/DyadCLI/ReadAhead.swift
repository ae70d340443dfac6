import Foundation

/// Items produced on a thread of their own (a reader blocked on a pipe, a disk) and taken in
/// order by async code, with at most `capacity` waiting: the producer blocks when the consumer
/// falls behind, so memory stays bounded however long the input.
///
/// ```swift
/// let items = ReadAhead<InputItem>(capacity: 256)
/// Thread { items.produce { put in try reader.read(paths, put) } }.start()
/// while let item = try await items.next() { … }
/// ```
final class ReadAhead<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var buffer: [Element] = []
    private var head = 0
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?
    private var waiter: CheckedContinuation<Void, Never>?

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Runs `body` (on the calling thread) with a function that hands on one item, then marks
    /// the end, or the error `body` threw.
    func produce(_ body: (_ put: (Element) throws -> Void) throws -> Void) {
        do {
            try body { try self.put($0) }
            finish(throwing: nil)
        } catch {
            finish(throwing: error is CancellationError ? nil : error)
        }
    }

    /// Adds `element`, waiting while `capacity` items are waiting.
    /// - Throws: `CancellationError` once the consumer has given up.
    func put(_ element: Element) throws {
        condition.lock()
        while buffer.count - head >= capacity, !cancelled { condition.wait() }
        guard !cancelled else {
            condition.unlock()
            throw CancellationError()
        }
        buffer.append(element)
        let resumed = waiter
        waiter = nil
        condition.unlock()
        resumed?.resume()
    }

    /// Marks the end of the items, with the error that ended them early, if any.
    func finish(throwing error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        let resumed = waiter
        waiter = nil
        condition.unlock()
        resumed?.resume()
    }

    /// Tells the producer to stop: its next `put` throws `CancellationError`.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private enum Taken {
        case element(Element)
        case end
        case none
    }

    /// The next item, waiting (without blocking a thread) until there is one; `nil` at the end.
    /// - Throws: The error the producer ended with, after the items it produced first.
    func next() async throws -> Element? {
        while true {
            switch take() {
            case .element(let element): return element
            case .end:
                if let failure = takeFailure() { throw failure }
                return nil
            case .none:
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    condition.lock()
                    if buffer.count == head, !finished {
                        waiter = continuation
                        condition.unlock()
                    } else {
                        condition.unlock()
                        continuation.resume()
                    }
                }
            }
        }
    }

    private func take() -> Taken {
        condition.lock()
        defer { condition.unlock() }
        if head < buffer.count {
            let element = buffer[head]
            head += 1
            if head >= 1024, head * 2 >= buffer.count {
                buffer.removeFirst(head)
                head = 0
            }
            condition.signal()
            return .element(element)
        }
        return finished ? .end : .none
    }

    private func takeFailure() -> (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        let error = failure
        failure = nil
        return error
    }
}
