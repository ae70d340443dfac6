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
        // Digits and dashes only, at fixed positions: 4, 7 or 10 bytes. The fields are read as
        // they come (no array, so a word that is no date costs no allocation).
        var fields = (year: 0, month: 0, day: 0)
        var position = 0
        for byte in text.utf8 {
            let isDashPosition = position == 4 || position == 7
            if isDashPosition {
                guard byte == 0x2D else { return nil }
            } else {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                let digit = Int(byte - 0x30)
                switch position {
                case 0..<4: fields.year = fields.year * 10 + digit
                case 5..<7: fields.month = fields.month * 10 + digit
                default: fields.day = fields.day * 10 + digit
                }
            }
            position += 1
            if position > 10 { return nil }
        }
        guard position == 4 || position == 7 || position == 10 else { return nil }
        let year = fields.year
        var month: Int?
        var day: Int?
        if position >= 7 {
            guard (1...12).contains(fields.month) else { return nil }
            month = fields.month
        }
        if position == 10, let m = month {
            let d = fields.day
            guard d >= 1, d <= EventDate.daysIn(month: m, year: year) else { return nil }
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
