import ArgumentParser
import DyadCoding
import DyadServer
import DyadStore
import Foundation

/// `dyad serve`: the HTTP API and the analyst's dashboard over an event store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API (code, events, dyads, documents) and the dashboard over a store.",
        discussion: """
            Routes: POST /v1/code, GET /v1/events, GET /v1/dyads, POST /v1/documents, GET /healthz, \
            GET /metrics (Prometheus), GET /openapi.yaml (OpenAPI 3.1), and the dashboard at /. \
            It listens on 127.0.0.1 unless --host says otherwise. Writing (POST /v1/documents) needs a \
            bearer token, given by --token or, better (it does not show in the process list), the DYAD_TOKEN \
            environment variable; without one, writing is off. CORS is off unless --cors-origin is given. \
            Request bodies over --max-bytes get 413. See docs/server.md.

            Examples:
              dyad serve
              DYAD_TOKEN=$(openssl rand -hex 16) dyad serve --db events.sqlite --port 9000
              dyad serve --db postgres://dyad@127.0.0.1/events --host 0.0.0.0 --cors-origin https://analysis.example
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var coding: CodingOptions

    @Option(help: "The address to listen on (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(help: "The bearer token POST /v1/documents requires (default: $DYAD_TOKEN; none: writing is off).")
    var token: String?

    @Option(
        name: .customLong("cors-origin"), help: "Allow this origin (e.g. https://example.org, or *) to call the API.")
    var corsOrigin: String?

    @Option(help: "Events on one page of GET /v1/events, at most.")
    var maxPage = 500

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard maxPage >= 1 else { throw ValidationError("--max-page must be at least 1") }
        if let token, token.isEmpty { throw ValidationError("--token must not be empty") }
    }

    func run() async throws {
        _ = try coding.makeReader()  // validates --max-bytes and --date
        let coder = try coding.makeCoder()
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.bodyLimit = coding.maxBytes
        configuration.maximumPageSize = maxPage
        configuration.defaultDate = try coding.publicationDate()
        let environmentToken = ProcessInfo.processInfo.environment["DYAD_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        configuration.token = token ?? environmentToken
        configuration.corsOrigin = corsOrigin
        let store = try await store.open(connections: 4)
        let server = DyadServer(store: store, coder: coder, configuration: configuration)
        let writing =
            configuration.token == nil ? "writing off (no --token or DYAD_TOKEN)" : "writing on (bearer token)"
        do {
            try await server.run { running in
                let shown = running.host.contains(":") ? "[\(running.host)]" : running.host
                FileHandle.standardError.write(
                    Data("dyad: serving \(store.name) on http://\(shown):\(running.port)/ — \(writing)\n".utf8))
            }
            try await store.close()
        } catch {
            try? await store.close()
            throw CLIError("dyad serve: \(error)")
        }
    }
}
