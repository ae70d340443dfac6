package import DyadCoding

/// How `dyad serve` listens and what it allows.
///
/// ```swift
/// var configuration = ServerConfiguration()
/// configuration.port = 0            // any free port (tests)
/// configuration.token = "secret"    // enables POST /v1/documents
/// ```
package struct ServerConfiguration: Sendable, Hashable {
    /// The address to bind: loopback unless told otherwise.
    package var host = "127.0.0.1"
    /// The port; 0 picks a free one.
    package var port = 8080
    /// The largest request body accepted, in bytes; larger ones get 413.
    package var bodyLimit = 16 * 1024 * 1024
    /// The bearer token that `POST /v1/documents` requires; `nil` turns writing off.
    package var token: String?
    /// The origin allowed to call the API from another site; `nil` turns CORS off.
    package var corsOrigin: String?
    /// The largest page `GET /v1/events` returns.
    package var maximumPageSize = 500
    /// The publication date of documents sent without one (`nil`: today, in UTC).
    package var defaultDate: EventDate?
    /// The most documents one `POST /v1/documents` takes.
    package var maximumDocumentsPerRequest = 1000

    package init() {}
}
