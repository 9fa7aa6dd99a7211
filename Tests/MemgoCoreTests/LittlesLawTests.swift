import Testing

@testable import MemgoCore

/// Little's law (L = λ·W) and the utilization law (busy servers = throughput × service time) on
/// the simulator's disk and CPU pool tallies: the time integrals (`diskQueued`, `diskBusy`,
/// `cpuBusy`) against the per-operation sums measured independently.
@Suite struct LittlesLawTests {
  static func file(_ json: String) throws -> ScenarioFile {
    try ScenarioLoader.load(bytes: Array(json.utf8), path: "test.json")
  }

  /// Every access a major fault (loop over 64 pages on 40 FIFO frames), exponential think and
  /// exponential disk service of 1 ms, `count` processes.
  static func scenario(count: Int, channels: Int, cpus: String = "", think: String = "5ms") -> String {
    """
    {"name": "little", "seed": 3, "replications": 2, "stop": {"time": "20s"}, "warmup": "200ms",
     "machine": {\(cpus) "frames": 40, "zeroFill": false, "replacement": {"policy": "fifo"},
       "latency": {"diskRead": {"dist": "exponential", "mean": "1ms"}}, "disk": {"channels": \(channels)}},
     "processes": [{"name": "p", "count": \(count), "addressSpace": "256KiB",
       "interval": {"dist": "exponential", "mean": "\(think)"}, "size": "1B",
       "access": {"pattern": "loop", "pages": 64}}]}
    """
  }

  static func close(_ a: Double, _ b: Double, relative: Double) -> Bool {
    abs(a - b) <= relative * max(abs(a), abs(b))
  }

  @Test(arguments: [1, 2])
  func diskQueueAndChannels(channels: Int) throws {
    let file = try Self.file(Self.scenario(count: 6, channels: channels))
    for run in try Experiment.run(file)[0] {
      let t = run.machine
      let time = Double(run.simulatedTime.picoseconds)
      let ops = Double(t.diskReads + t.diskWrites)
      #expect(ops > 1000)
      // Little's law at the queue: mean number waiting = arrival rate × mean wait = Σ waits / T.
      #expect(t.diskWaitSum > 0)
      #expect(Self.close(t.diskQueued / time, t.diskWaitSum / time, relative: 0.02))
      // Utilization law: mean busy channels = ops × mean service / T (service 1 ms = 1e9 ps).
      #expect(Self.close(t.diskBusy / time, ops * 1e9 / time, relative: 0.04))
    }
  }

  /// One CPU serving thinking and accessing: mean busy CPUs = X × CPU time per request, where
  /// the CPU time is the think time plus the non-disk access time (`EffectiveAccessTime`).
  @Test func cpuPool() throws {
    let file = try Self.file(Self.scenario(count: 4, channels: 1, cpus: "\"cpus\": 1,", think: "300us"))
    let machine = file.base.machine
    for run in try Experiment.run(file)[0] {
      let t = run.machine
      let time = Double(run.simulatedTime.picoseconds)
      let diskPs = Double(t.majorFaults) * 1e9 + Double(t.dirtyEvictions) * 1e9
      let accessPs = EffectiveAccessTime.totalPicoseconds(tally: t, machine: machine) - diskPs
      let perRequest = 300e6 + accessPs / Double(t.requests)
      let busy = t.cpuBusy / time
      #expect(busy > 0.2 && busy < 0.95)
      #expect(Self.close(busy, Double(t.requests) / time * perRequest, relative: 0.03))
    }
  }
}
