/// Splits raw text into sentences and words, following the tokenization of the Universal
/// Dependencies English Web Treebank (EWT), so that the tagger and parser trained on EWT see the
/// kind of tokens they were trained on.
///
/// - Possessives and clitics are split: `China's` → `China` `'s`, `don't` → `do` `n't`,
///   `can't` → `ca` `n't`, `cannot` → `can` `not`, `gonna` → `gon` `na`.
/// - Punctuation is split, except inside numbers (`3.5`, `1,000`, `10:30`), URLs and e-mail
///   addresses, and known abbreviations and initials (`U.S.`, `Gen.`, `J.`).
/// - Hyphenated words are split (`al` `-` `Qaeda`) except after common prefixes (`e-mail`,
///   `co-workers`, `non-commercial`) and in digit groups such as phone numbers.
/// - A closing quotation mark or bracket after the final period belongs to the sentence.
/// - A line that ends without punctuation (a headline, a byline) ends its sentence when the next
///   line does not continue it in lower case; an empty line always ends a sentence.
/// - A sentence has at most 250 tokens: longer runs (hostile or garbled input) are cut there.
///
/// Ranges are UTF-8 byte offsets into the text. Curly apostrophes and quotation marks are
/// normalised to ASCII in `Token.form` (the ranges still point at the original characters).
///
/// ```swift
/// let sentences = Tokenizer.sentences(in: "China's army said no. \"We won't.\"")
/// // [["China", "'s", "army", "said", "no", "."], ["\"", "We", "wo", "n't", ".", "\""]]
/// ```
public enum Tokenizer {
    /// Splits `text` into sentences of tokens whose analysis fields are unset.
    ///
    /// - Parameter text: The raw text of a document.
    /// - Returns: The sentences in text order; each token has its `form`, its UTF-8 byte `range`
    ///   in `text` and `spaceAfter`.
    public static func sentences(in text: String) -> [Sentence] {
        var scanner = TokenScanner(text)
        scanner.run()
        return scanner.makeSentences()
    }

    /// Splits `text` into tokens without grouping them into sentences.
    ///
    /// - Parameter text: The raw text.
    /// - Returns: The tokens in text order.
    public static func tokens(in text: String) -> [Token] {
        sentences(in: text).flatMap(\.tokens)
    }
}

/// A single piece found by the scanner: a scalar range and a few flags used by the splitter.
struct RawToken {
    var start: Int
    var end: Int
    /// Number of line breaks in the whitespace before the token.
    var newlinesBefore: Int
    /// The token ends in an abbreviation period (`Dr.`, `U.S.`, `J.`).
    var isAbbreviation = false
    /// The abbreviation is a title or initial that never ends a sentence.
    var isTitle = false
    /// Characters of the line before the line break preceding this token (0 when none).
    var previousLineLength = 0
}

/// The scanner works on Unicode scalars, with a table from scalar index to UTF-8 byte offset.
struct TokenScanner {
    let text: String
    var scalars: [Unicode.Scalar] = []
    var offsets: [Int] = []
    var tokens: [RawToken] = []

    init(_ text: String) {
        self.text = text
        var offset = 0
        scalars.reserveCapacity(text.utf8.count)
        offsets.reserveCapacity(text.utf8.count + 1)
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
    }

