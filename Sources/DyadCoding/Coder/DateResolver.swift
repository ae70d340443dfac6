internal import DyadText

/// A time expression found in a sentence and the date it resolves to.
struct TimeExpression: Sendable, Hashable {
    /// Token indices of the expression in its sentence.
    var tokens: Range<Int>
    var date: EventDate
    /// Whether the expression only bounds a period ("since 1949") rather than dating an event.
    var isBoundary: Bool
}

/// Finds time expressions in a sentence and resolves them against the publication date, keeping
/// their precision: "Thursday" is a day, "last August" a month, "in 2018" a year.
///
/// News is mostly about the past, so a bare month or weekday is the most recent one on or before
/// the publication date; "next" looks forward and "last" looks strictly back.
enum DateResolver {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "jan.": 1, "february": 2, "feb": 2, "feb.": 2, "march": 3, "mar.": 3,
        "april": 4, "apr": 4, "apr.": 4, "may": 5, "june": 6, "jun": 6, "jun.": 6, "july": 7, "jul": 7, "jul.": 7,
        "august": 8, "aug": 8, "aug.": 8, "september": 9, "sep": 9, "sep.": 9, "sept": 9, "sept.": 9,
        "october": 10, "oct": 10, "oct.": 10, "november": 11, "nov": 11, "nov.": 11, "december": 12, "dec": 12,
        "dec.": 12,
    ]
    static let weekdays: [String: Int] = [
        "sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    ]
    static let numbers: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3,
    ]

    /// The time expressions of `graph`'s sentence, resolved against `published`.
    static func expressions(in graph: SentenceGraph, published: EventDate?) -> [TimeExpression] {
        let forms = graph.forms
        var result: [TimeExpression] = []
        var index = 0
        func word(_ offset: Int) -> String? {
            let position = index + offset
            return position >= 0 && position < forms.count ? forms[position] : nil
        }
        while index < forms.count {
            let form = forms[index]
            guard canStartExpression(form) else {
                index += 1
                continue
            }
            var found: (length: Int, start: Int, date: EventDate)?
            // The tables' words are ASCII, so a form of another byte length is none of them.
            let length = form.utf8.count
            if (3...9).contains(length), let month = months[form], isMonthToken(graph, index) {
                found = resolveMonth(month, at: index, forms: forms, graph: graph, published: published)
            } else if (6...9).contains(length), let weekday = weekdays[form], let published, let day = published.day,
                let month = published.month
            {
                let today = dayNumber(year: published.year, month: month, day: day)
                let todayWeekday = ((today % 7) + 11) % 7  // 1970-01-01 was a Thursday
                var delta = (todayWeekday - weekday + 7) % 7
                var start = index
                if word(-1) == "last" {
                    if delta == 0 { delta = 7 }
                    start -= 1
                } else if word(-1) == "next" {
                    delta = -((weekday - todayWeekday + 7) % 7 == 0 ? 7 : (weekday - todayWeekday + 7) % 7)
                    start -= 1
                } else if word(-1) == "this" || word(-1) == "on" {
                    start -= 1
                }
                found = (index - start + 1, start, date(fromDayNumber: today - delta))
            } else if let year = Int(form), form.count == 4, (1900...2100).contains(year),
                ["NUM", "PROPN", "_"].contains(graph.tokens[index].upos)
            {
                var start = index
                if let previous = word(-1), ["in", "during", "since", "by", "until", "of"].contains(previous) { start -= 1 }
                found = (index - start + 1, start, EventDate(year: year))
            } else if let published, let relative = relativeExpression(at: index, forms: forms, published: published) {
                found = relative
            } else if let date = EventDate(form), form.count == 10 {
                found = (1, index, date)
            }
            if let found {
                let boundary = ["since", "until", "by"].contains(forms[found.start])
                result.append(
                    TimeExpression(tokens: found.start..<found.start + found.length, date: found.date, isBoundary: boundary))
                index = found.start + found.length
            } else {
                index += 1
            }
        }
        return result
    }

    /// Whether a lowercased form can start a time expression: every word above starts with a
    /// lowercase ASCII letter, and every number `Int(_:)` or `EventDate(_:)` reads with a digit or
    /// a sign. Other tokens (punctuation, most of a sentence's non-words) are skipped unread.
    private static func canStartExpression(_ form: String) -> Bool {
        guard let first = form.utf8.first else { return false }
        return (first >= 0x61 && first <= 0x7A) || (first >= 0x30 && first <= 0x39) || first == 0x2B || first == 0x2D
    }

    /// "May" the month, not "may" the modal; "March" the month, not the verb.
    private static func isMonthToken(_ graph: SentenceGraph, _ index: Int) -> Bool {
        let token = graph.tokens[index]
        guard token.form.startsWithUppercase else { return false }
        return token.upos == "PROPN" || token.upos == "NOUN" || token.xpos == "NNP" || token.upos == "_"
    }

    private static func resolveMonth(
        _ month: Int, at index: Int, forms: [String], graph: SentenceGraph, published: EventDate?
    ) -> (length: Int, start: Int, date: EventDate)? {
        var start = index
        var end = index + 1
        var day: Int?
        var year: Int?
        if end < forms.count, let number = Int(forms[end].trimmingSuffix("th", "st", "nd", "rd")), (1...31).contains(number) {
            day = number
            end += 1
            if end < forms.count, forms[end] == "," { end += 1 }
        } else if index > 0, let number = Int(forms[index - 1]), (1...31).contains(number) {
            day = number
            start -= 1
        }
        if end < forms.count, let number = Int(forms[end]), forms[end].count == 4, (1900...2100).contains(number) {
            year = number
            end += 1
        } else if end > index + 1, forms[end - 1] == "," {
            end -= 1
        }
        let previous = start > 0 ? forms[start - 1] : ""
        if year == nil, let published, let publishedMonth = published.month {
            switch previous {
            case "last":
                year = month < publishedMonth ? published.year : published.year - 1
                start -= 1
            case "next":
                year = month > publishedMonth ? published.year : published.year + 1
                start -= 1
            case "this":
                year = published.year
                start -= 1
            default:
                year = month <= publishedMonth ? published.year : published.year - 1
                if ["in", "early", "late", "mid", "mid-", "since", "until", "by", "during"].contains(previous) { start -= 1 }
            }
        } else if ["in", "since", "until", "by", "during"].contains(previous) {
            start -= 1
        }
        guard let year else { return nil }
        if let day, day > EventDate.daysIn(month: month, year: year) { return nil }
        return (end - start, start, EventDate(year: year, month: month, day: day))
    }

    private static func relativeExpression(
        at index: Int, forms: [String], published: EventDate
    ) -> (length: Int, start: Int, date: EventDate)? {
        let form = forms[index]
        let month = published.month
        let today = published.day.flatMap { day in month.map { dayNumber(year: published.year, month: $0, day: day) } }
        func next(_ offset: Int) -> String? { index + offset < forms.count ? forms[index + offset] : nil }
        switch form {
        case "yesterday": return today.map { (1, index, date(fromDayNumber: $0 - 1)) }
        case "today", "tonight": return today.map { (1, index, date(fromDayNumber: $0)) }
        case "tomorrow": return today.map { (1, index, date(fromDayNumber: $0 + 1)) }
        case "last", "this", "next", "earlier", "later":
            var offset = 1
            if form == "earlier" || form == "later" {
                guard next(1) == "this" else { return nil }
                offset = 2
            }
            let direction = form == "last" ? -1 : form == "next" ? 1 : 0
            switch next(offset) {
            case "year":
                return (offset + 1, index, EventDate(year: published.year + direction))
            case "month":
                guard let month else { return nil }
                let total = published.year * 12 + (month - 1) + direction
                return (offset + 1, index, EventDate(year: total / 12, month: total % 12 + 1))
            case "week":
                guard let today else { return nil }
                return (offset + 1, index, monthOf(dayNumber: today + 7 * direction))
            default: return nil
            }
        default:
            break
        }
        // "two days ago", "3 weeks ago"
        // "ago" first: it is rarer than a number, and cheaper to check.
        guard next(2) == "ago", let count = numbers[form] ?? Int(form), count > 0, count < 1000, let unit = next(1) else {
            return nil
        }
        switch unit {
        case "day", "days": return today.map { (3, index, date(fromDayNumber: $0 - count)) }
        case "week", "weeks": return today.map { (3, index, date(fromDayNumber: $0 - 7 * count)) }
        case "month", "months":
            guard let month else { return nil }
            let total = published.year * 12 + (month - 1) - count
            return (3, index, EventDate(year: total / 12, month: total % 12 + 1))
        case "year", "years": return (3, index, EventDate(year: published.year - count))
        default: return nil
        }
    }

    private static func monthOf(dayNumber: Int) -> EventDate {
        let day = date(fromDayNumber: dayNumber)
        return EventDate(year: day.year, month: day.month)
    }

    /// Days since 1970-01-01 of a Gregorian date (Howard Hinnant's algorithm).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The Gregorian date of a day number (days since 1970-01-01).
    static func date(fromDayNumber days: Int) -> EventDate {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return EventDate(year: year, month: month, day: day)
    }
}

extension String {
    func trimmingSuffix(_ suffixes: String...) -> String {
        for suffix in suffixes where hasSuffix(suffix) && count > suffix.count { return String(dropLast(suffix.count)) }
        return self
    }
}
