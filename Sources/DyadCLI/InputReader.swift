import DyadCoding
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Something read from the command line's inputs: a document to code, or a reason one could not be read.
enum InputItem: Sendable {
    case document(Document)
    case failure(InputFailure)
}

/// An input that could not be coded, with where it was and why.
struct InputFailure: Error, Sendable, CustomStringConvertible {
    /// `path`, `path:line` for a JSON line, or `-` for standard input.
    var location: String
    var reason: String
    var description: String { "\(location): \(reason)" }
}

/// Reads the inputs `dyad code` and `dyad ingest` accept: text files, JSON Lines files
/// (`{"id","date","text","url","source"}` a line), directories (recursively, in name order),
/// and `-` for standard input. Every problem becomes an ``InputFailure``; nothing is dropped silently.
struct InputReader {
    /// The default limit on a document's size: 16 MiB, far above any news article.
    static let defaultMaximumDocumentSize = 16 << 20

    var defaultDate: EventDate?
    /// The date relative expressions are resolved against when a document has no date of its
    /// own and no `--date` was given: the day of coding, as GDELT's DATEADDED.
    var fallbackDate: EventDate = InputReader.today()
    /// Documents larger than this (in bytes) are refused with a message rather than coded.
    var maximumDocumentSize = InputReader.defaultMaximumDocumentSize

    /// Calls `body` with each item of `paths`, in order.
    func read(_ paths: [String], _ body: (InputItem) throws -> Void) throws {
        for path in paths {
            if path == "-" {
                var stream = ByteStream(descriptor: 0)
                try readStream(&stream, location: "-", id: nil, body)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                try body(.failure(InputFailure(location: path, reason: "no such file or directory")))
                continue
            }
            if isDirectory.boolValue {
                for file in Self.files(under: path) { try readFile(file, body) }
            } else {
                try readFile(path, body)
            }
        }
    }

