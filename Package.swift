// swift-tools-version: 6.0
import PackageDescription

/// Warnings are errors in every target of ours (STYLE.md), not in dependencies.
let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "recall",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "recall", targets: ["recall"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/onevcat/Rainbow", from: "4.2.2"),
    ],
    targets: [
        // C libraries from the system, through module maps.
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]),

        // The domain, bottom up; dependencies point one way (DESIGN.md).
        .target(
            name: "Flashcards",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        .target(name: "HTMLTree", dependencies: ["CLibXML2"], swiftSettings: strict),
        .target(
            name: "DeckBuilding",
            dependencies: ["Flashcards", "HTMLTree", .product(name: "Ink", package: "Ink")],
            swiftSettings: strict),
        .target(name: "Scheduling", dependencies: ["Flashcards"], swiftSettings: strict),
        .target(name: "Storage", dependencies: ["Flashcards", "Scheduling"], swiftSettings: strict),
        .target(name: "ParameterFitting", dependencies: ["Flashcards", "Scheduling"], swiftSettings: strict),
        .target(name: "Quizzes", dependencies: ["Flashcards"], swiftSettings: strict),
        .target(
            name: "Interchange",
            dependencies: ["Flashcards"],
            swiftSettings: strict),
        .target(
            name: "Trainer",
            dependencies: [
                "Flashcards", "DeckBuilding", "Scheduling", "Storage", "Quizzes", "Interchange",
                .product(name: "Rainbow", package: "Rainbow"),
            ],
            swiftSettings: strict),
        .target(name: "ReadlineSupport", dependencies: ["Trainer", "CReadline"], swiftSettings: strict),
        .executableTarget(
            name: "recall",
            dependencies: [
                "Flashcards", "DeckBuilding", "Scheduling", "Storage", "Quizzes", "Interchange",
                "Trainer", "ReadlineSupport", "ParameterFitting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),

        // Benchmarks: reproducible, release-built executables (Benchmarks/*.md has the numbers).
        .executableTarget(
            name: "SchedulingBenchmark", dependencies: ["Scheduling", "Flashcards"],
            path: "Benchmarks/SchedulingBenchmark", swiftSettings: strict),
        .executableTarget(
            name: "ReplBenchmark", dependencies: ["Flashcards", "Storage", "Trainer"], path: "Benchmarks/ReplBenchmark",
            swiftSettings: strict),
        .executableTarget(
            name: "OptimizerBenchmark", dependencies: ["Flashcards", "Scheduling", "ParameterFitting"],
            path: "Benchmarks/OptimizerBenchmark", swiftSettings: strict),

        // Shared test helpers: temp dirs, fixed clock, seeded RNG, golden files.
        .target(name: "TestSupport", dependencies: ["Flashcards", "Trainer"], swiftSettings: strict),

        .testTarget(
            name: "FlashcardsTests", dependencies: ["Flashcards", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "DeckBuildingTests", dependencies: ["DeckBuilding", "HTMLTree", "TestSupport"], exclude: ["Fixtures"],
            swiftSettings: strict),
        .testTarget(
            name: "HTMLTreeTests", dependencies: ["HTMLTree", "CLibXML2", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "SchedulingTests", dependencies: ["Scheduling", "Flashcards", "TestSupport"], exclude: ["Fixtures"],
            swiftSettings: strict),
        .testTarget(
            name: "InterchangeTests",
            dependencies: ["Interchange", "Flashcards", "TestSupport", .product(name: "CSV", package: "CSV.swift")],
            swiftSettings: strict),
        .testTarget(
            name: "StorageTests", dependencies: ["Storage", "Scheduling", "Flashcards", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "QuizzesTests", dependencies: ["Quizzes", "Flashcards", "TestSupport"],
            exclude: ["Fixtures", "Snapshots"],
            swiftSettings: strict),
        .testTarget(
            name: "QuizSessionTests", dependencies: ["Trainer", "Quizzes", "Flashcards", "Storage", "TestSupport"],
            exclude: ["Snapshots"],
            swiftSettings: strict),
        .testTarget(
            name: "ParameterFittingTests", dependencies: ["ParameterFitting", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "RecallCLITests",
            dependencies: ["recall", "Storage", "Flashcards", "TestSupport", "ParameterFitting", "Scheduling"],
            swiftSettings: strict),
        .testTarget(
            name: "TrainerTests",
            dependencies: ["Trainer", "Storage", "Scheduling", "TestSupport", "recall"],
            exclude: ["Snapshots"], swiftSettings: strict),
    ]
)
