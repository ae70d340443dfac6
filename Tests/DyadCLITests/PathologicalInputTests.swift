import Foundation
import Testing

// Hostile input for `dyad code`: each must be coded or refused with a clear message, in bounded
// time and memory. The limits here are for the debug build that `swift test` runs on a loaded
// two-core machine, so they are loose; docs/bad-input.md has the release figures (measured with
// Fuzz/pathological.sh). The big inputs are written to a temporary folder, never kept.

/// Time and memory limits for one run of the debug binary.
private let timeLimit = 120.0
private let memoryLimitMB = 400.0

private func expectBounded(_ run: MeasuredRun, _ what: String, seconds: Double = timeLimit, megabytes: Double = memoryLimitMB) {
    #expect(!run.timedOut, "\(what): killed after \(run.seconds) s")
    #expect(run.status < 128, "\(what): crashed (status \(run.status)): \(run.stderr.suffix(2000))")
    #expect(run.seconds < seconds, "\(what): \(run.seconds) s")
    #expect(run.peakMegabytes < megabytes, "\(what): \(run.peakMegabytes) MB")
}

private func fileSize(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
}

@Test func fileOf200MegabytesIsRefusedQuicklyWithoutReadingItIntoMemory() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/big.txt"
    try writeRepeating("The government met the opposition in the capital on Tuesday. ", bytes: 200_000_000, to: path)
    let size = try fileSize(path)
    let run = try MeasuredRun.dyad(["code", path], limit: 240)
    // Read in blocks and counted past the limit: memory stays near the 16 MiB limit above the binary.
    expectBounded(run, "200 MB file", megabytes: 300)
    #expect(run.status == 1)
    #expect(run.stderr.contains("\(path): document of \(size) bytes is over the limit of 16777216 bytes (raise it with --max-bytes)"))
}

@Test func jsonLineOf200MegabytesOnStandardInputIsRefusedInBoundedMemory() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/big.jsonl"
    try writeRepeating(
        "China criticized Japan. ", bytes: 200_000_000, to: path, prefix: #"{"id":"big","text":""#,
        suffix: "\"}\n{\"id\":\"small\",\"date\":\"2024-05-02\",\"text\":\"China criticized Japan on Monday.\"}\n")
    let run = try MeasuredRun.dyad(["code", "-", "--format", "jsonl"], stdinPath: path, limit: 240)
    // The line is skipped as it streams by: memory stays near the line limit (2 × 16 MiB) above the
    // ~120 MB of the debug binary with its model, far under the 200 MB of the line.
    expectBounded(run, "200 MB JSON line", megabytes: 300)
    #expect(run.status == 1)
    #expect(run.stderr.contains("-:1: JSON line of "))
    #expect(run.stderr.contains("bytes is over the limit of 33619968 bytes"))
    #expect(run.stdoutText.contains(#""doc":"small""#), "the document after the long line is still coded")
}

@Test func singleLineOfFiveMegabytesIsRefusedOverItsLimitAndCodedUnderIt() throws {
    let folder = try ScratchFolder()
    let big = folder.path + "/line5mb.txt"
    try writeRepeating("China criticized Japan over its military spending. ", bytes: 5_000_000, to: big)
    let refused = try MeasuredRun.dyad(["code", big, "--max-bytes", "1000000"])
    expectBounded(refused, "5 MB line, --max-bytes 1000000")
    #expect(refused.stderr.contains("document of \(try fileSize(big)) bytes is over the limit of 1000000 bytes"))
    // The full 5 MB line is coded in the release measurement (docs/bad-input.md); here a 50 KB
    // one without a line break: every sentence still coded.
    let line = folder.path + "/line50kb.txt"
    try writeRepeating("China criticized Japan over its military spending. ", bytes: 50_000, to: line)
    let coded = try MeasuredRun.dyad(["code", line, "--format", "jsonl", "--date", "2024-05-02"])
    expectBounded(coded, "50 KB line")
    #expect(coded.status == 0)
    let events = coded.stdoutText.split(separator: "\n")
    #expect(events.count == 50_000 / 51)
    #expect(events.allSatisfy { $0.contains(#""code":"111""#) })
}

@Test func lineOf100000CommasIsCodedInBoundedTime() throws {
    let folder = try ScratchFolder()
    let path = folder.path + "/commas.txt"
    try writeRepeating(",", bytes: 100_000, to: path, suffix: "\nChina criticized Japan on Monday.\n")
    let run = try MeasuredRun.dyad(["code", path, "--format", "jsonl", "--date", "2024-05-02"])
    expectBounded(run, "100,000 commas")
    #expect(run.status == 0)
    #expect(run.stdoutText.contains(#""code":"111""#), "the sentence after the commas is coded")
    // Spaced out, commas are one token each, cut into bounded sentences (100,000 of them in the
    // release measurement; 10,000 here).
    let spaced = folder.path + "/spaced-commas.txt"
    try writeRepeating(", ", bytes: 20_000, to: spaced, suffix: "\nChina criticized Japan on Monday.\n")
    let spacedRun = try MeasuredRun.dyad(["code", spaced, "--format", "jsonl", "--date", "2024-05-02"])
    expectBounded(spacedRun, "10,000 spaced commas")
    #expect(spacedRun.status == 0)
    #expect(spacedRun.stdoutText.contains(#""code":"111""#))
}