    // MARK: Character classes

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x85, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F,
            0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            return (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
        }
        return s.properties.isAlphabetic
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    static func isAlnum(_ s: Unicode.Scalar) -> Bool { isLetter(s) || isDigit(s) }

    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x41 && s.value <= 0x5A }
        return s.properties.isUppercase
    }

    static func isLower(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x61 && s.value <= 0x7A }
        return s.properties.isLowercase
    }

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }

    /// Characters that open a bracket or quotation and are split off the start of a word.
    static func isOpener(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "(", "[", "{", "\"", "\u{201C}", "\u{2018}", "\u{00AB}", "`", "\u{201E}", "<": return true
        default: return false
        }
    }

    /// Characters that are split off the end of a word.
    static func isCloser(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ")", "]", "}", "\"", "\u{201D}", "\u{2019}", "'", "\u{00BB}", ",", ";", ":", "!", "?", ".", "\u{2026}", ">":
            return true
        default: return false
        }
    }

    /// Characters that are always tokens of their own, wherever they are.
    static func isAlwaysSplit(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "(", ")", "[", "]", "{", "}", "\"", "\u{201C}", "\u{201D}", "\u{00AB}", "\u{00BB}", ";", "!", "?",
            "\u{2014}", "\u{2013}", "\u{2015}", "\u{2026}", "\u{201E}":
            return true
        default: return false
        }
    }

    static func isSentenceFinal(_ s: Unicode.Scalar) -> Bool {
        s == "." || s == "!" || s == "?" || s == "\u{2026}"
    }

    func lowercased(_ start: Int, _ end: Int) -> String {
        var out = String.UnicodeScalarView()
        for i in start..<end { out.append(scalars[i]) }
        return String(out).lowercased()
    }

    func string(_ start: Int, _ end: Int) -> String {
        var out = String.UnicodeScalarView()
        for i in start..<end { out.append(scalars[i]) }
        return String(out)
    }

    // MARK: Scanning

    mutating func run() {
        var i = 0
        let n = scalars.count
        var newlines = 0
        var lineStart = 0
        var previousLineLength = 0
        while i < n {
            let s = scalars[i]
            if Self.isSpace(s) {
                if s == "\n" || s == "\u{2028}" || s == "\u{2029}" {
                    newlines += 1
                    previousLineLength = i - lineStart
                    lineStart = i + 1
                } else if s == "\r" {
                    if i + 1 < n && scalars[i + 1] == "\n" {
                        // counted on the "\n"
                    } else {
                        newlines += 1
                        previousLineLength = i - lineStart
                        lineStart = i + 1
                    }
                }
                i += 1
                continue
            }
            var j = i
            while j < n && !Self.isSpace(scalars[j]) { j += 1 }
            let first = tokens.count
            splitChunk(i, j)
            if first < tokens.count {
                tokens[first].newlinesBefore = newlines
                tokens[first].previousLineLength = newlines > 0 ? previousLineLength : 0
            }
            newlines = 0
            i = j
        }
    }

    mutating func emit(_ start: Int, _ end: Int) {
        guard start < end else { return }
        tokens.append(RawToken(start: start, end: end, newlinesBefore: 0))
    }

    /// Whether the scalars from `start` begin with `prefix` (ASCII, lower case), ignoring case.
    func hasPrefix(_ start: Int, _ end: Int, _ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { prefix in
            guard prefix.count <= end - start else { return false }
            var i = start
            for byte in prefix {
                let c = scalars[i]
                if c.value < 0x80 {
                    // An ASCII capital's lower-case mapping is the letter with bit 0x20 set.
                    guard c.value == UInt32(byte) || (Self.isUpper(c) && c.value | 0x20 == UInt32(byte)) else {
                        return false
                    }
                } else {
                    let p = Unicode.Scalar(byte)
                    guard Self.isUpper(c) && c.properties.lowercaseMapping == String(p) else { return false }
                }
                i += 1
            }
            return true
        }
    }

    func isURLOrEmail(_ start: Int, _ end: Int) -> Bool {
        if hasPrefix(start, end, "http://") || hasPrefix(start, end, "https://") || hasPrefix(start, end, "www.")
            || hasPrefix(start, end, "ftp://") || hasPrefix(start, end, "mailto:")
        {
            return true
        }
        // name@host.tld
        var at = -1
        for i in start..<end where scalars[i] == "@" {
            at = i
            break
        }
        if at > start {
            var dot = false
            var i = at + 1
            while i < end - 1 {
                if scalars[i] == "." && Self.isAlnum(scalars[i + 1]) { dot = true }
                i += 1
            }
            if dot && Self.isAlnum(scalars[at - 1]) { return true }
        }
        // host.com, host.org/path
        let domains: [StaticString] = [".com", ".org", ".net", ".gov", ".edu"]
        for tld in domains {
            var i = start
            while i < end {
                // Only a "." matches the domain's "." (no capital lower-cases to it).
                if scalars[i] == ".", hasPrefix(i, end, tld), i > start, Self.isAlnum(scalars[i - 1]) {
                    let after = i + tld.utf8CodeUnitCount
                    if after == end || scalars[after] == "/" || !Self.isLetter(scalars[after]) { return true }
                }
                i += 1
            }
        }
        return false
    }

    /// Splits one whitespace-delimited chunk `[start, end)` into tokens.
    mutating func splitChunk(_ start: Int, _ end: Int) {
        var a = start
        var b = end
        // A chunk of one repeated punctuation character ("***", "<<", "!!!") is one token.
        if end - start >= 2 && !Self.isAlnum(scalars[start]) && !Self.isOpener(scalars[start])
            && (start..<end).allSatisfy({ scalars[$0] == scalars[start] })
        {
            emit(start, end)
            return
        }
        // Leading openers.
        var leading: [(Int, Int)] = []
        while a < b {
            let s = scalars[a]
            if Self.isOpener(s) && a + 1 < b {
                leading.append((a, a + 1))
                a += 1
            } else if (s == "'" || s == "\u{2018}") && a + 1 < b && !isLeadingApostropheWord(a + 1, b) {
                leading.append((a, a + 1))
                a += 1
            } else if (s == "$" || s == "#" || s == "\u{00A3}" || s == "\u{20AC}") && a + 1 < b
                && (Self.isDigit(scalars[a + 1]) || scalars[a + 1] == ".")
            {
                leading.append((a, a + 1))
                a += 1
            } else if s == "-" && a + 1 < b && Self.isLetter(scalars[a + 1]) {
                leading.append((a, a + 1))
                a += 1
            } else if s == "-" && a + 1 < b && scalars[a + 1] == "-" {
                var k = a
                while k < b && scalars[k] == "-" { k += 1 }
                leading.append((a, k))
                a = k
            } else {
                break
            }
        }
        // Trailing closers, collected from the end.
        var trailing: [(Int, Int)] = []
        let isURL = a < b && isURLOrEmail(a, b)
        while b > a + 1 {
            let s = scalars[b - 1]
            if s == "." {
                // Ellipsis "..." or "....".
                var k = b - 1
                while k > a && scalars[k - 1] == "." { k -= 1 }
                if b - k >= 2 {
                    trailing.append((k, b))
                    b = k
                    continue
                }
                if isURL {
                    trailing.append((b - 1, b))
                    b -= 1
                    continue
                }
                if abbreviationKind(a, b - 1) != nil { break }
                trailing.append((b - 1, b))
                b -= 1
                continue
            }
            if s == "%" && Self.isDigit(scalars[b - 2]) {
                trailing.append((b - 1, b))
                b -= 1
                continue
            }
            if (s == "!" || s == "?") && !isURL {
                var k = b - 1
                while k > a + 1 && (scalars[k - 1] == "!" || scalars[k - 1] == "?") { k -= 1 }
                trailing.append((k, b))
                b = k
                continue
            }
            if Self.isCloser(s) {
                if s == ">" && !isURL { break }
                if Self.isApostrophe(s) {
                    // "students'" (plural possessive) or a closing single quote; "o'" stays? keep simple.
                    trailing.append((b - 1, b))
                    b -= 1
                    continue
                }
                if isURL && (s == "/" || s == ":") { break }
                trailing.append((b - 1, b))
                b -= 1
                continue
            }
            if s == "-" && Self.isLetter(scalars[b - 2]) {
                trailing.append((b - 1, b))
                b -= 1
                continue
            }
            if s == "-" && b - 2 >= a && scalars[b - 2] == "-" {
                var k = b - 1
                while k > a && scalars[k - 1] == "-" { k -= 1 }
                trailing.append((k, b))
                b = k
                continue
            }
            break
        }
        for (s, e) in leading { emit(s, e) }
        if a < b {
            if isURL {
                emit(a, b)
            } else {
                splitCore(a, b)
            }
            // The core's last token keeps an abbreviation period: remember what kind it is.
            if let core = tokens.indices.last {
                let t = tokens[core]
                if !isURL && t.end - t.start >= 2 && scalars[t.end - 1] == ".",
                    let kind = abbreviationKind(t.start, t.end - 1)
                {
                    tokens[core].isAbbreviation = true
                    tokens[core].isTitle = kind == .title
                }
            }
        }
        for (s, e) in trailing.reversed() { emit(s, e) }
    }

    /// `'s`, `'re`, `'90s`, `'em`: an apostrophe that begins a word rather than a quotation.
    func isLeadingApostropheWord(_ start: Int, _ end: Int) -> Bool {
        if Self.isDigit(scalars[start]) { return true }
        var k = start
        while k < end && Self.isLetter(scalars[k]) { k += 1 }
        let word = lowercased(start, k)
        if k == end || !Self.isLetter(scalars[k]) {
            return ["s", "re", "ve", "ll", "d", "m", "em", "n", "t", "cause", "til", "tis"].contains(word)
        }
        return false
    }

    enum AbbreviationKind { case title, other }

    static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "reps", "gov", "gen", "col", "lt", "capt", "maj", "sgt",
        "adm", "cmdr", "rev", "fr", "st", "sr", "jr", "pres", "amb", "hon", "supt", "cpl", "pvt", "ft", "mt", "messrs",
        "mme", "mssrs", "gens", "brig", "cdr", "insp", "det", "atty", "sec", "secy", "lieut", "comdr", "vs", "v",
        "no", "nos", "op", "art", "fig", "figs", "vol", "pp", "p", "ch", "sect", "attn", "ca", "cf", "approx", "ref",
    ]
    static let abbreviations: Set<String> = [
        "inc", "ltd", "co", "corp", "bros", "llc", "plc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "etc",
        "al", "ave", "blvd", "rd", "univ", "assn", "intl", "natl", "govt", "dept", "est", "yrs", "hrs", "min", "mins",
        "sec", "mo", "mos", "wk", "ft", "lb", "lbs", "oz", "mph", "km", "cm", "mm", "kg", "tel", "ext", "esp",
        "misc", "arrv", "dep", "la", "calif", "conn", "fla", "ga", "ill", "mass", "mich", "minn", "penn", "tenn",
        "tex", "va", "wash", "wis", "ariz", "colo", "okla", "ore", "md", "nev", "ky", "ala", "ark", "del", "kan",
        "neb", "wyo", "miss", "mt",
    ]

    /// Whether `[start, end)` followed by a period is an abbreviation (`Dr`, `U.S`, `e.g`, `J`).
    func abbreviationKind(_ start: Int, _ end: Int) -> AbbreviationKind? {
        let count = end - start
        // No abbreviation is long; the bound keeps `aaaa…!.!.!.` linear (this runs for each period).
        guard start < end, count <= Self.maximumAbbreviationLength else { return nil }
        // Single letter: an initial (J.) or a list letter (a.).
        if count == 1 && Self.isLetter(scalars[start]) {
            return Self.isUpper(scalars[start]) ? .title : .other
        }
        // Dotted letters: U.S, e.g, i.e, p.m, D.C
        var dotted = true
        var sawDot = false
        var i = start
        while i < end {
            let s = scalars[i]
            if Self.isLetter(s) {
                if i + 1 < end {
                    if scalars[i + 1] != "." { dotted = false; break }
                    sawDot = true
                    i += 2
                } else {
                    i += 1
                }
            } else {
                dotted = false
                break
            }
        }
        if dotted && sawDot { return .other }
        for k in start..<end where !Self.isLetter(scalars[k]) { return nil }
        let word = lowercased(start, end)
        if Self.titles.contains(word) {
            // "no." is an abbreviation only as "No. 5"; "No." at the end of a sentence is the word.
            if word == "no" || word == "nos" || word == "p" || word == "v" || word == "art" || word == "op"
                || word == "ch" || word == "ca" || word == "ref" || word == "sec" || word == "det" || word == "fig"
            {
                let next = end + 1
                guard next < scalars.count else { return nil }
                var k = next
                while k < scalars.count && Self.isSpace(scalars[k]) { k += 1 }
                if word == "no" || word == "nos" || word == "p" || word == "pp" || word == "art" || word == "ch"
                    || word == "op" || word == "fig" || word == "sec" || word == "ref"
                {
                    return k < scalars.count && Self.isDigit(scalars[k]) ? .title : nil
                }
                if word == "v" { return k < scalars.count && Self.isUpper(scalars[k]) ? .title : nil }
                return nil
            }
            return .title
        }
        if Self.abbreviations.contains(word) {
            // Lower-case "sun", "wed", "mar" are words; only capitalised forms abbreviate.
            if ["sun", "wed", "mar", "sat", "mon", "sep", "ill", "miss", "wash", "mass", "la", "al", "ore", "del",
                "min", "sec", "dep", "est", "ext",
            ].contains(word) {
                return Self.isUpper(scalars[start]) || word == "al" || word == "est" ? .other : nil
            }
            return .other
        }
        return nil
    }

    /// Splits a chunk without its leading and trailing punctuation.
    mutating func splitCore(_ start: Int, _ end: Int) {
        var pieceStart = start
        var i = start
        while i < end {
            let s = scalars[i]
            if Self.isAlwaysSplit(s) {
                emitWord(pieceStart, i)
                emit(i, i + 1)
                i += 1
                pieceStart = i
                continue
            }
            if s == "-" {
                // Runs of hyphens ("--") are dashes.
                var k = i
                while k < end && scalars[k] == "-" { k += 1 }
                if k - i >= 2 {
                    emitWord(pieceStart, i)
                    emit(i, k)
                    i = k
                    pieceStart = i
                    continue
                }
                if i > pieceStart && i + 1 < end && shouldSplitHyphen(pieceStart, i, end) {
                    emitWord(pieceStart, i)
                    emit(i, i + 1)
                    i += 1
                    pieceStart = i
                    continue
                }
                i += 1
                continue
            }
            if s == "," || s == ":" {
                let between =
                    i > pieceStart && i + 1 < end && Self.isDigit(scalars[i - 1]) && Self.isDigit(scalars[i + 1])
                if !between {
                    emitWord(pieceStart, i)
                    emit(i, i + 1)
                    i += 1
                    pieceStart = i
                    continue
                }
            }
            if s == "." && i + 2 < end && scalars[i + 1] == "." {
                // Internal ellipsis.
                var k = i
                while k < end && scalars[k] == "." { k += 1 }
                emitWord(pieceStart, i)
                emit(i, k)
                i = k
                pieceStart = i
                continue
            }
            if s == "/" && (i == pieceStart || i + 1 == end || Self.isLetter(scalars[i - 1]) || Self.isLetter(scalars[i + 1])) {
                // "and/or" is three tokens in EWT; dates ("11/28/2000") stay whole.
                emitWord(pieceStart, i)
                emit(i, i + 1)
                i += 1
                pieceStart = i
                continue
            }
            i += 1
        }
        emitWord(pieceStart, end)
    }

    static let hyphenPrefixes: Set<String> = [
        "e", "co", "pre", "post", "non", "re", "anti", "pro", "ex", "multi", "mid", "semi", "sub", "inter", "x",
        "t", "u", "mis", "counter", "un", "de", "bi", "tri", "over", "vice", "intra", "neo", "quasi", "ultra", "micro",
        "mega",
    ]

    func shouldSplitHyphen(_ wordStart: Int, _ hyphen: Int, _ end: Int) -> Bool {
        // Left part since the last hyphen.
        var ls = hyphen
        while ls > wordStart && scalars[ls - 1] != "-" { ls -= 1 }
        var re = hyphen + 1
        while re < end && scalars[re] != "-" { re += 1 }
        guard ls < hyphen, hyphen + 1 < re else { return false }
        let leftDigits = (ls..<hyphen).allSatisfy { Self.isDigit(scalars[$0]) }
        let rightDigits = (hyphen + 1..<re).allSatisfy { Self.isDigit(scalars[$0]) }
        if leftDigits && rightDigits {
            let l = hyphen - ls
            let r = re - hyphen - 1
            if l == 4 && r == 4 { return true }
            if l == 4 && r == 2 { return true }
            return !(l == 3 || r >= 4 || (ls > wordStart) || re < end)
        }
        // Only split between word-like parts.
        guard Self.isAlnum(scalars[hyphen - 1]), Self.isAlnum(scalars[hyphen + 1]) else { return false }
        if ls == wordStart || scalars[ls - 1] == "-" {
            let left = lowercased(ls, hyphen)
            if Self.hyphenPrefixes.contains(left) && ls == wordStart { return false }
        }
        // Mixed letters and digits like "ld2d-#69366" or "x3-9890": identifiers stay whole.
        let leftHasDigit = (ls..<hyphen).contains { Self.isDigit(scalars[$0]) }
        let rightHasDigit = (hyphen + 1..<re).contains { Self.isDigit(scalars[$0]) }
        if (leftHasDigit && !leftDigits) || (rightHasDigit && !rightDigits) { return false }
        return true
    }

    /// Emits a word, splitting clitics (`'s`, `n't`, ...) and contractions (`cannot`, `gonna`).
    ///
    /// Clitics come off the end one at a time (`could've`, `it's`, `don't`) and are emitted after
    /// the stem, in text order. This is a loop, not recursion, so a hostile chunk of thousands of
    /// clitics (`x's's's…`) neither overflows the stack nor rescans the word for each one.
    mutating func emitWord(_ start: Int, _ end: Int) {
        guard start < end else { return }
        var suffixes: [(Int, Int)] = []
        var end = end
        peeling: while true {
            let count = end - start
            // n't
            if count >= 4 && Self.isApostrophe(scalars[end - 2]) && (scalars[end - 1] == "t" || scalars[end - 1] == "T")
                && (scalars[end - 3] == "n" || scalars[end - 3] == "N")
            {
                let stem = end - 3
                let isSpecial = stem - start <= 3 && ["ca", "wo", "ai", "sha"].contains(lowercased(start, stem))
                if isSpecial || Self.isLetter(scalars[stem - 1]) {
                    suffixes.append((stem, end))
                    end = stem
                    continue peeling
                }
            }
            // 's 're 've 'll 'd 'm
            if count >= 3 {
                for clitic in ["s", "re", "ve", "ll", "d", "m"] {
                    let len = clitic.unicodeScalars.count
                    let apostrophe = end - len - 1
                    guard apostrophe > start, Self.isApostrophe(scalars[apostrophe]) else { continue }
                    guard lowercased(apostrophe + 1, end) == clitic else { continue }
                    guard Self.isAlnum(scalars[apostrophe - 1]) else { continue }
                    suffixes.append((apostrophe, end))
                    end = apostrophe
                    continue peeling
                }
            }
            break
        }
        emitStem(start, end)
        for (s, e) in suffixes.reversed() { emit(s, e) }
    }

    /// Emits a word without clitics, splitting contractions (`cannot`, `gonna`, `dont`).
    mutating func emitStem(_ start: Int, _ end: Int) {
        let count = end - start
        if count >= 5 && count <= 8 {
            let word = lowercased(start, end)
            switch word {
            case "cannot":
                emit(start, start + 3)
                emit(start + 3, end)
                return
            case "gonna", "wanna", "gotta":
                emit(start, start + 3)
                emit(start + 3, end)
                return
            case "dont", "didnt", "doesnt", "isnt", "wasnt", "werent", "arent", "couldnt", "wouldnt", "shouldnt",
                "havent", "hasnt", "hadnt":
                emit(start, end - 2)
                emit(end - 2, end)
                return
            default:
                break
            }
        } else if count == 4 {
            switch lowercased(start, end) {
            case "dont", "isnt":
                emit(start, end - 2)
                emit(end - 2, end)
                return
            default:
                break
            }
        }
        emit(start, end)
    }

    // MARK: Sentences

    func isOpeningQuote(_ index: Int) -> Bool {
        let t = tokens[index]
        let s = scalars[t.start]
        if s == "\u{201C}" || s == "\u{2018}" || s == "(" || s == "[" || s == "{" || s == "\u{00AB}" { return true }
        if s == "\"" || s == "'" || s == "`" {
            // ASCII quote: opening when not glued to the previous word.
            return t.start == 0 || Self.isSpace(scalars[t.start - 1]) || Self.isOpener(scalars[t.start - 1])
        }
        return false
    }

    func isClosingPunct(_ index: Int) -> Bool {
        let t = tokens[index]
        guard t.end - t.start == 1 || scalars[t.start] == "'" else { return false }
        let s = scalars[t.start]
        switch s {
        case ")", "]", "}", "\u{201D}", "\u{2019}", "\u{00BB}": return true
        case "\"", "'":
            return !isOpeningQuote(index)
        default: return false
        }
    }

    static let sentenceStarters: Set<String> = [
        "the", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those", "but", "and", "in", "on", "a",
        "an", "his", "her", "their", "our", "its", "there", "if", "when", "while", "after", "as", "at", "for", "so",
        "you", "my", "what", "however", "meanwhile", "officials", "some", "many", "no", "one", "both", "both",
    ]

    func wordLower(_ index: Int) -> String { lowercased(tokens[index].start, tokens[index].end) }

    /// Whether a sentence ends after token `index` (given the next token exists).
    func endsSentence(after index: Int) -> Bool {
        let next = index + 1
        guard next < tokens.count else { return true }
        let nextToken = tokens[next]
        // Line structure.
        if nextToken.newlinesBefore >= 2 { return true }
        let t = tokens[index]
        let last = scalars[t.end - 1]
        let firstNext = scalars[nextToken.start]
        if nextToken.newlinesBefore == 1 {
            let endsWithPunct = Self.isSentenceFinal(last) || isClosingPunct(index)
            if !endsWithPunct {
                // A headline or byline: the next line starts a new sentence unless it continues in lower case
                // or the line looks like a wrapped paragraph line.
                if Self.isLower(firstNext) { return false }
                if [",", ";", ":", "-", "&", "/"].contains(last) { return false }
                let lineLength = nextToken.previousLineLength
                if lineLength >= 70 { return false }
                return true
            }
        }
        // Punctuation-based ends.
        var k = index
        // Walk back over closing quotes/brackets to the final punctuation (a few at most: a
        // longer run is not a sentence end, and an unbounded walk is quadratic on `) ) ) …`).
        while k > 0 && index - k < Self.maximumClosersAfterPeriod && isClosingPunct(k) { k -= 1 }
        let finalToken = tokens[k]
        let finalScalar = scalars[finalToken.end - 1]
        guard Self.isSentenceFinal(finalScalar) else { return false }
        // The next token must not be a closing quote or more punctuation.
        if isClosingPunct(next) { return false }
        if Self.isSentenceFinal(firstNext) && nextToken.end - nextToken.start == 1 { return false }
        if firstNext == "," || firstNext == ";" || firstNext == ":" || firstNext == ")" { return false }
        if finalToken.isAbbreviation {
            if finalToken.isTitle { return false }
            if nextToken.newlinesBefore >= 1 { return true }
            guard Self.isUpper(firstNext) else { return false }
            return Self.sentenceStarters.contains(wordLower(next))
        }
        if finalToken.end - finalToken.start > 1 && finalScalar == "." && !(finalToken.end - finalToken.start >= 2
            && scalars[finalToken.end - 2] == ".")
        {
            // A word with a period glued that was not split (e.g. a URL); not a sentence end unless capital next.
            if !Self.isUpper(firstNext) && !Self.isOpener(firstNext) { return false }
        }
        // Lower-case continuation after "?" or "!" or "..." (e.g. "Yahoo! announced") is not a break.
        if Self.isLower(firstNext) {
            return false
        }
        return true
    }

    /// The most tokens a sentence has: a longer run (a list of 100,000 commas, a table flattened
    /// into one line) is cut into sentences of this length, so tagging, parsing and coding stay
    /// linear in the text. News sentences are far shorter (EWT's longest is under 200 tokens).
    static let maximumSentenceLength = 250
    /// Closing quotation marks and brackets looked through after a sentence-final period.
    static let maximumClosersAfterPeriod = 8
    /// The longest abbreviation recognised, in characters before its period (`U.S`, `Calif`).
    static let maximumAbbreviationLength = 24

    func makeSentences() -> [Sentence] {
        var sentences: [Sentence] = []
        var current: [Token] = []
        current.reserveCapacity(64)
        for index in tokens.indices {
            let t = tokens[index]
            let startByte = offsets[t.start]
            let endByte = offsets[t.end]
            let spaceAfter = t.end < scalars.count && Self.isSpace(scalars[t.end])
            current.append(Token(form: normalizedForm(t), range: startByte..<endByte, spaceAfter: spaceAfter))
            if current.count >= Self.maximumSentenceLength || endsSentence(after: index) {
                if let first = current.first, let last = current.last {
                    sentences.append(Sentence(range: first.range.lowerBound..<last.range.upperBound, tokens: current))
                }
                current.removeAll(keepingCapacity: true)
            }
        }
        if let first = current.first, let last = current.last {
            sentences.append(Sentence(range: first.range.lowerBound..<last.range.upperBound, tokens: current))
        }
        return sentences
    }

    func normalizedForm(_ t: RawToken) -> String {
        var out = String.UnicodeScalarView()
        for i in t.start..<t.end {
            switch scalars[i] {
            case "\u{2019}", "\u{2018}", "\u{201B}", "\u{2032}": out.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}": out.append("\"")
            case "\u{00A0}": out.append(" ")
            default: out.append(scalars[i])
            }
        }
        return String(out)
    }
}
