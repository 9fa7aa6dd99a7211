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
}
