public import DyadCoding
public import DyadStore
internal import Hummingbird
internal import Logging
internal import ServiceLifecycle
internal import Synchronization
internal import UnixSignals

/// `dyad serve`: the HTTP API and the analyst's dashboard over one event store.
///
/// Routes: `POST /v1/code`, `GET /v1/events`, `GET /v1/dyads`, `POST /v1/documents` (bearer
/// token), `GET /healthz`, `GET /metrics`, `GET /openapi.yaml`, and the dashboard at `/`.
///
/// ```swift
/// let store = try await StoreLocation("dyad.sqlite").open()
/// let server = DyadServer(store: store, coder: try Coder.bundled(), configuration: ServerConfiguration())
/// try await server.run { running in print("listening on http://\(running.host):\(running.port)") }
/// ```
package struct DyadServer: Sendable {
    let api: API

    /// Creates a server over `store` that codes with `coder`.
    /// - Parameters:
    ///   - store: The event store read by `/v1/events` and `/v1/dyads` and written by `/v1/documents`.
    ///   - coder: The coder of `/v1/code` and `/v1/documents`.
    ///   - configuration: Address, limits, token and CORS.
    package init(store: any EventStore, coder: Coder, configuration: ServerConfiguration) {
        api = API(store: store, coder: coder, configuration: configuration)
    }

    /// The method and path of every route the server answers, for checking against `openapi.yaml`.
    package static var routes: [(method: String, path: String)] {
        API.routeTable.map { ($0.method.rawValue, $0.path) }
    }

    /// Where a running server listens, and how to stop it.
    package struct Running: Sendable {
        /// The bound host.
        package var host: String
        /// The bound port (the one the system picked when the configuration's port is 0).
        package var port: Int
        /// Stops the server gracefully: no new connections, the requests in flight are finished.
        package var stop: @Sendable () async -> Void
    }

    /// Runs the server until `stop` is called or the process gets SIGINT or SIGTERM (graceful), or
    /// the task is cancelled.
    /// - Parameter onStart: Called once the server listens.
    /// - Throws: When the address cannot be bound.
    package func run(onStart: @escaping @Sendable (Running) async -> Void = { _ in }) async throws {
        let configuration = api.configuration
        var logger = Logger(label: "dyad.serve")
        logger.logLevel = .warning
        let groupBox = GroupBox()
        let application = Application(
            responder: APIResponder(api: api),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "dyad"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                await onStart(Running(host: configuration.host, port: port) { await groupBox.shutdown() })
            },
            logger: logger
        )
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        groupBox.group.withLock { $0 = group }
        try await group.run()
    }
}

/// The service group of a running server, for `Running.stop`.
private final class GroupBox: Sendable {
    let group = Mutex<ServiceGroup?>(nil)

    func shutdown() async {
        guard let group = group.withLock({ $0 }) else { return }
        await group.triggerGracefulShutdown()
    }
}
