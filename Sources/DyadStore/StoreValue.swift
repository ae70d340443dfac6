/// A value bound to or read from a SQL statement, the same for SQLite and PostgreSQL.
package enum StoreValue: Sendable, Hashable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    /// The value as an integer, if it is one (a whole double counts).
    var int: Int64? {
        switch self {
        case .int(let value): return value
        case .double(let value): return value.rounded() == value ? Int64(exactly: value) : nil
        case .text(let text): return Int64(text)
        case .null: return nil
        }
    }

    /// The value as a double, if it is a number.
    var double: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        case .text(let text): return Double(text)
        case .null: return nil
        }
    }

    /// The value as text, if it is text (numbers are not converted).
    var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    init(_ value: Int?) { self = value.map { .int(Int64($0)) } ?? .null }
    init(_ value: Int64?) { self = value.map { .int($0) } ?? .null }
    init(_ value: Double?) { self = value.map { .double($0) } ?? .null }
}

/// One SQL statement with `?` placeholders and the values bound to them, in order.
///
/// Statements are written once for both stores; the PostgreSQL store numbers the placeholders
/// (`$1`, `$2`, ...). Values are always bound, never spliced into the SQL text.
package struct SQLStatement: Sendable, Hashable, CustomStringConvertible {
    /// The SQL text, with one `?` per value.
    package var sql: String
    /// The values bound to the placeholders.
    package var values: [StoreValue]

    package init(_ sql: String, _ values: [StoreValue] = []) {
        self.sql = sql
        self.values = values
    }

    /// The SQL with numbered placeholders `$1`, `$2`, ..., as PostgreSQL wants it.
    var numberedSQL: String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + values.count * 2)
        var index = 0
        for character in sql {
            if character == "?" {
                index += 1
                result += "$\(index)"
            } else {
                result.append(character)
            }
        }
        return result
    }

    package var description: String { sql }
}

/// One row read from a store: its values by column position.
package typealias StoreRow = [StoreValue]
