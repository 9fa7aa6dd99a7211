/// The "Theory cross-check" table of a Markdown report: per point, the measured and predicted
/// effective access time and their gap (queueing per access), and, when some point is a closed
/// product-form network, MVA's throughput beside the measured one with the relative error.
public enum TheoryTable {
  /// The table, or `nil` when no point carries cross-checks.
  public static func table(_ report: Report, digits: Int) -> TextTable? {
    let points = report.points.filter { $0.theory != nil }
    guard !points.isEmpty else { return nil }
    let eats = points.compactMap { $0.theory?.effectiveAccessTime }
    let time = DisplayUnit.choose(for: .seconds, values: eats.map(\.measured.mean) + eats.map(\.predicted.mean))
    let hasMVA = points.contains { $0.theory?.mva != nil }
    var columns = ReportTables.axisColumns(report)
    columns += ["EAT measured", "EAT predicted", "gap"].map { TextTable.Column("\($0) (\(time.symbol))", .right) }
    if hasMVA {
      columns += ["X measured (req/s)", "X MVA (req/s)", "X error", "disk util MVA"].map {
        TextTable.Column($0, .right)
      }
    }
    var table = TextTable(columns: columns)
    let rate = DisplayUnit.choose(for: .perSecond, magnitude: 1)
    let percent = DisplayUnit.choose(for: .fraction, magnitude: 1)
    for point in points {
      guard let theory = point.theory else { continue }
      let eat = theory.effectiveAccessTime
      var row = ReportTables.axisCells(report, point)
      row += [eat.measured, eat.predicted, eat.gap].map { time.format($0, digits: digits) }
      if hasMVA {
        if let mva = theory.mva {
          row += [
            rate.format(mva.throughput.measured, digits: digits), rate.format(mva.throughput.predicted, digits: digits),
            signedPercent(mva.throughput.relativeError),
            percent.format(mva.diskUtilization.predicted.mean, digits: digits) + " %",
          ]
        } else {
          row += ["", "", "", ""]
        }
      }
      table.append(row)
    }
    return table
  }

  /// `fraction` as a signed percentage with two decimals (`+0.42%`).
  static func signedPercent(_ fraction: Double) -> String {
    let text = NumberFormat.fixed(fraction * 100, decimals: 2)
    return (text.hasPrefix("-") ? text : "+" + text) + "%"
  }

  /// One paragraph saying what the columns are and, when MVA applies nowhere, why.
  public static func legend(_ report: Report) -> String {
    var text =
      "EAT predicted is the textbook effective-access-time formula evaluated with each replication's "
      + "own TLB hit ratio, fault rate, minor and dirty fractions (docs/validation.md); the gap "
      + "(measured − predicted) is time spent queueing, which the formula cannot see."
    let reasons = report.points.compactMap { $0.theory?.mvaInapplicability }
    if reasons.count == report.points.count, let first = reasons.first {
      text += " No MVA cross-check: \(first)."
    } else {
      text +=
        " X MVA is the exact mean-value-analysis throughput of the closed network of processes and disk "
        + "channels; X error is (measured − MVA)/MVA."
    }
    return text
  }
}
