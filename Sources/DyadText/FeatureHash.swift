/// 64-bit hashing of strings and feature tuples. Features are hashed once per token or per
/// parser state, never looked up as strings.
enum FeatureHash {
    /// FNV-1a over the UTF-8 bytes of `text`, finished with a mixer.
    @inline(__always)
    static func string(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return finish(h)
    }

    /// FNV-1a over a slice of bytes.
    @inline(__always)
    static func bytes(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return finish(h)
    }

    /// The splitmix64 finaliser.
    @inline(__always)
    static func finish(_ value: UInt64) -> UInt64 {
        var h = value
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }

    /// Combines two hashes (order matters).
    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        finish(a &* 0x9E37_79B9_7F4A_7C15 &+ b &+ 0x632B_E59B_D9B4_E019)
    }

    /// The hash of a feature: a template number and up to three values.
    @inline(__always)
    static func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 {
        let h = mix(mix(mix(template &+ 0x1234_5678, a), b), c)
        return h == 0 ? 1 : h
    }
}

/// An open-addressing hash table from a non-zero 64-bit key to a 32-bit value (linear probing).
struct FeatureTable: Sendable {
    private(set) var keys: [UInt64]
    private(set) var values: [Int32]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The value for `key`, or -1.
    @inline(__always)
    func find(_ key: UInt64) -> Int32 {
        keys.withUnsafeBufferPointer { keys in
            var i = Int(truncatingIfNeeded: key) & mask
            while true {
                let k = keys[i]
                if k == key { return values[i] }
                if k == 0 { return -1 }
                i = (i + 1) & mask
            }
        }
    }

    /// Inserts `key` with `value` if absent; returns the stored value.
    mutating func insert(_ key: UInt64, _ value: Int32) -> Int32 {
        if (count + 1) * 2 > keys.count { grow() }
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 {
                keys[i] = key
                values[i] = value
                count += 1
                return value
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != 0 { _ = insert(k, v) }
    }
}
