import Testing

@testable import MemgoCore

@Suite struct ScenarioSweepTests {
  typealias F = ScenarioFixture

  func withSweep(_ sweep: String, machine: String = #""frames": 64"#, process: String = #""requests": 10"#) -> String {
    F.minimal(machine: machine, process: process, top: #""sweep": {\#(sweep)}"#)
  }

  @Test func cartesianProductLastAxisFastest() throws {
    let file = try #require(F.loaded(withSweep(#""machine.frames": [256, 512], "machine.tlb.entries": [0, 8, 16]"#)))
    #expect(
      file.axes == [
        SweepAxis(path: "machine.frames", values: [.number("256"), .number("512")]),
        SweepAxis(path: "machine.tlb.entries", values: [.number("0"), .number("8"), .number("16")]),
      ])
    #expect(file.points.map(\.index) == Array(0..<6))
    #expect(file.points.map(\.scenario.machine.frames) == [256, 256, 256, 512, 512, 512])
    #expect(file.points.map(\.scenario.machine.tlb.entries) == [0, 8, 16, 0, 8, 16])
    #expect(
      file.points[4].parameters == [
        JSONMember(key: "machine.frames", value: .number("512")),
        JSONMember(key: "machine.tlb.entries", value: .number("8")),
      ])
    // The base is the file without the sweep; the file's other values are untouched at every point.
    #expect(file.base.machine.frames == 64 && file.base.machine.tlb.entries == 64)
    #expect(file.points.allSatisfy { $0.scenario.processes[0].requests == 10 && $0.scenario.machine.tlb.ways == 4 })
  }

  /// Seeded property: point p's value indices are p's mixed-radix digits, last axis fastest.
  @Test func pointIndicesAreMixedRadix() {
    var rng = SplitMix64(seed: 23)
    for _ in 0..<200 {
      let lengths = (0..<Int(1 + rng.next() % 4)).map { _ in Int(1 + rng.next() % 5) }
      let axes = lengths.enumerated().map { i, n in
        SweepAxisPlan(
          key: "a\(i)", path: JSONPath([.key("a\(i)")]), values: Array(repeating: .null, count: n), order: [])
      }
      var expected: [[Int]] = [[]]
      for n in lengths { expected = expected.flatMap { prefix in (0..<n).map { prefix + [$0] } } }
      #expect((0..<expected.count).map { ScenarioSweep.valueIndices(of: $0, axes: axes) } == expected)
    }
  }

  @Test func substitutesAnyKnownPath() throws {
    let file = try #require(
      F.loaded(
        withSweep(
          #""processes[0].count": [1, 3], "#
            + #""machine.latency.diskRead": ["1ms", {"dist": "exponential", "mean": "2ms"}], "#
            + #""machine.replacement.policy": ["fifo"], "stop.time": ["1s"]"#
        )))
    #expect(file.points.count == 4)
    #expect(file.points.map(\.scenario.processes[0].count) == [1, 1, 3, 3])
    #expect(
      file.points.map(\.scenario.machine.latency.diskRead) == [
        .constant(1e9), .exponential(mean: 2e9), .constant(1e9), .exponential(mean: 2e9),
      ])
    #expect(file.points.allSatisfy { $0.scenario.stop.time == SimTime(picoseconds: 1_000_000_000_000) })
    #expect(file.base.stop.time == nil)
  }

  @Test func createsMissingObjectsAlongThePath() throws {
    // No "tlb" or "pageTable" in the file: the sweep creates them.
    let file = try #require(F.loaded(withSweep(#""machine.tlb.entries": [16], "machine.pageTable.levels": [2, 3]"#)))
    #expect(file.points.map(\.scenario.machine.tlb.entries) == [16, 16])
    #expect(file.points.map(\.scenario.machine.pageTable.levels) == [2, 3])
  }

  @Test func sweepsDistributionParameters() throws {
    let file = try #require(
      F.loaded(
        withSweep(
          #""processes[0].interval.mean": ["10us", "20us"]"#,
          process: #""requests": 1, "interval": {"dist": "exponential", "mean": "5us"}"#)))
    #expect(
      file.points.map(\.scenario.processes[0].interval) == [
        .exponential(mean: 10_000_000), .exponential(mean: 20_000_000),
      ])
    #expect(
      F.problems(withSweep(#""processes[0].interval.mean": ["10us"]"#, process: #""requests": 1, "interval": "5us""#))
        == [
          "sweep.processes[0].interval.mean: cannot set processes[0].interval.mean: "
            + #"processes[0].interval is "5us", not an object"#
        ])
  }

  @Test func theBaseMayLeaveASweptKeyToTheSweep() throws {
    let json = #"{"machine": {}, "processes": [{"requests": 1}], "sweep": {"machine.frames": [8, 16]}}"#
    let file = try #require(F.loaded(json))
    #expect(file.base.machine.frames == 8)
    #expect(file.points.map(\.scenario.machine.frames) == [8, 16])
  }

  @Test func emptySweepIsOnePoint() throws {
    let file = try #require(F.loaded(withSweep("")))
    #expect(file.points.count == 1 && file.axes.isEmpty)
  }

  // MARK: - Problems

  @Test func problemsInSweptValuesPointAtTheValue() {
    #expect(
      F.problems(withSweep(#""machine.frames": [1, 2, 0], "machine.tlb.asid": [true, "no"]"#)) == [
        "sweep.machine.frames[2]: 0 is out of range (expected 1 <= frames <= 2^31)",
        #"sweep.machine.tlb.asid[1]: expected true or false, found "no""#,
      ])
    #expect(
      F.problems(withSweep(#""machine.latency.ram": [{"dist": "normal", "mean": "1ns"}]"#)) == [
        #"sweep.machine.latency.ram[0].stddev: missing required key (expected a duration for dist "normal")"#
      ])
  }

  @Test func problemsAtSomePointsNameThePoint() {
    #expect(
      F.problems(
        withSweep(
          #""machine.tlb.entries": [64, 6, 12], "machine.frames": [1, 2]"#, machine: #""frames": 1, "tlb": {"ways": 4}"#
        ))
        == [
          "machine.tlb.ways: 4 does not divide entries (6) (at sweep point machine.tlb.entries=6, machine.frames=1; "
            + "also at 1 other point)"
        ])
    #expect(
      F.problems(F.minimal(top: #""warmup": "10ms", "sweep": {"stop.time": ["1s", "1ms"]}"#)) == [
        "warmup: warmup 10ms is not before stop.time 1ms (expected warmup < stop.time) "
          + #"(at sweep point stop.time="1ms")"#
      ])
  }

  @Test func problemsAtEveryPointAreReportedOnce() {
    #expect(
      F.problems(withSweep(#""machine.frames": [1, 2, 3]"#, process: #""requests": 1, "sise": "8B""#)) == [
        #"processes[0]: unknown key "sise" (did you mean "size"?)"#
      ])
  }

  @Test func pathProblems() {
    #expect(
      F.problems(withSweep(#""machine.framez": [1]"#)) == [
        #"sweep: unknown scenario path "machine.framez" (did you mean "machine.frames"?)"#
      ])
    #expect(
      F.problems(withSweep(#""machine.colour": [1]"#)) == [
        #"sweep: unknown scenario path "machine.colour" ("colour" is not a key in machine; expected one of cpus, "#
          + "pageSize, frames, memory, tlb, pageTable, replacement, zeroFill, latency, disk)"
      ])
    #expect(F.problems(withSweep(#""name": ["a"]"#)) == [#"sweep: "name" cannot be swept"#])
    #expect(
      F.problems(withSweep(#""machine..frames": [1]"#)) == [
        #"sweep: invalid sweep path "machine..frames" "#
          + #"(expected keys joined by '.' with [i] indices, e.g. "processes[0].count")"#
      ])
    #expect(
      F.problems(withSweep(#""processes.count": [1]"#)) == [
        "sweep: processes is an array: name an element, e.g. processes[0].count"
      ])
    #expect(F.problems(withSweep(#""machine[0]": [1]"#)) == ["sweep: machine is an object, not an array (remove [0])"])
    #expect(
      F.problems(withSweep(#""machine.frames.x": [1]"#)) == [
        "sweep: machine.frames holds a single value: a sweep path cannot go inside it"
      ])
    #expect(
      F.problems(withSweep(#""processes[1].count": [1]"#)) == [
        "sweep.processes[1].count: cannot set processes[1].count: processes has 1 element (expected an index below 1)"
      ])
    #expect(
      F.problems(withSweep(#""machine.tlb": [{"entries": 8}], "machine.tlb.ways": [2]"#)) == [
        #"sweep: sweep path "machine.tlb.ways" overlaps "machine.tlb" (expected independent paths)"#
      ])
    #expect(
      F.problems(withSweep(#""processes[0].interval.stdev": ["1us"]"#)) == [
        #"sweep: unknown distribution parameter "stdev" in "processes[0].interval.stdev" (did you mean "stddev"?)"#
      ])
  }

  @Test func listProblems() {
    #expect(
      F.problems(withSweep(#""machine.frames": 256"#)) == [
        "sweep.machine.frames: expected a list of values, found 256 (write [256])"
      ])
    #expect(
      F.problems(withSweep(#""machine.frames": []"#)) == [
        "sweep.machine.frames: empty list (expected at least one value)"
      ])
    #expect(
      F.problems(F.minimal(top: #""sweep": [1]"#)) == [
        "sweep: expected an object mapping scenario paths to lists of values, found an array"
      ])
    let many = "[" + (1...400).map(String.init).joined(separator: ",") + "]"
    #expect(
      F.problems(withSweep(#""machine.frames": \#(many), "processes[0].count": \#(many)"#)) == [
        "sweep: too many sweep points: the lists' lengths multiply to 160000 (expected at most 10^5)"
      ])
    let axes = (0..<33).map { #""processes[0].name\#($0)": [1]"# }.joined(separator: ",")
    #expect(F.problems(withSweep(axes)) == ["sweep: 33 sweep paths (expected at most 32)"])
  }

  /// With a broken sweep, base problems that a valid sweep path would replace are not reported.
  @Test func brokenSweepHidesBaseProblemsAtSweptPaths() {
    #expect(
      F.problems(
        #"{"machine": {}, "processes": [{"requests": 1}], "sweep": {"machine.frames": [], "machine.cpus": [1]}}"#) == [
          "sweep.machine.frames: empty list (expected at least one value)"
        ])
  }

  @Test func sweepWorkIsBounded() {
    let values = "[" + (1...100_000).map(String.init).joined(separator: ",") + "]"
    let eightBytes = (0..<300).map { _ in #""8B""# }.joined(separator: ",")
    let problems = F.problems(
      withSweep(
        #""machine.frames": \#(values)"#,
        process:
          #""requests": 1, "size": {"dist": "empirical", "values": [\#(eightBytes)]}"#
      ))
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("sweep: sweep too large to check: 100000 points of ") == true)
  }
}
