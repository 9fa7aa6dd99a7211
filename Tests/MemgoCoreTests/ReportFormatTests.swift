import Testing

@testable import MemgoCore

@Suite struct ReportFormatTests {
  @Test func dispatchesToTheRenderers() {
    let report = ReportFixtures.tinyReport()
    #expect(ReportFormat.table.render(report) == TableRenderer.render(report))
    #expect(ReportFormat.markdown.render(report) == MarkdownRenderer.render(report))
    #expect(ReportFormat.csv.render(report) == CSVRenderer.render(report))
    #expect(ReportFormat.json.render(report) == JSONReportRenderer.render(report))
  }

  @Test func namesAndExtensions() {
    #expect(ReportFormat.allCases.map(\.rawValue) == ["table", "markdown", "csv", "json"])
    #expect(ReportFormat.allCases.map(\.fileExtension) == [nil, "md", "csv", "json"])
  }

  /// Rendering is a pure function of the report: the same report built twice renders identically,
  /// and nothing from the file's path leaks into any format.
  @Test func deterministicAndPathFree() {
    for format in ReportFormat.allCases {
      let a = format.render(ReportFixtures.tinyReport())
      let b = format.render(ReportFixtures.tinyReport())
      #expect(a == b)
      #expect(!a.contains("somewhere"))
      #expect(a.hasSuffix("\n"))
    }
  }
}
