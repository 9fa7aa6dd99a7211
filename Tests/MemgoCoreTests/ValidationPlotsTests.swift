import Testing

@testable import MemgoCore

@Suite struct ValidationPlotsTests {
  @Test func mm1ClosedForm() {
    #expect(ValidationPlots.mm1Wait(utilization: 0.5, service: 0.002) == 0.002)
    #expect(ValidationPlots.mm1Wait(utilization: 0.75, service: 0.001) == 0.003)
    #expect(ValidationPlots.mm1Wait(utilization: 1, service: 0.001) == .infinity)
  }

  /// A repairman sweep: one point per N, the MVA line through the predictions.
  @Test func repairmanPlotFromReport() throws {
    let json = """
      {"name": "r", "seed": 1, "replications": 2, "stop": {"time": "1s"}, "warmup": "100ms",
       "machine": {"frames": 8, "zeroFill": false, "replacement": {"policy": "fifo"},
         "latency": {"diskRead": {"dist": "exponential", "mean": "1ms"}}},
       "processes": [{"name": "p", "count": 1, "addressSpace": "64KiB",
         "interval": {"dist": "exponential", "mean": "5ms"}, "size": "1B", "access": {"pattern": "loop", "pages": 12}}],
       "sweep": {"processes[0].count": [1, 3]}}
      """
    let file = try ScenarioLoader.load(bytes: Array(json.utf8), path: "r.json")
    let report = Report.build(file: file, results: try Experiment.run(file), version: "t")
    let plot = ValidationPlots.repairman(report)
    #expect(plot.points.map(\.x) == [1, 3])
    // The MVA curve at every n = 1...3; at n = 3 it is the prediction of the N = 3 point.
    #expect(plot.line.map(\.x) == [1, 2, 3])
    let predicted = try #require(report.points[1].theory?.mva?.throughput.predicted.mean)
    #expect(abs(plot.line[2].y - predicted) <= 1e-9 * predicted)
    let eat = ValidationPlots.eat(report)
    #expect(eat.points.count == 2 && eat.logX && eat.logY)
    let mm1 = ValidationPlots.mm1(report, service: 0.001)
    #expect(mm1.points.count == 2)
    #expect(mm1.line.first?.y == 0)
  }

  /// A report with one point per (scope, count) pair and the given throughputs, built by hand.
  static func sweepReport(_ rows: [(scope: String, count: Int, throughput: Double)]) -> Report {
    var report = Report(
      memgoVersion: "t", scenario: "t", description: "", seed: 1, replications: 1, axes: [], points: [])
    for (i, row) in rows.enumerated() {
      var metrics = MetricSummaries(summaries: Array(repeating: Summary([0]), count: Metric.count))
      metrics[.throughput] = Summary([row.throughput])
      metrics[.faults] = Summary([Double(row.count)])
      report.points.append(
        PointReport(
          index: i,
          parameters: [
            JSONMember(key: "scope", value: .string(row.scope)),
            JSONMember(key: "count", value: .number(String(row.count))),
          ],
          replications: 1, metrics: metrics, processes: []))
    }
    return report
  }

  @Test func thrashingPlotTakesOneScopeAndMarksTheKnee() {
    let report = Self.sweepReport([
      ("global", 1, 100), ("global", 2, 180), ("workingset", 1, 99), ("global", 4, 50),
    ])
    let plot = ValidationPlots.thrashing(report, scope: "global", frames: 1000, workingSet: 250)
    #expect(plot.points.map(\.x) == [1, 2, 4])
    #expect(plot.points.map(\.y) == [100, 180, 50])
    // A vertical line at N = 1000 / 250 = 4 from 0 to just above the highest point.
    #expect(plot.line.map(\.x) == [4, 4])
    #expect(plot.line[0].y == 0 && plot.line[1].y == 180 * 1.05)
    #expect(plot.lineLabel.hasSuffix("(N = 4.0)"))
  }

  @Test func beladyPlotHasTheTextbookLine() {
    let plot = ValidationPlots.belady(Self.sweepReport([("fifo", 3, 0), ("fifo", 4, 0)]))
    #expect(plot.line.map(\.y) == [12, 12, 9, 10, 5, 5, 5])
    #expect(plot.points.count == 2)
  }
}

