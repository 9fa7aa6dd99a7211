import Testing
#if canImport(Glibc)
  import Glibc
#endif

@testable import MemgoCore

/// Hand-computed runs of the machine model: exact counts and exact simulated times.
@Suite struct SimulatorTests {
  /// A machine with round latencies: TLB 1 ns, RAM 100 ns, fault handling 2 µs, disk 5 ms.
  static func machine(
    frames: Int, tlbEntries: Int = 2, levels: Int = 2, policy: PolicyKind = .fifo, zeroFill: Bool = true,
    cpus: Int? = nil, asid: Bool = true
  ) -> MachineConfig {
    var replacement = ReplacementConfig()
    replacement.policy = policy
    return MachineConfig(
      cpus: cpus, pageSize: 4096, frames: frames,
      tlb: TLBConfig(entries: tlbEntries, ways: max(tlbEntries, 1), asid: asid),
      pageTable: PageTableConfig(levels: levels), replacement: replacement, zeroFill: zeroFill,
      latency: LatencyConfig(
        tlb: .constant(1_000), ram: .constant(100_000), fault: .constant(2_000_000),
        diskRead: .constant(5_000_000_000), diskWrite: .constant(5_000_000_000)))
  }

  /// One process that loops over `pages` pages with 1-byte requests every 1 µs.
  static func looping(pages: Int64, requests: Int, count: Int = 1, writeFraction: Double = 0) -> ProcessGroupConfig {
    ProcessGroupConfig(
      name: "loop", count: count, addressSpace: 1 << 20, requests: requests, interval: .constant(1_000_000),
      size: .constant(1), writeFraction: writeFraction, access: .loop(pages: pages))
  }

  static func scenario(_ machine: MachineConfig, _ group: ProcessGroupConfig) -> Scenario {
    Scenario(
      name: "t", description: "", seed: 1, replications: 1, stop: StopCondition(), warmup: .zero,
      machine: machine, processes: [group])
  }

  static func ns(_ n: Int64) -> SimTime { .nanoseconds(n) }

  @Test func minorFaultsThenTLBMissesWithExactTimes() {
    // Pages 0,1,2,3,0,1,2,3 with 8 free frames and a 2-entry TLB: four zero-fill faults
    // (1 + 200 + 2000 + 1 + 200 + 100 = 2502 ns each), then four TLB misses that hit in the page
    // table (1 + 200 + 100 = 301 ns each), each after 1 µs of thinking.
    let result = Simulation.run(Self.scenario(Self.machine(frames: 8), Self.looping(pages: 4, requests: 8)), replication: 0)
    let m = result.machine
    #expect(m.requests == 8)
    #expect(m.accesses == 8)
    #expect(m.minorFaults == 4)
    #expect(m.majorFaults == 0)
    #expect(m.tlbHits == 0)
    #expect(m.tlbMisses == 12)
    #expect(m.pageWalks == 12)
    #expect(m.pteReads == 24)
    #expect(m.evictions == 0)
    #expect(m.latencySum == Double(Self.ns(4 * 2502 + 4 * 301).picoseconds))
    #expect(result.simulatedTime == Self.ns(4 * 3502 + 4 * 1301))
  }

  @Test func tlbHitsWhenTheWorkingSetFits() {
    // Two pages, a 2-entry TLB: after the two faults, every access hits (1 + 100 = 101 ns).
    let result = Simulation.run(Self.scenario(Self.machine(frames: 8), Self.looping(pages: 2, requests: 6)), replication: 0)
    #expect(result.machine.tlbHits == 4)
    #expect(result.machine.tlbMisses == 4)
    #expect(result.simulatedTime == Self.ns(2 * 3502 + 4 * 1101))
  }

