/// Every report metric of one run: machine-wide and per process group. A few hundred bytes, where
/// the `RunResult` it comes from holds latency histograms of about 60 KB per scope, so sweeps keep
/// these while they wait for a point's other replications.
public struct RunMetrics: Sendable, Equatable {
  /// The machine-wide metrics.
  public var machine: MetricValues
  /// The metrics of each process group, in scenario order.
  public var groups: [MetricValues]
  /// The run's machine-wide tallies (its group tallies dropped), kept until its point is
  /// summarised, for the analytical cross-checks (`PointTheory`); `nil` when built from parts.
  public var machineRun: RunResult?

  /// Creates run metrics from their parts.
  public init(machine: MetricValues, groups: [MetricValues]) {
    self.machine = machine
    self.groups = groups
  }

  /// The metrics of `result`, machine-wide and for each of its groups.
  public init(_ result: RunResult) {
    machine = MetricValues(machineOf: result)
    groups = result.groups.indices.map { MetricValues(group: $0, of: result) }
    var machineOnly = result
    machineOnly.groups = []
    machineRun = machineOnly
  }
}
