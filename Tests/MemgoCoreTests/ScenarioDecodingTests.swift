import Testing

@testable import MemgoCore

@Suite struct ScenarioDecodingTests {
  typealias F = ScenarioFixture

  @Test func topLevelDefaults() throws {
    let file = try #require(try? F.load(F.minimal(), path: "scenarios/small-test.json").get())
    let s = file.base
    #expect(s.name == "small-test")
    #expect(s.description == "")
    #expect(s.seed == 1 && s.replications == 1 && s.warmup == .zero)
    #expect(s.stop.time == nil && s.stop.requests == nil)
    #expect(file.points.count == 1 && file.points[0].parameters.isEmpty && file.axes.isEmpty)
  }

  @Test func defaultNameIsTheFileBaseName() {
    #expect(ScenarioLoader.defaultName(forPath: "scenarios/random-reads.json") == "random-reads")
    #expect(ScenarioLoader.defaultName(forPath: "x.json") == "x")
    #expect(ScenarioLoader.defaultName(forPath: "/a/b/c") == "c")
    #expect(ScenarioLoader.defaultName(forPath: "a.json.json") == "a.json")
    #expect(ScenarioLoader.defaultName(forPath: ".json") == ".json")
  }

  @Test func topLevelFields() throws {
    let s = try #require(
      F.scenario(
        F.minimal(
          top:
            #""name": "n", "description": "d", "seed": 18446744073709551615, "replications": 30000, "#
            + #""warmup": "1ms", "stop": {"time": "1s", "requests": 5}"#
        )))
    #expect(s.name == "n" && s.description == "d" && s.seed == .max && s.replications == 30_000)
    #expect(
      s.warmup == .milliseconds(1) && s.stop.time == SimTime(picoseconds: 1_000_000_000_000) && s.stop.requests == 5)
  }

  @Test func topLevelProblems() {
    #expect(F.problems(F.minimal(top: #""seed": -1"#)) == ["seed: -1 is out of range (expected 0 <= seed <= 2^64-1)"])
    #expect(F.problems(F.minimal(top: #""seed": 1.5"#)) == ["seed: 1.5 is not an integer (expected a whole number)"])
    #expect(
      F.problems(F.minimal(top: #""seed": 18446744073709551616"#)) == [
        "seed: 18446744073709551616 is out of range (expected 0 <= seed <= 2^64-1)"
      ])
    #expect(
      F.problems(F.minimal(top: #""replications": 0"#)) == [
        "replications: 0 is out of range (expected 1 <= replications <= 10^5)"
      ])
    #expect(F.problems(F.minimal(top: #""description": 3"#)) == ["description: expected a string, found 3"])
    #expect(
      F.problems(F.minimal(top: #""name": "a/b""#)) == [
        #"name: "a/b" is not a usable name (it names report files: no '/', '\' or control characters)"#
      ])
    #expect(F.problems(F.minimal(top: #""nmae": "x""#)) == [#"unknown key "nmae" (did you mean "name"?)"#])
    #expect(F.problems("[]") == ["expected a JSON object at the top level, found an array"])
    #expect(F.problems("{\"seed\": }") == ["line 1, column 10: unexpected '}' (expected a JSON value)"])
  }

  /// A top-level `$schema` string names the file's JSON Schema for editors; memgo ignores it. It
  /// is suggested for a misspelling but not listed among the keys.
  @Test func schemaReferenceIsAcceptedAndIgnored() throws {
    let plain = try #require(F.scenario(F.minimal()))
    let named = try #require(F.scenario(F.minimal(top: #""$schema": "../docs/scenario.schema.json""#)))
    #expect(named.name == plain.name && named.machine.frames == plain.machine.frames)
    #expect(F.problems(F.minimal(top: #""$schema": 3"#)) == ["$schema: expected a string, found 3"])
    #expect(F.problems(F.minimal(top: #""$schema": {}"#)) == ["$schema: expected a string, found an object"])
    #expect(F.problems(F.minimal(top: #""$shema": "x""#)) == [#"unknown key "$shema" (did you mean "$schema"?)"#])
    #expect(
      F.problems(F.minimal(top: #""colour": 1"#)) == [
        #"unknown key "colour" (expected one of name, description, seed, replications, stop, warmup, machine, "#
          + "processes, sweep)"
      ])
    #expect(F.problems(F.minimal(top: #""shema": 1"#)) == [#"unknown key "shema" (did you mean "$schema"?)"#])
    #expect(
      F.problems(F.minimal(top: #""sweep": {"$schema": ["x"]}"#)) == [
        #"sweep: invalid sweep path "$schema" (expected keys joined by '.' with [i] indices, e.g. "processes[0].count")"#
      ])
  }

  @Test func unusableNameFromTheFileName() {
    let result = F.load(F.minimal(), path: "dir/..json")
    guard case .failure(.invalid(let errors)) = result else {
      Issue.record("expected invalid")
      return
    }
    #expect(
      errors.map(\.description) == [
        #"dir/..json: name: the file name gives the unusable scenario name "." (set "name")"#
      ])
  }

  @Test func stopConditions() {
    let noRequests = #"{"machine": {"frames": 1}, "processes": [{}]"#
    #expect(
      F.problems(noRequests + "}") == [
        "stop: missing required key (expected stop.time, stop.requests, or requests in every process group)"
      ])
    #expect(
      F.problems(noRequests + #", "stop": {}}"#) == [
        "stop: no stop condition (expected stop.time, stop.requests, or requests in every process group)"
      ])
    #expect(
      F.problems(#"{"machine": {"frames": 1}, "processes": [{"requests": 1}, {}]}"#) == [
        "stop: missing required key (expected stop.time, stop.requests, or requests in every process group)"
      ])
    #expect(F.scenario(noRequests + #", "stop": {"requests": 10}}"#)?.stop.requests == 10)
    #expect(F.scenario(noRequests + #", "stop": {"time": "1ms"}}"#)?.stop.time == .milliseconds(1))
    #expect(
      F.problems(noRequests + #", "stop": {"time": "0s"}}"#) == [
        #"stop.time: "0s" is out of range (expected time > 0)"#
      ])
    #expect(
      F.problems(noRequests + #", "stop": {"requests": 0}}"#) == [
        "stop.requests: 0 is out of range (expected 1 <= requests <= 10^12)"
      ])
    #expect(
      F.problems(noRequests + #", "stop": {"tim": "1s"}}"#) == [
        #"stop: unknown key "tim" (did you mean "time"?)"#,
        "stop: no stop condition (expected stop.time, stop.requests, or requests in every process group)",
      ])
    #expect(
      F.problems(noRequests + #", "stop": {"time": "1s"}, "warmup": "1s"}"#) == [
        "warmup: warmup 1s is not before stop.time 1s (expected warmup < stop.time)"
      ])
    #expect(
      F.scenario(noRequests + #", "stop": {"requests": 5}, "warmup": "10s"}"#)?.warmup
        == SimTime(picoseconds: 10_000_000_000_000))
  }

  @Test func missingMachine() {
    #expect(
      F.problems(#"{"processes": [{"requests": 1}]}"#) == [
        #"machine: missing required key (expected an object with at least "frames" or "memory")"#
      ])
  }

  /// Every problem in a file is reported at once, one line each, in file order.
  @Test func reportsAllProblemsInFileOrder() {
    let json = """
      {
        "nmae": "x",
        "seed": -1,
        "stop": {"time": "2s"},
        "warmup": "3s",
        "machine": {
          "framez": 10, "pageSize": "3KiB",
          "tlb": {"entries": 64, "ways": 3},
          "latency": {"tlb": 5000, "ram": {"dist": "normal", "mean": "0ns", "stdev": "1ns"}}
        },
        "processes": [
          {"name": "a", "count": 0, "addressSpace": "4kb", "interval": {"dist": "gauss"}},
          {"name": "a", "size": "1.5B", "writeFraction": 2}
        ]
      }
      """
    #expect(
      F.problems(json) == [
        #"unknown key "nmae" (did you mean "name"?)"#,
        "seed: -1 is out of range (expected 0 <= seed <= 2^64-1)",
        "warmup: warmup 3s is not before stop.time 2s (expected warmup < stop.time)",
        #"machine: unknown key "framez" (did you mean "frames"?)"#,
        #"machine.pageSize: "3KiB" is not a power of two (expected a page size such as "4KiB")"#,
        "machine.tlb.ways: 3 does not divide entries (64)",
        #"machine.latency.tlb: expected a duration string with a unit, e.g. "5000ns" or "5us""#,
        #"machine.latency.ram.mean: "0ns" is out of range (expected mean > 0)"#,
        #"machine.latency.ram: unknown key "stdev" (did you mean "stddev"?)"#,
        #"machine.latency.ram.stddev: missing required key (expected a duration for dist "normal")"#,
        "machine.frames: missing required key "
          + #"(expected the number of page frames, or "memory" as a size such as "64MiB")"#,
        "processes[0].count: 0 is out of range (expected 1 <= count <= 10^6)",
        #"processes[0].addressSpace: unknown unit 'kb' in "4kb" "#
          + "(expected one of B, KiB, MiB, GiB, TiB, KB, MB, GB, TB)",
        #"processes[0].interval.dist: unknown dist "gauss" "#
          + "(expected one of constant, uniform, exponential, normal, lognormal, pareto, empirical)",
        #"processes[1].name: duplicate process group name "a" (also processes[0]; expected unique names)"#,
        #"processes[1].size: "1.5B" is not a whole number of bytes"#,
        "processes[1].writeFraction: 2 is out of range (expected 0 <= writeFraction <= 1)",
      ])
  }

  /// The error list is capped; a last line counts the rest.
  @Test func capsTheNumberOfReportedProblems() {
    let groups = (0..<150).map { _ in #"{"count": 0, "requests": 1}"# }.joined(separator: ",")
    let problems = F.problems(#"{"machine": {"frames": 1}, "processes": [\#(groups)]}"#)
    #expect(problems.count == ScenarioLoader.maximumReportedErrors + 1)
    #expect(problems.first == "processes[0].count: 0 is out of range (expected 1 <= count <= 10^6)")
    #expect(problems.last == "50 more problems not shown")
    // Beyond the problems kept in memory the count is a lower bound.
    let many = (0..<1500).map { _ in #"{"count": 0, "requests": 1}"# }.joined(separator: ",")
    let manyProblems = F.problems(#"{"machine": {"frames": 1}, "processes": [\#(many)]}"#)
    #expect(manyProblems.count == ScenarioLoader.maximumReportedErrors + 1)
    #expect(manyProblems.last == "at least 901 more problems not shown")
  }

  /// A policy that needs the future (OPT) is valid where every group replays a trace, under scopes
  /// global and local; otherwise one problem at the policy, naming the first group that does not.
  /// Scopes workingset and pff ignore the policy, OPT as any other.
  @Test func optNeedsEveryGroupToReplayATrace() throws {
    let path = TraceTestSupport.temporaryFile("R 0x1000\nR 0x2000\nR 0x1000\n", name: "opt")
    defer { TraceTestSupport.remove(path) }
    func trace(_ name: String) -> String {
      #"{"name": "\#(name)", "addressSpace": "64KiB", "access": {"pattern": "trace", "path": "\#(path)"}}"#
    }
    let zipf = #"{"name": "x", "requests": 5, "access": {"pattern": "zipf", "exponent": 1}}"#
    func file(_ replacement: String, _ groups: [String], sweep: String = "") -> String {
      #"{"stop": {"time": "1s"}, "machine": {"frames": 4, "replacement": {\#(replacement)}}, "#
        + #""processes": [\#(groups.joined(separator: ", "))]"#
        + (sweep.isEmpty ? "" : #", "sweep": {\#(sweep)}"#) + "}"
    }
    let problem =
      #"machine.replacement.policy: policy "opt" needs the future reference stream: every process group must "#
      + #"replay a trace (processes[1] ("x") uses pattern "zipf")"#

    #expect(F.scenario(file(#""policy": "opt""#, [trace("t"), trace("u")]))?.machine.replacement.policy == .opt)
    #expect(F.scenario(file(#""policy": "opt", "scope": "local""#, [trace("t")]))?.machine.replacement.policy == .opt)
    #expect(F.problems(file(#""policy": "opt""#, [trace("t"), zipf])) == [problem])
    #expect(F.problems(file(#""policy": "opt", "scope": "local""#, [trace("t"), zipf])) == [problem])
    #expect(
      F.problems(file(#""policy": "opt""#, [#"{"requests": 5}"#])) == [
        #"machine.replacement.policy: policy "opt" needs the future reference stream: every process group "#
          + #"must replay a trace (processes[0] ("group0") uses pattern "uniform")"#
      ])
    for scope in ["workingset", "pff"] {
      #expect(F.scenario(file(#""policy": "opt", "scope": "\#(scope)""#, [zipf])) != nil, "scope \(scope)")
    }

    // In a sweep: at the swept policy value, or at the policy naming the sweep point.
    let policySweep = file(
      #""policy": "fifo""#, [trace("t"), zipf], sweep: #""machine.replacement.policy": ["lru", "opt"]"#)
    #expect(F.problems(policySweep) == ["sweep." + problem.replacingAll(": policy", with: "[1]: policy")])
    let accessSweep = file(
      #""policy": "opt""#, [trace("t"), trace("u")], sweep: #""processes[1].access": ["uniform"]"#)
    #expect(
      F.problems(accessSweep) == [
        #"machine.replacement.policy: policy "opt" needs the future reference stream: every process group must "#
          + #"replay a trace (processes[1] ("u") uses pattern "uniform")"#
      ])
  }
}