  @Test func majorFaultsGoToDiskAndFIFOEvicts() {
    // Loop over 3 pages in 2 frames under FIFO, no zero-fill: every access is a major fault of
    // 1 + 200 + 2000 + 5 ms + 1 + 200 + 100 ns, and every fault after the first two evicts.
    let result = Simulation.run(
      Self.scenario(Self.machine(frames: 2, zeroFill: false), Self.looping(pages: 3, requests: 6)), replication: 0)
    let m = result.machine
    #expect(m.majorFaults == 6)
    #expect(m.evictions == 4)
    #expect(m.dirtyEvictions == 0)
    #expect(m.diskReads == 6)
    #expect(m.diskWrites == 0)
    #expect(m.diskWaitSum == 0)
    #expect(result.simulatedTime == Self.ns(6 * (1000 + 5_002_502)))
    #expect(m.diskBusy == Double(6 * 5_000_000_000 as Int64))
  }

  @Test func dirtyVictimsAreWrittenBackBeforeTheRead() {
    // One frame, writes to pages 0,1,0: page 0 zero-filled (2502 ns); page 1 evicts dirty page 0
    // (write 5 ms) and is zero-filled; page 0 evicts dirty page 1 (write 5 ms) and, touched
    // before, is read back (5 ms).
    let result = Simulation.run(
      Self.scenario(Self.machine(frames: 1), Self.looping(pages: 2, requests: 3, writeFraction: 1)), replication: 0)
    let m = result.machine
    #expect(m.minorFaults == 2)
    #expect(m.majorFaults == 1)
    #expect(m.dirtyEvictions == 2)
    #expect(m.diskWrites == 2)
    #expect(m.diskReads == 1)
    #expect(m.writes == 3)
    #expect(result.simulatedTime == Self.ns(3 * 1000 + 2502 + 5_002_502 + 10_002_502))
  }

  @Test func cpuPoolSwitchesAndKeepsTaggedTLBEntries() {
    // Two processes, one CPU, one page each, two requests each (see the timeline in the README's
    // model section): 3 context switches; with ASIDs the second accesses hit the TLB (101 ns).
    var group = Self.looping(pages: 1, requests: 2, count: 2)
    group.name = "pair"
    let tagged = Simulation.run(Self.scenario(Self.machine(frames: 8, cpus: 1), group), replication: 0)
    #expect(tagged.machine.contextSwitches == 3)
    #expect(tagged.machine.tlbFlushes == 0)
    #expect(tagged.machine.tlbHits == 2)
    #expect(tagged.simulatedTime == Self.ns(9206))
    #expect(tagged.machine.cpuBusy == Double(Self.ns(9206).picoseconds))
    // Without ASIDs every switch flushes the TLB, so the second accesses miss (301 ns).
    let untagged = Simulation.run(Self.scenario(Self.machine(frames: 8, cpus: 1, asid: false), group), replication: 0)
    #expect(untagged.machine.contextSwitches == 3)
    #expect(untagged.machine.tlbFlushes == 3)
    #expect(untagged.machine.tlbHits == 0)
    #expect(untagged.simulatedTime == Self.ns(9606))
  }

  @Test func noTLBWalksEveryTime() {
    let result = Simulation.run(
      Self.scenario(Self.machine(frames: 8, tlbEntries: 0), Self.looping(pages: 2, requests: 4)), replication: 0)
    #expect(result.machine.tlbHits == 0)
    #expect(result.machine.pageWalks == 6)
    // No TLB latency: faults cost 200 + 2000 + 200 + 100, hits in the table 200 + 100.
    #expect(result.simulatedTime == Self.ns(2 * 3500 + 2 * 1300))
  }

  @Test func finishedProcessesFreeTheirFrames() {
    // A short-lived group fills all frames and exits; the second group then faults without evicting.
    let machine = Self.machine(frames: 4)
    let first = ProcessGroupConfig(
      name: "first", addressSpace: 1 << 20, requests: 4, interval: .constant(1_000_000), size: .constant(1),
      access: .loop(pages: 4))
    let second = ProcessGroupConfig(
      name: "second", start: .milliseconds(1), addressSpace: 1 << 20, requests: 4, interval: .constant(1_000_000),
      size: .constant(1), access: .loop(pages: 4))
    var s = Self.scenario(machine, first)
    s.processes.append(second)
    let result = Simulation.run(s, replication: 0)
    #expect(result.machine.evictions == 0)
    #expect(result.groups[1].minorFaults == 4)
  }

