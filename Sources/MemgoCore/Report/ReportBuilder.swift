/// Builds a scenario file's report from its work units' results as they arrive, in any order,
/// holding little: each run is reduced to its `RunMetrics` at once, and a point's metrics are
/// summarised (and dropped) as soon as all its replications are in. Only the primary metric of
/// every run is kept to the end, for the paired differences.
///
/// The report depends only on which results were added, never on their order, so a parallel run,
/// a resumed run and a merge of shards give the same bytes.
public struct ReportBuilder: Sendable {
  /// The scenario file whose units are collected.
  public let file: ScenarioFile
  /// The memgo version recorded in the report.
  public let version: String
  /// The metric compared by the paired differences (and plotted).
  public let primaryMetric: Metric
  /// The work units in index order.
  public let units: [Experiment.WorkUnit]

  private var done: [Bool]
  /// Per point, the metrics of its replications received so far (emptied once the point is summarised).
  private var pending: [[RunMetrics?]]
  private var received: [Int]
  private var points: [PointReport?]
  /// Per point, the primary metric of each replication.
  private var samples: [[Double]]
  /// The number of units added so far.
  public private(set) var completedUnits = 0

  /// An empty builder for `file`.
  public init(file: ScenarioFile, version: String, primaryMetric: Metric = .faultRate) {
    self.file = file
    self.version = version
    self.primaryMetric = primaryMetric
    units = Experiment.units(of: file)
    done = Array(repeating: false, count: units.count)
    pending = file.points.map { Array(repeating: nil, count: $0.scenario.replications) }
    received = Array(repeating: 0, count: file.points.count)
    points = Array(repeating: nil, count: file.points.count)
    samples = file.points.map { Array(repeating: 0, count: $0.scenario.replications) }
    for (p, point) in file.points.enumerated() where point.scenario.replications == 0 {
      points[p] = PointReport.build(
        index: point.index, parameters: point.parameters, scenario: point.scenario, metrics: [])
    }
  }

  /// The number of work units of the file.
  public var totalUnits: Int { units.count }

  /// Whether every unit has been added.
  public var isComplete: Bool { completedUnits == units.count }

  /// Whether unit `index` has been added.
  public func contains(unit index: Int) -> Bool { done.indices.contains(index) && done[index] }

  /// The indices of the units not yet added, ascending.
  public var missingUnits: [Int] { done.indices.filter { !done[$0] } }

  /// The number of process groups a run of unit `index` must report (its point's groups).
  public func groupCount(ofUnit index: Int) -> Int { file.points[units[index].point].scenario.processes.count }

  /// Adds the result of unit `index`; returns false (and changes nothing) if it was already added.
  @discardableResult
  public mutating func add(unit index: Int, result: RunResult) -> Bool {
    add(unit: index, metrics: RunMetrics(result))
  }

  /// Adds the metrics of unit `index`; returns false (and changes nothing) if it was already added.
  /// The metrics must hold one entry per process group of the unit's point.
  @discardableResult
  public mutating func add(unit index: Int, metrics: RunMetrics) -> Bool {
    precondition(units.indices.contains(index), "ReportBuilder: unit \(index) out of range")
    precondition(metrics.groups.count == groupCount(ofUnit: index), "ReportBuilder: one tally per process group")
    guard !done[index] else { return false }
    done[index] = true
    completedUnits += 1
    let unit = units[index]
    let p = unit.point
    pending[p][unit.replication] = metrics
    samples[p][unit.replication] = metrics.machine[primaryMetric]
    received[p] += 1
    if received[p] == pending[p].count {
      let point = file.points[p]
      points[p] = PointReport.build(
        index: point.index, parameters: point.parameters, scenario: point.scenario,
        metrics: pending[p].map { $0! })
      pending[p] = []
    }
    return true
  }

  /// The report, once every unit has been added (nil before).
  public func report() -> Report? {
    guard isComplete else { return nil }
    var report = Report(
      memgoVersion: version, scenario: file.base.name, description: file.base.description, seed: file.base.seed,
      replications: file.base.replications, axes: file.axes, points: points.map { $0! })
    report.pairedDifferences = PairedDifference.all(axes: file.axes, samples: samples, metric: primaryMetric)
    return report
  }
}
