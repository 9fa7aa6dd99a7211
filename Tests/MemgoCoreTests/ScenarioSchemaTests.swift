import Testing

@testable import MemgoCore

@Suite struct ScenarioSchemaTests {
  func check(_ path: String) -> String? {
    guard let parsed = JSONPath(parsing: path) else { return "unparsable" }
    return ScenarioSchema.checkSweepPath(parsed)
  }

  /// Every key the decoders accept can be named by a sweep (except name, description and sweep).
  @Test func everyDecodedKeyIsSweepable() {
    var paths: [String] = []
    paths += ScenarioSchema.topKeys.filter { !ScenarioSchema.unsweepable.contains($0) }
    paths += ScenarioSchema.stopKeys.map { "stop.\($0)" }
    paths += ScenarioSchema.machineKeys.map { "machine.\($0)" }
    paths += ScenarioSchema.tlbKeys.map { "machine.tlb.\($0)" }
    paths += ScenarioSchema.pageTableKeys.map { "machine.pageTable.\($0)" }
    paths += ScenarioSchema.replacementKeys.map { "machine.replacement.\($0)" }
    paths += ScenarioSchema.latencyKeys.map { "machine.latency.\($0)" }
    paths += ScenarioSchema.diskKeys.map { "machine.disk.\($0)" }
    paths += ScenarioSchema.processKeys.map { "processes[3].\($0)" }
    paths += ScenarioSchema.accessKeys.map { "processes[0].access.\($0)" }
    paths += ScenarioSchema.distributionKeys.map { "machine.latency.diskRead.\($0)" }
    paths += ["processes[0].size.values[2]", "processes[0].interval.weights[0]"]
    for path in paths { #expect(check(path) == nil, "\(path)") }
  }

  @Test func parametersOfEveryKindAreDistributionKeys() {
    let parameters = Set(ScenarioSchema.distributions.flatMap(\.parameters) + ["dist"])
    #expect(parameters == Set(ScenarioSchema.distributionKeys))
    let patternParameters = Set(ScenarioSchema.patterns.flatMap(\.parameters) + ["pattern"])
    #expect(patternParameters == Set(ScenarioSchema.accessKeys))
  }

  @Test func rejectedPaths() {
    #expect(check("sweep") == #""sweep" cannot be swept"#)
    #expect(check("description") == #""description" cannot be swept"#)
    #expect(check("sead") == #"unknown scenario path "sead" (did you mean "seed"?)"#)
    #expect(
      check("machine.tlbb.entries")
        == #"unknown scenario path "machine.tlbb.entries" (did you mean "machine.tlb.entries"?)"#)
    #expect(
      check("processes[0].size.values.x")
        == "processes[0].size.values is an array: name an element, e.g. processes[0].size.values[0].x")
    #expect(check("processes[0].size[0]") == "processes[0].size holds a single value: a sweep path cannot go inside it")
  }
}
