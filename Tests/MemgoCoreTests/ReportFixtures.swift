@testable import MemgoCore

/// Hand-built scenarios, runs and reports shared by the report tests.
enum ReportFixtures {
  /// A scenario with the given process group names.
  static func scenario(
    name: String = "tiny", groups: [String] = ["db", "web"], frames: Int = 64, replications: Int = 2
  )
    -> Scenario
  {
    Scenario(
      name: name, description: "Two groups share 64 or 128 frames.", seed: 7, replications: replications,
      stop: StopCondition(time: .milliseconds(10)), warmup: .zero,
      machine: MachineConfig(frames: frames),
      processes: groups.map { ProcessGroupConfig(name: $0, requests: 100) })
  }

  /// A tally with round numbers scaled by `k`: 100k requests of 2 pages each (2 µs mean latency),
  /// 10% of accesses faulting (half major), 14k disk operations waiting 1 ms each, ...
  static func tally(_ k: Int64, latencies: [Int64] = []) -> RunTally {
    var t = RunTally()
    t.requests = 100 * k
    t.accesses = 200 * k
    t.reads = 150 * k
    t.writes = 50 * k
    t.bytes = 6400 * k
    t.tlbHits = 180 * k
    t.tlbMisses = 40 * k
    t.pageWalks = 40 * k
    t.pteReads = 160 * k
    t.majorFaults = 10 * k
    t.minorFaults = 10 * k
    t.evictions = 12 * k
    t.dirtyEvictions = 4 * k
    t.diskReads = 10 * k
    t.diskWrites = 4 * k
    t.latencySum = Double(100 * k) * 2_000_000
    t.diskWaitSum = Double(14 * k) * 1_000_000_000
    t.diskBusy = Double(k) * 1e9  // over 10 ms: 10% of one channel per k
    t.cpuBusy = Double(k) * 2e9
    for l in latencies { t.latency.record(l) }
    return t
  }

  /// One run of 10 ms on 1 disk channel and 2 CPUs: the machine tally is the sum of the groups'.
  static func run(_ groups: [RunTally]) -> RunResult {
    var machine = RunTally()
    for g in groups { machine.add(g) }
    return RunResult(
      machine: machine, groups: groups, simulatedTime: .milliseconds(10), diskChannels: 1, cpuCount: 2, events: 0)
  }

  /// A two-point sweep over `machine.frames` (64, 128).
  static func sweepFile(groups: [String]) -> ScenarioFile {
    let axis = SweepAxis(path: "machine.frames", values: [.number("64"), .number("128")])
    let points = [64, 128].enumerated().map { i, frames in
      SweepPoint(
        index: i, parameters: [JSONMember(key: "machine.frames", value: .number(String(frames)))],
        scenario: scenario(groups: groups, frames: frames))
    }
    return ScenarioFile(
      path: "/somewhere/tiny.json", json: .null, base: scenario(groups: groups), axes: [axis], points: points)
  }

  /// The tiny report: point p, replication r, group g has tally scale k = (p + 1)(g + 1) + r and
  /// latencies k, 2k and 3k µs; point p has `replications[p]` replications.
  static func tinyReport(groups: [String] = ["db", "web"], replications: [Int] = [2, 2]) -> Report {
    let results = (0..<2).map { p in
      (0..<replications[p]).map { r in
        run(
          groups.indices.map { g in
            let k = Int64((p + 1) * (g + 1) + r)
            return tally(k, latencies: [1_000_000 * k, 2_000_000 * k, 3_000_000 * k])
          })
      }
    }
    return withoutTheory(Report.build(file: sweepFile(groups: groups), results: results, version: "0.1.0"))
  }

  /// A typical sweep: frames × policy (4 × 4 points), two groups, five replications, realistic
  /// magnitudes drawn from a seeded generator.
  static func typicalReport() -> Report {
    let frames = ["256", "512", "1024", "2048"]
    let policies = ["fifo", "lru", "clock", "wsclock"]
    let axes = [
      SweepAxis(path: "machine.frames", values: frames.map { .number($0) }),
      SweepAxis(path: "machine.replacement.policy", values: policies.map { .string($0) }),
    ]
    var points: [SweepPoint] = []
    for f in frames {
      for p in policies {
        points.append(
          SweepPoint(
            index: points.count,
            parameters: [
              JSONMember(key: axes[0].path, value: .number(f)), JSONMember(key: axes[1].path, value: .string(p)),
            ],
            scenario: scenario(name: "random-reads", groups: ["db", "batch"], replications: 5)))
      }
    }
    let base = scenario(name: "random-reads", groups: ["db", "batch"], replications: 5)
    let file = ScenarioFile(path: "x.json", json: .null, base: base, axes: axes, points: points)
    var rng = SplitMix64(seed: 42)
    func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * Double(rng.next() >> 11) / 9_007_199_254_740_992 }
    let results = points.map { point in
      (0..<5).map { _ in
        let groups = (0..<2).map { g -> RunTally in
          var t = RunTally()
          t.requests = Int64(uniform(18_000, 22_000))
          t.accesses = t.requests * 3
          t.tlbHits = Int64(Double(t.accesses) * uniform(0.85, 0.999))
          t.tlbMisses = t.accesses - t.tlbHits
          let faults = Int64(Double(t.accesses) * uniform(0.001, 0.2) / Double(point.index + 1))
          t.majorFaults = faults / 2
          t.minorFaults = faults - faults / 2
          t.diskReads = t.majorFaults
          t.latencySum = Double(t.requests) * uniform(40e6, 4e9)
          t.diskBusy = 2e12 * uniform(0.2, 0.49)
          for _ in 0..<200 { t.latency.record(Int64(uniform(1e6, 2e10))) }
          return t
        }
        var machine = RunTally()
        for g in groups { machine.add(g) }
        return RunResult(
          machine: machine, groups: groups, simulatedTime: SimTime(picoseconds: 2_000_000_000_000), diskChannels: 1,
          cpuCount: 4, events: 0)
      }
    }
    return withoutTheory(Report.build(file: file, results: results, version: "0.1.0"))
  }

  /// `report` without its theory cross-checks, so the renderers' golden texts test the metrics alone
  /// (TheoryTableTests covers the theory section).
  static func withoutTheory(_ report: Report) -> Report {
    var report = report
    for p in report.points.indices { report.points[p].theory = nil }
    return report
  }
}

extension ReportFixtures {
  /// A single-point report (no sweep): one group, one replication of `tally(3)`.
  static func singleReport() -> Report {
    let base = scenario(name: "single", groups: ["app"], replications: 1)
    let file = ScenarioFile(
      path: "single.json", json: .null, base: base, axes: [],
      points: [SweepPoint(index: 0, parameters: [], scenario: base)])
    let results = [[run([tally(3, latencies: [1_000_000, 2_000_000, 3_000_000, 40_000_000])])]]
    return withoutTheory(Report.build(file: file, results: results, version: "0.1.0"))
  }
}
