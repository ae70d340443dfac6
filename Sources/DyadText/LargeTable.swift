#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fixed-size, read-only array for the big tables of a model (hash slots, weight rows), which
/// are read at random, one cache line per feature.
///
/// A table of 2 MiB or more is allocated on a 2 MiB boundary and, on Linux, advised to be
/// backed by transparent huge pages (`madvise(MADV_HUGEPAGE)`): the parser's 17 MB slot table
/// then needs 9 TLB entries instead of 4,100, and a lookup no longer pays a page walk on top of
/// its cache miss. Where huge pages are not available (macOS, THP disabled, no contiguous
/// memory), the advice does nothing and the table is ordinary memory.
///
/// ```swift
/// let squares = LargeTable<Int>(count: 4) { $0.initialize(from: (0..<4).map { $0 * $0 }) }
/// squares[3]  // 9
/// ```
struct LargeTable<Element: BitwiseCopyable>: RandomAccessCollection, Sendable {
    /// Owns the memory; freed with the last table that refers to it.
    private final class Storage: @unchecked Sendable {  // Immutable once the initializer returns.
        let base: UnsafeMutablePointer<Element>
        let isAligned: Bool

        init(count: Int) {
            let bytes = Swift.max(1, count) * MemoryLayout<Element>.stride
            let hugePage = 2 << 20
            var raw: UnsafeMutableRawPointer?
            if bytes >= hugePage {
                // Whole huge pages, so that the table's tail is not left on small ones.
                let size = (bytes + hugePage - 1) & ~(hugePage - 1)
                if posix_memalign(&raw, hugePage, size) == 0, let raw {
                    #if os(Linux)
                        _ = madvise(raw, size, MADV_HUGEPAGE)
                    #endif
                } else {
                    raw = nil
                }
            }
            if let raw {
                base = raw.bindMemory(to: Element.self, capacity: Swift.max(1, count))
                isAligned = true
            } else {
                base = UnsafeMutablePointer<Element>.allocate(capacity: Swift.max(1, count))
                isAligned = false
            }
        }

        deinit {
            if isAligned { free(base) } else { base.deallocate() }
        }
    }

    private let storage: Storage
    let count: Int

    /// A table of `count` elements, which `initialize` must all initialize.
    /// - Parameters:
    ///   - count: The number of elements.
    ///   - initialize: Called once with the uninitialized memory of the table.
    init(count: Int, initialize: (UnsafeMutableBufferPointer<Element>) -> Void) {
        self.count = count
        storage = Storage(count: count)
        initialize(UnsafeMutableBufferPointer(start: storage.base, count: count))
    }

    /// A table holding the elements of `array`.
    init(_ array: [Element]) {
        self.init(count: array.count) { _ = $0.initialize(from: array) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "index out of range")
        return storage.base[position]
    }

    /// Calls `body` with the table's memory, valid only during the call.
    /// - Parameter body: Reads the elements.
    /// - Returns: What `body` returns.
    @inline(__always)
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: storage.base, count: count)) }
    }
}
