/// Appends little-endian values to a byte buffer (the model file format).
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: Float) { append(value.bitPattern) }

    mutating func append(_ string: String) {
        let utf8 = Array(string.utf8)
        append(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    mutating func append(strings: [String]) {
        append(UInt32(strings.count))
        for s in strings { append(s) }
    }

    /// An array of fixed-width values: count, then the raw little-endian elements.
    mutating func append<T: BitwiseCopyable>(array: [T]) {
        append(UInt64(array.count))
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

/// Reads what `ByteWriter` wrote, checking every bound; a short or inconsistent buffer throws.
struct ByteReader {
    let buffer: UnsafeRawBufferPointer
    let name: String
    var offset = 0

    init(_ buffer: UnsafeRawBufferPointer, name: String) {
        self.buffer = buffer
        self.name = name
    }

    func error(_ message: String) -> SyntaxError {
        SyntaxError(.corruptModel, "\(message) (at byte \(offset) of \(buffer.count))", file: name)
    }

    mutating func take(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0, count <= buffer.count - offset else { throw error("the model file is truncated") }
        let slice = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)])
        offset += count
        return slice
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let raw = try take(MemoryLayout<T>.size)
        var value = T.zero
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: raw) }
        return T(littleEndian: value)
    }

    mutating func uint32() throws -> UInt32 { try integer(UInt32.self) }
    mutating func uint64() throws -> UInt64 { try integer(UInt64.self) }
    mutating func float() throws -> Float { Float(bitPattern: try uint32()) }

    mutating func string() throws -> String {
        let count = Int(try uint32())
        let raw = try take(count)
        return String(decoding: raw, as: UTF8.self)
    }

    mutating func strings() throws -> [String] {
        let count = Int(try uint32())
        guard count <= buffer.count - offset else { throw error("the model file is truncated") }
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try string()) }
        return result
    }

    mutating func array<T: BitwiseCopyable>() throws -> [T] {
        let count64 = try uint64()
        let size = MemoryLayout<T>.stride
        guard count64 <= UInt64(buffer.count - offset) / UInt64(max(size, 1)) else {
            throw error("the model file is truncated")
        }
        let count = Int(count64)
        let raw = try take(count * size)
        return [T](unsafeUninitializedCapacity: count) { out, initialized in
            UnsafeMutableRawBufferPointer(out).copyMemory(from: raw)
            initialized = count
        }
    }
}
