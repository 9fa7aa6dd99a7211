import Dispatch
import Synchronization

/// Runs the work units of a scenario file — each sweep point × each replication — on parallel
/// worker threads. A unit's result depends only on the scenario and the unit (SPEC, "Randomness"),
/// so whatever the number of jobs, the order in which units finish or which thread ran them, the
/// results stored by unit index are the same.
public enum Experiment {
  /// One work unit: a point's index and a replication number.
  public struct WorkUnit: Sendable, Equatable {
    public var point: Int
    public var replication: Int
  }

  /// The units of `file` in their fixed order: points in sweep order, replications within each.
  /// A unit's position in this list is its index (shards and partial results refer to it).
  public static func units(of file: ScenarioFile) -> [WorkUnit] {
    file.points.enumerated().flatMap { p, point in
      (0..<point.scenario.replications).map { WorkUnit(point: p, replication: $0) }
    }
  }

  /// Runs the units whose indices are `selected` (indices into `units(of: file)`, taken in the
  /// given order) on `jobs` threads, calling `completed(index, result)` from the worker thread as
  /// each unit finishes, in no particular order (the callback must be thread-safe).
  ///
  /// Workers take units from a shared `WorkQueue`, so a long unit never holds up the others. Before
  /// taking a unit, a worker checks `shouldStop`; once it returns true no unit is started, units in
  /// progress finish and are reported, and `run` returns false. A unit that fails
  /// (`Experiment.run` throws) likewise stops the others from starting, and `run` throws its error.
  /// - Returns: whether every selected unit ran.
  /// - Throws: the first `TraceError` of a unit (a trace that can no longer be read, or OPT's
  ///   next uses that cannot be prepared).
  public static func run(
    _ file: ScenarioFile, selected: [Int], jobs: Int, shouldStop: @Sendable () -> Bool = { false },
    completed: @Sendable (Int, RunResult) -> Void
  ) throws(TraceError) -> Bool {
    let units = units(of: file)
    precondition(selected.allSatisfy { units.indices.contains($0) }, "Experiment.run: unit index out of range")
    let queue = WorkQueue(count: selected.count)
    let stopped = Atomic<Bool>(false)
    let failure = Mutex<TraceError?>(nil)
    let workers = max(1, min(ResourceEstimate.parallelRuns(file.points, jobs: jobs), selected.count))
    let points = file.points
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        if shouldStop() || failure.withLock({ $0 != nil }) {
          stopped.store(true, ordering: .relaxed)
          return
        }
        guard let k = queue.next() else { return }
        let index = selected[k]
        let unit = units[index]
        do throws(TraceError) {
          let result = try Experiment.run(points[unit.point].scenario, replication: unit.replication)
          completed(index, result)
        } catch {
          failure.withLock { if $0 == nil { $0 = error } }
          return
        }
      }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    return !stopped.load(ordering: .relaxed)
  }

  /// Runs every unit on `jobs` threads and returns `results[point][replication]`. This keeps every
  /// result in memory (each holds latency histograms); sweeps of many units should aggregate with a
  /// `ReportBuilder` in `completed` instead.
  /// - Throws: the first `TraceError` of a unit, as `run(_:selected:jobs:shouldStop:completed:)`.
  public static func run(_ file: ScenarioFile, jobs: Int = 1) throws(TraceError) -> [[RunResult]] {
    let units = units(of: file)
    let slots = Mutex<[RunResult?]>(Array(repeating: nil, count: units.count))
    _ = try run(file, selected: Array(units.indices), jobs: jobs) { index, result in
      slots.withLock { $0[index] = result }
    }
    let all = slots.withLock { $0 }
    var results: [[RunResult]] = Array(repeating: [], count: file.points.count)
    for (i, unit) in units.enumerated() {
      guard let result = all[i] else { preconditionFailure("work unit \(i) produced no result") }
      results[unit.point].append(result)
    }
    return results
  }
}
