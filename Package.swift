// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Dyad",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dyad", targets: ["dyad"]),
        .library(name: "DyadText", targets: ["DyadText"]),
        .library(name: "DyadCoding", targets: ["DyadCoding"]),
        .library(name: "DyadStore", targets: ["DyadStore"]),
        .library(name: "DyadServer", targets: ["DyadServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.20.0"),
        // The HTTP server of `dyad serve`; no traits, so swift-configuration is not built.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.65.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        // Resources compiled into the binary (dictionaries, models, reference tables, the example).
        .target(name: "CDyadAssets", exclude: ["data", "assets.def"], cSettings: [.headerSearchPath("data")]),
        // Tokenizer, sentence splitter, tagger, lemmatizer, dependency parser. No dependencies.
        .target(name: "DyadText", dependencies: ["CDyadAssets"], swiftSettings: swiftSettings),
        // Ontology, dictionaries, mentions, dates, places, the coder. Pure: no I/O, no database.
        .target(name: "DyadCoding", dependencies: ["DyadText"], swiftSettings: swiftSettings),
        // The event store: SQLite (GRDB) by default, PostgreSQL (postgres-nio) when shared.
        .target(
            name: "DyadStore",
            dependencies: [
                "DyadCoding",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP API and the analyst's dashboard of `dyad serve` (Hummingbird).
        .target(
            name: "DyadServer",
            dependencies: [
                "DyadText", "DyadCoding", "DyadStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The command line: thin commands over the modules above.
        .target(
            name: "DyadCLI",
            dependencies: [
                "DyadText", "DyadCoding", "DyadStore", "DyadServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "dyad",
            dependencies: ["DyadCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")], swiftSettings: swiftSettings),
        .testTarget(name: "DyadTextTests", dependencies: ["DyadText"], swiftSettings: swiftSettings),
        .testTarget(name: "DyadCodingTests", dependencies: ["DyadCoding"], swiftSettings: swiftSettings),
        .testTarget(name: "DyadCLITests", dependencies: ["DyadCLI"], swiftSettings: swiftSettings),
        .testTarget(name: "DyadStoreTests", dependencies: ["DyadStore", "DyadCoding"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DyadServerTests",
            dependencies: ["DyadServer", "DyadStore", "DyadCoding", "DyadText"],
            exclude: ["Browser"],
            swiftSettings: swiftSettings),
    ]
)
