/// Renders a report as aligned plain text for a terminal: a headline, one row per sweep point
/// (swept parameters first, then the main metrics with their units, `mean ± ci95` where a point
/// has several replications), a per-group table when there are several process groups, and for a
/// single point the list of every metric. A typical two-axis sweep fits in 100 columns.
public enum TableRenderer {
  /// Significant digits of the means.
  public static let digits = 3

  /// The text of `report`, ending in a newline.
  public static func render(_ report: Report) -> String {
    var out = headline(report) + "\n\n"
    out += ReportTables.mainTable(report, digits: digits).plainText()
    if report.points.contains(where: { $0.processes.count > 1 }) {
      out += "\nProcess groups:\n\n"
      out += ReportTables.groupTable(report, digits: digits).plainText()
    }
    for difference in ReportTables.pairedDifferenceTables(report, digits: digits) {
      let cells = difference.hasIntervals ? "mean ± 95% CI half-width" : "one pair: no interval"
      out += "\nPaired difference, \(difference.title), per replication (\(cells)):\n\n"
      out += difference.table.plainText()
    }
    if report.points.count == 1, let point = report.points.first {
      out += "\nAll metrics:\n\n"
      out += ReportTables.allMetricsTable(point.metrics, digits: digits).plainText()
    }
    return out
  }

  /// `NAME: seed S, R replications, P points`, and what the cells hold when they show intervals.
  static func headline(_ report: Report) -> String {
    var line = "\(report.scenario): seed \(report.seed), \(ReportTables.counted(report.replications, "replication")), "
    line += ReportTables.counted(report.points.count, "point")
    if ReportTables.hasIntervals(report) { line += "; cells show mean ± 95% CI half-width" }
    return line
  }
}
