/// The output formats of a report (`--format table|markdown|csv|json`).
public enum ReportFormat: String, CaseIterable, Sendable {
  /// Aligned plain text for a terminal (`TableRenderer`).
  case table
  /// GitHub-flavoured Markdown (`MarkdownRenderer`).
  case markdown
  /// CSV, one record per point and scope (`CSVRenderer`).
  case csv
  /// JSON (`JSONReportRenderer`).
  case json

  /// The file name extension of a report file in this format (`md`, `csv`, `json`); `nil` for
  /// `table`, which is only printed.
  public var fileExtension: String? {
    switch self {
    case .table: return nil
    case .markdown: return "md"
    case .csv: return "csv"
    case .json: return "json"
    }
  }

  /// `report` rendered in this format; the same report always gives the same text.
  public func render(_ report: Report) -> String {
    switch self {
    case .table: return TableRenderer.render(report)
    case .markdown: return MarkdownRenderer.render(report)
    case .csv: return CSVRenderer.render(report)
    case .json: return JSONReportRenderer.render(report)
    }
  }
}
