import DyadCoding
import Foundation

/// The output formats of `dyad code`.
enum OutputFormat: String, CaseIterable, Sendable {
    case table, jsonl, tsv
}

/// Writes events to standard output in one of the formats, flushing after each document so a
/// pipeline (or Spark's `RDD.pipe`) sees them as soon as they are coded.
struct EventWriter {
    var format: OutputFormat
    private var wroteHeader = false
    private var buffer = ""

    init(format: OutputFormat) {
        self.format = format
    }

    /// The TSV columns, in order (documented in docs/event-record.md).
    static let tsvColumns = [
        "doc", "sentence", "start", "end", "source", "source_text", "source_name", "target", "target_text",
        "target_name", "code", "root", "name", "plover", "goldstein", "quad_class", "date", "date_text", "place",
        "place_country", "place_lat", "place_lon", "quote_speaker", "pattern", "text",
    ]

    mutating func write(_ events: [Event]) {
        switch format {
        case .jsonl:
            for event in events {
                buffer += EventJSON.line(event)
                buffer += "\n"
            }
        case .tsv:
            if !wroteHeader {
                buffer += Self.tsvColumns.joined(separator: "\t") + "\n"
                wroteHeader = true
            }
            for event in events { buffer += Self.tsvRow(event) + "\n" }
        case .table:
            if !wroteHeader {
                buffer += Self.tableRow(["DATE", "SOURCE", "CODE", "EVENT", "TARGET", "SENT", "ACTORS"]) + "\n"
                wroteHeader = true
            }
            for event in events {
                let actors = "\(event.source.text) → \(event.target.text)"
                buffer += Self.tableRow([
                    event.date.description, event.source.code, event.code, Self.clip(event.name, 34), event.target.code,
                    String(event.sentence), Self.clip(actors, 60),
                ]) + "\n"
            }
        }
        flush()
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer = ""
    }

    static func tsvRow(_ event: Event) -> String {
        func clean(_ text: String?) -> String {
            guard let text else { return "" }
            return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }
        let fields: [String] = [
            clean(event.doc), String(event.sentence), String(event.span.start), String(event.span.end),
            event.source.code, clean(event.source.text), clean(event.source.name), event.target.code,
            clean(event.target.text), clean(event.target.name), event.code, event.root, clean(event.name),
            event.plover ?? "", event.goldstein.map { String($0) } ?? "", String(event.quadClass),
            event.date.description, clean(event.dateText), clean(event.place?.name), event.place?.country ?? "",
            event.place.map { String($0.lat) } ?? "", event.place.map { String($0.lon) } ?? "",
            event.quote?.speaker ?? "", clean(event.pattern), clean(event.text),
        ]
        return fields.joined(separator: "\t")
    }

    private static let widths = [10, 9, 5, 34, 9, 4, 60]

    static func tableRow(_ cells: [String]) -> String {
        var line = ""
        for (index, cell) in cells.enumerated() {
            let width = index < widths.count ? widths[index] : 10
            line += cell
            if index < cells.count - 1 { line += String(repeating: " ", count: max(1, width - cell.count + 1)) }
        }
        return line
    }

    static func clip(_ text: String, _ width: Int) -> String {
        let flat = String(text.map { $0 == "\n" ? " " : $0 })
        return flat.count <= width ? flat : String(flat.prefix(width - 1)) + "…"
    }
}
