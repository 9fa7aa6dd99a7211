import Testing

@testable import MemgoCore

@Suite struct ReportBuilderTests {
  @Test func anyOrderGivesTheReportOfReportBuild() throws {
    let file = try ExperimentTestSupport.sweep(replications: 2)
    let nested = try Experiment.run(file, jobs: 1)
    let expected = ExperimentTestSupport.renderings(Report.build(file: file, results: nested, version: "0.1.0"))
    let flat = nested.flatMap { $0 }
    var rng = SplitMix64(seed: 99)
    for _ in 0..<5 {
      var order = Array(flat.indices)
      for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
      var builder = ReportBuilder(file: file, version: "0.1.0")
      for (n, i) in order.enumerated() {
        #expect(builder.report() == nil)
        #expect(builder.completedUnits == n)
        let added = builder.add(unit: i, result: flat[i])
        #expect(added)
      }
      let report = try #require(builder.report())
      #expect(ExperimentTestSupport.renderings(report) == expected)
    }
  }

  @Test func refusesDuplicatesAndListsMissingUnits() throws {
    let file = try ExperimentTestSupport.sweep(replications: 2)
    var builder = ReportBuilder(file: file, version: "0.1.0")
    #expect(builder.totalUnits == 12)
    #expect(builder.groupCount(ofUnit: 5) == 2)
    let result = try Experiment.run(file.points[1].scenario, replication: 1)
    let first = builder.add(unit: 3, result: result)
    let second = builder.add(unit: 3, result: result)
    #expect(first)
    #expect(!second)
    #expect(builder.contains(unit: 3))
    #expect(!builder.contains(unit: 4))
    #expect(!builder.contains(unit: 99))
    #expect(builder.missingUnits == [0, 1, 2] + Array(4..<12))
    #expect(!builder.isComplete)
  }

  @Test func keepsTheChosenPrimaryMetricForPairedDifferences() throws {
    let file = try ExperimentTestSupport.sweep(replications: 2)
    let report = Report.build(
      file: file, results: try Experiment.run(file, jobs: 2), version: "0.1.0", primaryMetric: .latencyMean)
    // Policy has two values: one difference per memory size.
    #expect(report.pairedDifferences.count == 3)
    #expect(report.pairedDifferences.allSatisfy { $0.metric == .latencyMean && $0.difference.n == 2 })
  }
}
