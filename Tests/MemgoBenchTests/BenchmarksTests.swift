import Testing

@testable import MemgoBench
@testable import MemgoCore

@Suite struct BenchmarksTests {
  /// The trace cases run on one generated trace and count its references; no timing is checked.
  @Test func traceCasesMeasureTheGeneratedTrace() throws {
    let cases = Benchmarks.traceCases(references: 3000)
    #expect(
      cases.map(\.name) == ["trace-lru", "trace-lru-1-thread", "trace-mrc", "trace-mrc-shards", "trace-lru-classified"])
    var messages: [String] = []
    let measurements = try Benchmarks.run(cases) { messages.append($0) }
    #expect(messages.first == "generating a 3000-line plain trace")
    #expect(messages.filter { $0.hasPrefix("generating") }.count == 1)
    #expect(measurements.count == 5)
    for m in measurements {
      #expect(m.references == 3000)
      #expect(m.accesses >= 3000)
      #expect(m.setupSeconds > 0)
    }
  }

  @Test func desCaseKeepsItsScenario() {
    let cases = Benchmarks.cases(quick: true, long: false)
    #expect(cases.first?.name == "des-zipf-lru")
    #expect(cases.first?.scenario != nil)
    #expect(cases.last?.scenario == nil)
  }
}
