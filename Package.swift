// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "rollout",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rollout", targets: ["rollout"]),
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
    ],
    targets: [
        // Pure domain: catalog, plan, milestone graph, state machine. No SQLite, no I/O.
        .target(
            name: "RolloutCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // The only code that touches SQLite. Carries Schema/*.sql as generated Swift.
        .target(
            name: "RolloutStore",
            dependencies: [
                "RolloutCore", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for reading a million entries straight from the column buffers.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
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
            ],
            plugins: ["EmbedFilesPlugin"]
        ),
        // The shared service: Hummingbird over the application layer. Carries docs/openapi.yaml as generated Swift.
        .target(
            name: "RolloutServer",
            dependencies: [
                "RolloutApp", "RolloutCore", "RolloutStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            plugins: ["EmbedFilesPlugin"]
        ),
        // The command-line tool: parse, call the application layer (or start the server), render.
        .executableTarget(
            name: "rollout",
            dependencies: [
                "RolloutApp", "RolloutCore", "RolloutStore", "RolloutServer",
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
        // Helpers shared by the test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "RolloutCoreTests", dependencies: ["RolloutCore", "TestSupport"]),
        .testTarget(name: "RolloutStoreTests", dependencies: ["RolloutStore", "RolloutCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "RolloutAppTests", dependencies: ["RolloutApp", "RolloutCore", "RolloutStore", "TestSupport"]),
        .testTarget(
            name: "RolloutServerTests",
            dependencies: [
                "RolloutServer", "RolloutApp", "RolloutCore", "RolloutStore", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "RolloutCLITests", dependencies: ["rollout", "RolloutCore", "RolloutStore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
