/// The effective-access-time cross-check of one sweep point: the measured mean time per page
/// access beside the value the textbook formula (`EffectiveAccessTime`) predicts from the same
/// run's measured ratios h, p, z and d, and their gap.
///
/// Each quantity is computed per replication and then summarised (mean ± ci95) like a metric.
/// The formula charges every latency at its mean and excludes queueing, so the gap
/// (measured − predicted) is the mean time per access spent waiting: for a disk channel, for a
/// CPU of the pool, or for a frame whose I/O is in progress, plus, with random latencies, the
/// sampling noise of those latencies around their means. With constant latencies and no possible
/// contention (one process, one channel) the gap is zero up to floating-point rounding.
public struct AccessTimeCheck: Sendable, Equatable {
  /// The measured effective access time (`effectiveAccessTime`: summed request latency over
  /// accesses), seconds.
  public var measured: Summary
  /// The formula's prediction from each replication's own h, p, z and d, seconds.
  public var predicted: Summary
  /// measured − predicted per replication, seconds: the queueing delay per access.
  public var gap: Summary

  /// Creates the check from its parts.
  public init(measured: Summary, predicted: Summary, gap: Summary) {
    self.measured = measured
    self.predicted = predicted
    self.gap = gap
  }

  /// The check over the machine-wide tallies of `runs`, all on `machine`.
  public init(runs: [RunResult], machine: MachineConfig) {
    let ps = Double(SimTime.picosecondsPerSecond)
    let measured = runs.map { run in
      run.machine.accesses == 0 ? 0 : run.machine.latencySum / Double(run.machine.accesses) / ps
    }
    let predicted = runs.map { run in
      run.machine.accesses == 0 ? 0 : EffectiveAccessTime(tally: run.machine, machine: machine).predicted
    }
    self.init(
      measured: Summary(measured), predicted: Summary(predicted), gap: Summary(zip(measured, predicted).map(-)))
  }
}
