import DyadCoding

/// The period a dyadic time series is counted by.
package enum SeriesPeriod: String, Sendable, CaseIterable, Codable {
    case day, week, month, year
}

/// One period of a dyadic time series: how much cooperation and conflict, by QuadClass.
///
/// ```swift
/// let series = try await store.series(source: "CHN", target: "USA", by: .month)
/// series.first?.period   // "2023-08"
/// ```
package struct SeriesPoint: Sendable, Hashable, Codable {
    /// The period: `2023-08-31` (day), `2023-08-28` (the Monday of an ISO week), `2023-08`, `2023`.
    package var period: String
    /// Distinct events in the period.
    package var events: Int
    /// Their mentions.
    package var mentions: Int
    /// Events of QuadClass 1 (verbal cooperation).
    package var verbalCooperation: Int
    /// Events of QuadClass 2 (material cooperation).
    package var materialCooperation: Int
    /// Events of QuadClass 3 (verbal conflict).
    package var verbalConflict: Int
    /// Events of QuadClass 4 (material conflict).
    package var materialConflict: Int
    /// The mean Goldstein value of the events that have one.
    package var goldsteinMean: Double?
    /// The sum of the Goldstein values.
    package var goldsteinTotal: Double

    enum CodingKeys: String, CodingKey {
        case period, events, mentions
        case verbalCooperation = "quad1"
        case materialCooperation = "quad2"
        case verbalConflict = "quad3"
        case materialConflict = "quad4"
        case goldsteinMean = "goldstein_mean"
        case goldsteinTotal = "goldstein_total"
    }
}

/// A dyadic time series request: events from `source` to `target`, counted by `period`.
package struct SeriesQuery: Sendable, Hashable {
    /// The filter (source and target prefixes, dates, codes, places).
    package var filter: EventFilter
    /// The period to count by.
    package var period: SeriesPeriod

    package init(filter: EventFilter, period: SeriesPeriod) {
        self.filter = filter
        self.period = period
    }

    /// The SQL that groups the filtered events by period.
    ///
    /// Events whose date is less precise than the period (a month-only date in a daily series)
    /// are left out; `imprecise` counts them.
    var statement: SQLStatement {
        let (conditions, values) = filter.whereClause()
        let bucket: String
        let precision: String
        switch period {
        case .day:
            bucket = "date_key"
            precision = "epoch_day IS NOT NULL"
        case .week:
            bucket = "(epoch_day + 700003) / 7"
            precision = "epoch_day IS NOT NULL"
        case .month:
            bucket = "date_key / 100"
            precision = "date_key % 10000 >= 100"
        case .year:
            bucket = "date_key / 10000"
            precision = "1 = 1"
        }
        let filterSQL = conditions.isEmpty ? "" : " AND " + conditions
        let sql = """
            SELECT \(bucket) AS bucket, COUNT(*), CAST(SUM(num_mentions) AS BIGINT),
            CAST(SUM(CASE WHEN quad_class = 1 THEN 1 ELSE 0 END) AS BIGINT),
            CAST(SUM(CASE WHEN quad_class = 2 THEN 1 ELSE 0 END) AS BIGINT),
            CAST(SUM(CASE WHEN quad_class = 3 THEN 1 ELSE 0 END) AS BIGINT),
            CAST(SUM(CASE WHEN quad_class = 4 THEN 1 ELSE 0 END) AS BIGINT),
            CAST(AVG(goldstein) AS DOUBLE PRECISION), CAST(SUM(goldstein) AS DOUBLE PRECISION)
            FROM event WHERE \(precision)\(filterSQL) GROUP BY bucket ORDER BY bucket
            """
        return SQLStatement(sql, values)
    }

    /// The SQL counting the filtered events too imprecise for the period.
    var impreciseStatement: SQLStatement {
        let (conditions, values) = filter.whereClause()
        let imprecise: String
        switch period {
        case .day, .week: imprecise = "epoch_day IS NULL"
        case .month: imprecise = "date_key % 10000 < 100"
        case .year: imprecise = "1 = 0"
        }
        let filterSQL = conditions.isEmpty ? "" : " AND " + conditions
        return SQLStatement("SELECT COUNT(*) FROM event WHERE \(imprecise)\(filterSQL)", values)
    }

    /// Reads one row of `statement`.
    func point(_ row: StoreRow) -> SeriesPoint {
        let bucket = row[0].int ?? 0
        let period: String
        switch self.period {
        case .day: period = EventDate(dateKey: bucket)?.description ?? String(bucket)
        case .week:
            let (y, m, d) = DayNumber.civil(fromEpochDay: bucket * 7 - 700_003)
            period = EventDate(year: y, month: m, day: d).description
        case .month: period = EventDate(dateKey: bucket * 100)?.description ?? String(bucket)
        case .year: period = EventDate(year: Int(bucket)).description
        }
        func int(_ i: Int) -> Int { Int(row[i].int ?? 0) }
        return SeriesPoint(
            period: period, events: int(1), mentions: int(2), verbalCooperation: int(3),
            materialCooperation: int(4), verbalConflict: int(5), materialConflict: int(6),
            goldsteinMean: row[7].double, goldsteinTotal: row[8].double ?? 0)
    }
}

/// A dyadic time series and the events it could not place.
package struct DyadSeries: Sendable, Hashable {
    /// One point per period that has events, in order.
    package var points: [SeriesPoint]
    /// Matching events whose date is less precise than the period.
    package var impreciseEvents: Int
}
