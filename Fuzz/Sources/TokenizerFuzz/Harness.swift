import CFuzzDriver
import DyadText

/// Tokenizes any bytes (as UTF-8, invalid sequences replaced) and checks what the coder relies
/// on: sentences and tokens in text order, inside the text, not empty, not overlapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let length = text.utf8.count
    var previousEnd = 0
    for sentence in Tokenizer.sentences(in: text) {
        precondition(!sentence.tokens.isEmpty, "an empty sentence")
        precondition(sentence.range.lowerBound >= previousEnd && sentence.range.upperBound <= length, "a sentence out of order")
        for token in sentence.tokens {
            precondition(token.range.lowerBound >= previousEnd, "tokens out of order")
            precondition(token.range.upperBound <= length && !token.range.isEmpty, "a token outside the text")
            precondition(!token.form.isEmpty, "a token without a form")
            precondition(sentence.range.contains(token.range.lowerBound), "a token outside its sentence")
            previousEnd = token.range.upperBound
        }
    }
    return 0
}

/// The program's main (SwiftPM names it `TokenizerFuzz_main`): hands the command line to libFuzzer.
@_cdecl("TokenizerFuzz_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data, size) }
}