    /// About how many items `read(paths)` will hand on, for a progress bar's ETA: a JSON Lines file
    /// counts its lines, any other file one. `nil` when standard input is among `paths`.
    func estimatedCount(_ paths: [String]) -> Int? {
        var count = 0
        for path in paths {
            if path == "-" { return nil }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                count += 1
                continue
            }
            for file in isDirectory.boolValue ? Self.files(under: path) : [path] {
                count += Self.estimatedCount(file: file)
            }
        }
        return count
    }

    /// Whether the input named `name` is JSON Lines: by its extension (`.jsonl`, `.ndjson`), or,
    /// unless it is a `.txt` file, when its first non-blank byte is `{`.
    static func isJSONLines(_ name: String, firstNonBlankByte first: UInt8?) -> Bool {
        name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") || (!name.hasSuffix(".txt") && first == 0x7B)
    }

    /// The lines of a JSON Lines file (by name, or when it starts with `{`), else 1.
    static func estimatedCount(file: String) -> Int {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) else { return 1 }
        guard isJSONLines(file, firstNonBlankByte: data.first(where: { $0 > 0x20 })) else { return 1 }
        return data.withUnsafeBytes { bytes in
            var lines = 0
            var blank = true
            for byte in bytes {
                if byte == 0x0A {
                    if !blank { lines += 1 }
                    blank = true
                } else if byte > 0x20 {
                    blank = false
                }
            }
            return blank ? lines : lines + 1
        }
    }

    /// The regular files under `directory`, recursively, skipping hidden ones, sorted by path.
    static func files(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    private func readFile(_ path: String, _ body: (InputItem) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            try body(.failure(InputFailure(location: path, reason: "cannot read: \(reason)")))
            return
        }
        defer { close(descriptor) }
        var stream = ByteStream(descriptor: descriptor)
        try readStream(&stream, location: path, id: path, body)
    }

    /// Reads `data` as a file named `location` would be read (the fuzz harness's entry point),
    /// handing the stream `blockSize` bytes at a time.
    func readContents(_ data: Data, location: String, id: String?, blockSize: Int = 1 << 16, _ body: (InputItem) throws -> Void) throws {
        var stream = ByteStream(bytes: [UInt8](data), blockSize: blockSize)
        try readStream(&stream, location: location, id: id, body)
    }

    /// Reads a file or standard input as it arrives. JSON Lines (by name, or when the first
    /// non-blank byte is `{`) are handed on line by line, each document as soon as its line is
    /// complete, so a pipe (Spark's `RDD.pipe`) gets events while it is still writing and memory
    /// stays within one line, however long the input. Anything else is one text document, read up
    /// to the size limit and then only counted.
    private func readStream(_ stream: inout ByteStream, location: String, id: String?, _ body: (InputItem) throws -> Void) throws {
        let first = stream.firstNonBlankByte(within: maximumDocumentSize)
        guard Self.isJSONLines(location, firstNonBlankByte: first) else {
            let total = stream.readAll(keepingAtMost: maximumDocumentSize + 1)
            if total > maximumDocumentSize {
                try body(.failure(InputFailure(
                    location: location,
                    reason: "document of \(total) bytes is over the limit of \(maximumDocumentSize) bytes (raise it with --max-bytes)")))
                return
            }
            try body(textDocument(Data(stream.buffer), location: location, id: id))
            return
        }
        let decoder = JSONDecoder()
        var lineNumber = 0
        while let line = stream.nextLine(maximumLength: maximumLineSize) {
            lineNumber += 1
            switch line {
            case .line(let bytes):
                if let item = jsonLineItem(bytes, location: location, lineNumber: lineNumber, decoder: decoder) {
                    try body(item)
                }
            case .tooLong(let length):
                try body(.failure(InputFailure(
                    location: "\(location):\(lineNumber)",
                    reason: "JSON line of \(length) bytes is over the limit of \(maximumLineSize) bytes (raise it with --max-bytes)")))
            }
        }
    }

    /// A plain-text document, or why it cannot be one.
    func textDocument(_ data: Data, location: String, id: String?) -> InputItem {
        if let problem = problem(with: data) {
            return .failure(InputFailure(location: location, reason: problem))
        }
        let text = String(decoding: data, as: UTF8.self)
        let documentID = id ?? "doc-" + Self.hash(text)
        return .document(Document(id: documentID, text: text, date: defaultDate ?? fallbackDate))
    }

    /// Why `data` cannot be coded as text, or `nil` when it can.
    func problem(with data: Data) -> String? {
        if data.isEmpty { return "empty document: nothing to code" }
        if data.count > maximumDocumentSize {
            return "document of \(data.count) bytes is over the limit of \(maximumDocumentSize) bytes (raise it with --max-bytes)"
        }
        if let offset = data.firstIndex(of: 0) {
            return "binary data (a NUL byte at offset \(offset - data.startIndex)): not a text document"
        }
        if let offset = Self.invalidUTF8Offset(data) { return "not valid UTF-8 (at byte \(offset))" }
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return "empty document: only whitespace"
        }
        return nil
    }

    /// The offset of the first byte that breaks UTF-8, or `nil` when the data is valid.
    static func invalidUTF8Offset(_ data: Data) -> Int? {
        data.withUnsafeBytes { buffer -> Int? in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                var minimum: UInt32
                switch byte {
                case 0xC2...0xDF: length = 2; minimum = 0x80
                case 0xE0...0xEF: length = 3; minimum = 0x800
                case 0xF0...0xF4: length = 4; minimum = 0x10000
                default: return index
                }
                guard index + length <= count else { return index }
                var scalar = UInt32(byte) & (0xFF >> (length + 1))
                for offset in 1..<length {
                    let next = bytes[index + offset]
                    guard next & 0xC0 == 0x80 else { return index }
                    scalar = scalar << 6 | UInt32(next & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
                index += length
            }
            return nil
        }
    }

    private struct JSONDocument: Decodable {
        var id: JSONScalar?
        var date: String?
        var text: String?
        var url: String?
        var source: String?
    }

    /// An id may be written as a string or a number.
    private enum JSONScalar: Decodable {
        case string(String)
        case number(Double)
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                self = .string(string)
            } else {
                self = .number(try container.decode(Double.self))
            }
        }
        var text: String {
            switch self {
            case .string(let value): value
            case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
            }
        }
    }

    /// The longest JSON line read: twice the document limit (escapes such as `\"` take two bytes
    /// for one) plus room for the other fields. A longer line is refused without being parsed.
    var maximumLineSize: Int { maximumDocumentSize.multipliedReportingOverflow(by: 2).partialValue + 65_536 }

    /// The document of one JSON line, a failure saying why there is none, or `nil` for a blank line.
    func jsonLineItem(_ line: Data, location: String, lineNumber: Int, decoder: JSONDecoder) -> InputItem? {
        let where_ = "\(location):\(lineNumber)"
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { return nil }
        if line.count > maximumLineSize {
            return .failure(InputFailure(
                location: where_,
                reason: "JSON line of \(line.count) bytes is over the limit of \(maximumLineSize) bytes (raise it with --max-bytes)"))
        }
        let line = Data(line)
        if let offset = Self.invalidUTF8Offset(line) {
            return .failure(InputFailure(location: where_, reason: "not valid UTF-8 (at byte \(offset) of the line)"))
        }
        let parsed: JSONDocument
        do {
            parsed = try decoder.decode(JSONDocument.self, from: line)
        } catch {
            return .failure(InputFailure(location: where_, reason: "malformed JSON line: \(Self.describe(error))"))
        }
        guard let text = parsed.text else {
            return .failure(InputFailure(location: where_, reason: "the line has no \"text\" field"))
        }
        if let problem = problem(with: Data(text.utf8)) {
            return .failure(InputFailure(location: where_, reason: problem))
        }
        var date = defaultDate ?? fallbackDate
        if let dateText = parsed.date, !dateText.isEmpty {
            guard let value = EventDate(dateText.prefix(10)) ?? EventDate(dateText) else {
                return .failure(InputFailure(
                    location: where_, reason: "\"date\" is not YYYY-MM-DD (or YYYY-MM, YYYY): \(dateText)"))
            }
            date = value
        }
        // An empty id (found by the fuzzer) is no id: events must name their document.
        let id = parsed.id.map(\.text).flatMap { $0.isEmpty ? nil : $0 } ?? where_
        return .document(Document(id: id, text: text, date: date, url: parsed.url, source: parsed.source))
    }

    /// A one-line description of a decoding error.
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return context.debugDescription
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\(path.isEmpty ? "" : "field \"\(path)\": ")\(context.debugDescription)"
        case DecodingError.keyNotFound(let key, _):
            return "missing field \"\(key.stringValue)\""
        default:
            return String(describing: error)
        }
    }

    /// Today's date in UTC.
    static func today() -> EventDate {
        let components = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "UTC") ?? .current, from: Date())
        return EventDate(year: components.year ?? 1970, month: components.month, day: components.day)
    }

    /// A stable 64-bit FNV-1a hash of `text`, in hex: the id of a document that has none.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Reads a file descriptor (or bytes in memory, for the fuzzer) in blocks: as a whole, or line
