import CFuzzDriver
import DyadCoding
import Foundation

/// Every dictionary file but the fuzzed one is replaced by the smallest text that loads (empty,
/// or a TSV header), so one execution parses little more than the fuzzed file (the bundled
/// dictionaries take a third of a second). Files whose stub does not load stay bundled.
private let stubs: [String: (path: String, text: String)] = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../Sources/CDyadAssets/data/dictionaries")
    var stubs: [String: (path: String, text: String)] = [:]
    for name in CodingDictionaries.fileNames {
        let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
        let stub = name.hasSuffix(".tsv") ? String(text.prefix { $0 != "\n" }) + "\n" : ""
        var candidate = stubs
        candidate[name] = (path: name, text: stub)
        if (try? CodingDictionaries(overrides: candidate)) != nil { stubs = candidate }
    }
    return stubs
}()

/// The first byte chooses a dictionary file (countries.txt, agents.txt, ..., places.tsv); the
/// rest replaces it. Loading must succeed or throw a `DictionaryError`, never trap or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let names = CodingDictionaries.fileNames
    let name = names[Int(start[0]) % names.count]
    let text = String(decoding: UnsafeBufferPointer(start: start + 1, count: count - 1), as: UTF8.self)
    var overrides = stubs
    overrides[name] = (path: name, text: text)
    do {
        _ = try CodingDictionaries(overrides: overrides)
    } catch {
        precondition(!"\(error)".isEmpty, "an error without a message")
    }
    return 0
}

/// The program's main (SwiftPM names it `DictionaryFuzz_main`): hands the command line to libFuzzer.
@_cdecl("DictionaryFuzz_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FileHandle.standardError.write(Data("DictionaryFuzz: stubs for \(stubs.keys.sorted().joined(separator: ", "))\n".utf8))
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data, size) }
}
