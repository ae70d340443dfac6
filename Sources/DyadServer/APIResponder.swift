import Foundation
import Hummingbird

/// Answers every request: finds the route, turns errors into JSON, adds CORS headers when
/// configured, and records the request in the metrics.
struct APIResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let api: API

    func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        var routeLabel = "unmatched"
        var response: Response
        do {
            if request.method == .options, api.configuration.corsOrigin != nil {
                response = preflight(request)
                if let route = try? API.route(method: .get, path: request.uri.path) { routeLabel = route.path }
            } else {
                let route = try API.route(method: request.method, path: request.uri.path)
                routeLabel = route.path
                response = try await route.handler(api, request)
                if request.method == .head { response.body = ResponseBody() }
            }
        } catch let error as APIError {
            response = Self.response(for: error)
        } catch {
            response = Self.response(for: APIError(.internalServerError, "internal error: \(error)"))
        }
        if let origin = api.configuration.corsOrigin {
            response.headers[.accessControlAllowOrigin] = origin
            response.headers[.vary] = "Origin"
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        api.metrics.record(
            route: routeLabel, method: request.method.rawValue, status: response.status.code, seconds: seconds)
        return response
    }

    /// The answer to a CORS preflight request.
    private func preflight(_ request: Request) -> Response {
        Response(
            status: .noContent,
            headers: [
                .accessControlAllowMethods: "GET, POST, OPTIONS",
                .accessControlAllowHeaders: "Authorization, Content-Type",
                .accessControlMaxAge: "600",
            ])
    }

    /// The JSON response for an error.
    static func response(for error: APIError) -> Response {
        var response = API.json(error.json, status: error.status)
        for field in error.headers { response.headers.append(field) }
        return response
    }
}
