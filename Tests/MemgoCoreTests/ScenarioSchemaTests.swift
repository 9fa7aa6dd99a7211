import Testing

@testable import MemgoCore

@Suite struct ScenarioSchemaTests {
  func check(_ path: String) -> String? {
    guard let parsed = JSONPath(parsing: path) else { return "unparsable" }
    return ScenarioSchema.checkSweepPath(parsed)
  }

  /// Every sweepable path into a value of `kind` under `prefix`, from the key declarations.
  static func paths(_ kind: ValueKind, _ prefix: String) -> [String] {
    switch kind {
    case .object(let shape):
      return shape.keys.filter(\.sweepable).flatMap { key -> [String] in
        let path = prefix.isEmpty ? key.name : "\(prefix).\(key.name)"
        return [path] + paths(key.kind, path)
      }
    case .array(let element): return paths(element, "\(prefix)[3]")
    case .distribution: return Distribution.family.allKeys.map { "\(prefix).\($0)" }
    case .accessPattern: return AccessPatternConfig.family.allKeys.map { "\(prefix).\($0)" }
    default: return []
    }
  }

  /// Every key the decoders accept can be named by a sweep (except $schema, name, description and sweep).
  @Test func everyDecodedKeyIsSweepable() {
    let shape = Scenario.keyTable.shape
    var paths = Self.paths(.object(shape), "")
    #expect(Set(ScenarioSchema.unsweepable) == ["$schema", "name", "description", "sweep"])
    #expect(paths.contains("machine.tlb.entries"))
    #expect(paths.contains("processes[3].access.hotFraction"))
    #expect(paths.contains("machine.latency.diskRead.mean"))
    #expect(paths.count > 60)
    paths += ["processes[0].size.values[2]", "processes[0].interval.weights[0]"]
    for path in paths { #expect(check(path) == nil, "\(path)") }
  }

  /// The distribution and access-pattern families list each parameter once, after their tag.
  @Test func parametersOfEveryKindAreDistributionKeys() {
    let parameters = Set(Distribution.family.variants.flatMap(\.parameters).map(\.name) + ["dist"])
    #expect(parameters == Set(Distribution.family.allKeys))
    #expect(
      Distribution.family.allKeys == [
        "dist", "value", "min", "max", "mean", "stddev", "scale", "shape", "values", "weights",
      ])
    let patternParameters = Set(AccessPatternConfig.family.variants.flatMap(\.parameters).map(\.name) + ["pattern"])
    #expect(patternParameters == Set(AccessPatternConfig.family.allKeys))
    #expect(
      AccessPatternConfig.family.allKeys == [
        "pattern", "stride", "pages", "exponent", "hotFraction", "hotProbability", "size", "phaseLength", "locality",
        "path", "format",
      ])
  }

  @Test func rejectedPaths() {
    #expect(check("sweep") == #""sweep" cannot be swept"#)
    #expect(check("description") == #""description" cannot be swept"#)
    #expect(check("name") == #""name" cannot be swept"#)
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
