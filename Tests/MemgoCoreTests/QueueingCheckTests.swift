import Testing

@testable import MemgoCore

/// The MVA cross-check: when it applies, and agreement of the simulated machine-repairman model
/// with exact MVA.
@Suite struct QueueingCheckTests {
  static func file(_ json: String) throws -> ScenarioFile {
    try ScenarioLoader.load(bytes: Array(json.utf8), path: "test.json")
  }

  /// The machine-repairman model: every access a major fault (a loop over 64 pages on 40 FIFO
  /// frames), exponential think (10 ms) and disk service (1 ms), `channels` channels.
  static func repairman(counts: [Int], channels: Int, machineExtra: String = "", seconds: Int = 5) -> String {
    """
    {"name": "repairman", "seed": 11, "replications": 5, "stop": {"time": "\(seconds)s"}, "warmup": "500ms",
     "machine": {"frames": 40, "zeroFill": false, "replacement": {"policy": "fifo"}, \(machineExtra)
       "latency": {"diskRead": {"dist": "exponential", "mean": "1ms"}},
       "disk": {"channels": \(channels)}},
     "processes": [{"name": "p", "count": 1, "addressSpace": "256KiB",
       "interval": {"dist": "exponential", "mean": "10ms"}, "size": "1B", "access": {"pattern": "loop", "pages": 64}}],
     "sweep": {"processes[0].count": \(counts)}}
    """
  }

  /// Checks every point of `file`: simulated throughput within its ci95 plus 2% of MVA.
  static func expectAgreement(_ file: ScenarioFile) throws {
    let results = try Experiment.run(file)
    for (p, point) in file.points.enumerated() {
      let check = try #require(QueueingCheck(scenario: point.scenario, runs: results[p]))
      // Every access is a major fault: one disk visit per request, exactly.
      #expect(check.diskDemand.mean == 0.001)
      let x = check.throughput
      let tolerance = (x.measured.ci95 ?? 0) + 0.02 * x.predicted.mean
      #expect(abs(x.measured.mean - x.predicted.mean) <= tolerance, "N = \(check.processes)")
      let u = check.diskUtilization
      #expect(abs(u.measured.mean - u.predicted.mean) <= (u.measured.ci95 ?? 0) + 0.02 * u.predicted.mean)
    }
  }

  @Test func repairmanOneChannelMatchesMVA() throws {
    try Self.expectAgreement(Self.file(Self.repairman(counts: [1, 2, 4, 8, 16], channels: 1)))
  }

  @Test func repairmanTwoChannelsMatchesLoadDependentMVA() throws {
    try Self.expectAgreement(Self.file(Self.repairman(counts: [4, 32], channels: 2)))
  }

  /// One process, one channel: X = 1/(Z + D) by hand (Z = 10 ms + CPU time, D = 1 ms).
  @Test func singleProcessHandComputed() throws {
    let file = try Self.file(Self.repairman(counts: [1], channels: 1, seconds: 2))
    let check = try #require(QueueingCheck(scenario: file.points[0].scenario, runs: try Experiment.run(file)[0]))
    let z = check.thinkTime.mean
    #expect(z > 0.010 && z < 0.0101)
    #expect(abs(check.throughput.predicted.mean - 1 / (z + 0.001)) <= 1e-9)
    #expect(abs(check.diskUtilization.predicted.mean - 0.001 / (z + 0.001)) <= 1e-12)
    #expect(abs(check.responseTime.predicted.mean - (z + 0.001 - 0.010)) <= 1e-12)
  }

  @Test func inapplicableScenariosSayWhy() throws {
    let base = try Self.file(Self.repairman(counts: [2], channels: 1)).base
    #expect(QueueingCheck.inapplicability(of: base) == nil)
    var s = base
    s.machine.cpus = 1
    #expect(QueueingCheck.inapplicability(of: s) == "a CPU pool (cpus) is set")
    s = base
    s.machine.latency.diskRead = .constant(1e9)
    #expect(QueueingCheck.inapplicability(of: s) == "disk reads are not exponential")
    s = base
    s.processes[0].writeFraction = 0.5
    s.machine.latency.diskWrite = .exponential(mean: 2e9)
    #expect(QueueingCheck.inapplicability(of: s) == "disk writes are not exponential with the reads' mean")
    s.machine.latency.diskWrite = .exponential(mean: 1e9)
    #expect(QueueingCheck.inapplicability(of: s) == nil)
    s = base
    s.processes[0].interval = .constant(1e9)
    #expect(QueueingCheck.inapplicability(of: s) == "p: interval is not exponential")
    s = base
    s.processes[0].requests = 10
    #expect(QueueingCheck.inapplicability(of: s) == "p: a requests limit ends processes early")
    s = base
    s.processes.append(s.processes[0])
    s.processes[1].interval = .exponential(mean: 5e9)
    #expect(QueueingCheck.inapplicability(of: s) == "process groups have different mean intervals")
    s = base
    s.processes[0].count = MeanValueAnalysis.maximumCustomers + 1
    #expect(QueueingCheck.inapplicability(of: s) == "more than 100000 processes")
    s.processes[0].count = 5000
    s.machine.disk.channels = 3000
    #expect(QueueingCheck.inapplicability(of: s)?.hasSuffix("too large for the exact solution") == true)
  }

  @Test func comparisonRelativeError() {
    let c = QueueingCheck.Comparison(measured: [99, 101, 103], predicted: [100, 100, 100])
    #expect(c.relativeError == 0.01)
    #expect(QueueingCheck.Comparison(measured: [1], predicted: [0]).relativeError == 0)
  }
}
