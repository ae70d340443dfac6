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
    /// The non-empty lines of `text`, each without its `#` comment. Scans UTF-8 bytes: the
    /// dictionaries are large and this runs at every start.
    static func lines(of text: String) -> [DictionaryLine] {
        var result: [DictionaryLine] = []
        let utf8 = text.utf8
        var number = 0
        var lineStart = utf8.startIndex
        while lineStart < utf8.endIndex {
            number += 1
            var cursor = lineStart
            var contentEnd: String.Index?
            while cursor < utf8.endIndex, utf8[cursor] != 0x0A {
                if contentEnd == nil, utf8[cursor] == 0x23 { contentEnd = cursor }  // '#'
                cursor = utf8.index(after: cursor)
            }
            let lineEnd = cursor
            let nextStart = cursor < utf8.endIndex ? utf8.index(after: cursor) : cursor
            var end = contentEnd ?? lineEnd
            var start = lineStart
            let indented = start < end && (utf8[start] == 0x20 || utf8[start] == 0x09)
            while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 || utf8[start] == 0x0D {
                start = utf8.index(after: start)
            }
            while end > start {
                let before = utf8.index(before: end)
                guard utf8[before] == 0x20 || utf8[before] == 0x09 || utf8[before] == 0x0D else { break }
                end = before
            }
            if start < end {
                result.append(DictionaryLine(number: number, text: text[start..<end], isIndented: indented))
            }
            lineStart = nextStart
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
        let text = Substring(self)
        let utf8 = text.utf8
        var result: [Substring] = []
        var cursor = utf8.startIndex
        while cursor < utf8.endIndex {
            while cursor < utf8.endIndex, utf8[cursor] == 0x20 || utf8[cursor] == 0x09 { cursor = utf8.index(after: cursor) }
            guard cursor < utf8.endIndex else { break }
            let start = cursor
            while cursor < utf8.endIndex, utf8[cursor] != 0x20 && utf8[cursor] != 0x09 { cursor = utf8.index(after: cursor) }
            result.append(text[start..<cursor])
        }
        return result
    }
}
