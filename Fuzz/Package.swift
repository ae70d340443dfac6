// swift-tools-version: 6.0
// libFuzzer harnesses for Dyad, kept out of the main package so normal builds skip them.
// Build and run from this folder: ./fuzz.sh [SECONDS] [HARNESS...]   (see README.md)
// They must be built with the fuzzer sanitizer:
//   swift build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library
import PackageDescription

let package = Package(
    name: "DyadFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Dyad", path: "../")
    ],
    targets: [
        // The declaration of libFuzzer's LLVMFuzzerRunDriver, which each harness's main calls.
        .target(name: "CFuzzDriver", path: "Sources/CFuzzDriver"),
        // The reader of `dyad code` and `dyad ingest` (Sources/DyadCLI/InputReader.swift, linked
        // in): text documents and JSON Lines.
        .executableTarget(
            name: "ReaderFuzz", dependencies: ["CFuzzDriver", .product(name: "DyadCoding", package: "Dyad")], path: "Sources/ReaderFuzz"),
        // The tokenizer and sentence splitter.
        .executableTarget(
            name: "TokenizerFuzz", dependencies: ["CFuzzDriver", .product(name: "DyadText", package: "Dyad")],
            path: "Sources/TokenizerFuzz"),
        // The dictionary loaders: the input replaces one bundled dictionary file.
        .executableTarget(
            name: "DictionaryFuzz", dependencies: ["CFuzzDriver", .product(name: "DyadCoding", package: "Dyad")],
            path: "Sources/DictionaryFuzz"),
        // The whole coder on raw text: header, tokenizer, tagger, parser, actors, dates, patterns.
        .executableTarget(
            name: "CoderFuzz",
            dependencies: ["CFuzzDriver", .product(name: "DyadCoding", package: "Dyad"), .product(name: "DyadText", package: "Dyad")],
            path: "Sources/CoderFuzz"),
    ]
)
