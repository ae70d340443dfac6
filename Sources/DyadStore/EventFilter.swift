package import DyadCoding

/// Which stored events to read. Empty fields do not filter; all set fields must match.
///
/// Actor and code fields match by prefix: `source: "CHN"` matches `CHN`, `CHNMIL`, `CHNGOV`.
///
/// ```swift
/// var filter = EventFilter()
/// filter.source = "CHN"
/// filter.target = "USA"
/// filter.from = EventDate("2023-01")
/// let events = try await store.events(matching: filter, after: 0, limit: 100)
/// ```
package struct EventFilter: Sendable, Hashable {
    /// A prefix of the source actor code.
    package var source: String?
    /// A prefix of the target actor code.
    package var target: String?
    /// A prefix of either the source or the target actor code.
    package var actor: String?
    /// A prefix of the CAMEO event code (`"12"`, `"1244"`).
    package var code: String?
    /// The CAMEO root code, exactly (`"12"`).
    package var root: String?
    /// The QuadClass, 1–4.
    package var quadClass: Int?
    /// The earliest event date (inclusive; `2023-08` means from its first day).
    package var from: EventDate?
    /// The latest event date (inclusive; `2023-08` means to its last day).
    package var to: EventDate?
    /// The place name, case-insensitively.
    package var place: String?
    /// The place's country code.
    package var country: String?
    /// Only events mentioned in this document.
    package var doc: String?

    package init() {}

    /// The SQL `WHERE` conditions (joined by `AND`, empty for all events) and their values.
    func whereClause() -> (sql: String, values: [StoreValue]) {
        var conditions: [String] = []
        var values: [StoreValue] = []
        func prefix(_ column: String, _ value: String) -> String {
            let (low, high) = Self.prefixRange(value.uppercased())
            values.append(.text(low))
            if let high {
                values.append(.text(high))
                return "(\(column) >= ? AND \(column) < ?)"
            }
            return "\(column) >= ?"
        }
        if let source, !source.isEmpty { conditions.append(prefix("source_code", source)) }
        if let target, !target.isEmpty { conditions.append(prefix("target_code", target)) }
        if let actor, !actor.isEmpty {
            let a = prefix("source_code", actor)
            let b = prefix("target_code", actor)
            conditions.append("(\(a) OR \(b))")
        }
        if let code, !code.isEmpty { conditions.append(prefix("code", code)) }
        if let root, !root.isEmpty {
            conditions.append("root = ?")
            values.append(.text(root))
        }
        if let quadClass {
            conditions.append("quad_class = ?")
            values.append(.int(Int64(quadClass)))
        }
        if let from {
            conditions.append("date_key >= ?")
            values.append(.int(from.lowerKey))
        }
        if let to {
            conditions.append("date_key <= ?")
            values.append(.int(to.upperKey))
        }
        if let place, !place.isEmpty {
            conditions.append("lower(place_name) = ?")
            values.append(.text(place.lowercased()))
        }
        if let country, !country.isEmpty {
            conditions.append("place_country = ?")
            values.append(.text(country.uppercased()))
        }
        if let doc, !doc.isEmpty {
            conditions.append("id IN (SELECT event_id FROM mention WHERE doc_id = ?)")
            values.append(.text(doc))
        }
        return (conditions.joined(separator: " AND "), values)
    }

    /// The half-open range of strings that start with `prefix`: `["CHN", "CHO")`.
    ///
    /// `high` is `nil` when no string bounds it (the prefix ends in U+10FFFF).
    static func prefixRange(_ prefix: String) -> (low: String, high: String?) {
        var scalars = Array(prefix.unicodeScalars)
        while let last = scalars.popLast() {
            var next = last.value + 1
            if next == 0xD800 { next = 0xE000 }
            if let scalar = Unicode.Scalar(next) {
                var high = String.UnicodeScalarView()
                high.append(contentsOf: scalars)
                high.append(scalar)
                return (prefix, String(high))
            }
        }
        return (prefix, nil)
    }
}
