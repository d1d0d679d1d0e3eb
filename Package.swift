// swift-tools-version:6.0
import Foundation
import PackageDescription

/// `scripts/fuzz.sh` sets ROLLOUT_FUZZER_LIB to the toolchain's libFuzzer without
/// `main` (in its own scratch path) to build the fuzz targets as libFuzzer
/// binaries: they and the code they reach are instrumented for coverage and
/// AddressSanitizer, and their `main` runs libFuzzer's driver. (`-sanitize=fuzzer`
/// passed with -Xswiftc would also link libFuzzer's own `main` into every
/// executable, beside the EmbedFiles tool's and the one SwiftPM names.)
let fuzzerLibrary = ProcessInfo.processInfo.environment["ROLLOUT_FUZZER_LIB"].flatMap { $0.isEmpty ? nil : $0 }
let fuzzed: [SwiftSetting] = fuzzerLibrary == nil ? [] : [.define("FUZZING"), .unsafeFlags(["-sanitize=fuzzer,address"])]
let fuzzLink: [LinkerSetting] =
    fuzzerLibrary.map {
        [.unsafeFlags(["-sanitize=address", "-Xlinker", "--whole-archive", "-Xlinker", $0, "-Xlinker", "--no-whole-archive"])]
    } ?? []

let package = Package(
    name: "rollout",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rollout", targets: ["rollout"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        // Reminders' webhook posts: HTTPS with a TLS stack compiled in, so the static binary needs no system libcurl.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // The PostgreSQL engine of the store (`--db postgresql://…`).
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.25.0"),
        // Already under Hummingbird; named for the server's bounded graceful shutdown.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // Pure domain: catalog, plan, milestone graph, state machine. No SQLite, no I/O.
        .target(
            name: "RolloutCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: fuzzed
        ),
        // The only code that touches a database (SQLite or PostgreSQL) and the files the tool writes.
        // Carries Schema/*.sql and Schema/PostgreSQL/*.sql as generated Swift.
        .target(
            name: "RolloutStore",
            dependencies: [
                "RolloutCore", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for reading a million entries straight from the column buffers.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["EmbedFilesPlugin"]
        ),
        // Scripted histories built from the plan: the demo and the benchmarks' scale scenario. Pure, like the core.
        .target(name: "RolloutScenarios", dependencies: ["RolloutCore"]),
        // The application layer: every use case of the front ends, over the store. Carries Fixtures/yuzhong as generated Swift.
        .target(
            name: "RolloutApp",
            dependencies: [
                "RolloutCore", "RolloutStore", "RolloutScenarios",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            plugins: ["EmbedFilesPlugin"]
        ),
        // The pages: Mustache templates, the string table and the page models, shared by the server and
        // `report --html`. Carries Sources/RolloutWeb/Templates as generated Swift.
        .target(
            name: "RolloutWeb",
            dependencies: ["RolloutApp", "RolloutCore", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Templates"],
            plugins: ["EmbedFilesPlugin"]
        ),
        // The shared service: Hummingbird over the application layer. Carries docs/openapi.yaml as generated Swift.
        .target(
            name: "RolloutServer",
            dependencies: [
                "RolloutApp", "RolloutCore", "RolloutWeb",
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            plugins: ["EmbedFilesPlugin"]
        ),
        // The command-line tool: parse, call the application layer (or start the server), render;
        // its files are written through the store's atomic writer.
        .executableTarget(
            name: "rollout",
            dependencies: [
                "RolloutApp", "RolloutCore", "RolloutStore", "RolloutServer", "RolloutWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Build-time tool: turns text files into a Swift source file of string literals.
        .executableTarget(name: "EmbedFiles"),
        .plugin(
            name: "EmbedFilesPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedFiles"]
        ),
        // Helpers shared by the test targets, and the checks the fuzz targets make.
        .target(name: "TestSupport", dependencies: ["RolloutCore"], path: "Tests/TestSupport", swiftSettings: fuzzed),
        // libFuzzer targets when fuzzing (scripts/fuzz.sh); otherwise replayers of a corpus.
        .executableTarget(name: "FuzzExport", dependencies: ["TestSupport"], swiftSettings: fuzzed, linkerSettings: fuzzLink),
        .executableTarget(name: "FuzzPlanLoader", dependencies: ["TestSupport"], swiftSettings: fuzzed, linkerSettings: fuzzLink),
        .testTarget(name: "RolloutCoreTests", dependencies: ["RolloutCore", "TestSupport"]),
        .testTarget(
            name: "RolloutStoreTests", dependencies: ["RolloutStore", "RolloutCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "RolloutAppTests", dependencies: ["RolloutApp", "RolloutCore", "RolloutStore", "TestSupport"]),
        .testTarget(name: "RolloutWebTests", dependencies: ["RolloutWeb", "TestSupport"]),
        .testTarget(
            name: "RolloutServerTests",
            dependencies: [
                "RolloutServer", "RolloutWeb", "RolloutApp", "RolloutCore", "RolloutStore", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "RolloutCLITests",
            dependencies: ["rollout", "RolloutCore", "RolloutStore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
