import CFuzzDriver
import DyadCoding

/// The first byte chooses a dictionary file (countries.txt, agents.txt, ..., places.tsv); the
/// rest replaces it. Loading must succeed or throw a `DictionaryError`, never trap or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    guard count > 0 else { return 0 }
    let names = CodingDictionaries.fileNames
    let name = names[Int(start[0]) % names.count]
    let text = String(decoding: UnsafeBufferPointer(start: start + 1, count: count - 1), as: UTF8.self)
    do {
        _ = try CodingDictionaries(overrides: [name: (path: name, text: text)])
    } catch {
        precondition(!"\(error)".isEmpty, "an error without a message")
    }
    return 0
}

/// The program's main (SwiftPM names it `DictionaryFuzz_main`): hands the command line to libFuzzer.
@_cdecl("DictionaryFuzz_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data, size) }
}
