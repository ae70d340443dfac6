import DyadCoding
import Foundation
import Testing

/// The dashboard in a real headless Chromium, driven over the DevTools protocol by
/// `Browser/dashboard_check.py` (Python standard library only): it loads the page, codes the
/// example article through the form, waits for the event rows and the dyad chart, and saves
/// screenshots at a laptop and a phone width.
///
/// Skips, saying why, when Chromium or python3 is absent (`.ci/run` installs Debian's `chromium`).
@Suite struct DashboardBrowserTests {
    static func executable(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for directory in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    @Test(.timeLimit(.minutes(5))) func dashboardCodesTheExampleArticle() async throws {
        let chromium =
            ProcessInfo.processInfo.environment["DYAD_CHROMIUM"].flatMap { $0.isEmpty ? nil : $0 }
            ?? Self.executable(["chromium", "chromium-browser", "google-chrome"])
        guard let chromium else {
            print(
                "◇ dashboard browser test SKIPPED: no chromium on PATH (.ci/run installs Debian's chromium; or set DYAD_CHROMIUM)"
            )
            return
        }
        guard let python = Self.executable(["python3"]) else {
            print("◇ dashboard browser test SKIPPED: no python3 to drive chromium's DevTools protocol")
            return
        }
        let server = try await APITests.storedServer()
        defer { Task { await server.stop() } }

        let output = repositoryRoot + "/.build/dashboard-screenshots"
        let article = FileManager.default.temporaryDirectory.appendingPathComponent("dyad-article-\(UUID()).txt")
        try ExampleArticle.document.text.write(to: article, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: article) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            repositoryRoot + "/Tests/DyadServerTests/Browser/dashboard_check.py", chromium, server.base + "/",
            article.path, "2023-08-31", output,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.standardError
        try process.run()
        // The script stops itself after 170 s; read its report off the pipe while it runs.
        let data = try await Task.detached { try pipe.fileHandleForReading.readToEnd() ?? Data() }.value
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let report = try jsonObject(Data((text.split(separator: "\n").last.map(String.init) ?? "").utf8))
        #expect(report["ok"] as? Bool == true, "the browser check failed: \(report["error"] ?? text)")
        guard report["ok"] as? Bool == true else { return }

        // The events of the example article, in rows, with their codes.
        let rows = report["event_rows"] as? Int ?? 0
        #expect(rows >= 9, "event rows: \(rows)")
        let codes = report["codes"] as? [String] ?? []
        for code in ["1244", "112", "125", "1054", "164", "131", "026"] {
            #expect(codes.contains(code), "code \(code) in the table: \(codes)")
        }
        #expect((report["first_row"] as? String)?.contains("Refuse to ease economic sanctions") == true)
        // Sentences with actors and verbs highlighted.
        #expect((report["sentences"] as? Int ?? 0) >= 10)
        let marks = report["marks"] as? [String: Int] ?? [:]
        #expect((marks["actor"] ?? 0) > 10 && (marks["verb"] ?? 0) > 10, "highlights: \(marks)")
        // The dyad chart (SVG) for the article's main dyad, the Goldstein line and the map.
        #expect(report["dyad"] as? String == "CHN->USA")
        #expect((report["chart_bars"] as? Int ?? 0) >= 3, "bars: \(report["chart_bars"] ?? "none")")
        #expect((report["goldstein_points"] as? Int ?? 0) >= 3)
        #expect((report["map_places"] as? Int ?? 0) >= 1)
        #expect((report["stored_rows"] as? Int ?? 0) >= 9)
        #expect((report["errors"] as? [String])?.isEmpty == true, "errors shown: \(report["errors"] ?? "")")
        // Keyboard: skip link first, then the navigation; focus is visible; "Why" opens with Enter.
        let tabs = report["tab_order"] as? [String] ?? []
        #expect(tabs.first == "a:Skip to content", "tab order: \(tabs)")
        #expect(tabs.dropFirst().first == "a:Code an article", "tab order: \(tabs)")
        #expect(report["focus_outline"] as? String == "solid")
        #expect(report["why_open"] as? Bool == true)
        // Screenshots, and no sideways scrolling on a phone.
        for size in ["laptop", "phone"] {
            let shot = report[size] as? [String: Any] ?? [:]
            let path = shot["path"] as? String ?? ""
            #expect(FileManager.default.fileExists(atPath: path), "\(size) screenshot")
            #expect(shot["overflow"] as? Bool == false, "\(size): the page scrolls sideways")
            print("◇ dashboard screenshot (\(size)): \(path)")
        }
    }
}
