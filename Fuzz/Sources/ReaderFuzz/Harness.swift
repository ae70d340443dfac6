import CFuzzDriver
import DyadCoding
import Foundation

/// The first byte chooses how the rest is read: even as a JSON Lines file, odd as a text file,
/// and the size of the blocks the stream reads (1 to 128 bytes, so lines straddle blocks). Every
/// item must be a document with text, or a failure with a location and a reason.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    guard count > 0 else { return 0 }
    let data = Data(bytes: start + 1, count: count - 1)
    let location = start[0] & 1 == 0 ? "fuzz.jsonl" : "fuzz.txt"
    let reader = InputReader(defaultDate: nil, fallbackDate: EventDate(year: 2024, month: 5, day: 2), maximumDocumentSize: 4096)
    let blockSize = 1 + Int(start[0] >> 1)
    try? reader.readContents(data, location: location, id: nil, blockSize: blockSize) { item in
        switch item {
        case .document(let document):
            precondition(!document.text.isEmpty && !document.id.isEmpty, "a document without text or id")
        case .failure(let failure):
            precondition(failure.location.hasPrefix(location) && !failure.reason.isEmpty, "a failure without location or reason")
        }
    }
    return 0
}

/// The program's main (SwiftPM names it `ReaderFuzz_main`): hands the command line to libFuzzer.
@_cdecl("ReaderFuzz_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data, size) }
}
