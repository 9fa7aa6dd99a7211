import Foundation
import Testing

@testable import MemgoCore

/// Small real scenarios (a few milliseconds per run in debug) shared by the experiment tests.
enum ExperimentTestSupport {
  /// A frames × policy sweep: 3 × 2 points × `replications`, two process groups.
  static func sweepJSON(name: String = "tiny-sweep", seed: Int = 5, replications: Int = 3) -> String {
    """
    {"name": "\(name)", "description": "Three memory sizes, two policies.", "seed": \(seed),
     "replications": \(replications), "stop": {"requests": 300},
     "machine": {"frames": 32, "replacement": {"policy": "lru"}},
     "processes": [
       {"name": "a", "count": 2, "addressSpace": "512KiB", "interval": {"dist": "exponential", "mean": "10us"},
        "size": {"dist": "uniform", "min": "8B", "max": "8KiB"}, "writeFraction": 0.25,
        "access": {"pattern": "zipf", "exponent": 0.8}},
       {"name": "b", "addressSpace": "256KiB", "interval": "20us", "size": "64B",
        "access": {"pattern": "uniform"}}],
     "sweep": {"machine.frames": [16, 32, 64], "machine.replacement.policy": ["lru", "clock"]}}
    """
  }

  /// The loaded sweep.
  static func sweep(name: String = "tiny-sweep", seed: Int = 5, replications: Int = 3) throws -> ScenarioFile {
    try ScenarioLoader.load(
      bytes: Array(sweepJSON(name: name, seed: seed, replications: replications).utf8), path: "\(name).json")
  }

  /// The plan of running the sweep with no overrides.
  static func plan(seed: UInt64? = nil, replications: Int? = nil) throws -> RunPlan {
    RunPlan(loaded: try sweep(), seedOverride: seed, replicationsOverride: replications, version: "0.1.0")
  }

  /// Every rendering of `report`, for byte comparisons.
  static func renderings(_ report: Report) -> [String] {
    ReportFormat.allCases.map { $0.render(report) } + [SVGPlot.render(report) ?? ""]
  }

  /// A fresh empty directory under /tmp, removed when `body` returns.
  static func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
    var template = Array("/tmp/memgo-experiment-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    let directory = try #require(made.map { String(cString: $0) })
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try body(directory)
  }

  /// A run result with made-up but varied tallies, from `seed`.
  static func randomResult(seed: UInt64, groups: Int) -> RunResult {
    var rng = SplitMix64(seed: seed)
    func tally() -> RunTally {
      var t = RunTally()
      for (_, path) in RunTally.counters { t[keyPath: path] = Int64(rng.next() % 1_000_000_007) }
      for (_, path) in RunTally.sums {
        t[keyPath: path] = Double(rng.next() >> 11) / Double(1 << 20) * (rng.next() % 2 == 0 ? 1 : 1e9)
      }
      for _ in 0..<Int(rng.next() % 50) {
        let shift = Int(rng.next() % 40)
        t.latency.record(Int64(rng.next() >> UInt64(24 + (24 - min(shift, 24)))))
      }
      return t
    }
    let groupTallies = (0..<groups).map { _ in tally() }
    return RunResult(
      machine: tally(), groups: groupTallies, simulatedTime: SimTime(picoseconds: Int64(rng.next() >> 2)),
      diskChannels: Int(rng.next() % 4) + 1, cpuCount: Int(rng.next() % 9), events: Int64(rng.next() >> 3))
  }
}
