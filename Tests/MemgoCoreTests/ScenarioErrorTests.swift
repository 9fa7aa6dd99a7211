import Testing

@testable import MemgoCore

@Suite struct ScenarioErrorTests {
  @Test func rendersFilePathAndMessage() {
    let error = ScenarioError(
      file: "scenarios/x.json", path: JSONPath(parsing: "machine.tlb.ways")!, message: "3 does not divide entries (64)")
    #expect(error.description == "scenarios/x.json: machine.tlb.ways: 3 does not divide entries (64)")
    let whole = ScenarioError(
      file: "x.json", path: .root, message: "line 1, column 1: empty input (expected a JSON value)")
    #expect(whole.description == "x.json: line 1, column 1: empty input (expected a JSON value)")
  }

  @Test func loadErrorsMapToExitStatuses() {
    let io = ScenarioLoadError.io("x.json: cannot open: No such file or directory")
    #expect(io.exitStatus == 1)
    #expect(io.lines == ["x.json: cannot open: No such file or directory"])
    let invalid = ScenarioLoadError.invalid([
      ScenarioError(file: "x.json", path: JSONPath(parsing: "seed")!, message: "a"),
      ScenarioError(file: "x.json", path: .root, message: "b"),
    ])
    #expect(invalid.exitStatus == 2)
    #expect(invalid.lines == ["x.json: seed: a", "x.json: b"])
    #expect(invalid.description == "x.json: seed: a\nx.json: b")
  }
}
