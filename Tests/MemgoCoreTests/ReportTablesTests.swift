import Testing

@testable import MemgoCore

@Suite struct ReportTablesTests {
  @Test func axisHeadersUseTheLastComponent() {
    let axes = ["machine.frames", "machine.replacement.policy", "processes[0].count", "seed"].map {
      SweepAxis(path: $0, values: [])
    }
    #expect(ReportTables.axisHeaders(axes) == ["frames", "policy", "count", "seed"])
  }

  @Test func clashingHeadersUseTheWholePath() {
    let axes = ["processes[0].count", "processes[1].count", "machine.frames"].map { SweepAxis(path: $0, values: []) }
    #expect(ReportTables.axisHeaders(axes) == ["processes[0].count", "processes[1].count", "frames"])
  }

  @Test func mainTableShape() {
    let table = ReportTables.mainTable(ReportFixtures.tinyReport(), digits: 3)
    #expect(
      table.columns.map(\.header) == [
        "frames", "fault rate (%)", "TLB hit (%)", "latency (µs)", "p99 (µs)", "req/s", "disk util (%)",
      ])
    #expect(table.rows.count == 2)
    #expect(table.rows[0][0] == "64")
    #expect(table.columns[0].alignment == .right)
  }

  @Test func groupTableHasOneRowPerPointAndGroup() {
    let table = ReportTables.groupTable(ReportFixtures.tinyReport(), digits: 3)
    #expect(table.rows.map { $0[0] + "/" + $0[1] } == ["64/db", "64/web", "128/db", "128/web"])
    #expect(table.columns.count == 1 + 1 + ReportTables.groupMetrics.count)
  }

  @Test func allMetricsTableListsEveryMetricWithItsUnit() {
    let table = ReportTables.allMetricsTable(ReportFixtures.singleReport().points[0].metrics, digits: 3)
    #expect(table.rows.map { $0[0] } == Metric.allCases.map(\.label))
    #expect(table.rows[Metric.faultRate.rawValue][1] == "10.0 %")
    #expect(table.rows[Metric.diskWait.rawValue][1] == "1.00 ms")
    #expect(table.rows[Metric.requests.rawValue][1] == "300")
  }
}