@Test func deeplyNestedQuotationMarksAreCodedInBoundedTime() throws {
    let folder = try ScratchFolder()
    let depth = 1_000
    let open = String(repeating: "\u{201C}He said \u{2018}", count: depth)
    let close = String(repeating: "\u{2019}\u{201D}", count: depth)
    let ascii = String(repeating: "\"", count: 2_000) + "China criticized Japan." + String(repeating: "\"", count: 2_000)
    let brackets = String(repeating: "([{", count: 1_000) + "China criticized Japan." + String(repeating: "}])", count: 1_000)
    let text = open + "China criticized Japan." + close + "\n\n" + ascii + "\n\n" + brackets + "\n\nChina criticized Japan on Monday.\n"
    let path = try folder.write("quotes.txt", Data(text.utf8))
    let run = try MeasuredRun.dyad(["code", path, "--format", "jsonl", "--date", "2024-05-02"])
    expectBounded(run, "nested quotation marks")
    #expect(run.status == 0)
    #expect(run.stdoutText.contains(#""code":"111""#))
}

@Test func mixedScriptsInsideEnglishAreCodedAndTheEnglishEventsFound() throws {
    let folder = try ScratchFolder()
    let text = """
        China criticized Japan on Monday over its military spending. 中国周一批评日本的军费开支。
        Россия осудила санкции. Russia condemned the sanctions imposed by the United States, \
        said الرئيس الروسي in Moscow, 北京 and Киев.
        Israel attacked Hamas in Gaza on Tuesday. إسرائيل هاجمت غزة 😀 \u{202E}reversed\u{202C} e\u{301}\u{301}\u{301} ﷽ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢
        """
    let path = try folder.write("mixed.txt", Data(text.utf8))
    let run = try MeasuredRun.dyad(["code", path, "--format", "jsonl", "--date", "2024-05-02"])
    expectBounded(run, "mixed scripts")
    #expect(run.status == 0)
    #expect(run.stdoutText.contains(#""code":"111","#))
    #expect(run.stdoutText.contains(#""source":{"code":"ISR""#))
    // Every span still indexes the text in code points.
    let scalars = Array(text.unicodeScalars)
    for line in run.stdoutText.split(separator: "\n") {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        let span = object?["span"] as? [Int] ?? []
        let sentence = object?["text"] as? String ?? ""
        #expect(span.count == 2 && span[1] <= scalars.count)
        if span.count == 2, span[1] <= scalars.count {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[span[0]..<span[1]])
            #expect(String(view) == sentence)
        }
    }
}

@Test func nulBytesAreRefusedInFilesAndInJSONText() throws {
    let folder = try ScratchFolder()
    let text = try folder.write("nul.txt", Data("China criticized\u{0}Japan.".utf8))
    let json = try folder.write(
        "nul.jsonl",
        Data((#"{"id":"a","text":"China\u0000 criticized Japan."}"# + "\n" + #"{"id":"b","date":"2024-05-02","text":"China criticized Japan."}"# + "\n").utf8))
    let run = try MeasuredRun.dyad(["code", text, json, "--format", "jsonl"])
    expectBounded(run, "NUL bytes")
    #expect(run.status == 1)
    #expect(run.stderr.contains("\(text): binary data (a NUL byte at offset 16): not a text document"))
    #expect(run.stderr.contains("\(json):1: binary data (a NUL byte at offset 5): not a text document"))
    #expect(run.stdoutText.contains(#""doc":"b""#))
}

@Test func documentOfOnlyNumbersIsCodedWithNoEvents() throws {
    let folder = try ScratchFolder()
    var text = ""
    for index in 0..<5_000 {
        text += index % 7 == 0 ? "3.14159 " : index % 5 == 0 ? "1,000,000. " : "\(index * 7919) "
        if index % 500 == 499 { text += "\n" }
    }
    let path = try folder.write("numbers.txt", Data(text.utf8))
    let run = try MeasuredRun.dyad(["code", path, "--format", "jsonl"])
    expectBounded(run, "all numbers")
    #expect(run.status == 0)
    #expect(run.stdoutText.isEmpty)
}

@Test func longWordsAndLongTokenRunsAreCodedInBoundedTime() throws {
    let folder = try ScratchFolder()
    // One 1 MB "word", a run of 50,000 hyphens and a sentence of 5,000 words with no punctuation.
    let word = String(repeating: "a", count: 1_000_000)
    let hyphens = String(repeating: "-", count: 50_000)
    let words = Array(repeating: "word", count: 5_000).joined(separator: " ")
    let text = word + "\n\n" + hyphens + "\n\n" + words + "\n\nChina criticized Japan on Monday.\n"
    let path = try folder.write("long.txt", Data(text.utf8))
    let run = try MeasuredRun.dyad(["code", path, "--format", "jsonl", "--date", "2024-05-02"])
    expectBounded(run, "long words and token runs")
    #expect(run.status == 0)
    #expect(run.stdoutText.contains(#""code":"111""#))
}

@Test func emptyJSONIdIsReplacedByTheLineLocation() throws {
    // Found by ReaderFuzz: {"id":""} gave a document, and its events, an empty id.
    let folder = try ScratchFolder()
    let path = try folder.write(
        "ids.jsonl", Data((#"{"id":"","date":"2024-05-02","text":"China criticized Japan on Monday."}"# + "\n").utf8))
    let run = try MeasuredRun.dyad(["code", path, "--format", "jsonl"])
    expectBounded(run, "empty id")
    #expect(run.status == 0)
    #expect(run.stdoutText.contains(#""doc":"\#(path):1""#))
}
