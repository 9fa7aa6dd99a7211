import Testing

@testable import MemgoCore

@Suite struct PartialResultTests {
  static func entries(_ plan: RunPlan, units: [Int]) throws -> [PartialResult.Entry] {
    try units.map { u in
      let unit = plan.units[u]
      return PartialResult.Entry(
        unit: u, point: unit.point, replication: unit.replication,
        result: try Experiment.run(plan.scenario.points[unit.point].scenario, replication: unit.replication))
    }
  }

  static func read(_ text: String, known: RunPlan? = nil) throws -> (PartialResult, [PartialResult.Entry]) {
    var entries: [PartialResult.Entry] = []
    let (header, _) = try PartialResult.read(bytes: Array(text.utf8), file: "part.json", known: known) {
      entry throws(ScenarioError) in entries.append(entry)
    }
    return (header, entries)
  }

  @Test func roundTripsHeaderAndEntries() throws {
    let plan = try ExperimentTestSupport.plan(seed: 8)
    let shard = try #require(ShardSpec(index: 2, count: 5))
    let written = try Self.entries(plan, units: shard.units(of: plan.units.count))
    let text = PartialResult(identity: plan.identity, shard: shard).text(written)
    #expect(text.hasPrefix("{\n  \"memgoPartialResult\": 2,\n  \"memgo\": \"0.1.0\",\n"))
    #expect(text.contains("\n  \"overrides\": {\"seed\": 8},\n"))
    #expect(text.contains("\n  \"shard\": \"2/5\",\n"))
    #expect(text.hasSuffix("\n  ]\n}\n"))
    for known in [nil, plan] {
      let (header, read) = try Self.read(text, known: known)
      #expect(header.identity == plan.identity)
      #expect(header.shard == shard)
      #expect(read.map(\.unit) == [1, 6, 11, 16])  // 18 units, every fifth from the second
      #expect(read.map(\.result) == written.map(\.result))
    }
    let (_, none) = try Self.read(PartialResult(identity: plan.identity, shard: nil).text([]))
    #expect(none.isEmpty)
  }

  static func problem(_ text: String) -> String {
    do {
      _ = try read(text)
      return "no problem"
    } catch {
      return "\(error)"
    }
  }

  @Test func refusesWhatIsNotAPartOfThisScenario() throws {
    let plan = try ExperimentTestSupport.plan()
    let shard = try #require(ShardSpec(index: 1, count: 4))
    let text = try PartialResult(identity: plan.identity, shard: shard).text(Self.entries(plan, units: [0]))
    #expect(Self.problem(text) == "no problem")
    #expect(Self.problem("{\"memgo\": \"0.1.0\"}").hasPrefix("part.json: not a memgo partial result (expected"))
    #expect(Self.problem("nonsense").hasPrefix("part.json: not a memgo partial result: line 1"))
    #expect(
      Self.problem(text.replacingFirst("\"memgoPartialResult\": 2", with: "\"memgoPartialResult\": 1"))
        == "part.json: memgoPartialResult: format 1 is not supported (expected 2)")
    #expect(
      Self.problem(text.replacingFirst("\"unit\": 0, \"point\": 0", with: "\"unit\": 4, \"point\": 0"))
        == "part.json: results[0]: unit 4 is point 1, replication 1 of this scenario, not point 0, replication 0")
    #expect(
      Self.problem(
        text.replacingFirst(
          "\"unit\": 0, \"point\": 0, \"replication\": 0", with: "\"unit\": 1, \"point\": 0, \"replication\": 1"))
        == "part.json: results[0].unit: unit 1 does not belong to shard 1/4")
    #expect(
      Self.problem(text.replacingFirst("\"unit\": 0,", with: "\"unit\": 18,")).contains(
        "results[0].unit: expected a whole number in 0...17"))
    #expect(
      Self.problem(text.replacingFirst("\"seed\": 5,", with: "\"seed\": 6,")).contains(
        "the header does not match the scenario"))
    #expect(
      Self.problem(text.replacingFirst("\"shard\": \"1/4\"", with: "\"shard\": \"5/4\"")).contains(
        "shard: expected \"K/N\""))
    // A result with the wrong number of group tallies.
    let oneGroup = text.replacingFirst("\"groups\": [{", with: "\"groups\": [{\"x\": 1}, {")
    #expect(Self.problem(oneGroup).contains("results[0].result.groups[0].x: unknown key"))
  }
}
