import Testing

@testable import MemgoCore

/// `RunTally.counters` and `RunTally.sums` are the one list of a tally's numbers that `add` and
/// the partial-result format derive from; a stored number missing from them would be lost by
/// shards and resume.
@Suite struct RunTallyTests {
  /// Each stored property's name and value, read by reflection, not through the lists.
  static func storedNumbers(_ tally: RunTally) -> (counters: [String: Int64], sums: [String: Double]) {
    var counters: [String: Int64] = [:]
    var sums: [String: Double] = [:]
    for child in Mirror(reflecting: tally).children {
      guard let name = child.label else { continue }
      if let n = child.value as? Int64 { counters[name] = n }
      if let x = child.value as? Double { sums[name] = x }
    }
    return (counters, sums)
  }

  @Test func theListsNameEveryStoredNumberOnceUnderItsOwnName() {
    var tally = RunTally()
    for (k, (_, keyPath)) in RunTally.counters.enumerated() { tally[keyPath: keyPath] = Int64(k + 1) }
    for (k, (_, keyPath)) in RunTally.sums.enumerated() { tally[keyPath: keyPath] = Double(k) + 0.5 }
    let (counters, sums) = Self.storedNumbers(tally)
    #expect(RunTally.counters.count == counters.count)
    #expect(RunTally.sums.count == sums.count)
    // Every stored number was set through the list entry of its own name.
    for (k, (name, _)) in RunTally.counters.enumerated() { #expect(counters[name] == Int64(k + 1), "\(name)") }
    for (k, (name, _)) in RunTally.sums.enumerated() { #expect(sums[name] == Double(k) + 0.5, "\(name)") }
    // And the only other stored property is the latency histogram.
    let others = Mirror(reflecting: tally).children.compactMap(\.label).filter {
      counters[$0] == nil && sums[$0] == nil
    }
    #expect(others == ["latency"])
  }

  @Test func addSumsEveryStoredNumberAndTheHistograms() {
    let a = ExperimentTestSupport.randomResult(seed: 1, groups: 1).machine
    let b = ExperimentTestSupport.randomResult(seed: 2, groups: 1).machine
    var sum = a
    sum.add(b)
    let (x, xs) = Self.storedNumbers(a)
    let (y, ys) = Self.storedNumbers(b)
    let (z, zs) = Self.storedNumbers(sum)
    for (name, n) in z { #expect(n == x[name]! + y[name]!, "\(name)") }
    for (name, v) in zs { #expect(v == xs[name]! + ys[name]!, "\(name)") }
    #expect(sum.latency.count == a.latency.count + b.latency.count)
  }

  @Test func thePartialFormatKeepsEveryStoredNumber() throws {
    let result = ExperimentTestSupport.randomResult(seed: 3, groups: 2)
    let back = try RunResult(json: result.jsonValue, at: JSONPath(), file: "part.json")
    #expect(back == result)
    let (counters, _) = Self.storedNumbers(back.machine)
    #expect(counters.values.allSatisfy { $0 != 0 })  // randomResult sets every counter
  }
}
