/// Renders a report as CSV: one record per (point, scope), where scope is `all` (the machine) or a
/// process group's name; columns `point`, each axis path, `scope`, then `NAME_mean`,
/// `NAME_stddev`, `NAME_ci95` for every metric in `Metric` order (empty when undefined), then `n`.
/// Numbers are written as in the JSON report (shortest round-trip form).
public enum CSVRenderer {
  /// The CSV text of `report`.
  public static func render(_ report: Report) -> String {
    var columns = [TextTable.Column("point", .left)]
    columns += report.axes.map { TextTable.Column($0.path, .left) }
    columns.append(TextTable.Column("scope", .left))
    for metric in Metric.allCases {
      for field in ["mean", "stddev", "ci95"] { columns.append(TextTable.Column("\(metric.key)_\(field)", .left)) }
    }
    columns.append(TextTable.Column("n", .left))
    var table = TextTable(columns: columns)
    for point in report.points {
      let prefix = [String(point.index)] + ReportTables.axisCells(report, point)
      table.append(prefix + ["all"] + fields(point.metrics) + [String(point.replications)])
      for group in point.processes {
        table.append(prefix + [group.name] + fields(group.metrics) + [String(point.replications)])
      }
    }
    return table.csvText()
  }

  /// The mean, stddev and ci95 fields of every metric.
  static func fields(_ metrics: MetricSummaries) -> [String] {
    func number(_ x: Double?) -> String {
      guard let x, x.isFinite else { return "" }
      return JSONWriter.number(x)
    }
    return metrics.summaries.flatMap { [number($0.mean), number($0.stddev), number($0.ci95)] }
  }
}
