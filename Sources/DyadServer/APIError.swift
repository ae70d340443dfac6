import DyadCoding
import Hummingbird

/// An error answered as JSON: `{"error": "...", "field": "..."}` with an HTTP status.
///
/// ```swift
/// throw APIError(.badRequest, "must be YYYY, YYYY-MM or YYYY-MM-DD", field: "from")
/// ```
struct APIError: Error, Sendable, CustomStringConvertible {
    /// The HTTP status.
    var status: HTTPResponse.Status
    /// What is wrong, for a person.
    var message: String
    /// The request field (query parameter or JSON key) at fault, if one is.
    var field: String?
    /// Extra response headers (`WWW-Authenticate`).
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }

    var description: String {
        "\(status.code): \(message)" + (field.map { " (\($0))" } ?? "")
    }

    /// The JSON body.
    var json: String {
        "{\"error\":" + jsonString(message) + ",\"field\":" + (field.map(jsonString) ?? "null") + "}"
    }
}

/// `text` as a JSON string literal.
func jsonString(_ text: String) -> String { EventJSON.quoted(text) }
