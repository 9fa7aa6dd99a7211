/// The tables that human-readable renderings of a report share (plain text and Markdown): the
/// per-point table, the per-group table and, for one point, the table of every metric.
public enum ReportTables {
  /// The metrics of the per-point table with their column labels (`nil`: the unit alone, as in
  /// `req/s`), chosen to fit 100 columns for a typical two-axis sweep with confidence intervals:
  /// fault rate, TLB hit rate, mean and 99th-percentile request latency, throughput, disk
  /// utilization.
  public static let mainMetrics: [(metric: Metric, label: String?)] = [
    (.faultRate, "fault rate"),
    (.tlbHitRate, "TLB hit"),
    (.latencyMean, "latency"),
    (.latencyP99, "p99"),
    (.throughput, nil),
    (.diskUtilization, "disk util"),
  ]

  /// The metrics of the per-group table (utilization is a machine-wide notion, so it is left out).
  public static let groupMetrics: [(metric: Metric, label: String?)] = Array(mainMetrics.prefix(5))

  /// The column header of each sweep axis: the last component of its path (`policy` for
  /// `machine.replacement.policy`), or the whole path where two axes would share a header.
  public static func axisHeaders(_ axes: [SweepAxis]) -> [String] {
    let short = axes.map { axis -> String in
      let component = axis.path.split(separator: ".").last.map(String.init) ?? axis.path
      return component.isEmpty ? axis.path : component
    }
    return axes.indices.map { i in short.filter { $0 == short[i] }.count > 1 ? axes[i].path : short[i] }
  }

  /// The value of axis `axis` at `point`, as text: the parameter with the axis's path, else the
  /// parameter at the axis's position.
  static func parameter(_ point: PointReport, axis: Int, path: String) -> JSONValue? {
    if let member = point.parameters.first(where: { $0.key == path }) { return member.value }
    return point.parameters.indices.contains(axis) ? point.parameters[axis].value : nil
  }

  /// One column per axis: numbers right-aligned, anything else left-aligned.
  static func axisColumns(_ report: Report) -> [TextTable.Column] {
    zip(axisHeaders(report.axes), report.axes.indices).map { header, a in
      let numeric = report.points.allSatisfy { point in
        if case .number = parameter(point, axis: a, path: report.axes[a].path) { return true }
        return false
      }
      return TextTable.Column(header, numeric ? .right : .left)
    }
  }

  /// The cells of `point`'s parameters, one per axis.
  static func axisCells(_ report: Report, _ point: PointReport) -> [String] {
    report.axes.indices.map { a in
      parameter(point, axis: a, path: report.axes[a].path).map(JSONWriter.text) ?? ""
    }
  }

  /// Metric columns over the summaries `rows`: each with a display unit chosen from its means.
  static func metricColumns(_ metrics: [(metric: Metric, label: String?)], rows: [MetricSummaries])
    -> [(column: TextTable.Column, metric: Metric, unit: DisplayUnit)]
  {
    metrics.map { metric, label in
      let unit = DisplayUnit.choose(for: metric.unit, values: rows.map { $0[metric].mean })
      let header: String
      if let label { header = unit.symbol.isEmpty ? label : "\(label) (\(unit.symbol))" } else { header = unit.symbol }
      return (TextTable.Column(header, .right), metric, unit)
    }
  }

  /// One row per point: its parameters, then the main metrics as `mean ± ci95`.
  public static func mainTable(_ report: Report, digits: Int) -> TextTable {
    let metrics = metricColumns(mainMetrics, rows: report.points.map(\.metrics))
    var table = TextTable(columns: axisColumns(report) + metrics.map(\.column))
    for point in report.points {
      table.append(axisCells(report, point) + metrics.map { $0.unit.format(point.metrics[$0.metric], digits: digits) })
    }
    return table
  }

  /// One row per (point, process group): the point's parameters, the group's name, then the group
  /// metrics.
  public static func groupTable(_ report: Report, digits: Int) -> TextTable {
    let groups = report.points.flatMap { point in point.processes.map(\.metrics) }
    let metrics = metricColumns(groupMetrics, rows: groups)
    var table = TextTable(columns: axisColumns(report) + [TextTable.Column("group", .left)] + metrics.map(\.column))
    for point in report.points {
      for group in point.processes {
        table.append(
          axisCells(report, point) + [group.name]
            + metrics.map { $0.unit.format(group.metrics[$0.metric], digits: digits) })
      }
    }
    return table
  }

  /// Every metric of `metrics`, one per row: its label and `mean ± ci95` with a unit chosen for
  /// that value.
  public static func allMetricsTable(_ metrics: MetricSummaries, digits: Int) -> TextTable {
    var table = TextTable(columns: [TextTable.Column("metric", .left), TextTable.Column("value", .right)])
    for metric in Metric.allCases {
      let summary = metrics[metric]
      let unit = DisplayUnit.choose(for: metric.unit, magnitude: summary.mean)
      let value = unit.format(summary, digits: digits)
      table.append([metric.label, unit.symbol.isEmpty || summary.mean.isNaN ? value : value + " " + unit.symbol])
    }
    return table
  }

  /// Whether `report` shows a confidence half-width anywhere (some point has two replications).
  static func hasIntervals(_ report: Report) -> Bool {
    report.points.contains { $0.replications > 1 }
  }

  /// `count` followed by `noun`, pluralised with an `s` unless `count` is 1.
  public static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)" + (count == 1 ? "" : "s")
  }
}
