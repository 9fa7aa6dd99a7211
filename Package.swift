// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "memgo",
  products: [
    .executable(name: "memgo", targets: ["memgo"]),
    .library(name: "MemgoCore", targets: ["MemgoCore"]),
  ],
  dependencies: [],
  targets: [
    // The model: event engine, machine (OS model, allocators, policies), the two drivers
    // (simulation, server), workload, traces, analysis, experiments, statistics, scenarios, reports.
    .target(name: "MemgoCore", linkerSettings: [.linkedLibrary("m")]),
    // `memgo bench`: the benchmark cases and their timing (not part of the library product).
    .target(name: "MemgoBench", dependencies: ["MemgoCore"]),
    // The fuzz targets' properties, run by Tests/fuzz/run.sh under libFuzzer and by the tests.
    .target(name: "MemgoFuzz", dependencies: ["MemgoCore"]),
    // The commands: declarations, argument parsing and dispatch, a library so that tests can call it.
    .target(name: "MemgoCLI", dependencies: ["MemgoCore", "MemgoBench"]),
    // A few lines: parse, dispatch, exit with the status.
    .executableTarget(name: "memgo", dependencies: ["MemgoCLI"]),
    .testTarget(name: "MemgoCoreTests", dependencies: ["MemgoCore"]),
    .testTarget(name: "MemgoBenchTests", dependencies: ["MemgoBench", "MemgoCore"]),
    .testTarget(name: "MemgoFuzzTests", dependencies: ["MemgoFuzz", "MemgoCore"]),
    // Golden/: the help texts users see, compared byte for byte (CommandsTests).
    .testTarget(name: "MemgoCLITests", dependencies: ["MemgoCLI", "MemgoCore"], exclude: ["Golden"]),
  ]
)
