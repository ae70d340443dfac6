import DyadStore
import Foundation

/// Shows ingest progress on standard error: a redrawn bar on a terminal, plain lines otherwise.
final class StoreProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal: Bool
    private let interval: Double
    private var lastShown: Double = -1
    private var drewBar = false

    /// - Parameter interval: Seconds between plain progress lines when standard error is not a terminal.
    init(interval: Double = 5) {
        isTerminal = isatty(STDERR_FILENO) != 0
        self.interval = interval
    }

    /// Shows `progress` if enough time has passed since the last update.
    func update(_ progress: IngestProgress) {
        lock.lock()
        defer { lock.unlock() }
        let every = isTerminal ? 0.1 : interval
        guard lastShown < 0 || progress.elapsed - lastShown >= every else { return }
        lastShown = progress.elapsed
        if isTerminal {
            write("\r" + bar(progress) + "\u{1B}[K")
            drewBar = true
        } else {
            write(Self.line(progress) + "\n")
        }
    }

    /// Ends the bar and prints the summary.
    func finish(_ progress: IngestProgress) {
        lock.lock()
        defer { lock.unlock() }
        if drewBar { write("\r" + bar(progress) + "\u{1B}[K\n") }
        var summary =
            "ingested \(progress.documents) documents in \(Self.duration(progress.elapsed)): \(progress.stored) stored, "
            + "\(progress.unchanged) already stored, \(progress.failed) failed; \(progress.events) events "
            + "(\(Self.rate(progress.rate)) documents/s)"
        if progress.failed > 0 { summary += "\nsee the failures with `dyad ingest --failed`" }
        write(summary + "\n")
    }

    private func bar(_ progress: IngestProgress) -> String {
        var text = ""
        if let total = progress.total, total > 0 {
            let fraction = min(1, Double(progress.documents) / Double(total))
            let width = 24
            let filled = Int((fraction * Double(width)).rounded(.down))
            text += "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            text += "\(Int(fraction * 100))% \(progress.documents)/\(total) docs"
        } else {
            text += "\(progress.documents) docs"
        }
        text += " · \(progress.events) events · \(Self.rate(progress.rate)) docs/s"
        if let remaining = progress.remaining { text += " · ETA \(Self.duration(remaining))" }
        if progress.failed > 0 { text += " · \(progress.failed) failed" }
        return text
    }

    /// A plain progress line.
    static func line(_ progress: IngestProgress) -> String {
        var text = "ingest: \(progress.documents)"
        if let total = progress.total { text += "/\(total)" }
        text += " documents, \(progress.events) events, \(rate(progress.rate)) documents/s"
        if let remaining = progress.remaining { text += ", ETA \(duration(remaining))" }
        if progress.failed > 0 { text += ", \(progress.failed) failed" }
        return text
    }

    static func rate(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : EventExport.format(value, digits: 1)
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return seconds < 10 ? EventExport.format(seconds, digits: 1) + "s" : "\(total)s" }
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