  @Test func sameSeedSameResultDifferentSeedDifferent() {
    var s = Self.scenario(
      Self.machine(frames: 64, policy: .fifo),
      ProcessGroupConfig(
        name: "z", count: 3, addressSpace: 1 << 20, interval: .exponential(mean: 1_000_000),
        size: .uniform(min: 1, max: 10_000), writeFraction: 0.3, access: .zipf(exponent: 0.9)))
    s.stop = StopCondition(requests: 5000)
    let a = Simulation.run(s, replication: 0)
    let b = Simulation.run(s, replication: 0)
    #expect(a == b)
    s.seed = 2
    let c = Simulation.run(s, replication: 0)
    #expect(a != c)
    #expect(Simulation.run(s, replication: 1) != c)
  }

  @Test func stopRequestsCountsOnlyAfterWarmup() {
    var s = Self.scenario(Self.machine(frames: 8), Self.looping(pages: 2, requests: 1000))
    s.stop = StopCondition(requests: 10)
    s.warmup = Self.ns(5000)
    let result = Simulation.run(s, replication: 0)
    #expect(result.machine.requests == 10)
  }

  /// Little's law at the disk: the time-average number waiting equals the arrival rate times the
  /// mean wait (L = λW), and busy channels equal arrivals times mean service.
  @Test func diskQueueObeysLittlesLaw() {
    var s = Self.scenario(
      Self.machine(frames: 16, zeroFill: false),
      ProcessGroupConfig(
        name: "u", count: 8, addressSpace: 4 << 20, interval: .exponential(mean: 2_000_000_000),
        size: .constant(8), access: .uniform))
    s.machine.latency.diskRead = .exponential(mean: 1_000_000_000)
    s.stop = StopCondition(time: .milliseconds(20_000))
    s.warmup = .milliseconds(1000)
    let r = Simulation.run(s, replication: 0)
    let t = Double(r.simulatedTime.picoseconds)
    let meanQueue = r.machine.diskQueued / t
    let arrivalsTimesWait = r.machine.diskWaitSum / t
    #expect(r.machine.diskReads > 5000)
    #expect(abs(meanQueue - arrivalsTimesWait) / meanQueue < 0.05)
    let busy = r.machine.diskBusy / t
    #expect(busy > 0.3 && busy < 1)
  }
}

/// Trace-driven processes replay their trace as requests.
@Suite struct TraceReplayTests {
  static func belady(frames: Int) throws -> RunResult {
    let path = "/tmp/memgo-belady-\(frames)-\(UInt32.random(in: 0...UInt32.max)).trace"
    let text = [1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5].map { "R 0x\(String($0 * 4096, radix: 16))" }.joined(separator: "\n")
    try #require(FileManagerless.write(text + "\n", to: path))
    defer { FileManagerless.remove(path) }
    let group = ProcessGroupConfig(
      name: "trace", addressSpace: 1 << 16, interval: .constant(1_000_000), access: .trace(path: path, format: .plain))
    let machine = SimulatorTests.machine(frames: frames, tlbEntries: 0, zeroFill: false)
    return Simulation.run(SimulatorTests.scenario(machine, group), replication: 0)
  }

  /// FIFO on Belady's string: 9 faults with 3 frames, 10 with 4 (Belady, Nelson and Shedler 1969).
  @Test func beladysAnomaly() throws {
    let three = try Self.belady(frames: 3)
    let four = try Self.belady(frames: 4)
    #expect(three.machine.requests == 12)
    #expect(three.machine.majorFaults == 9)
    #expect(four.machine.majorFaults == 10)
  }
}

/// Minimal file helpers for tests of the core, which does not import Foundation.
enum FileManagerless {
  static func write(_ text: String, to path: String) -> Bool {
    (try? AtomicFile.write(text, to: path)) != nil
  }
  static func remove(_ path: String) { _ = path.withCString { unlink($0) } }
}
