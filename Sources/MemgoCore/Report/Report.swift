/// The result of running a scenario file: every sweep point's metrics summarised over its
/// replications, machine-wide and per process group. Renderers (`ReportFormat`) turn it into text.
///
/// A report holds nothing that varies between runs of the same scenario (no time, host or path), so
/// its renderings are reproducible byte for byte.
public struct Report: Sendable, Equatable {
  /// The memgo version that produced the report.
  public var memgoVersion: String
  /// The scenario's name.
  public var scenario: String
  /// The scenario's description.
  public var description: String
  /// The base seed.
  public var seed: UInt64
  /// The number of replications requested per point.
  public var replications: Int
  /// The sweep's axes in file order (empty without a sweep).
  public var axes: [SweepAxis]
  /// One entry per sweep point, in enumeration order (last axis fastest).
  public var points: [PointReport]
  /// For each sweep axis with exactly two values, the paired difference of the primary metric
  /// between them at each combination of the other axes (empty otherwise; see `ReportBuilder`).
  public var pairedDifferences: [PairedDifference] = []

  /// Creates a report from its parts.
  public init(
    memgoVersion: String, scenario: String, description: String, seed: UInt64, replications: Int,
    axes: [SweepAxis], points: [PointReport]
  ) {
    self.memgoVersion = memgoVersion
    self.scenario = scenario
    self.description = description
    self.seed = seed
    self.replications = replications
    self.axes = axes
    self.points = points
  }

  /// Builds the report of `file` from its runs: `results[p][r]` is replication r of point p.
  ///
  /// Every metric, percentiles included, is computed per replication and then summarised across
  /// replications; sweeps with a two-valued axis get the paired differences of `primaryMetric`.
  /// Group names come from each point's scenario. `results` must hold one list per point, and
  /// every run one tally per process group of its point
  /// (callers that read results from files check this first; a mismatch is a programmer error).
  public static func build(
    file: ScenarioFile, results: [[RunResult]], version: String, primaryMetric: Metric = .faultRate
  ) -> Report {
    precondition(results.count == file.points.count, "Report.build: one result list per sweep point")
    // A point summarises the runs given for it, however many its scenario asks for.
    var counted = file
    for p in counted.points.indices { counted.points[p].scenario.replications = results[p].count }
    var builder = ReportBuilder(file: counted, version: version, primaryMetric: primaryMetric)
    var index = 0
    for runs in results {
      for run in runs {
        builder.add(unit: index, result: run)
        index += 1
      }
    }
    guard let report = builder.report() else { preconditionFailure("Report.build: results missing") }
    return report
  }
}

/// One sweep point of a report: its parameters and its metrics summarised over replications.
public struct PointReport: Sendable, Equatable {
  /// The point's index in enumeration order (0-based).
  public var index: Int
  /// One value per sweep axis, keyed by the axis path, in axis order.
  public var parameters: [JSONMember]
  /// The number of replications summarised.
  public var replications: Int
  /// The machine-wide metrics.
  public var metrics: MetricSummaries
  /// The metrics of each process group, in scenario order.
  public var processes: [GroupReport]
  /// The analytical cross-checks (effective access time, MVA); `nil` in reports built by hand.
  public var theory: PointTheory? = nil

  /// Creates a point report from its parts.
  public init(
    index: Int, parameters: [JSONMember], replications: Int, metrics: MetricSummaries, processes: [GroupReport]
  ) {
    self.index = index
    self.parameters = parameters
    self.replications = replications
    self.metrics = metrics
    self.processes = processes
  }

  /// Summarises the replications `runs` of the point `scenario`.
  public static func build(index: Int, parameters: [JSONMember], scenario: Scenario, runs: [RunResult])
    -> PointReport
  {
    build(index: index, parameters: parameters, scenario: scenario, metrics: runs.map(RunMetrics.init))
  }

  /// Summarises the metrics of the replications of the point `scenario`, in replication order.
  public static func build(index: Int, parameters: [JSONMember], scenario: Scenario, metrics: [RunMetrics])
    -> PointReport
  {
    let machine = MetricSummaries(replications: metrics.map(\.machine))
    precondition(metrics.allSatisfy { $0.groups.count == scenario.processes.count }, "one tally per process group")
    let groups = scenario.processes.enumerated().map { g, config in
      GroupReport(name: config.name, metrics: MetricSummaries(replications: metrics.map { $0.groups[g] }))
    }
    var report = PointReport(
      index: index, parameters: parameters, replications: metrics.count, metrics: machine, processes: groups)
    let runs = metrics.compactMap(\.machineRun)
    if !runs.isEmpty && runs.count == metrics.count { report.theory = PointTheory(scenario: scenario, runs: runs) }
    return report
  }
}

/// The metrics of one process group at one point.
public struct GroupReport: Sendable, Equatable {
  /// The group's name in the scenario.
  public var name: String
  /// The group's metrics summarised over replications.
  public var metrics: MetricSummaries

  /// Creates a group report.
  public init(name: String, metrics: MetricSummaries) {
    self.name = name
    self.metrics = metrics
  }
}

/// One `Summary` per `Metric`, stored in a flat array in `Metric` order.
public struct MetricSummaries: Sendable, Equatable {
  /// The summaries, indexed by `Metric.rawValue`.
  public private(set) var summaries: [Summary]

  /// Creates the table from one summary per metric, in `Metric` order.
  public init(summaries: [Summary]) {
    precondition(summaries.count == Metric.count, "MetricSummaries needs one summary per metric")
    self.summaries = summaries
  }

  /// Summarises each metric over `replications` (one `MetricValues` per replication).
  public init(replications: [MetricValues]) {
    summaries = Metric.allCases.map { metric in Summary(replications.map { $0[metric] }) }
  }

  /// The summary of `metric`.
  public subscript(metric: Metric) -> Summary {
    get { summaries[metric.rawValue] }
    set { summaries[metric.rawValue] = newValue }
  }
}
