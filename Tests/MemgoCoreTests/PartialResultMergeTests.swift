import Testing

@testable import MemgoCore

@Suite struct PartialResultMergeTests {
  /// The part texts of a 3-way sharding of `plan`, keyed by file name.
  static func parts(_ plan: RunPlan, count: Int = 3) throws -> [String: String] {
    var parts: [String: String] = [:]
    for k in 1...count {
      let shard = try #require(ShardSpec(index: k, count: count))
      let entries = try PartialResultTests.entries(plan, units: shard.units(of: plan.units.count))
      parts["p\(k).json"] = PartialResult(identity: plan.identity, shard: shard).text(entries)
    }
    return parts
  }

  static func merge(_ files: [String: String], _ order: [String], version: String = "0.1.0") throws(ScenarioLoadError)
    -> Report
  {
    try PartialResultMerge.merge(paths: order, version: version) { path throws(ScenarioLoadError) in
      guard let text = files[path] else { throw .io("\(path): cannot open: No such file or directory") }
      return Array(text.utf8)
    }
  }

  static func problems(_ files: [String: String], _ order: [String], version: String = "0.1.0") -> [String] {
    do {
      _ = try merge(files, order, version: version)
      return []
    } catch {
      return error.lines
    }
  }

  @Test func mergesShardsInAnyOrderIntoTheUnshardedReport() throws {
    let plan = try ExperimentTestSupport.plan()
    let parts = try Self.parts(plan)
    let unsharded = Report.build(
      file: plan.scenario, results: try Experiment.run(plan.scenario, jobs: 2), version: "0.1.0")
    let expected = ExperimentTestSupport.renderings(unsharded)
    #expect(ExperimentTestSupport.renderings(try Self.merge(parts, ["p1.json", "p2.json", "p3.json"])) == expected)
    #expect(ExperimentTestSupport.renderings(try Self.merge(parts, ["p3.json", "p1.json", "p2.json"])) == expected)
  }

  @Test func refusesPartsOfAnotherRunOrVersion() throws {
    let plan = try ExperimentTestSupport.plan()
    var parts = try Self.parts(plan)
    let otherSeed = try Self.parts(try ExperimentTestSupport.plan(seed: 6))
    parts["q2.json"] = otherSeed["p2.json"]
    let lines = Self.problems(parts, ["p1.json", "q2.json", "p3.json"])
    #expect(lines.first == "q2.json: not the same run as p1.json: seed 6, not 5")
    #expect(lines.count == 2)
    #expect(lines.last?.hasPrefix("merge: missing 6 of 18 work units: 1 (point 0, replication 1), 4 (point 1,") == true)
    #expect(lines.last?.hasSuffix("(in shard 2/3; merge every shard's part)") == true)

    let other = RunPlan(
      loaded: try ExperimentTestSupport.sweep(name: "renamed"), seedOverride: nil, replicationsOverride: nil,
      version: "0.1.0")
    parts["r.json"] = try Self.parts(other)["p2.json"]
    #expect(
      Self.problems(parts, ["p1.json", "r.json", "p3.json"]).first?.contains("scenario 'renamed', not 'tiny-sweep'")
        == true)
    #expect(
      Self.problems(parts, ["p1.json", "p2.json", "p3.json"], version: "0.2.0").first
        == "p1.json: written by memgo 0.1.0, this is memgo 0.2.0 (merge parts with the memgo version that ran them)")
  }

  @Test func refusesDuplicatesAndNamesMissingUnits() throws {
    let plan = try ExperimentTestSupport.plan()
    let parts = try Self.parts(plan)
    let duplicated = Self.problems(parts, ["p1.json", "p2.json", "p3.json", "p2.json"])
    #expect(duplicated.count == 6)
    #expect(duplicated[0] == "p2.json: unit 1 (point 0, replication 1) is also in p2.json (give each part once)")
    let missing = Self.problems(parts, ["p1.json", "p3.json"])
    #expect(missing.count == 1)
    #expect(
      missing[0]
        == "merge: missing 6 of 18 work units: 1 (point 0, replication 1), 4 (point 1, replication 1), "
        + "7 (point 2, replication 1), 10 (point 3, replication 1), 13 (point 4, replication 1), "
        + "16 (point 5, replication 1) (in shard 2/3; merge every shard's part)")
    #expect(Self.problems(parts, ["nope.json"]) == ["nope.json: cannot open: No such file or directory"])
  }
}
