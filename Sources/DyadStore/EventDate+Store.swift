package import DyadCoding

extension EventDate {
    /// The date as the integer `YYYYMMDD`, with `00` for an unknown month or day (`2022-08` is 20220800).
    ///
    /// Stores sort, filter and group on this key.
    package var dateKey: Int64 {
        Int64(year) * 10_000 + Int64(month ?? 0) * 100 + Int64(day ?? 0)
    }

    /// The smallest key inside this date: `2022-08` starts at 20220800.
    package var lowerKey: Int64 { dateKey }

    /// The largest key inside this date: `2022-08` ends at 20220899, `2022` at 20229999.
    package var upperKey: Int64 {
        Int64(year) * 10_000 + Int64(month ?? 99) * 100 + Int64(day ?? 99)
    }

    /// Days since 1970-01-01, when the date is known to the day.
    package var epochDay: Int64? {
        guard let month, let day else { return nil }
        return DayNumber.epochDay(year: year, month: month, day: day)
    }

    /// The date a key stands for: 20220800 is `2022-08`.
    package init?(dateKey: Int64) {
        let year = Int(dateKey / 10_000)
        let month = Int(dateKey / 100 % 100)
        let day = Int(dateKey % 100)
        guard year > 0, month <= 12, day <= 31 else { return nil }
        self.init(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day)
    }
}
