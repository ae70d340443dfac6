import Foundation

/// Buffered standard output for commands that print many lines.
struct StoreOutput {
    private var buffer: [UInt8] = []
    private let handle: FileHandle

    init(handle: FileHandle = .standardOutput) {
        self.handle = handle
        buffer.reserveCapacity(1 << 16)
    }

    /// Appends `line` and a newline, writing out when the buffer is full.
    mutating func line(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0a)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes out what is buffered.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// A CSV field, quoted when needed (RFC 4180).
    static func csv(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A TSV field: tabs and line breaks become spaces.
    static func tsv(_ field: String) -> String {
        guard field.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return field }
        return String(field.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    /// Rows as an aligned text table with a header and a rule.
    static func table(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
        var widths = header.map(\.count)
        for row in rows {
            for (index, field) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], field.count)
            }
        }
        func format(_ row: [String]) -> String {
            var line = ""
            for (index, field) in row.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[index] - field.count))
                if index > 0 { line += "  " }
                line += rightAligned.contains(index) ? pad + field : (index == row.count - 1 ? field : field + pad)
            }
            return line
        }
        return [format(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
            + rows.map(format)
    }

    /// Writes `message` and a newline to standard error.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
