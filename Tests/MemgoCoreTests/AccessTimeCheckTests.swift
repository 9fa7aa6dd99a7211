import Testing

@testable import MemgoCore

/// The effective-access-time cross-check against real runs: exact without queueing, positive
/// (the queueing delay) with it.
@Suite struct AccessTimeCheckTests {
  /// Loads a scenario file from JSON text.
  static func file(_ json: String) throws -> ScenarioFile {
    try ScenarioLoader.load(bytes: Array(json.utf8), path: "test.json")
  }

  /// A uniform workload over 48 pages on 16 frames, 30% writes, zero-fill: TLB hits and misses,
  /// minor and major faults and dirty write-backs, all with constant latencies.
  static func scenario(count: Int, channels: Int) -> String {
    """
    {"name": "eat", "seed": 5, "replications": 3, "stop": {"requests": 3000},
     "machine": {"frames": 16, "zeroFill": true, "tlb": {"entries": 8, "ways": 2},
       "replacement": {"policy": "lru"}, "latency": {"diskRead": "3ms", "diskWrite": "5ms"},
       "disk": {"channels": \(channels)}},
     "processes": [{"name": "p", "count": \(count), "addressSpace": "192KiB", "interval": "1us",
       "size": {"dist": "uniform", "min": "1B", "max": "9KiB"}, "writeFraction": 0.3,
       "access": {"pattern": "uniform"}}]}
    """
  }

  @Test func measuredEqualsPredictedWithoutQueueing() throws {
    let file = try Self.file(Self.scenario(count: 1, channels: 1))
    let runs = try Experiment.run(file)[0]
    for run in runs {
      let t = run.machine
      #expect(t.minorFaults > 0 && t.majorFaults > 0 && t.dirtyEvictions > 0 && t.tlbHits > 0)
      // The exact total equals the summed latency to the picosecond.
      #expect(EffectiveAccessTime.totalPicoseconds(tally: t, machine: file.base.machine) == t.latencySum)
    }
    let check = AccessTimeCheck(runs: runs, machine: file.base.machine)
    #expect(abs(check.measured.mean - check.predicted.mean) <= 1e-12 * check.measured.mean)
    #expect(abs(check.gap.mean) <= 1e-12 * check.measured.mean)
    #expect(check.measured.n == 3)
  }

  @Test func gapIsTheQueueingDelayWithContention() throws {
    let file = try Self.file(Self.scenario(count: 4, channels: 1))
    let runs = try Experiment.run(file)[0]
    let check = AccessTimeCheck(runs: runs, machine: file.base.machine)
    #expect(check.gap.mean > 0)
    // Without a CPU pool the waits are the disk queue and frames in I/O: at least the disk waits.
    for run in runs {
      let t = run.machine
      let gap = t.latencySum - EffectiveAccessTime.totalPicoseconds(tally: t, machine: file.base.machine)
      #expect(gap >= t.diskWaitSum * (1 - 1e-12))
    }
  }

  @Test func noAccessesGiveZeros() {
    let run = RunResult(
      machine: RunTally(), groups: [RunTally()], simulatedTime: .zero, diskChannels: 1, cpuCount: 1, events: 0)
    let check = AccessTimeCheck(runs: [run], machine: MachineConfig(frames: 1))
    #expect(check.measured.mean == 0 && check.predicted.mean == 0 && check.gap.mean == 0)
  }
}
