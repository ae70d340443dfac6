/// A calendar date known to the day, the month or only the year: `2022-08-15`, `2022-08`, `2022`.
///
/// Encodes as its ISO text. Comparison orders by year, then month, then day, with a less
/// precise date before a more precise one in the same period.
///
/// ```swift
/// let date = EventDate("2023-08-31")   // day precision
/// date?.month                           // 8
/// ```
public struct EventDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month (1–12), if known.
    public var month: Int?
    /// The day of the month, if known (requires `month`).
    public var day: Int?

    /// Creates a date; `day` is dropped when `month` is `nil`.
    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `nil` for anything else or an impossible date.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        var month: Int?
        var day: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let d = Int(parts[2]), let m = month,
                d >= 1, d <= EventDate.daysIn(month: m, year: year)
            else { return nil }
            day = d
        }
        self.init(year: year, month: month, day: day)
    }

    /// The ISO text: `2022-08-15`, `2022-08` or `2022`.
    public var description: String {
        var text = String(year).leftPadded(to: 4)
        if let month {
            text += "-" + String(month).leftPadded(to: 2)
            if let day { text += "-" + String(day).leftPadded(to: 2) }
        }
        return text
    }

    /// The number of days in `month` of `year` (Gregorian).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: EventDate, rhs: EventDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = EventDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: \(text)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