/// by line with a bound on how much of one line is kept.
struct ByteStream {
    private enum Source {
        case descriptor(Int32)
        case bytes([UInt8], offset: Int)
    }

    private var source: Source
    private let blockSize: Int
    /// Bytes read and not yet handed out start at `position`.
    private(set) var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The block `read` fills, allocated once.
    private var block: [UInt8] = []

    init(descriptor: Int32, blockSize: Int = 1 << 16) {
        source = .descriptor(descriptor)
        self.blockSize = max(1, blockSize)
    }

    init(bytes: [UInt8], blockSize: Int = 1 << 16) {
        source = .bytes(bytes, offset: 0)
        self.blockSize = max(1, blockSize)
    }

    /// A line of input, or the length of one that was too long to keep.
    enum Line {
        case line(Data)
        case tooLong(Int)
    }

    /// Reads one more block onto the end of `buffer`, first dropping what was handed out when
    /// that is at least half of it; `false` at the end of the input or on a read error.
    private mutating func fill() -> Bool {
        guard !atEnd else { return false }
        if position > 0 && position >= buffer.count / 2 {
            buffer.removeFirst(position)
            position = 0
        }
        switch source {
        case .bytes(let bytes, let offset):
            guard offset < bytes.count else {
                atEnd = true
                return false
            }
            let end = min(bytes.count, offset + blockSize)
            buffer.append(contentsOf: bytes[offset..<end])
            source = .bytes(bytes, offset: end)
            return true
        case .descriptor(let descriptor):
            if block.count != blockSize { block = [UInt8](repeating: 0, count: blockSize) }
            while true {
                let count = block.withUnsafeMutableBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return -1 }
                    return read(descriptor, base, raw.count)
                }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    atEnd = true
                    return false
                }
                buffer.append(contentsOf: block[0..<count])
                return true
            }
        }
    }

    /// The first byte that is not a space, tab or line break among the first `limit`, reading as
    /// far as needed; `nil` when there is none. Nothing is consumed.
    mutating func firstNonBlankByte(within limit: Int) -> UInt8? {
        var searched = 0  // relative to `position`, which `fill` may move
        while true {
            while position + searched < buffer.count {
                guard searched < limit else { return nil }
                let byte = buffer[position + searched]
                if byte != 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09 { return byte }
                searched += 1
            }
            guard fill() else { return nil }
        }
    }

    /// Reads to the end, keeping at most `limit` unread bytes in `buffer` (from its start);
    /// returns how many there were in all.
    mutating func readAll(keepingAtMost limit: Int) -> Int {
        buffer.removeFirst(position)
        position = 0
        var total = buffer.count
        if buffer.count > limit { buffer.removeLast(buffer.count - limit) }
        while true {
            let before = buffer.count
            guard fill() else { break }
            total += buffer.count - before
            if buffer.count > limit { buffer.removeLast(buffer.count - limit) }
        }
        return total
    }

    /// The index of the first line break in `buffer` at or after `start`.
    private func newline(from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { pointer -> Int? in
            guard let base = pointer.baseAddress, let found = memchr(base + start, 0x0A, pointer.count - start) else {
                return nil
            }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The next line without its line break, or `nil` at the end. A line longer than
    /// `maximumLength` is skipped to its end and reported by length, never held in memory whole.
    mutating func nextLine(maximumLength: Int) -> Line? {
        // Bytes of the line already searched for a line break (relative to `position`, which
        // `fill` may move) and bytes of it already dropped because it is too long.
        var searched = 0
        var skipped = 0
        while true {
            if let newline = newline(from: position + searched) {
                defer { position = newline + 1 }
                if skipped > 0 { return .tooLong(skipped + newline - position) }
                return .line(Data(buffer[position..<newline]))
            }
            searched = buffer.count - position
            if searched > maximumLength {
                skipped += searched
                buffer.removeAll(keepingCapacity: true)
                position = 0
                searched = 0
            }
            guard fill() else {
                let rest = buffer.count - position
                defer { position = buffer.count }
                if skipped > 0 { return .tooLong(skipped + rest) }
                return rest > 0 ? .line(Data(buffer[position...])) : nil
            }
        }
    }
}
