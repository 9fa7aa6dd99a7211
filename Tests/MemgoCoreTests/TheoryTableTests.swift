import Testing

@testable import MemgoCore

/// The theory section of reports: built for every point, rendered in JSON and Markdown.
@Suite struct TheoryTableTests {
  static func report(cpus: Bool) throws -> Report {
    let json = """
      {"name": "t", "seed": 1, "replications": 2, "stop": {"time": "1s"}, "warmup": "100ms",
       "machine": {\(cpus ? "\"cpus\": 1," : "") "frames": 8, "zeroFill": false, "replacement": {"policy": "fifo"},
         "latency": {"diskRead": {"dist": "exponential", "mean": "1ms"}}},
       "processes": [{"name": "p", "count": 2, "addressSpace": "64KiB",
         "interval": {"dist": "exponential", "mean": "5ms"}, "size": "1B", "access": {"pattern": "loop", "pages": 12}}]}
      """
    let file = try ScenarioLoader.load(bytes: Array(json.utf8), path: "t.json")
    return Report.build(file: file, results: try Experiment.run(file), version: "test")
  }

  @Test func jsonCarriesTheory() throws {
    let text = JSONReportRenderer.render(try Self.report(cpus: false))
    #expect(text.contains("\"theory\": {"))
    #expect(text.contains("\"effectiveAccessTime\": {"))
    #expect(text.contains("\"gap\": {"))
    #expect(text.contains("\"relativeError\": "))
    #expect(text.contains("\"mvaNotApplicable\": null"))
  }

  @Test func markdownTableWithMVA() throws {
    let report = try Self.report(cpus: false)
    let point = try #require(report.points.first?.theory)
    #expect(point.mva?.processes == 2)
    let text = MarkdownRenderer.render(report)
    #expect(text.contains("## Theory cross-check"))
    #expect(text.contains("X MVA (req/s)"))
    let table = try #require(TheoryTable.table(report, digits: 4))
    #expect(table.columns.count == 7)
  }

  @Test func markdownSaysWhyMVADoesNotApply() throws {
    let report = try Self.report(cpus: true)
    #expect(report.points[0].theory?.mva == nil)
    #expect(JSONReportRenderer.render(report).contains("\"mvaNotApplicable\": \"a CPU pool (cpus) is set\""))
    let text = MarkdownRenderer.render(report)
    #expect(text.contains("No MVA cross-check: a CPU pool (cpus) is set."))
    #expect(!text.contains("X MVA"))
    #expect(try #require(TheoryTable.table(report, digits: 4)).columns.count == 3)
  }

  @Test func signedPercent() {
    #expect(TheoryTable.signedPercent(0.0042) == "+0.42%")
    #expect(TheoryTable.signedPercent(-0.125) == "-12.50%")
  }
}
