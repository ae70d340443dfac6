import DyadCoding
import DyadServer
import DyadStore
import Foundation
import Testing

/// The HTTP API, exercised through a real server on a loopback port.
@Suite(.serialized) struct APITests {
    static let openAPI: OpenAPIDocument = {
        let text =
            (try? String(contentsOfFile: repositoryRoot + "/Sources/CDyadAssets/data/openapi.yaml", encoding: .utf8))
            ?? ""
        return OpenAPIDocument(text)
    }()

    @Test func everyRouteIsInOpenAPIAndBack() async throws {
        let document = Self.openAPI
        #expect(document.version.hasPrefix("3.1"))
        var served: [String: Set<String>] = [:]
        for route in DyadServer.routes { served[route.path, default: []].insert(route.method.lowercased()) }
        #expect(served == document.paths, "routes served vs openapi.yaml paths")
        // The served openapi.yaml is the file in the tree.
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let (status, body, headers) = try await server.get("/openapi.yaml")
        #expect(status == 200)
        #expect(headers["content-type"]?.hasPrefix("application/yaml") == true)
        #expect(OpenAPIDocument(String(decoding: body, as: UTF8.self)).paths == document.paths)
    }

    @Test func defaultsAreSafe() {
        let configuration = ServerConfiguration()
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.bodyLimit == 16 * 1024 * 1024)
        #expect(configuration.token == nil)
        #expect(configuration.corsOrigin == nil)
    }

    @Test func codeAnswersWhatDyadCodeWrites() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let coder = try #require(sharedCoder)
        var document = ExampleArticle.document
        document.source = nil
        let expected = coder.code(document).map(EventJSON.line)
        #expect(expected.count >= 9)

        // JSON: the events are the JSON Lines records of `dyad code --format jsonl`, in order.
        let (status, body, headers) = try await server.post("/v1/code", json: try exampleArticleJSON())
        #expect(status == 200)
        #expect(headers["content-type"] == "application/json")
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains("\"events\":[" + expected.joined(separator: ",") + "]"))
        let result = try jsonObject(body)
        #expect(Self.openAPI.missing("CodeResult", in: result).isEmpty)
        let events = try #require(result["events"] as? [[String: Any]])
        for event in events { #expect(Self.openAPI.missing("Event", in: event).isEmpty) }
        #expect(result["sentences"] == nil)

        // JSON Lines: exactly the lines.
        let lines = try await server.post("/v1/code?format=jsonl", json: try exampleArticleJSON())
        #expect(lines.status == 200)
        #expect(lines.headers["content-type"] == "application/x-ndjson")
        #expect(String(decoding: lines.body, as: UTF8.self) == expected.map { $0 + "\n" }.joined())

        // Explanations for the dashboard.
        let explained = try jsonObject(
            try await server.post("/v1/code?explain=true", json: try exampleArticleJSON()).body)
        let sentences = try #require(explained["sentences"] as? [[String: Any]])
        #expect(sentences.count > 10)
        for sentence in sentences { #expect(Self.openAPI.missing("SentenceExplanation", in: sentence).isEmpty) }

        // Plain text, with the date as a parameter; the id is made from the text as `dyad code` makes it.
        let plain = try await server.request(
            "POST", "/v1/code?date=2024-05-02", body: Data("China criticized Japan on Thursday.".utf8),
            headers: ["Content-Type": "text/plain; charset=utf-8"])
        #expect(plain.status == 200)
        let coded = try jsonObject(plain.body)
        #expect((coded["doc"] as? String)?.hasPrefix("doc-") == true)
        #expect(coded["date"] as? String == "2024-05-02")
        let first = try #require((coded["events"] as? [[String: Any]])?.first)
        #expect(first["code"] as? String == "111")
        #expect(first["date"] as? String == "2024-05-02")
    }

    @Test(arguments: [
        ("/v1/code", "{\"text\": ", nil as String?),
        ("/v1/code", "[1, 2]", nil),
        ("/v1/code", "{\"date\": \"2023-01-01\"}", "text"),
        ("/v1/code", "{\"text\": 42}", "text"),
        ("/v1/code", "{\"text\": \"   \"}", "text"),
        ("/v1/code", "{\"text\": \"China criticized Japan.\", \"date\": \"31/08/2023\"}", "date"),
        ("/v1/code", "", "text"),
        ("/v1/code?explain=maybe", "{\"text\": \"x\"}", "explain"),
        ("/v1/code?format=xml", "{\"text\": \"x\"}", "format"),
        ("/v1/code?colour=red", "{\"text\": \"x\"}", "colour"),
    ])
    func codeRejectsBadInput(path: String, body: String, field: String?) async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let (status, data, headers) = try await server.post(path, json: body)
        #expect(status == 400, "\(path) \(body)")
        #expect(headers["content-type"] == "application/json")
        let error = try jsonObject(data)
        #expect(Self.openAPI.missing("Error", in: error).isEmpty)
        #expect((error["error"] as? String)?.isEmpty == false)
        #expect(error["field"] as? String == field, "\(String(decoding: data, as: UTF8.self))")
    }

    @Test func invalidUTF8TextIsRefused() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let (status, data, _) = try await server.request(
            "POST", "/v1/code", body: Data([0x43, 0x68, 0xFF, 0xFE, 0x6E]), headers: ["Content-Type": "text/plain"])
        #expect(status == 400)
        #expect(try jsonObject(data)["field"] as? String == "text")
    }

    @Test func bodiesOverTheLimitGet413() async throws {
        let server = try await TestServer.start { $0.bodyLimit = 4096 }
        defer { Task { await server.stop() } }
        let big = "{\"text\": \"" + String(repeating: "China criticized Japan. ", count: 400) + "\"}"
        let (status, data, _) = try await server.post("/v1/code", json: big)
        #expect(status == 413)
        #expect((try jsonObject(data)["error"] as? String)?.contains("4096") == true)
        // Under the limit is fine.
        let small = try await server.post("/v1/code", json: "{\"text\": \"China criticized Japan.\"}")
        #expect(small.status == 200)
        // Chunked (no Content-Length) bodies are counted too.
        let documents = try await server.request(
            "POST", "/v1/documents", body: Data(big.utf8), headers: ["Content-Type": "application/json"])
        #expect(documents.status == 403)  // the token check comes before the body
    }

    @Test func writingIsOffWithoutAToken() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let body = "{\"documents\": [{\"text\": \"China criticized Japan.\"}]}"
        for headers in [[:], ["Authorization": "Bearer anything"]] {
            let (status, data, _) = try await server.post("/v1/documents", json: body, headers: headers)
            #expect(status == 403)
            let message = try jsonObject(data)["error"] as? String ?? ""
            #expect(message.contains("writing is off"))
            #expect(message.contains("DYAD_TOKEN"))
        }
        #expect(try await server.store.statistics().documents == 0)
    }

    @Test func documentsNeedTheRightToken() async throws {
        let server = try await TestServer.start { $0.token = "s3cret-token" }
        defer { Task { await server.stop() } }
        let document = ExampleArticle.document
        let object: [String: Any] = [
            "documents": [
                [
                    "id": document.id, "text": document.text, "date": "2023-08-31", "source": "AA",
                    "url": "https://example.org/a",
                ]
            ]
        ]
        let body = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        for (headers, expected) in [
            ([:], 401), (["Authorization": "Bearer wrong"], 401), (["Authorization": "Basic czNjcmV0"], 401),
            (["Authorization": "Bearer s3cret-tokenX"], 401), (["Authorization": "Bearer "], 401),
        ] as [([String: String], Int)] {
            let (status, data, response) = try await server.post("/v1/documents", json: body, headers: headers)
            #expect(status == expected, "\(headers)")
            #expect(response["www-authenticate"]?.hasPrefix("Bearer") == true)
            #expect(try jsonObject(data)["field"] as? String == "Authorization")
        }
        #expect(try await server.store.statistics().documents == 0)

        let auth = ["Authorization": "Bearer s3cret-token"]
        let (status, data, _) = try await server.post("/v1/documents", json: body, headers: auth)
        #expect(status == 200)
        let result = try jsonObject(data)
        #expect(Self.openAPI.missing("IngestResult", in: result).isEmpty)
        #expect(result["stored"] as? Int == 1)
        #expect((result["events"] as? Int ?? 0) >= 9)
        // Again: unchanged.
        let again = try jsonObject(try await server.post("/v1/documents", json: body, headers: auth).body)
        #expect(again["unchanged"] as? Int == 1)
        #expect(again["stored"] as? Int == 0)

        // JSON Lines, and errors that name the document and the field.
        let lines = "{\"id\": \"x1\", \"text\": \"China criticized Japan on Thursday.\", \"date\": \"2024-05-02\"}\n\n"
        let ndjson = try await server.request(
            "POST", "/v1/documents", body: Data(lines.utf8),
            headers: auth.merging(["Content-Type": "application/x-ndjson"]) { $1 })
        #expect(ndjson.status == 200)
        #expect(try jsonObject(ndjson.body)["stored"] as? Int == 1)
        for (bad, field) in [
            ("{\"documents\": [{\"text\": \"ok\"}, {\"id\": \"b\"}]}", "documents[1].text"),
            ("{\"documents\": [{\"text\": \"ok\", \"date\": \"yesterday\"}]}", "documents[0].date"),
            ("{\"documents\": []}", "documents"),
            ("{\"docs\": []}", "documents"),
        ] {
            let (status, data, _) = try await server.post("/v1/documents", json: bad, headers: auth)
            #expect(status == 400, "\(bad)")
            #expect(try jsonObject(data)["field"] as? String == field, "\(String(decoding: data, as: UTF8.self))")
        }
        let badLine = try await server.request(
            "POST", "/v1/documents", body: Data("{\"text\": \"a\"}\n{\"id\": 3}\n".utf8),
            headers: auth.merging(["Content-Type": "application/x-ndjson"]) { $1 })
        #expect(badLine.status == 400)
        #expect(try jsonObject(badLine.body)["field"] as? String == "line 2.id")
    }

    /// A server whose store holds the example article (ingested through the API).
    static func storedServer(_ configure: (inout ServerConfiguration) -> Void = { _ in }) async throws -> TestServer {
        let server = try await TestServer.start {
            $0.token = "t"
            configure(&$0)
        }
        let document = ExampleArticle.document
        let object: [String: Any] = [
            "documents": [["id": document.id, "text": document.text, "date": "2023-08-31", "source": "AA"]]
        ]
        let body = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let (status, _, _) = try await server.post("/v1/documents", json: body, headers: ["Authorization": "Bearer t"])
        #expect(status == 200)
        return server
    }

    @Test func eventsArePagedAndFiltered() async throws {
        let server = try await Self.storedServer()
        defer { Task { await server.stop() } }
        let all = try jsonObject(try await server.get("/v1/events").body)
        #expect(Self.openAPI.missing("EventPage", in: all).isEmpty)
        let events = try #require(all["events"] as? [[String: Any]])
        #expect(events.count >= 9)
        #expect(all["next_after"] is NSNull)
        for event in events {
            #expect(Self.openAPI.missing("StoredEvent", in: event).isEmpty)
            #expect(Self.openAPI.missing("Event", in: event).isEmpty)
            let mentions = try #require(event["mentions"] as? [[String: Any]])
            #expect(mentions.first?["doc"] as? String == ExampleArticle.id)
        }

        // Pages of 2, following next_after, read every event once.
        var ids: [Int] = []
        var after = 0
        for _ in 0..<50 {
            let page = try jsonObject(try await server.get("/v1/events?limit=2&after=\(after)").body)
            ids += (page["events"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            guard let next = page["next_after"] as? Int else { break }
            after = next
        }
        #expect(ids == events.compactMap { $0["id"] as? Int })

        // Filters, as dyad query reads them.
        let chinese = try jsonObject(try await server.get("/v1/events?source=chn&target=USA&quad_class=3").body)
        let filtered = try #require(chinese["events"] as? [[String: Any]])
        #expect(!filtered.isEmpty)
        for event in filtered {
            #expect((event["source"] as? [String: Any])?["code"].map { "\($0)".hasPrefix("CHN") } == true)
            #expect(event["quad_class"] as? Int == 3)
        }
        let dated = try jsonObject(try await server.get("/v1/events?from=2022-08&to=2022-08").body)
        #expect(
            (dated["events"] as? [[String: Any]])?.allSatisfy { ($0["date"] as? String)?.hasPrefix("2022-08") == true }
                == true)
        let none = try jsonObject(try await server.get("/v1/events?doc=no-such-document").body)
        #expect((none["events"] as? [Any])?.isEmpty == true)
        let byDoc = try jsonObject(try await server.get("/v1/events?doc=\(ExampleArticle.id)&code=1").body)
        #expect((byDoc["events"] as? [Any])?.isEmpty == false)
    }

    @Test(arguments: [
        ("/v1/events?quad_class=5", "quad_class"), ("/v1/events?limit=0", "limit"), ("/v1/events?limit=501", "limit"),
        ("/v1/events?after=-1", "after"), ("/v1/events?from=2023-13", "from"), ("/v1/events?to=soon", "to"),
        ("/v1/events?code=12a", "code"), ("/v1/events?root=21", "root"), ("/v1/events?source=CH%20N", "source"),
        ("/v1/events?sort=id", "sort"), ("/v1/events?source=CHN&source=USA", "source"),
        ("/v1/dyads?by=fortnight", "by"), ("/v1/dyads?target=U'SA", "target"), ("/v1/dyads?limit=3", "limit"),
        ("/v1/events?country=CHINA", "country"),
    ])
    func queriesRejectBadParameters(path: String, field: String) async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let (status, data, _) = try await server.get(path)
        #expect(status == 400, "\(path)")
        let error = try jsonObject(data)
        #expect(error["field"] as? String == field, "\(path): \(String(decoding: data, as: UTF8.self))")
    }

    @Test func dyadsAreTheSeriesOfDyadDyads() async throws {
        let server = try await Self.storedServer()
        defer { Task { await server.stop() } }
        let (status, data, _) = try await server.get("/v1/dyads?source=CHN&target=USA&by=month")
        #expect(status == 200)
        let series = try jsonObject(data)
        #expect(Self.openAPI.missing("Series", in: series).isEmpty)
        #expect(series["by"] as? String == "month")
        let points = try #require(series["points"] as? [[String: Any]])
        #expect(!points.isEmpty)
        for point in points { #expect(Self.openAPI.missing("SeriesPoint", in: point).isEmpty) }
        // The same numbers as the store's own series.
        var filter = EventFilter()
        filter.source = "CHN"
        filter.target = "USA"
        let expected = try await server.store.series(SeriesQuery(filter: filter, period: .month))
        #expect(points.map { $0["period"] as? String } == expected.points.map(\.period))
        #expect(points.map { $0["events"] as? Int } == expected.points.map(\.events))
        #expect(points.map { $0["quad3"] as? Int } == expected.points.map(\.verbalConflict))
        // By day, the month-only dates are counted as imprecise.
        let daily = try jsonObject(try await server.get("/v1/dyads?source=CHN&target=USA&by=day").body)
        #expect((daily["imprecise_events"] as? Int ?? 0) > 0, "the example has events dated 2022-08 and 2023-06")
    }

    @Test func operationsRoutes() async throws {
        let server = try await Self.storedServer()
        defer { Task { await server.stop() } }
        let health = try await server.get("/healthz")
        #expect(health.status == 200)
        let healthObject = try jsonObject(health.body)
        #expect(Self.openAPI.missing("Health", in: healthObject).isEmpty)
        #expect(healthObject["writing"] as? Bool == true)

        _ = try await server.post("/v1/code", json: "{\"text\": \"China criticized Japan on Thursday.\"}")
        _ = try await server.get("/v1/nothing-here")
        _ = try await server.get("/v1/events?limit=x")
        let (status, body, headers) = try await server.get("/metrics")
        #expect(status == 200)
        #expect(headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains("# TYPE dyad_http_requests_total counter"))
        #expect(text.contains("dyad_http_requests_total{route=\"/v1/code\",method=\"POST\",status=\"200\"} 1"))
        #expect(text.contains("dyad_http_requests_total{route=\"/v1/documents\",method=\"POST\",status=\"200\"} 1"))
        #expect(text.contains("dyad_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1"))
        #expect(text.contains("dyad_http_requests_total{route=\"/v1/events\",method=\"GET\",status=\"400\"} 1"))
        #expect(text.contains("# TYPE dyad_http_request_duration_seconds histogram"))
        #expect(text.contains("dyad_http_request_duration_seconds_bucket{route=\"/v1/code\",le=\"+Inf\"} 1"))
        #expect(text.contains("dyad_http_request_duration_seconds_count{route=\"/v1/code\"} 1"))
        let coded = text.split(separator: "\n").first { $0.hasPrefix("dyad_events_coded_total ") }
        #expect((coded?.split(separator: " ").last.flatMap { Int($0) } ?? 0) >= 10)
        #expect(text.contains("dyad_documents_stored_total 1"))

        for (path, type, marker) in [
            ("/", "text/html", "code-form"), ("/dashboard/app.js", "text/javascript", "/v1/code"),
            ("/dashboard/app.css", "text/css", ":root"), ("/dashboard/world.json", "application/json", "CHN"),
        ] {
            let (status, body, headers) = try await server.get(path)
            #expect(status == 200, "\(path)")
            #expect(headers["content-type"]?.hasPrefix(type) == true, "\(path)")
            #expect(String(decoding: body, as: UTF8.self).contains(marker), "\(path)")
        }
        let page = try await server.get("/")
        #expect(page.headers["content-security-policy"]?.contains("default-src 'self'") == true)
        #expect(
            !String(decoding: page.body, as: UTF8.self).contains("http://"), "the page loads nothing from elsewhere")
        #expect(!String(decoding: page.body, as: UTF8.self).contains("https://"))
    }

    @Test func unknownRoutesAndMethods() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        for path in [
            "/v2/code", "/v1/code/extra", "/index.html", "/v1/events/", "/../etc/passwd", "/dashboard/secret.js",
        ] {
            let (status, data, headers) = try await server.get(path)
            #expect(status == 404, "\(path)")
            #expect(headers["content-type"] == "application/json")
            #expect(try jsonObject(data)["error"] is String)
        }
        let wrong = try await server.request("DELETE", "/v1/events")
        #expect(wrong.status == 405)
        #expect(wrong.headers["allow"] == "GET")
        let getCode = try await server.get("/v1/code")
        #expect(getCode.status == 405)
        #expect(getCode.headers["allow"] == "POST")
    }

    @Test func corsIsOffUnlessConfigured() async throws {
        let closed = try await TestServer.start()
        let response = try await closed.get("/healthz", headers: ["Origin": "https://elsewhere.example"])
        #expect(response.headers["access-control-allow-origin"] == nil)
        let preflight = try await closed.request(
            "OPTIONS", "/v1/code",
            headers: ["Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"])
        #expect(preflight.status == 405)
        #expect(preflight.headers["access-control-allow-origin"] == nil)
        await closed.stop()

        let open = try await TestServer.start { $0.corsOrigin = "https://analysis.example" }
        defer { Task { await open.stop() } }
        let allowed = try await open.get("/healthz", headers: ["Origin": "https://analysis.example"])
        #expect(allowed.headers["access-control-allow-origin"] == "https://analysis.example")
        let preflightOpen = try await open.request(
            "OPTIONS", "/v1/code",
            headers: ["Origin": "https://analysis.example", "Access-Control-Request-Method": "POST"])
        #expect(preflightOpen.status == 204)
        #expect(preflightOpen.headers["access-control-allow-methods"]?.contains("POST") == true)
        #expect(preflightOpen.headers["access-control-allow-headers"]?.contains("Authorization") == true)
    }
}
