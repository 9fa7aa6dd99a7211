import Testing

@testable import MemgoCore

@Suite struct ReportTests {
  @Test func headerComesFromTheFile() {
    let report = ReportFixtures.tinyReport()
    #expect(report.memgoVersion == "0.1.0")
    #expect(report.scenario == "tiny")
    #expect(report.description == "Two groups share 64 or 128 frames.")
    #expect(report.seed == 7)
    #expect(report.replications == 2)
    #expect(report.axes == [SweepAxis(path: "machine.frames", values: [.number("64"), .number("128")])])
  }

  @Test func pointsKeepTheirParametersAndGroups() {
    let report = ReportFixtures.tinyReport(replications: [2, 1])
    #expect(report.points.map(\.index) == [0, 1])
    #expect(report.points.map(\.replications) == [2, 1])
    // Point 1, replication 0: db has k = 2 (200 requests), web k = 4 (400).
    #expect(report.points[1].parameters == [JSONMember(key: "machine.frames", value: .number("128"))])
    #expect(report.points[0].processes.map(\.name) == ["db", "web"])
    #expect(report.points[1].metrics[.requests] == Summary(mean: 600, stddev: nil, ci95: nil, n: 1))
  }

  /// Each metric is the summary of the per-replication values (k = 1 and 2 for group db at point 0).
  @Test func metricsSummariseReplications() {
    let report = ReportFixtures.tinyReport()
    let db = report.points[0].processes[0].metrics
    #expect(db[.requests] == Summary([100, 200]))
    #expect(db[.diskUtilization].mean == Summary([0.1, 0.2]).mean)
    #expect(db[.faultRate] == Summary(mean: 0.1, stddev: 0, ci95: 0, n: 2))
    // The machine: groups db (k = 1, 2) and web (k = 2, 3) together.
    #expect(report.points[0].metrics[.requests] == Summary([300, 500]))
  }

  /// Percentiles are taken per replication, then averaged: not the percentile of pooled samples.
  @Test func percentilesArePerReplication() {
    func run(_ latencies: [Int64]) -> RunResult {
      var tally = RunTally()
      tally.requests = Int64(latencies.count)
      for l in latencies { tally.latency.record(l) }
      return ReportFixtures.run([tally])
    }
    let base = ReportFixtures.scenario(groups: ["only"])
    let file = ScenarioFile(
      path: "p.json", json: .null, base: base, axes: [], points: [SweepPoint(index: 0, parameters: [], scenario: base)])
    let report = Report.build(
      file: file, results: [[run([1, 1, 1, 100]), run([100, 100, 100, 1])]], version: "test")
    // Per replication: 1 ps and 100 ps; pooled, the median would be 1 ps.
    #expect(abs(report.points[0].metrics[.latencyP50].mean - 50.5e-12) < 1e-24)
    #expect(report.points[0].metrics[.latencyMax].mean == 100e-12)
    #expect(abs(report.points[0].processes[0].metrics[.latencyP50].mean - 50.5e-12) < 1e-24)
  }

  @Test func metricSummariesAreIndexedByMetric() {
    var table = MetricSummaries(replications: [MetricValues(values: Metric.allCases.map { Double($0.rawValue) })])
    #expect(table.summaries.count == Metric.count)
    #expect(table[.faultRate].mean == Double(Metric.faultRate.rawValue))
    table[.latencyMax] = Summary([1, 2])
    #expect(table.summaries[Metric.latencyMax.rawValue].n == 2)
    #expect(MetricSummaries(replications: []).summaries.allSatisfy { $0 == Summary([]) })
  }
}
