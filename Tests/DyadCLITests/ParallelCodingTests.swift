import Foundation
import Testing

// `dyad code` on several threads: ordered output identical to one thread, `--unordered` the same
// events in any order, and standard input still streamed document by document.

private let sentences = [
    "China criticized Japan on Monday over its military spending.",
    "Israel attacked Hamas in Gaza on Tuesday.",
    "Russia signed a trade agreement with India.",
    "The United States imposed sanctions on Iran.",
    "Turkey expelled diplomats from Sweden.",
]

/// `count` JSON Lines documents of one or two sentences, some of them bad lines.
private func corpus(_ count: Int) -> String {
    var lines: [String] = []
    for index in 0..<count {
        if index % 17 == 16 {
            lines.append("{not json \(index)")
            continue
        }
        let text = sentences[index % sentences.count] + (index % 3 == 0 ? " " + sentences[(index + 2) % sentences.count] : "")
        lines.append(#"{"id":"d\#(index)","date":"2024-05-02","text":"\#(text)"}"#)
    }
    return lines.joined(separator: "\n") + "\n"
}

@Test func orderedOutputOnTwoThreadsIsTheSameAsOnOne() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("docs.jsonl", Data(corpus(60).utf8))
    let one = try DyadBinary.run(["code", path, "--format", "jsonl", "--jobs", "1"])
    let two = try DyadBinary.run(["code", path, "--format", "jsonl", "--jobs", "2"])
    let three = try DyadBinary.run(["code", path, "--format", "tsv", "--jobs", "3"])
    let oneTSV = try DyadBinary.run(["code", path, "--format", "tsv", "--jobs", "1"])
    #expect(one.status == 1 && two.status == 1)
    #expect(!one.stdout.isEmpty)
    #expect(two.stdout == one.stdout)
    #expect(three.stdout == oneTSV.stdout)
    // Failures are reported in the same order too.
    #expect(two.stderr == one.stderr)
    #expect(one.stderr.contains("docs.jsonl:17: malformed JSON line"))
    #expect(one.stderr.contains("3 inputs could not be coded (57 coded)"))
}

@Test func unorderedOutputHasTheSameEvents() throws {
    let folder = try ScratchFolder()
    let path = try folder.write("docs.jsonl", Data(corpus(60).utf8))
    let ordered = try DyadBinary.run(["code", path, "--format", "jsonl", "--jobs", "1"])
    let unordered = try DyadBinary.run(["code", path, "--format", "jsonl", "--jobs", "2", "--unordered"])
    #expect(unordered.status == 1)
    #expect(ordered.stdout.split(separator: "\n").sorted() == unordered.stdout.split(separator: "\n").sorted())
}

@Test func jobsMustBePositive() throws {
    let result = try DyadBinary.run(["code", "-", "--jobs", "0"], input: Data("China criticized Japan.".utf8))
    #expect(result.status != 0)
    #expect(result.stderr.contains("--jobs must be at least 1"))
}

/// Reads one line from `handle`, giving up after `seconds`.
private func readLine(_ handle: FileHandle, within seconds: Double) -> String? {
    var line = Data()
    let deadline = Date().addingTimeInterval(seconds)
    var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
    while Date() < deadline {
        guard poll(&descriptor, 1, 200) > 0 else { continue }
        var byte: UInt8 = 0
        guard read(handle.fileDescriptor, &byte, 1) == 1 else { return nil }
        if byte == 0x0A { return String(decoding: line, as: UTF8.self) }
        line.append(byte)
    }
    return nil
}

@Test(arguments: ["1", "2"])
func standardInputIsCodedDocumentByDocumentWhileTheWriterWaits(jobs: String) throws {
    // Spark's RDD.pipe and other pipelines: each document's events come out before the input ends.
    let process = Process()
    process.executableURL = DyadBinary.url
    process.arguments = ["code", "-", "--format", "jsonl", "--jobs", jobs]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer {
        if process.isRunning { process.terminate() }
    }
    for index in 0..<3 {
        let line = #"{"id":"p\#(index)","date":"2024-05-02","text":"China criticized Japan on Monday."}"# + "\n"
        input.fileHandleForWriting.write(Data(line.utf8))
        let event = readLine(output.fileHandleForReading, within: 120)
        #expect(event?.contains(#""doc":"p\#(index)""#) == true, "no event for document \(index) before the next was written")
    }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
}
