/// One meaningful line of a dictionary file: its number, its text without the comment, and
/// whether it was indented (a continuation of the entry above).
struct DictionaryLine: Sendable {
    /// The 1-based line number in the file.
    var number: Int
    /// The line's text without its comment and surrounding whitespace.
    var text: Substring
    /// Whether the line starts with a space or a tab.
    var isIndented: Bool
}

enum LineReader {
    /// The non-empty lines of `text`, each without its `#` comment.
    static func lines(of text: String) -> [DictionaryLine] {
        var result: [DictionaryLine] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = raw
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
            guard line.contains(where: { $0 != " " && $0 != "\t" }) else { continue }
            let indented = line.first == " " || line.first == "\t"
            while let first = line.first, first == " " || first == "\t" { line = line.dropFirst() }
            result.append(DictionaryLine(number: number, text: line, isIndented: indented))
        }
        return result
    }

    /// Splits `text` at `;`, trimming blanks and dropping empty items.
    static func list(_ text: some StringProtocol) -> [String] {
        text.split(separator: ";").map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice = slice.dropLast() }
        return String(slice)
    }

    /// Splits at runs of spaces and tabs.
    func splitBlanks() -> [Substring] {
        Substring(self).split(whereSeparator: { $0 == " " || $0 == "\t" })
    }
}
