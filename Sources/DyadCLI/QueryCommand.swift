import ArgumentParser
import DyadStore
import Foundation

/// `dyad query`: the stored events that match filters, as a table, JSON Lines, TSV or CSV.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract:
            "Print stored events matching filters (actor or dyad, CAMEO code, QuadClass, dates, place, document).",
        discussion: """
            Actor and code filters match by prefix: --source CHN matches CHN, CHNMIL and CHNGOV. Without filters \
            every event is printed. Events come in the order they were first stored; each is one real-world \
            event with the number of mentions, articles and sources that reported it.

            --format jsonl writes each event as the canonical event record of its first mention plus id, \
            num_mentions, num_articles, num_sources and mentions (every report's document, sentence, span, text \
            and pattern).

            Examples:
              dyad query --source CHN --target USA --from 2023-01 --format tsv
              dyad query --actor RUS --root 19 --limit 20
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, jsonl, tsv, csv
    }

    @OptionGroup var store: StoreOptions
    @OptionGroup var filters: StoreFilterOptions

    @Option(help: "Output format: table, jsonl, tsv or csv.")
    var format: Format = .table

    @Option(help: "Print at most this many events.")
    var limit: Int?

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() async throws {
        let store = try await store.open(mustExist: true)
        do {
            try await print(from: store)
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
    }

    private func print(from store: any EventStore) async throws {
        var output = StoreOutput()
        var remaining = limit ?? Int.max
        var after: Int64 = 0
        var tableRows: [[String]] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        if format == .tsv { output.line(EventExport.tableHeader.joined(separator: "\t")) }
        if format == .csv { output.line(EventExport.tableHeader.map(StoreOutput.csv).joined(separator: ",")) }
        while remaining > 0 {
            let page = try await store.events(matching: filters.filter, after: after, limit: min(remaining, 500))
            guard let last = page.last else { break }
            after = last.id
            remaining -= page.count
            for event in page {
                switch format {
                case .table: tableRows.append(EventExport.tableColumns(event))
                case .jsonl: output.line(String(decoding: try encoder.encode(event), as: UTF8.self))
                case .tsv: output.line(EventExport.tableColumns(event).map(StoreOutput.tsv).joined(separator: "\t"))
                case .csv: output.line(EventExport.tableColumns(event).map(StoreOutput.csv).joined(separator: ","))
                }
            }
        }
        if format == .table {
            if tableRows.isEmpty {
                StoreOutput.note("no events match")
            } else {
                let numeric: Set<Int> = [0, 6, 7, 10, 11, 12, 14]
                for line in StoreOutput.table(header: EventExport.tableHeader, rows: tableRows, rightAligned: numeric) {
                    output.line(line)
                }
            }
        }
        output.flush()
    }
}
