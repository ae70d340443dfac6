import CFuzzDriver
import DyadCoding
import DyadText

/// The bundled coder, loaded once.
private let coder: Coder? = try? Coder.bundled()

/// Codes any bytes as a document (UTF-8, invalid sequences replaced) and checks that every
/// event points into the text and has a code.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    guard let coder else { fatalError("the bundled coder does not load") }
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let scalars = text.unicodeScalars.count
    let document = Document(id: "fuzz", text: text, date: EventDate(year: 2024, month: 5, day: 2))
    for event in coder.code(document) {
        precondition(!event.code.isEmpty, "an event without a code")
        precondition(event.span.start >= 0 && event.span.start <= event.span.end && event.span.end <= scalars, "a span outside the text")
    }
    return 0
}

/// The program's main (SwiftPM names it `CoderFuzz_main`): hands the command line to libFuzzer.
@_cdecl("CoderFuzz_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data, size) }
}
