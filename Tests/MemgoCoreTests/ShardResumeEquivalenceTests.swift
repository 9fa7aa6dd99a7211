import Foundation
import Testing

@testable import MemgoCore

/// Sharded-and-merged runs and interrupted-and-resumed runs give the unsharded report byte for
/// byte, on a scenario that makes every counter of `RunTally` non-zero (admission waits, load
/// control's suspensions, walk-cache hits, context switches and TLB flushes of a CPU pool, dirty
/// write-backs, shootdowns) and on a trace-driven one. `.ci/run` checks the same of every file
/// in scenarios/ through the command line (Tests/shards/check.sh).
@Suite struct ShardResumeEquivalenceTests {
  static let everyCounterJSON = """
    {"name":"every-counter","seed":3,"replications":2,"stop":{"requests":400},
     "machine":{"frames":24,"cpus":2,"tlb":{"entries":8,"asid":false},"pageTable":{"levels":4,"walkCache":4},
                "replacement":{"policy":"clock","scope":"local","frameQuota":8},"zeroFill":true},
     "processes":[{"name":"w","count":4,"addressSpace":"256KiB","interval":{"dist":"exponential","mean":"5us"},
                   "size":{"dist":"uniform","min":"8B","max":"8KiB"},"writeFraction":0.5,
                   "access":{"pattern":"zipf","exponent":0.6}}],
     "sweep":{"machine.replacement.scope":["local","workingset"]}}
    """

  @Test func theScenarioMakesEveryCounterNonZero() throws {
    let file = try ScenarioLoader.load(bytes: Array(Self.everyCounterJSON.utf8), path: "every-counter.json")
    var total = RunTally()
    for point in file.points { total.add(try Experiment.run(point.scenario, replication: 0).machine) }
    let (counters, sums) = RunTallyTests.storedNumbers(total)
    for (name, n) in counters { #expect(n > 0, "\(name)") }
    for (name, x) in sums { #expect(x > 0, "\(name)") }
  }

  @Test func everyCounterSurvivesShardsAndResume() throws {
    try ExperimentTestSupport.withTemporaryDirectory { directory in
      let path = "\(directory)/every-counter.json"
      try Self.checkEquivalence(scenario: ScenarioLoader.load(bytes: Array(Self.everyCounterJSON.utf8), path: path), in: directory)
    }
  }

  /// The parts of a trace-driven scenario merge without its trace file: merging rebuilds the
  /// scenario from the definition the parts carry and never opens the traces.
  @Test func aTraceDrivenScenarioMergesWithoutItsTrace() throws {
    try ExperimentTestSupport.withTemporaryDirectory { directory in
      try FileManager.default.createDirectory(atPath: "\(directory)/traces", withIntermediateDirectories: true)
      let trace = (0..<200).map { "\($0 % 3 == 0 ? "W" : "R") 0x\(String(($0 * 7919 % 37) * 4096, radix: 16))" }
      #expect(FileManager.default.createFile(
        atPath: "\(directory)/traces/t.trace", contents: Data((trace.joined(separator: "\n") + "\n").utf8)))
      let json = """
        {"name":"traced","seed":1,"replications":3,
         "machine":{"frames":8,"replacement":{"policy":"lru"}},
         "processes":[{"name":"t","count":2,"addressSpace":"256KiB","requests":200,"interval":"1us","size":"64B",
                       "access":{"pattern":"trace","path":"traces/t.trace","format":"plain"}}],
         "sweep":{"machine.frames":[4,8,16]}}
        """
      let file = try ScenarioLoader.load(bytes: Array(json.utf8), path: "\(directory)/traced.json")
      // The run's working directory is not the scenario's: "traces/t.trace" is not found from it.
      #expect(!FileManager.default.fileExists(atPath: "traces/t.trace"))
      try Self.checkEquivalence(scenario: file, in: directory)
    }
  }

  /// Runs `scenario` unsharded, as 3 shards merged, and interrupted after 2 units then resumed;
  /// the three reports must render identically in every format.
  static func checkEquivalence(scenario: ScenarioFile, in directory: String) throws {
    let plan = RunPlan(loaded: scenario, seedOverride: nil, replicationsOverride: nil, version: "0.1.0")
    let expected = ExperimentTestSupport.renderings(
      try ExperimentSessionTests.report(ExperimentSession(plan: plan, jobs: 2).run()))

    var parts: [String] = []
    for k in 1...3 {
      let shard = try #require(ShardSpec(index: k, count: 3))
      let outcome = try ExperimentSession(plan: plan, jobs: 2, shard: shard, outDirectory: "\(directory)/parts").run()
      guard case .part(let path, _) = outcome else {
        Issue.record("no part: \(outcome)")
        return
      }
      parts.append(path)
    }
    let merged = try PartialResultMerge.merge(paths: parts, version: "0.1.0") { path throws(ScenarioLoadError) in
      try FileSystem.read(path, limit: PartialResult.maximumFileSize)
    }
    #expect(ExperimentTestSupport.renderings(merged) == expected, "sharded and merged")

    let session = ExperimentSession(plan: plan, jobs: 1, outDirectory: "\(directory)/resumed")
    let progress = ExperimentProgress()
    let first = try session.run(progress: progress, shouldStop: { progress.finished >= 2 })
    guard case .interrupted(let kept, _) = first else {
      Issue.record("not interrupted: \(first)")
      return
    }
    #expect(kept >= 2)
    var resumed = session
    resumed.resume = true
    let report = try ExperimentSessionTests.report(resumed.run())
    #expect(ExperimentTestSupport.renderings(report) == expected, "interrupted and resumed")
    resumed.finish()
  }
}
