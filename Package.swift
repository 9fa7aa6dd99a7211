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
    // The whole model: engine, machine, policies, workload, statistics, scenarios, reports, traces.
    .target(name: "MemgoCore", linkerSettings: [.linkedLibrary("m")]),
    // The commands: argument parsing and dispatch, a library so that tests can call it.
    .target(name: "MemgoCLI", dependencies: ["MemgoCore"]),
    // A few lines: parse, dispatch, exit with the status.
    .executableTarget(name: "memgo", dependencies: ["MemgoCLI"]),
    .testTarget(name: "MemgoCoreTests", dependencies: ["MemgoCore"]),
    // Golden/: the help texts users see, compared byte for byte (CommandsTests).
    .testTarget(name: "MemgoCLITests", dependencies: ["MemgoCLI", "MemgoCore"], exclude: ["Golden"]),
  ]
)
