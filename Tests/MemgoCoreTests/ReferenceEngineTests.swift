import Foundation
import Testing

@testable import MemgoCore

/// The production engine (`Simulator`, steps folded into one event where nothing can come
/// between) against the clarity-first `ReferenceEngine` (every step an event of its own, a naive
/// event list): over 1,000 seeded random small scenarios (`RandomScenario`: 1-8 processes, 1-64
/// frames, every policy and scope, with and without TLB, CPUs, ASIDs, zero-fill, writes, walk
/// caches, disk channels, warmup, stop conditions, constant and random latencies, traces), the
/// event logs must be equal line for line and the results equal.
@Suite struct ReferenceEngineTests {
  static let perCase = 125

  @Test(arguments: 0..<8)
  func productionMatchesTheReferenceEngine(batch: Int) throws {
    try ExperimentTestSupport.withTemporaryDirectory { directory in
      for k in 0..<Self.perCase {
        let seed = UInt64(batch * Self.perCase + k)
        let json = RandomScenario.json(seed: seed, directory: directory)
        let scenario = try ScenarioLoader.load(bytes: Array(json.utf8), path: "\(directory)/s\(seed).json").base
        let (production, productionLog) = try Self.runProduction(scenario, directory: directory)
        let (reference, referenceLog) = try Self.runReference(scenario, directory: directory)
        var a = production
        a.events = 0
        #expect(a == reference, "seed \(seed): results differ\n\(json)")
        if productionLog != referenceLog {
          let x = productionLog.split(separator: "\n")
          let y = referenceLog.split(separator: "\n")
          let first = (0..<min(x.count, y.count)).first { x[$0] != y[$0] } ?? min(x.count, y.count)
          Issue.record(
            "seed \(seed): logs differ at line \(first + 1)\nproduction: \(first < x.count ? x[first] : "(end)")\nreference:  \(first < y.count ? y[first] : "(end)")\n\(json)"
          )
        }
      }
    }
  }

  /// Runs `scenario` (replication 0) with its event log in a file, and returns the result and log.
  static func runProduction(_ scenario: Scenario, directory: String) throws -> (RunResult, String) {
    let path = "\(directory)/log-production"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    #expect(fd >= 0)
    var log = JSONLinesLog(sink: FileSink(descriptor: fd), processNames: scenario.processes.flatMap {
      Array(repeating: $0.name, count: $0.count)
    })
    let result = try Experiment.run(scenario, replication: 0, log: &log)
    close(fd)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return (result, text)
  }

  /// Runs `scenario` through the reference engine with its event log in a file.
  static func runReference(_ scenario: Scenario, directory: String) throws -> (RunResult, String) {
    let path = "\(directory)/log-reference"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    #expect(fd >= 0)
    let log = JSONLinesLog(
      sink: FileSink(descriptor: fd), processNames: scenario.processes.flatMap { Array(repeating: $0.name, count: $0.count) })
    let visitor = Visitor(scenario: scenario, log: log)
    let result: RunResult
    switch scenario.machine.replacement.scope {
    case .global, .local: result = try scenario.machine.replacement.policy.dispatch(visitor)
    case .workingset: result = try visitor.run(WorkingSetAllocator.self)
    case .pff: result = try visitor.run(PFFAllocator.self)
    }
    close(fd)
    return (result, try String(contentsOfFile: path, encoding: .utf8))
  }

  struct Visitor: PolicyVisitor {
    let scenario: Scenario
    let log: JSONLinesLog

    func visit<Policy: ReplacementPolicy>(_ policy: Policy.Type) throws -> RunResult {
      scenario.machine.replacement.scope == .local
        ? try run(LocalAllocator<Policy>.self) : try run(GlobalAllocator<Policy>.self)
    }

    func run<Frames: FrameAllocator>(_ allocator: Frames.Type) throws -> RunResult {
      let futures = Frames.needsFuture ? try ProcessFutures.prepare(scenario) : []
      var engine = ReferenceEngine<Frames, JSONLinesLog>(scenario: scenario, replication: 0, log: log, futures: futures)
      let result = engine.run()
      if let failure = engine.futureFailure { throw failure }
      return result
    }
  }
}
