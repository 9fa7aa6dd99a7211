import Dispatch

/// Runs every work unit of a scenario file — each sweep point × each replication — and returns
/// the results in enumeration order, whatever the number of parallel jobs.
public enum Experiment {
  /// One work unit: a point's index and a replication number.
  public struct WorkUnit: Sendable, Equatable {
    public var point: Int
    public var replication: Int
  }

  /// The units of `file` in their fixed order: points in sweep order, replications within each.
  public static func units(of file: ScenarioFile) -> [WorkUnit] {
    file.points.flatMap { point in
      (0..<point.scenario.replications).map { WorkUnit(point: point.index, replication: $0) }
    }
  }

  /// Runs every unit on `jobs` threads and returns `results[point][replication]`. Each unit's
  /// result depends only on the scenario and the unit, so the output is identical for every `jobs`.
  /// Fewer threads run when `jobs` runs at once would need more than `ResourceEstimate.runBudget`.
  public static func run(_ file: ScenarioFile, jobs: Int = 1) -> [[RunResult]] {
    let units = units(of: file)
    let slots = ResultSlots(count: units.count)
    let workers = max(1, min(ResourceEstimate.parallelRuns(file.points, jobs: jobs), units.count))
    let points = file.points
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var i = worker
      while i < units.count {
        let unit = units[i]
        slots.store(Simulation.run(points[unit.point].scenario, replication: unit.replication), at: i)
        i += workers
      }
    }
    var results: [[RunResult]] = Array(repeating: [], count: points.count)
    for (i, unit) in units.enumerated() { results[unit.point].append(slots.take(i)) }
    return results
  }

  /// Preallocated result slots that worker threads fill at distinct indices.
  final class ResultSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<RunResult?>
    init(count: Int) {
      buffer = .allocate(capacity: count)
      buffer.initialize(repeating: nil)
    }
    deinit {
      buffer.deinitialize()
      buffer.deallocate()
    }
    func store(_ result: RunResult, at index: Int) { buffer[index] = result }
    func take(_ index: Int) -> RunResult {
      guard let result = buffer[index] else { preconditionFailure("work unit \(index) produced no result") }
      return result
    }
  }
}
