internal import DyadText

/// A tab-separated table with one header row, read into rows keyed by column name.
struct TSVTable: Sendable {
    struct Row: Sendable {
        var line: Int
        var fields: [String: String]
        subscript(column: String) -> String? { fields[column] }
    }

    var name: String
    var columns: [String]
    var rows: [Row]

    /// Reads the embedded file `name` (a path under Sources/CDyadAssets/data).
    init(embedded name: String) throws(DictionaryError) {
        guard let text = EmbeddedAssets.string(named: name) else {
            throw DictionaryError(file: name, line: 0, message: "not compiled into this binary")
        }
        try self.init(name: name, text: text)
    }

    /// Parses `text`; a row with more fields than the header is an error.
    init(name: String, text: String) throws(DictionaryError) {
        self.name = name
        var columns: [String] = []
        var rows: [Row] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if columns.isEmpty {
                columns = fields
                continue
            }
            guard fields.count <= columns.count else {
                throw DictionaryError(
                    file: name, line: lineNumber,
                    message: "\(fields.count) fields where the header has \(columns.count)")
            }
            var row: [String: String] = [:]
            for (index, field) in fields.enumerated() { row[columns[index]] = field }
            rows.append(Row(line: lineNumber, fields: row))
        }
        guard !columns.isEmpty else { throw DictionaryError(file: name, line: 0, message: "empty table") }
        self.columns = columns
        self.rows = rows
    }
}
