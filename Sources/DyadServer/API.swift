import DyadCoding
import DyadStore
import Foundation
import Hummingbird
import NIOCore

/// The routes of the HTTP API and the state they share: the store, the coder, limits and metrics.
struct API: Sendable {
    let store: any EventStore
    let coder: Coder
    let configuration: ServerConfiguration
    let metrics = ServerMetrics()

    /// One route: a method, an exact path, and the handler that answers it.
    struct Route: Sendable {
        var method: HTTPRequest.Method
        var path: String
        var handler: @Sendable (API, Request) async throws -> Response
    }

    /// Every route, in the order `openapi.yaml` lists them.
    static let routeTable: [Route] = [
        Route(method: .post, path: "/v1/code") { api, request in try await api.code(request) },
        Route(method: .get, path: "/v1/events") { api, request in try await api.events(request) },
        Route(method: .get, path: "/v1/dyads") { api, request in try await api.dyads(request) },
        Route(method: .post, path: "/v1/documents") { api, request in try await api.documents(request) },
        Route(method: .get, path: "/healthz") { api, _ in api.health() },
        Route(method: .get, path: "/metrics") { api, _ in api.prometheus() },
        Route(method: .get, path: "/openapi.yaml") { _, _ in try Dashboard.asset("openapi.yaml") },
        Route(method: .get, path: "/") { _, _ in try Dashboard.asset("dashboard/index.html") },
        Route(method: .get, path: "/dashboard/app.js") { _, _ in try Dashboard.asset("dashboard/app.js") },
        Route(method: .get, path: "/dashboard/app.css") { _, _ in try Dashboard.asset("dashboard/app.css") },
        Route(method: .get, path: "/dashboard/world.json") { _, _ in try Dashboard.asset("dashboard/world.json") },
    ]

    /// The route for `method` and `path`, or why there is none (404, or 405 with the allowed methods).
    static func route(method: HTTPRequest.Method, path: String) throws(APIError) -> Route {
        let matches = routeTable.filter { $0.path == path }
        if let route = matches.first(where: { $0.method == method }) { return route }
        if method == .head, let route = matches.first(where: { $0.method == .get }) { return route }
        if matches.isEmpty { throw APIError(.notFound, "no such route: \(method.rawValue) \(path)") }
        var error = APIError(
            .methodNotAllowed,
            "\(path) does not take \(method.rawValue); it takes "
                + matches.map(\.method.rawValue).joined(separator: ", "))
        error.headers[.allow] = matches.map(\.method.rawValue).joined(separator: ", ")
        throw error
    }

    // MARK: Request bodies

    /// The whole body, or 413 when it is larger than the configured limit.
    func body(of request: Request) async throws -> ByteBuffer {
        let limit = configuration.bodyLimit
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw Self.tooLarge(limit)
        }
        do {
            return try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw Self.tooLarge(limit)
        }
    }

    static func tooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, "the request body is larger than the limit of \(limit) bytes (--max-body)")
    }

    /// Whether the request's `Content-Type` is `type` (parameters such as `charset` ignored).
    static func contentType(of request: Request, is type: String) -> Bool {
        guard let value = request.headers[.contentType] else { return false }
        let main = value.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return main == type
    }

    // MARK: Responses

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Self.text(text, type: "application/json", status: status)
    }

    static func text(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        var buffer = ByteBuffer()
        buffer.writeString(text)
        return Response(
            status: status, headers: [.contentType: type, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: buffer))
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    // MARK: Small routes

    func health() -> Response {
        Self.json(
            "{\"status\":\"ok\",\"version\":\"0.1.0\",\"store\":\(jsonString(storeKind)),"
                + "\"writing\":\(configuration.token == nil ? "false" : "true")}")
    }

    var storeKind: String { store.name.hasPrefix("postgres") ? "postgresql" : "sqlite" }

    func prometheus() -> Response {
        Self.text(metrics.prometheusText(), type: "text/plain; version=0.0.4; charset=utf-8")
    }
}
