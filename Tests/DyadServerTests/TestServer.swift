import DyadCoding
import DyadServer
import DyadStore
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The bundled coder, loaded once for all the server tests (it takes a few seconds in debug builds).
let sharedCoder: Coder? = try? Coder.bundled()

/// A real `DyadServer` on an ephemeral loopback port, over an in-memory SQLite store.
///
/// ```swift
/// let server = try await TestServer.start()
/// let (status, body, _) = try await server.get("/healthz")
/// await server.stop()
/// ```
final class TestServer: Sendable {
    let port: Int
    let store: any EventStore
    private let running: DyadServer.Running
    private let task: Task<Void, any Error>

    private init(running: DyadServer.Running, store: any EventStore, task: Task<Void, any Error>) {
        self.port = running.port
        self.running = running
        self.store = store
        self.task = task
    }

    /// Starts a server; `configure` adjusts the configuration (port 0 and loopback are set first).
    static func start(_ configure: (inout ServerConfiguration) -> Void = { _ in }) async throws -> TestServer {
        let coder = try #require(sharedCoder, "the bundled coder does not load")
        var configuration = ServerConfiguration()
        configuration.port = 0
        configure(&configuration)
        let store = try SQLiteEventStore.inMemory()
        let server = DyadServer(store: store, coder: coder, configuration: configuration)
        let (ports, continuation) = AsyncStream.makeStream(of: DyadServer.Running.self)
        let task = Task {
            defer { continuation.finish() }
            try await server.run { running in continuation.yield(running) }
        }
        // Wait for the port, at most 30 seconds.
        let running = try await withThrowingTaskGroup(of: DyadServer.Running?.self) { group in
            group.addTask {
                for await port in ports { return port }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: .seconds(30))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let running else {
            task.cancel()
            throw TestFailure("the server did not start within 30 s")
        }
        return TestServer(running: running, store: store, task: task)
    }

    /// Stops the server and closes its store.
    func stop() async {
        await running.stop()
        _ = await task.result
        try? await store.close()
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// Sends a request and returns the status, the body and the response headers.
    func request(
        _ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]
    ) async throws -> (status: Int, body: Data, headers: [String: String]) {
        let url = try #require(URL(string: base + path))
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 60
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await TestServer.session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return (http.statusCode, data, fields)
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> (
        status: Int, body: Data, headers: [String: String]
    ) {
        try await request("GET", path, headers: headers)
    }

    func post(_ path: String, json: String, headers: [String: String] = [:]) async throws -> (
        status: Int, body: Data, headers: [String: String]
    ) {
        try await request(
            "POST", path, body: Data(json.utf8), headers: ["Content-Type": "application/json"].merging(headers) { $1 })
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.connectionProxyDictionary = [:]
        return URLSession(configuration: configuration)
    }()
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Parses a JSON object body.
func jsonObject(_ data: Data) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: data)
    return try #require(value as? [String: Any], "not a JSON object: \(String(decoding: data, as: UTF8.self))")
}

/// The repository root, from this file's path.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// The example article as a JSON body for `POST /v1/code`.
func exampleArticleJSON() throws -> String {
    let document = ExampleArticle.document
    let object: [String: Any] = ["text": document.text, "date": "2023-08-31", "id": document.id]
    return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
}
