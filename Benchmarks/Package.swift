// swift-tools-version: 6.1
// Benchmarks for Dyad, kept out of the main package so normal builds skip them.
// Run from this folder: swift package benchmark   (or: swift package benchmark --target SyntaxBenchmark)
import PackageDescription

let package = Package(
    name: "DyadBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Dyad", path: "../"),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.0.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Tagging + parsing throughput (tokens/s) and peak memory of the syntax analyzer.
        .executableTarget(
            name: "SyntaxBenchmark",
            dependencies: [
                .product(name: "DyadText", package: "Dyad"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/SyntaxBenchmark",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "package-benchmark")
            ]
        ),
        // Coding throughput (documents/s; × sentences per document = sentences/s) and peak memory.
        .executableTarget(
            name: "CodingBenchmark",
            dependencies: [
                .product(name: "DyadCoding", package: "Dyad"),
                .product(name: "DyadText", package: "Dyad"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/CodingBenchmark",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "package-benchmark")
            ]
        ),
    ]
)
