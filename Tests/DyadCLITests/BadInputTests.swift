import Foundation
import Testing

/// A scratch folder for one test's files, removed afterwards.
final class ScratchFolder {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("dyad-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let file = path + "/" + name
        try data.write(to: URL(fileURLWithPath: file))
        return file
    }
}

private let goodText = "China criticized Japan on Monday over its military spending."

@Test func invalidUTF8IsReportedAndOtherFilesStillCoded() throws {
    let folder = try ScratchFolder()
    let bad = try folder.write("bad.txt", Data([0x43, 0x68, 0xC3, 0x28, 0x69, 0x6E, 0x61]))
    let good = try folder.write("good.txt", Data(goodText.utf8))
    let result = try DyadBinary.run(["code", "--format", "jsonl", "--date", "2024-05-02", bad, good])
    #expect(result.status != 0)
    #expect(result.stderr.contains("\(bad): not valid UTF-8 (at byte 2)"))
    #expect(result.stderr.contains("1 input could not be coded (1 coded)"))
}

@Test func binaryFileIsRefused() throws {
    let folder = try ScratchFolder()
    let binary = try folder.write("image.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]))
    let result = try DyadBinary.run(["code", binary])
    #expect(result.status != 0)
    #expect(result.stderr.contains("binary data (a NUL byte at offset 8): not a text document"))
}

@Test func emptyFileIsReported() throws {
    let folder = try ScratchFolder()
    let empty = try folder.write("empty.txt", Data())
    let result = try DyadBinary.run(["code", empty])
    #expect(result.status != 0)
    #expect(result.stderr.contains("\(empty): empty document: nothing to code"))
}

@Test func missingFileIsReported() throws {
    let result = try DyadBinary.run(["code", "/no/such/file.txt"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("/no/such/file.txt: no such file or directory"))
}

@Test func documentOverTheSizeLimitIsRefusedWithAClearMessage() throws {
    let folder = try ScratchFolder()
    // 20 MB of sentences: over the default 16 MiB limit.
    let sentence = Data("The government met the opposition in the capital on Tuesday. ".utf8)
    var big = Data()
    big.reserveCapacity(20_000_000 + sentence.count)
    while big.count < 20_000_000 { big.append(sentence) }
    let path = try folder.write("big.txt", big)
    let good = try folder.write("good.txt", Data(goodText.utf8))
    let result = try DyadBinary.run(["code", "--format", "jsonl", path, good])
    #expect(result.status != 0)
    #expect(result.stderr.contains("is over the limit of 16777216 bytes (raise it with --max-bytes)"))
    #expect(result.stderr.contains("(1 coded)"))
}

@Test func malformedJSONLineIsReportedWithItsLineNumberAndTheRestAreCoded() throws {
    let folder = try ScratchFolder()
    let lines = [
        #"{"id": "a", "date": "2024-05-02", "text": "China criticized Japan."}"#,
        #"{"id": "b", "date": "2024-05-02", "text": "broken"#,
        #"{"id": "c", "date": "2024-05-02"}"#,
        #"{"id": "d", "date": "May 2", "text": "Russia attacked Ukraine."}"#,
        #"{"id": "e", "date": "2024-05-02", "text": "Russia attacked Ukraine.", "extra": [1, 2]}"#,
    ]
    let path = try folder.write("docs.jsonl", Data(lines.joined(separator: "\n").utf8))
    let result = try DyadBinary.run(["code", "--format", "jsonl", path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("\(path):2: malformed JSON line"))
    #expect(result.stderr.contains("\(path):3: the line has no \"text\" field"))
    #expect(result.stderr.contains("\(path):4: \"date\" is not YYYY-MM-DD"))
    #expect(result.stderr.contains("3 inputs could not be coded (2 coded)"))
}

@Test func badDateOptionIsAOneLineError() throws {
    let result = try DyadBinary.run(["code", "--date", "yesterday", "-"], input: Data(goodText.utf8))
    #expect(result.status != 0)
    #expect(result.stderr.contains("--date must be YYYY-MM-DD"))
}

@Test func badDictionaryLineIsReportedWithFileAndLine() throws {
    let folder = try ScratchFolder()
    let verbs = try folder.write("verbs.txt", Data("verb impose\n  163  * &UNDEFINED\n".utf8))
    let result = try DyadBinary.run(["code", "--dictionary", folder.path, "-"], input: Data(goodText.utf8))
    #expect(result.status != 0)
    #expect(result.stderr.contains("\(verbs):2: word set &UNDEFINED is not defined above"))
}

@Test func unknownFormatIsRejected() throws {
    let result = try DyadBinary.run(["code", "--format", "xml"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("--format must be one of table, jsonl, tsv"))
}
