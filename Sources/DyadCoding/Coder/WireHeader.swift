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
        else {
            readPlainDateline(lineBytes, at: position)
            return
        }
        var after = close + 1
        while after < lineBytes.count, lineBytes[after] == 0x20 { after += 1 }
        let dashes: [[UInt8]] = [[0x2D], Array("\u{2014}".utf8), Array("\u{2013}".utf8), [0x2D, 0x2D]]
        guard
            let dash = dashes.first(where: {
                after + $0.count <= lineBytes.count && Array(lineBytes[after..<after + $0.count]) == $0
            })
        else { return }
        guard let city = Self.datelineCity(String(decoding: lineBytes[..<open], as: UTF8.self)) else { return }
        dateline = city
        agency = String(decoding: lineBytes[(open + 1)..<close], as: UTF8.self).trimmingBlanks()
        var bodyStart = after + dash.count
        while bodyStart < lineBytes.count, lineBytes[bodyStart] == 0x20 { bodyStart += 1 }
        skipped.append(position..<(position + bodyStart))
    }

    /// The city of a dateline's place ("WASHINGTON, Aug 31", "GAZA CITY, Palestinian Territories"):
    /// the part before the first comma, written in capitals ("ISTANBUL", "NEW DELHI",
    /// "PORT-AU-PRINCE") and short; `nil` when it is not.
    private static func datelineCity(_ place: String) -> String? {
        let trimmed = place.trimmingBlanks()
        let city = trimmed.split(separator: ",").first.map { $0.trimmingBlanks() } ?? trimmed
        guard !city.isEmpty, city.count < 40,
            city.allSatisfy({ $0.isUppercase || $0 == " " || $0 == "-" || $0 == "'" || $0 == "." })
        else { return nil }
        return city
    }

    /// A dateline with no agency: "LYON: Interpol said …", "GAZA CITY, Palestinian Territories:
    /// Four children …", "KABUL - Gunmen …". The city in capitals, a short place after it, then a
    /// colon or a dash.
    private mutating func readPlainDateline(_ line: [UInt8], at position: Int) {
        let limit = min(line.count, 60)
        var end = 0
        var separator = 0
        while end < limit {
            if line[end] == 0x3A {
                separator = 1
                break
            }
            if line[end] == 0x20, end + 2 < line.count, line[end + 1] == 0x2D || line[end + 1] == 0xE2, end > 0 {
                separator = line[end + 1] == 0x2D ? 2 : 4  // " -" or " —" (3 bytes)
                break
            }
            end += 1
        }
        guard separator > 0, end > 0, end < limit else { return }
        // With no agency to confirm it, a longer city ("US:" is no dateline) and at most one comma.
        let place = String(decoding: line[..<end], as: UTF8.self)
        guard let city = Self.datelineCity(place), city.count >= 3, city.contains(where: \.isLetter),
            place.split(separator: ",").count <= 2
        else { return }
        var bodyStart = end + separator
        while bodyStart < line.count, line[bodyStart] == 0x20 || line[bodyStart] == 0x2D { bodyStart += 1 }
        // The story starts with a capital letter.
        guard bodyStart < line.count, line[bodyStart] >= 0x41, line[bodyStart] <= 0x5A else { return }
        dateline = city
        skipped.append(position..<(position + bodyStart))
    }
}
