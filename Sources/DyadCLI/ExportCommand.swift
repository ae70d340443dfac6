import ArgumentParser
import DyadStore
import Foundation

/// `dyad export`: stored events in GDELT 2.0 or Phoenix columns, JSON Lines or CSV.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write stored events as GDELT 2.0 events (61 columns), Phoenix (26 columns), JSON Lines or CSV.",
        discussion: """
            gdelt and phoenix are tab-separated without a header, in the column orders of the GDELT 2.0 event \
            codebook and the Phoenix pipeline; Dyad fills the columns it knows and leaves the others empty \
            (docs/store.md lists them). csv has a header row. jsonl writes one event record per line with its \
            mentions. The filters of `dyad query` apply.

            Examples:
              dyad export --format gdelt > events.export.CSV
              dyad export --format phoenix --from 2023-08 --output phoenix.txt
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case gdelt, phoenix, jsonl, csv
    }

    @OptionGroup var store: StoreOptions
    @OptionGroup var filters: StoreFilterOptions

    @Option(help: "Output format: gdelt, phoenix, jsonl or csv.")
    var format: Format = .gdelt

    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?

    func run() async throws {
        let store = try await store.open(mustExist: true)
        do {
            let count = try await write(from: store)
            try await store.close()
            if output != nil { StoreOutput.note("exported \(count) events") }
        } catch {
            try? await store.close()
            throw error
        }
    }

    private func write(from store: any EventStore) async throws -> Int {
        var handle = FileHandle.standardOutput
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil),
                let file = FileHandle(forWritingAtPath: output)
            else {
                throw ValidationError("\(output): cannot create the file")
            }
            handle = file
        }
        defer { if output != nil { try? handle.close() } }
        var out = StoreOutput(handle: handle)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        if format == .csv { out.line(EventExport.tableHeader.map(StoreOutput.csv).joined(separator: ",")) }
        var after: Int64 = 0
        var count = 0
        while true {
            let page = try await store.events(matching: filters.filter, after: after, limit: 1000)
            guard let last = page.last else { break }
            after = last.id
            count += page.count
            for event in page {
                switch format {
                case .gdelt: out.line(EventExport.gdeltColumns(event).joined(separator: "\t"))
                case .phoenix: out.line(EventExport.phoenixColumns(event).joined(separator: "\t"))
                case .jsonl: out.line(String(decoding: try encoder.encode(event), as: UTF8.self))
                case .csv: out.line(EventExport.tableColumns(event).map(StoreOutput.csv).joined(separator: ","))
                }
            }
        }
        out.flush()
        return count
    }
}
