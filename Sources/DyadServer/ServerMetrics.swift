import Synchronization

/// The counters behind `GET /metrics`, in the Prometheus text format.
///
/// Requests are counted by route and status, their latency goes into a histogram by route, and
/// coding counts documents and events.
///
/// ```swift
/// let metrics = ServerMetrics()
/// metrics.record(route: "/v1/code", method: "POST", status: 200, seconds: 0.012)
/// print(metrics.prometheusText())
/// ```
final class ServerMetrics: Sendable {
    /// Latency histogram bucket bounds, in seconds.
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct RequestKey: Hashable, Comparable {
        var route: String
        var method: String
        var status: Int
        static func < (a: Self, b: Self) -> Bool {
            (a.route, a.method, a.status) < (b.route, b.method, b.status)
        }
    }

    private struct Histogram {
        var counts = [Int](repeating: 0, count: ServerMetrics.buckets.count)
        var sum = 0.0
        var count = 0
    }

    private struct State {
        var requests: [RequestKey: Int] = [:]
        var latency: [String: Histogram] = [:]
        var documentsCoded = 0
        var eventsCoded = 0
        var documentsStored = 0
    }

    private let state = Mutex(State())

    init() {}

    /// Counts one answered request.
    func record(route: String, method: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests[RequestKey(route: route, method: method, status: status), default: 0] += 1
            var histogram = state.latency[route] ?? Histogram()
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { histogram.counts[index] += 1 }
            histogram.sum += seconds
            histogram.count += 1
            state.latency[route] = histogram
        }
    }

    /// Counts coded documents and their events.
    func recordCoded(documents: Int, events: Int) {
        state.withLock { state in
            state.documentsCoded += documents
            state.eventsCoded += events
        }
    }

    /// Counts documents stored by `POST /v1/documents`.
    func recordStored(documents: Int) {
        state.withLock { $0.documentsStored += documents }
    }

    /// The metrics in the Prometheus text exposition format (version 0.0.4).
    func prometheusText() -> String {
        let state = state.withLock { $0 }
        var out = ""
        out += "# HELP dyad_http_requests_total HTTP requests answered, by route, method and status.\n"
        out += "# TYPE dyad_http_requests_total counter\n"
        for (key, count) in state.requests.sorted(by: { $0.key < $1.key }) {
            out +=
                "dyad_http_requests_total{route=\(label(key.route)),method=\(label(key.method)),status=\"\(key.status)\"} \(count)\n"
        }
        out += "# HELP dyad_http_request_duration_seconds Time to answer an HTTP request, by route.\n"
        out += "# TYPE dyad_http_request_duration_seconds histogram\n"
        for (route, histogram) in state.latency.sorted(by: { $0.key < $1.key }) {
            for (index, bound) in Self.buckets.enumerated() {
                out +=
                    "dyad_http_request_duration_seconds_bucket{route=\(label(route)),le=\"\(bound)\"} \(histogram.counts[index])\n"
            }
            out += "dyad_http_request_duration_seconds_bucket{route=\(label(route)),le=\"+Inf\"} \(histogram.count)\n"
            out += "dyad_http_request_duration_seconds_sum{route=\(label(route))} \(histogram.sum)\n"
            out += "dyad_http_request_duration_seconds_count{route=\(label(route))} \(histogram.count)\n"
        }
        out += "# HELP dyad_documents_coded_total Documents coded (POST /v1/code and /v1/documents).\n"
        out += "# TYPE dyad_documents_coded_total counter\n"
        out += "dyad_documents_coded_total \(state.documentsCoded)\n"
        out += "# HELP dyad_events_coded_total Events coded (POST /v1/code and /v1/documents).\n"
        out += "# TYPE dyad_events_coded_total counter\n"
        out += "dyad_events_coded_total \(state.eventsCoded)\n"
        out += "# HELP dyad_documents_stored_total Documents stored by POST /v1/documents.\n"
        out += "# TYPE dyad_documents_stored_total counter\n"
        out += "dyad_documents_stored_total \(state.documentsStored)\n"
        return out
    }

    /// A Prometheus label value: quoted, with `\`, `"` and newlines escaped.
    private func label(_ value: String) -> String {
        var out = "\""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
