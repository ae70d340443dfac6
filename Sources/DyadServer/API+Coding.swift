import DyadCoding
import DyadStore
import Foundation
import Hummingbird
import NIOCore

/// A document in a request body: `POST /v1/code` takes one, `POST /v1/documents` a list.
struct DocumentInput: Sendable, Decodable {
    var id: String?
    var text: String
    var date: String?
    var url: String?
    var source: String?

    /// The document to code, with `field` naming this input in errors (`documents[2]`).
    func document(field prefix: String, today: EventDate) throws(APIError) -> Document {
        if text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            throw APIError(.badRequest, "the text is empty", field: prefix + "text")
        }
        var parsed: EventDate?
        if let date, !date.isEmpty {
            guard let value = EventDate(date) else {
                throw APIError(
                    .badRequest, "must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not '\(date)'", field: prefix + "date")
            }
            parsed = value
        }
        if let id, id.isEmpty { throw APIError(.badRequest, "the id is empty", field: prefix + "id") }
        return Document(
            id: id ?? Self.defaultID(text), text: text, date: parsed ?? today, url: url, source: source)
    }

    /// The id of a document given without one: `doc-` and the FNV-1a hash of its text, as `dyad code` names text input.
    static func defaultID(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return "doc-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Today's date in UTC, the publication date of a document given without one.
    static func today() -> EventDate {
        let components = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "UTC") ?? .current, from: Date())
        return EventDate(year: components.year ?? 1970, month: components.month, day: components.day)
    }
}

/// The body of `POST /v1/documents` as JSON: `{"documents": [...]}`.
struct DocumentsInput: Decodable {
    var documents: [DocumentInput]
}

