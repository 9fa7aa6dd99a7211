/// Renders a report as GitHub-flavoured Markdown: a `# NAME` heading, the description, a line
/// with the seed, replications and memgo version, the per-point table, per-group tables when
/// there are several process groups, the paired differences when an axis has two values, and for
/// a single point a table of every metric.
public enum MarkdownRenderer {
  /// Significant digits of the means.
  public static let digits = 4

  /// The Markdown text of `report`, ending in a newline.
  public static func render(_ report: Report) -> String {
    var out = "# \(singleLine(report.scenario))\n\n"
    let description = singleLine(report.description)
    if !description.isEmpty { out += description + "\n\n" }
    out += "Seed \(report.seed), \(ReportTables.counted(report.replications, "replication")) per point, "
    out += "\(ReportTables.counted(report.points.count, "point")), memgo \(singleLine(report.memgoVersion))."
    if ReportTables.hasIntervals(report) { out += " Cells show mean ± 95% confidence half-width (Student t)." }
    out += "\n\n"
    out += ReportTables.mainTable(report, digits: digits).markdownText()
    if let theory = TheoryTable.table(report, digits: digits) {
      out += "\n## Theory cross-check\n\n" + TheoryTable.legend(report) + "\n\n" + theory.markdownText()
    }
    if report.points.contains(where: { $0.processes.count > 1 }) {
      out += "\n## Process groups\n\n"
      out += ReportTables.groupTable(report, digits: digits).markdownText()
    }
    let differences = ReportTables.pairedDifferenceTables(report, digits: digits)
    if !differences.isEmpty {
      out += "\n## Paired differences\n\n"
      out += "Replication r of every point sees the same request streams (common random numbers), so each "
      out += "pair of runs differs only in the compared parameter. Cells show the mean"
      if differences.contains(where: \.hasIntervals) { out += " ± 95% confidence half-width (Student t)" }
      out += " of the per-replication differences over n pairs; pp = percentage points.\n"
      for difference in differences {
        out += "\n### \(singleLine(difference.title))\n\n"
        out += difference.table.markdownText()
      }
    }
    if report.points.count == 1, let point = report.points.first {
      out += "\n## All metrics\n\n"
      out += ReportTables.allMetricsTable(point.metrics, digits: digits).markdownText()
    }
    return out
  }

  /// `text` with line breaks replaced by spaces and surrounding spaces trimmed, so that it stays
  /// one Markdown paragraph or heading.
  static func singleLine(_ text: String) -> String {
    let joined = String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    return String(joined.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
