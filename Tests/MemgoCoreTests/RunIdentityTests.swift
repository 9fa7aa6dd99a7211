import Testing

@testable import MemgoCore

@Suite struct RunIdentityTests {
  @Test func recordsTheRunAndRebuildsItsScenario() throws {
    let plan = try ExperimentTestSupport.plan(seed: 9, replications: 2)
    let identity = plan.identity
    #expect(identity.scenario == "tiny-sweep")
    #expect(identity.seed == 9)
    #expect(identity.replications == 2)
    #expect(identity.seedOverride == 9)
    #expect(identity.units == 12)
    #expect(identity.hash == ContentHash.hex(of: JSONWriter.compact(identity.definition)))
    let rebuilt = try identity.scenarioFile(file: "part.json")
    #expect(Experiment.units(of: rebuilt) == plan.units)
    #expect(rebuilt.points.map(\.scenario.seed) == plan.scenario.points.map(\.scenario.seed))
    #expect(rebuilt.points.map(\.parameters) == plan.scenario.points.map(\.parameters))
  }

  @Test func namesEveryDifference() throws {
    let a = try ExperimentTestSupport.plan().identity
    #expect(a.differences(from: a).isEmpty)
    var b = a
    b.seed = 6
    b.version = "0.0.9"
    #expect(b.differences(from: a) == ["seed 6, not 5", "memgo 0.0.9, not 0.1.0"])
    let other = RunPlan(
      loaded: try ExperimentTestSupport.sweep(name: "other"), seedOverride: nil, replicationsOverride: 4,
      version: "0.1.0"
    ).identity
    let phrases = other.differences(from: a)
    #expect(phrases.count == 3)
    #expect(phrases[0] == "scenario 'other', not 'tiny-sweep'")
    #expect(phrases[1].hasPrefix("scenario file hash "))
    #expect(phrases[2] == "4 replications per point, not 3")
  }

  @Test func refusesAHeaderThatDoesNotMatchItsScenario() throws {
    var identity = try ExperimentTestSupport.plan().identity
    identity.seed = 77
    #expect(throws: ScenarioError.self) { try identity.scenarioFile(file: "p.json") }
    identity = try ExperimentTestSupport.plan().identity
    identity.definition = .object([])
    identity.hash = ContentHash.hex(of: "{}")
    #expect(throws: ScenarioError.self) { try identity.scenarioFile(file: "p.json") }
  }

  /// Naming the JSON Schema with `$schema` changes neither the run's hash nor the definition its
  /// partial results carry.
  @Test func aSchemaReferenceDoesNotChangeTheIdentity() throws {
    let json = ExperimentTestSupport.sweepJSON()
    let named = "{\"$schema\": \"../docs/scenario.schema.json\", " + json.drop { $0 != "{" }.dropFirst()
    func identity(_ text: String) throws -> RunIdentity {
      let file = try ScenarioLoader.load(bytes: Array(text.utf8), path: "tiny-sweep.json")
      return RunIdentity(file: file, seedOverride: nil, replicationsOverride: nil, version: "0.1.0")
    }
    let a = try identity(json)
    let b = try identity(named)
    #expect(named.contains("$schema") && named != json)
    #expect(b.hash == a.hash)
    #expect(b.definition == a.definition)
    #expect(b.differences(from: a).isEmpty)
    #expect(try b.scenarioFile(file: "part.json").points.count == 6)
  }
}
