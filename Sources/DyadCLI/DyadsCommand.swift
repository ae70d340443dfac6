import ArgumentParser
import DyadStore
import Foundation

/// `dyad dyads`: a dyadic time series, such as China→USA cooperation and conflict by month.
struct DyadsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dyads",
        abstract: "Print a dyadic time series: events per period by QuadClass, with Goldstein mean and total.",
        discussion: """
            Counts the stored events from --source to --target (code prefixes) per day, ISO week (shown as its \
            Monday), month or year: the number of events and mentions, the events of each QuadClass (quad1 \
            verbal cooperation, quad2 material cooperation, quad3 verbal conflict, quad4 material conflict), and \
            the mean and total Goldstein value over the events. Events whose date is less precise than the \
            period (a month-only date in a daily series) are left out, and a note on standard error says how \
            many.

            Example:
              dyad dyads --source CHN --target USA --by month --from 2023
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, jsonl, tsv, csv
    }

    @OptionGroup var store: StoreOptions
    @OptionGroup var filters: StoreFilterOptions

    @Option(help: "The period: day, week, month or year.")
    var by: SeriesPeriod = .month

    @Option(help: "Output format: table, jsonl, tsv or csv.")
    var format: Format = .table

    func run() async throws {
        let store = try await store.open(mustExist: true)
        let series: DyadSeries
        do {
            series = try await store.series(SeriesQuery(filter: filters.filter, period: by))
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
        var output = StoreOutput()
        let header = [
            "period", "events", "mentions", "quad1", "quad2", "quad3", "quad4", "goldstein_mean", "goldstein_total",
        ]
        let rows = series.points.map { point in
            [
                point.period, String(point.events), String(point.mentions), String(point.verbalCooperation),
                String(point.materialCooperation), String(point.verbalConflict), String(point.materialConflict),
                point.goldsteinMean.map { EventExport.format($0, digits: 2) } ?? "",
                EventExport.format(point.goldsteinTotal, digits: 2),
            ]
        }
        switch format {
        case .table:
            if rows.isEmpty {
                StoreOutput.note("no events match")
            } else {
                for line in StoreOutput.table(header: header, rows: rows, rightAligned: Set(1..<header.count)) {
                    output.line(line)
                }
            }
        case .tsv:
            output.line(header.joined(separator: "\t"))
            for row in rows { output.line(row.joined(separator: "\t")) }
        case .csv:
            output.line(header.joined(separator: ","))
            for row in rows { output.line(row.joined(separator: ",")) }
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            for point in series.points { output.line(String(decoding: try encoder.encode(point), as: UTF8.self)) }
        }
        output.flush()
        if series.impreciseEvents > 0 {
            StoreOutput.note(
                "note: \(series.impreciseEvents) matching events have dates less precise than a \(by.rawValue) and are not counted"
            )
        }
    }
}

extension SeriesPeriod: ExpressibleByArgument {}
