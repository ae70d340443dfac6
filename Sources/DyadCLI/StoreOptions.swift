import ArgumentParser
import DyadCoding
import DyadStore

/// The `--db` option every store command takes.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The store: an SQLite file path, or a postgres://user:password@host:port/database URL.",
            valueName: "path|url"))
    var db: String = StoreLocation.defaultPath

    /// Opens the store.
    func open(mustExist: Bool = false, connections: Int = 1) async throws -> any EventStore {
        try await StoreLocation(db).open(mustExist: mustExist, connections: connections)
    }
}

/// The event filters of `dyad query`, `dyad dyads` and `dyad export`.
struct StoreFilterOptions: ParsableArguments {
    @Option(help: "Source actor code prefix (CHN matches CHN, CHNMIL, CHNGOV).")
    var source: String?
    @Option(help: "Target actor code prefix.")
    var target: String?
    @Option(help: "Actor code prefix matching the source or the target.")
    var actor: String?
    @Option(help: "CAMEO event code prefix (12 matches 12, 120, 1244).")
    var code: String?
    @Option(help: "CAMEO root code, exactly (01-20).")
    var root: String?
    @Option(
        name: .customLong("quad-class"),
        help: "QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.")
    var quadClass: Int?
    @Option(help: ArgumentHelp("Earliest event date, inclusive.", valueName: "YYYY[-MM[-DD]]"))
    var from: String?
    @Option(help: ArgumentHelp("Latest event date, inclusive (2023-08 means to Aug 31).", valueName: "YYYY[-MM[-DD]]"))
    var to: String?
    @Option(help: "Place name (case-insensitive).")
    var place: String?
    @Option(help: "Country code of the place.")
    var country: String?
    @Option(help: "Only events mentioned in this document id.")
    var doc: String?

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, EventDate(value) == nil {
                throw ValidationError("\(name) \(value): not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
            }
        }
        if let quadClass, !(1...4).contains(quadClass) {
            throw ValidationError("--quad-class \(quadClass): must be 1, 2, 3 or 4")
        }
    }

    /// The filter these options describe.
    var filter: EventFilter {
        var filter = EventFilter()
        filter.source = source
        filter.target = target
        filter.actor = actor
        filter.code = code
        filter.root = root.map { $0.count == 1 ? "0" + $0 : $0 }
        filter.quadClass = quadClass
        filter.from = from.flatMap { EventDate($0) }
        filter.to = to.flatMap { EventDate($0) }
        filter.place = place
        filter.country = country
        filter.doc = doc
        return filter
    }
}
