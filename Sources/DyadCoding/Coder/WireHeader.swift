/// The wire-service header of an article: the byline, the dateline city and the agency, and
/// where the story's own text starts.
///
/// ```
/// By Riyaz ul Khaliq
/// ISTANBUL (AA) - China said Thursday ...
/// ```
/// gives byline "Riyaz ul Khaliq", dateline "ISTANBUL", agency "AA", and a body starting at "China".
public struct WireHeader: Sendable, Hashable, Codable {
    /// The author named on a `By NAME` line.
    public var byline: String?
    /// The dateline city, as written ("ISTANBUL").
    public var dateline: String?
    /// The agency in the dateline's parentheses ("AA", "Reuters", "AFP").
    public var agency: String?
    /// The UTF-8 byte ranges of header text that is metadata, not story sentences.
    public var skipped: [Range<Int>]

    /// Reads the header at the start of `text`.
    public init(text: String) {
        byline = nil
        dateline = nil
        agency = nil
        skipped = []
        let bytes = Array(text.utf8)
        var position = 0
        // Skip leading blank lines.
        while position < bytes.count, bytes[position] == 0x0A || bytes[position] == 0x0D || bytes[position] == 0x20 {
            position += 1
        }
        var lineEnd = bytes[position...].firstIndex(of: 0x0A) ?? bytes.count
        var line = String(decoding: bytes[position..<lineEnd], as: UTF8.self).trimmingBlanks()
        if line.hasPrefix("By ") || line.hasPrefix("BY "), line.count < 80, !line.contains(". ") {
            byline = String(line.dropFirst(3)).trimmingBlanks()
            skipped.append(position..<min(lineEnd + 1, bytes.count))
            position = min(lineEnd + 1, bytes.count)
            lineEnd = bytes[position...].firstIndex(of: 0x0A) ?? bytes.count
            line = String(decoding: bytes[position..<lineEnd], as: UTF8.self)
        }
        // A dateline: "CITY (AGENCY) - ", "CITY, Aug 31 (Reuters) - ", "CITY (AP) — ".
        let lineBytes = Array(bytes[position..<lineEnd])
        guard let open = lineBytes.firstIndex(of: 0x28), open > 0, open < 60,
            let close = lineBytes[open...].firstIndex(of: 0x29), close - open < 40
        else { return }
        var after = close + 1
        while after < lineBytes.count, lineBytes[after] == 0x20 { after += 1 }
        let dashes: [[UInt8]] = [[0x2D], Array("\u{2014}".utf8), Array("\u{2013}".utf8), [0x2D, 0x2D]]
        guard let dash = dashes.first(where: { after + $0.count <= lineBytes.count && Array(lineBytes[after..<after + $0.count]) == $0 })
        else { return }
        let place = String(decoding: lineBytes[..<open], as: UTF8.self).trimmingBlanks()
        let city = place.split(separator: ",").first.map { $0.trimmingBlanks() } ?? place
        // The city is written in capitals ("ISTANBUL", "NEW DELHI", "PORT-AU-PRINCE") and is short.
        guard !city.isEmpty, city.count < 40,
            city.allSatisfy({ $0.isUppercase || $0 == " " || $0 == "-" || $0 == "'" || $0 == "." })
        else { return }
        dateline = city
        agency = String(decoding: lineBytes[(open + 1)..<close], as: UTF8.self).trimmingBlanks()
        var bodyStart = after + dash.count
        while bodyStart < lineBytes.count, lineBytes[bodyStart] == 0x20 { bodyStart += 1 }
        skipped.append(position..<(position + bodyStart))
    }
}
