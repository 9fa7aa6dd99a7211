import MemgoCore

// MARK: - The scenario loader

extension FuzzTarget {
  /// The file name the scenario target gives its inputs.
  static let scenarioFileName = "fuzz.json"

  /// Loads the bytes as a scenario file. Properties: a refusal is `.invalid` (never `.io`) with one
  /// or more one-line problems, each naming the file; a JSON document that parses re-parses equal
  /// from its serialization; an accepted file has points whose runs fit the memory budget; and each
  /// accepted point (at most four) runs without trapping when shrunk to a few short processes (or
  /// fails with one line, an I/O error of preparing the future for OPT).
  static func checkScenario(_ bytes: [UInt8], _ failures: inout FuzzFailures) {
    if let value = try? JSONParser.parse(bytes) {
      let text = value.serialized()
      failures.expect((try? JSONParser.parse(text)) == value, "serialized JSON does not parse back equal: \(text)")
    }
    let file: ScenarioFile
    do {
      file = try ScenarioLoader.load(bytes: bytes, path: scenarioFileName)
    } catch {
      switch error {
      case .io(let message): failures.expect(false, "an I/O error for bytes in memory: \(message)")
      case .invalid(let problems):
        failures.expect(!problems.isEmpty, "a refusal without a problem")
        failures.expect(problems.count <= ScenarioLoader.maximumReportedErrors + 1, "\(problems.count) problems")
        for line in error.lines {
          failures.expectOneLine(line, "problem")
          failures.expect(line.hasPrefix(scenarioFileName + ": "), "problem without the file name: \(line)")
        }
      }
      return
    }
    failures.expect(!file.points.isEmpty, "an accepted file without points")
    failures.expect(
      ResourceEstimate.resultBytes(of: file.points) <= ResourceEstimate.resultBudget, "results over the budget")
    for point in file.points.prefix(4) {
      let estimate = ResourceEstimate(point.scenario)
      failures.expect(estimate.total <= ResourceEstimate.runBudget, "an accepted run over the budget: \(estimate)")
      failures.expect(point.scenario.replications >= 1, "no replication")
      if let small = shrunk(point.scenario) {
        do {
          let result = try Experiment.run(small, replication: 0)
          failures.expect(result.machine.requests >= 0 && result.events >= 0, "negative counts")
        } catch {
          // Only a policy that needs the future can fail, preparing it: for want of scratch space.
          failures.expect(error.kind == .io, "a run of an accepted point failed: \(error)")
          failures.expectOneLine(error.description, "run failure")
        }
      }
    }
  }

  /// `scenario` cut down to run in a moment: at most 4 groups of at most 2 processes making at most
  /// 8 requests each, 2 CPUs, 4096 frames, a one-second stop; nil when a request could still touch
  /// more than 256 pages or the page tables could be large.
  static func shrunk(_ scenario: Scenario) -> Scenario? {
    var small = scenario
    small.replications = 1
    small.processes = Array(scenario.processes.prefix(4))
    small.machine.frames = min(scenario.machine.frames, 4096)
    small.machine.cpus = scenario.machine.cpus.map { min($0, 2) }
    small.machine.tlb.entries = min(scenario.machine.tlb.entries, 256)
    if small.machine.tlb.entries % max(1, small.machine.tlb.ways) != 0 { small.machine.tlb.ways = 1 }
    small.stop.time = min(scenario.stop.time ?? SimTime(picoseconds: 1 << 62), .milliseconds(1000))
    if small.warmup >= small.stop.time ?? .zero { small.warmup = .zero }
    let pageSize = Double(small.machine.pageSize)
    for g in small.processes.indices {
      small.processes[g].count = min(small.processes[g].count, 2)
      small.processes[g].requests = min(small.processes[g].requests ?? 8, 8)
      small.processes[g].start = min(small.processes[g].start, .milliseconds(1))
      let largest = min(small.processes[g].size.upperBound ?? .infinity, Double(small.processes[g].addressSpace))
      if !(largest / pageSize <= 256) { return nil }
    }
    return ResourceEstimate(small).total <= 256 << 20 ? small : nil
  }
}