extension API {
    /// Decodes JSON, turning decoding errors into 400 answers that name the field.
    static func decode<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer, prefix: String = "") throws(APIError) -> T
    {
        let data = Data(buffer.readableBytesView)
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw badJSON(error, prefix: prefix)
        } catch {
            throw APIError(.badRequest, "bad JSON: \(error)")
        }
    }

    static func badJSON(_ error: DecodingError, prefix: String) -> APIError {
        func path(_ codingPath: [any CodingKey]) -> String? {
            let parts = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? "." + key.stringValue }
            let joined = parts.joined()
            let trimmed = joined.hasPrefix(".") ? String(joined.dropFirst()) : joined
            return trimmed.isEmpty ? nil : prefix + trimmed
        }
        switch error {
        case .keyNotFound(let key, let context):
            return APIError(
                .badRequest, "'\(key.stringValue)' is required", field: path(context.codingPath + [key]))
        case .typeMismatch(let type, let context):
            return APIError(.badRequest, "must be of type \(type)", field: path(context.codingPath))
        case .valueNotFound(let type, let context):
            return APIError(.badRequest, "must be a \(type), not null", field: path(context.codingPath))
        case .dataCorrupted(let context):
            let reason = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return APIError(
                .badRequest, "bad JSON" + (reason.map { ": \($0)" } ?? ": " + context.debugDescription),
                field: path(context.codingPath))
        @unknown default:
            return APIError(.badRequest, "bad JSON: \(error)")
        }
    }

    /// `POST /v1/code`: codes one document and answers its events as `dyad code --format jsonl` writes them.
    ///
    /// The body is JSON (`{"text", "date", "id", "url", "source"}`) or plain text (`?date=` gives the date).
    /// `?explain=true` adds, per sentence, the words, actors and decisions of the coder;
    /// `?format=jsonl` answers the bare JSON Lines.
    func code(_ request: Request) async throws -> Response {
        let query = try QueryParameters(request, allowed: ["date", "id", "explain", "format"])
        let explain: Bool
        switch query["explain"] {
        case nil, "false", "0": explain = false
        case "true", "1": explain = true
        case let value?: throw APIError(.badRequest, "must be true or false, not '\(value)'", field: "explain")
        }
        let jsonLines: Bool
        switch query["format"] {
        case nil, "json": jsonLines = false
        case "jsonl": jsonLines = true
        case let value?: throw APIError(.badRequest, "must be json or jsonl, not '\(value)'", field: "format")
        }
        let buffer = try await body(of: request)
        var input: DocumentInput
        if Self.contentType(of: request, is: "text/plain") {
            guard let text = buffer.getString(at: buffer.readerIndex, length: buffer.readableBytes),
                String(validating: buffer.readableBytesView, as: UTF8.self) != nil
            else {
                throw APIError(.badRequest, "the body is not valid UTF-8 text", field: "text")
            }
            input = DocumentInput(id: query["id"], text: text, date: query["date"])
        } else {
            // JSON, whatever the Content-Type says (curl -d sends application/x-www-form-urlencoded).
            if buffer.readableBytes == 0 {
                throw APIError(.badRequest, "the body is empty: send {\"text\": ...} as JSON", field: "text")
            }
            input = try Self.decode(DocumentInput.self, from: buffer)
            if input.date == nil { input.date = query["date"] }
            if input.id == nil { input.id = query["id"] }
        }
        let document = try input.document(field: "", today: configuration.defaultDate ?? DocumentInput.today())
        let coder = self.coder
        let (events, sentences): ([Event], [SentenceExplanation]?) = await Self.offload {
            if explain {
                let result = coder.explain(document)
                return (result.events, result.sentences)
            }
            return (coder.code(document), nil)
        }
        metrics.recordCoded(documents: 1, events: events.count)
        if jsonLines {
            var out = ""
            for event in events { out += EventJSON.line(event) + "\n" }
            return Self.text(out, type: "application/x-ndjson")
        }
        var out =
            "{\"doc\":\(jsonString(document.id)),\"date\":\(document.date.map { jsonString($0.description) } ?? "null"),"
        out += "\"events\":[" + events.map(EventJSON.line).joined(separator: ",") + "]"
        if let sentences { out += ",\"sentences\":" + (try Self.encode(sentences)) }
        out += "}"
        return Self.json(out)
    }

    /// `POST /v1/documents`: codes documents and stores them, as `dyad ingest` does. Needs the bearer token.
    func documents(_ request: Request) async throws -> Response {
        try authorize(request)
        _ = try QueryParameters(request, allowed: [])
        let buffer = try await body(of: request)
        var inputs: [(DocumentInput, String)] = []
        if Self.contentType(of: request, is: "application/x-ndjson") {
            var line = 0
            for slice in buffer.readableBytesView.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            {
                line += 1
                if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                let prefix = "line \(line)."
                var lineBuffer = ByteBuffer()
                lineBuffer.writeBytes(slice)
                inputs.append((try Self.decode(DocumentInput.self, from: lineBuffer, prefix: prefix), prefix))
            }
        } else {
            let decoded = try Self.decode(DocumentsInput.self, from: buffer)
            inputs = decoded.documents.enumerated().map { ($0.element, "documents[\($0.offset)].") }
        }
        if inputs.isEmpty { throw APIError(.badRequest, "no documents given", field: "documents") }
        if inputs.count > configuration.maximumDocumentsPerRequest {
            throw APIError(
                .badRequest,
                "at most \(configuration.maximumDocumentsPerRequest) documents a request, not \(inputs.count)",
                field: "documents")
        }
        let today = configuration.defaultDate ?? DocumentInput.today()
        var documents: [Document] = []
        for (input, prefix) in inputs { documents.append(try input.document(field: prefix, today: today)) }
        let coder = self.coder
        let metrics = self.metrics
        let ingester = Ingester(store: store) { document in
            let events = coder.code(document)
            metrics.recordCoded(documents: 1, events: events.count)
            return events
        }
        let progress = try await ingester.run(
            documents.map { IngestItem.document($0, location: "request:\($0.id)") }, total: documents.count)
        metrics.recordStored(documents: progress.stored)
        return Self.json(
            "{\"documents\":\(documents.count),\"stored\":\(progress.stored),\"unchanged\":\(progress.unchanged),"
                + "\"failed\":\(progress.failed),\"events\":\(progress.events),"
                + "\"ids\":[" + documents.map { jsonString($0.id) }.joined(separator: ",") + "]}")
    }

    /// Runs CPU-bound work (coding) on a Dispatch worker thread, so that it does not hold a thread
    /// of Swift's cooperative pool, which the server's other requests need.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }

    /// Checks the bearer token of a write: 403 when writing is off, 401 when the token is missing or wrong.
    func authorize(_ request: Request) throws(APIError) {
        guard let token = configuration.token else {
            throw APIError(
                .forbidden,
                "writing is off: start dyad serve with --token or the DYAD_TOKEN environment variable to accept documents",
                field: "Authorization")
        }
        let given = request.headers[.authorization] ?? ""
        let prefix = "Bearer "
        guard given.count > prefix.count, given.prefix(prefix.count).lowercased() == prefix.lowercased() else {
            var error = APIError(
                .unauthorized, "this route needs 'Authorization: Bearer TOKEN'", field: "Authorization")
            error.headers[.wwwAuthenticate] = "Bearer realm=\"dyad\""
            throw error
        }
        guard Self.constantTimeEqual(Array(given.utf8.dropFirst(prefix.count)), Array(token.utf8)) else {
            var error = APIError(.unauthorized, "the bearer token is wrong", field: "Authorization")
            error.headers[.wwwAuthenticate] = "Bearer realm=\"dyad\", error=\"invalid_token\""
            throw error
        }
    }

    /// Compares two byte strings in time that depends only on their lengths.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}
