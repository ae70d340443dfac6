import DyadText
import Hummingbird
import NIOCore

/// The dashboard and `openapi.yaml`, served from the files embedded in the binary
/// (`Sources/CDyadAssets/data/`): no CDN, nothing fetched from the internet.
enum Dashboard {
    /// The embedded file at `path` (under `data/`) with its content type, or 404.
    static func asset(_ path: String) throws(APIError) -> Response {
        guard let bytes = EmbeddedAssets.bytes(named: path) else {
            throw APIError(.notFound, "\(path) is not embedded in this build")
        }
        var buffer = ByteBuffer()
        buffer.writeBytes(bytes)
        var headers: HTTPFields = [.contentType: contentType(path), .cacheControl: "no-cache"]
        if path.hasSuffix(".html") {
            headers[.contentSecurityPolicy] =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    static func contentType(_ path: String) -> String {
        if path.hasSuffix(".html") { return "text/html; charset=utf-8" }
        if path.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        if path.hasSuffix(".css") { return "text/css; charset=utf-8" }
        if path.hasSuffix(".json") { return "application/json" }
        if path.hasSuffix(".yaml") { return "application/yaml; charset=utf-8" }
        return "application/octet-stream"
    }
}
