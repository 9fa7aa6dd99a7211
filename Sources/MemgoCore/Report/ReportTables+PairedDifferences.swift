/// The tables of a report's paired differences, one per compared axis, for the plain-text and
/// Markdown renderers.
extension ReportTables {
  /// One group of paired differences: those of one two-valued axis.
  public struct PairedDifferenceTable: Sendable {
    /// `fault rate: lru − clock (policy)`.
    public var title: String
    /// The other axes' values, then the difference, then `n`, then whether the interval excludes 0.
    public var table: TextTable
    /// Whether some difference has a confidence interval (n ≥ 2).
    public var hasIntervals: Bool
  }

  /// One table per compared axis, in axis order; empty when the report has no paired differences.
  ///
  /// The difference column has the metric's display unit, in percentage points (`pp`) for
  /// fractions; `CI excludes 0` is `yes` when the 95% interval lies on one side of zero, that is
  /// when the paired t test rejects "no difference" at the 5% level.
  public static func pairedDifferenceTables(_ report: Report, digits: Int) -> [PairedDifferenceTable] {
    var tables: [PairedDifferenceTable] = []
    var start = 0
    let all = report.pairedDifferences
    while start < all.count {
      var end = start
      while end < all.count && all[end].axis == all[start].axis { end += 1 }
      tables.append(pairedDifferenceTable(Array(all[start..<end]), axes: report.axes, digits: digits))
      start = end
    }
    return tables
  }

  /// The table of the differences of one axis.
  static func pairedDifferenceTable(_ rows: [PairedDifference], axes: [SweepAxis], digits: Int)
    -> PairedDifferenceTable
  {
    let first = rows[0]
    let headers = axisHeaders(axes)
    let axisIndex = axes.firstIndex { $0.path == first.axis }
    let otherAxes = axes.indices.filter { $0 != axisIndex }
    let unit = DisplayUnit.choose(for: first.metric.unit, values: rows.map { $0.difference.mean })
    let symbol = unit.symbol == "%" ? "pp" : unit.symbol
    let minuend = JSONWriter.text(first.minuend)
    let subtrahend = JSONWriter.text(first.subtrahend)
    let differenceHeader = "\(minuend) − \(subtrahend)" + (symbol.isEmpty ? "" : " (\(symbol))")
    var columns = otherAxes.map { a -> TextTable.Column in
      let numeric = axes[a].values.allSatisfy { if case .number = $0 { return true } else { return false } }
      return TextTable.Column(headers[a], numeric ? .right : .left)
    }
    columns += [
      TextTable.Column(differenceHeader, .right), TextTable.Column("n", .right),
      TextTable.Column("CI excludes 0", .left),
    ]
    var table = TextTable(columns: columns)
    for row in rows {
      let cells = otherAxes.map { a in
        row.parameters.first { $0.key == axes[a].path }.map { JSONWriter.text($0.value) } ?? ""
      }
      var excludes = ""
      if let ci = row.difference.ci95 { excludes = abs(row.difference.mean) > ci ? "yes" : "no" }
      table.append(cells + [unit.format(row.difference, digits: digits), String(row.difference.n), excludes])
    }
    let axisHeader = axisIndex.map { headers[$0] } ?? first.axis
    return PairedDifferenceTable(
      title: "\(first.metric.label): \(minuend) − \(subtrahend) (\(axisHeader))", table: table,
      hasIntervals: rows.contains { $0.difference.ci95 != nil })
  }
}
