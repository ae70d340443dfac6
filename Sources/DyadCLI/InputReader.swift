import DyadCoding
import Foundation

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
                let data = FileHandle.standardInput.readDataToEndOfFile()
                try readContents(data, location: "-", id: nil, body)
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
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            try body(.failure(InputFailure(location: path, reason: "cannot read: \(error.localizedDescription)")))
            return
        }
        try readContents(data, location: path, id: path, body)
    }

    private func readContents(_ data: Data, location: String, id: String?, _ body: (InputItem) throws -> Void) throws {
        let isJSONLines = location.hasSuffix(".jsonl") || location.hasSuffix(".ndjson")
            || (!location.hasSuffix(".txt") && data.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == 0x7B)
        if isJSONLines {
            try readJSONLines(data, location: location, body)
        } else {
            try body(textDocument(data, location: location, id: id))
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

    private func readJSONLines(_ data: Data, location: String, _ body: (InputItem) throws -> Void) throws {
        let decoder = JSONDecoder()
        var lineNumber = 0
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            lineNumber += 1
            let line = data[start..<end]
            start = end < data.endIndex ? data.index(after: end) : end
            let where_ = "\(location):\(lineNumber)"
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            if let offset = Self.invalidUTF8Offset(Data(line)) {
                try body(.failure(InputFailure(location: where_, reason: "not valid UTF-8 (at byte \(offset) of the line)")))
                continue
            }
            let parsed: JSONDocument
            do {
                parsed = try decoder.decode(JSONDocument.self, from: Data(line))
            } catch {
                try body(.failure(InputFailure(location: where_, reason: "malformed JSON line: \(Self.describe(error))")))
                continue
            }
            guard let text = parsed.text else {
                try body(.failure(InputFailure(location: where_, reason: "the line has no \"text\" field")))
                continue
            }
            if let problem = problem(with: Data(text.utf8)) {
                try body(.failure(InputFailure(location: where_, reason: problem)))
                continue
            }
            var date = defaultDate ?? fallbackDate
            if let dateText = parsed.date, !dateText.isEmpty {
                guard let value = EventDate(dateText.prefix(10)) ?? EventDate(dateText) else {
                    try body(.failure(InputFailure(
                        location: where_, reason: "\"date\" is not YYYY-MM-DD (or YYYY-MM, YYYY): \(dateText)")))
                    continue
                }
                date = value
            }
            let id = parsed.id?.text ?? "\(location):\(lineNumber)"
            try body(.document(Document(id: id, text: text, date: date, url: parsed.url, source: parsed.source)))
        }
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
