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

  @Test func minorFaultsThenTLBMissesWithExactTimes() throws {
    // Pages 0,1,2,3,0,1,2,3 with 8 free frames and a 2-entry TLB: four zero-fill faults
    // (1 + 200 + 2000 + 1 + 200 + 100 = 2502 ns each), then four TLB misses that hit in the page
    // table (1 + 200 + 100 = 301 ns each), each after 1 µs of thinking.
    let result = try Experiment.run(
      Self.scenario(Self.machine(frames: 8), Self.looping(pages: 4, requests: 8)), replication: 0)
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

  @Test func tlbHitsWhenTheWorkingSetFits() throws {
    // Two pages, a 2-entry TLB: after the two faults, every access hits (1 + 100 = 101 ns).
    let result = try Experiment.run(
      Self.scenario(Self.machine(frames: 8), Self.looping(pages: 2, requests: 6)), replication: 0)
    #expect(result.machine.tlbHits == 4)
    #expect(result.machine.tlbMisses == 4)
    #expect(result.simulatedTime == Self.ns(2 * 3502 + 4 * 1101))
  }

  @Test func majorFaultsGoToDiskAndFIFOEvicts() throws {
    // Loop over 3 pages in 2 frames under FIFO, no zero-fill: every access is a major fault of
    // 1 + 200 + 2000 + 5 ms + 1 + 200 + 100 ns, and every fault after the first two evicts.
    let result = try Experiment.run(
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

  @Test func dirtyVictimsAreWrittenBackBeforeTheRead() throws {
    // One frame, writes to pages 0,1,0: page 0 zero-filled (2502 ns); page 1 evicts dirty page 0
    // (write 5 ms) and is zero-filled; page 0 evicts dirty page 1 (write 5 ms) and, touched
    // before, is read back (5 ms).
    let result = try Experiment.run(
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

  @Test func cpuPoolSwitchesAndKeepsTaggedTLBEntries() throws {
    // Two processes, one CPU, one page each, two requests each (see the timeline in the README's
    // model section): 3 context switches; with ASIDs the second accesses hit the TLB (101 ns).
    var group = Self.looping(pages: 1, requests: 2, count: 2)
    group.name = "pair"
    let tagged = try Experiment.run(Self.scenario(Self.machine(frames: 8, cpus: 1), group), replication: 0)
    #expect(tagged.machine.contextSwitches == 3)
    #expect(tagged.machine.tlbFlushes == 0)
    #expect(tagged.machine.tlbHits == 2)
    #expect(tagged.simulatedTime == Self.ns(9206))
    #expect(tagged.machine.cpuBusy == Double(Self.ns(9206).picoseconds))
    // Without ASIDs every switch flushes the TLB, so the second accesses miss (301 ns).
    let untagged = try Experiment.run(
      Self.scenario(Self.machine(frames: 8, cpus: 1, asid: false), group), replication: 0)
    #expect(untagged.machine.contextSwitches == 3)
    #expect(untagged.machine.tlbFlushes == 3)
    #expect(untagged.machine.tlbHits == 0)
    #expect(untagged.simulatedTime == Self.ns(9606))
  }

  @Test func noTLBWalksEveryTime() throws {
    let result = try Experiment.run(
      Self.scenario(Self.machine(frames: 8, tlbEntries: 0), Self.looping(pages: 2, requests: 4)), replication: 0)
    #expect(result.machine.tlbHits == 0)
    #expect(result.machine.pageWalks == 6)
    // No TLB latency: faults cost 200 + 2000 + 200 + 100, hits in the table 200 + 100.
    #expect(result.simulatedTime == Self.ns(2 * 3500 + 2 * 1300))
  }

  @Test func finishedProcessesFreeTheirFrames() throws {
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
    let result = try Experiment.run(s, replication: 0)
    #expect(result.machine.evictions == 0)
    #expect(result.groups[1].minorFaults == 4)
  }

  @Test func sameSeedSameResultDifferentSeedDifferent() throws {
    var s = Self.scenario(
      Self.machine(frames: 64, policy: .fifo),
      ProcessGroupConfig(
        name: "z", count: 3, addressSpace: 1 << 20, interval: .exponential(mean: 1_000_000),
        size: .uniform(min: 1, max: 10_000), writeFraction: 0.3, access: .zipf(exponent: 0.9)))
    s.stop = StopCondition(requests: 5000)
    let a = try Experiment.run(s, replication: 0)
    let b = try Experiment.run(s, replication: 0)
    #expect(a == b)
    s.seed = 2
    let c = try Experiment.run(s, replication: 0)
    #expect(a != c)
    #expect(try Experiment.run(s, replication: 1) != c)
  }

  @Test func stopRequestsCountsOnlyAfterWarmup() throws {
    var s = Self.scenario(Self.machine(frames: 8), Self.looping(pages: 2, requests: 1000))
    s.stop = StopCondition(requests: 10)
    s.warmup = Self.ns(5000)
    let result = try Experiment.run(s, replication: 0)
    #expect(result.machine.requests == 10)
  }

  /// Little's law at the disk: the time-average number waiting equals the arrival rate times the
  /// mean wait (L = λW), and busy channels equal arrivals times mean service.
  @Test func diskQueueObeysLittlesLaw() throws {
    var s = Self.scenario(
      Self.machine(frames: 16, zeroFill: false),
      ProcessGroupConfig(
        name: "u", count: 8, addressSpace: 4 << 20, interval: .exponential(mean: 2_000_000_000),
        size: .constant(8), access: .uniform))
    s.machine.latency.diskRead = .exponential(mean: 1_000_000_000)
    s.stop = StopCondition(time: .milliseconds(20_000))
    s.warmup = .milliseconds(1000)
    let r = try Experiment.run(s, replication: 0)
    let t = Double(r.simulatedTime.picoseconds)
    let meanQueue = r.machine.diskQueued / t
    let arrivalsTimesWait = r.machine.diskWaitSum / t
    #expect(r.machine.diskReads > 5000)
    #expect(abs(meanQueue - arrivalsTimesWait) / meanQueue < 0.05)
    let busy = r.machine.diskBusy / t
    #expect(busy > 0.3 && busy < 1)
  }

  // MARK: - Page-walk caches, huge pages, shootdowns

  /// No TLB, 4 levels, one walk-cache entry per upper level; pages 0, 1, 0, 1. Access 1: a full
  /// walk (400 ns) that stops at the empty root entry, the fault (2 µs), a full retry walk (400 ns)
  /// that caches the three upper entries, RAM (100 ns): 2900 ns. Access 2 (page 1, same leaf
  /// table): the level-2 entry is cached, so each walk reads the leaf only: 100 + 2000 + 100 + 100
  /// = 2300 ns. Accesses 3 and 4: 100 + 100 ns.
  @Test func walkCacheSkipsTheUpperLevelsWithExactTimes() throws {
    var m = Self.machine(frames: 8, tlbEntries: 0, levels: 4)
    m.pageTable.walkCache = 1
    let result = try Experiment.run(Self.scenario(m, Self.looping(pages: 2, requests: 4)), replication: 0)
    #expect(result.machine.pageWalks == 6)
    #expect(result.machine.walkCacheHits == 4)
    #expect(result.machine.pteReads == 4 + 4 + 1 + 1 + 1 + 1)
    #expect(result.simulatedTime == Self.ns(4 * 1000 + 2900 + 2300 + 200 + 200))
    // Without the caches every walk reads four entries.
    m.pageTable.walkCache = 0
    let plain = try Experiment.run(Self.scenario(m, Self.looping(pages: 2, requests: 4)), replication: 0)
    #expect(plain.machine.walkCacheHits == 0)
    #expect(plain.machine.pteReads == 6 * 4)
    #expect(plain.simulatedTime == Self.ns(4 * 1000 + 2 * 2900 + 2 * 500))
  }

  /// Pages 0 and 512 (2 MiB apart: different leaf tables under the same level-2 table), twice,
  /// with two walk-cache entries per level. Access 1: 2900 ns as above. Access 2: the level-3 entry
  /// is cached, the level-2 one is not: walks read 2 entries (200 + 2000 + 200 + 100 = 2500 ns).
  /// Accesses 3 and 4 hit their level-2 entries: 100 + 100 ns each.
  @Test func walkCacheHitsAtTheLowestCachedLevel() throws {
    var m = Self.machine(frames: 8, tlbEntries: 0, levels: 4)
    m.pageTable.walkCache = 2
    let group = ProcessGroupConfig(
      name: "far", addressSpace: 4 << 20, requests: 4, interval: .constant(1_000_000), size: .constant(1),
      access: .sequential(stride: 2 << 20))
    let result = try Experiment.run(Self.scenario(m, group), replication: 0)
    #expect(result.machine.walkCacheHits == 4)
    #expect(result.machine.pteReads == 4 + 4 + 2 + 2 + 1 + 1)
    #expect(result.simulatedTime == Self.ns(4 * 1000 + 2900 + 2500 + 200 + 200))
  }

  /// Walk caches belong to a CPU like its TLB: without ASIDs a switch flushes them. Two processes
  /// on one CPU, no TLB, 2 levels, one page each, two requests each (A, B, A, B: three switches).
  /// Each first request walks twice (2 entries each: the first stops at the empty root entry);
  /// each second request finds the level-2 entry cached and reads the leaf only — unless the
  /// switch flushed the cache.
  @Test func switchesWithoutASIDsFlushTheWalkCaches() throws {
    var group = Self.looping(pages: 1, requests: 2, count: 2)
    group.name = "pair"
    for tagged in [true, false] {
      var m = Self.machine(frames: 8, tlbEntries: 0, cpus: 1, asid: tagged)
      m.pageTable.walkCache = 2  // room for both processes' entries
      let result = try Experiment.run(Self.scenario(m, group), replication: 0)
      #expect(result.machine.contextSwitches == 3)
      #expect(result.machine.tlbFlushes == (tagged ? 0 : 3))
      #expect(result.machine.walkCacheHits == (tagged ? 2 : 0))
      #expect(result.machine.pteReads == (tagged ? 2 * (2 + 2 + 1) : 2 * (2 + 2 + 2)))
    }
  }

  /// An event log that keeps each access's virtual and physical address.
  struct AddressLog: EventLog {
    static var isEnabled: Bool { true }
    var va: Int64 = 0
    var accesses: [(va: Int64, frame: Int, pa: UInt64)] = []
    var ptes: [Int] = []
    var levels = 0
    mutating func beginAccess(pid: Int, time: SimTime, va: Int64, vpn: Int64, isWrite: Bool) {
      self.va = va
      levels = 0
    }
    mutating func tlbLookup(pid: Int, hit: Bool) {}
    mutating func beginWalk(pid: Int) { levels = 0 }
    mutating func pageTableEntry(pid: Int, level: Int, address: UInt64, value: UInt64) { levels += 1 }
    mutating func fault(pid: Int, time: SimTime, vpn: Int64, major: Bool) {}
    mutating func evict(pid: Int, time: SimTime, victimPid: Int, victimVPN: Int64, frame: Int, dirty: Bool) {}
    mutating func disk(
      pid: Int, time: SimTime, isWrite: Bool, vpn: Int64, frame: Int, wait: SimTime, service: SimTime
    ) {}
    mutating func endAccess(pid: Int, time: SimTime, frame: Int, physicalAddress: UInt64) {
      accesses.append((va, frame, physicalAddress))
      ptes.append(levels)
    }
    mutating func finish() {}
  }

  /// 2 MiB pages with a 3-level table: requests 1 MiB apart touch pages 0, 0, 1, 1, 2, 2, 3, 3.
  /// Each first touch is a zero-fill fault (1 + 300 + 2000 + 1 + 300 + 100 = 2702 ns), each second
  /// a TLB hit (101 ns); a walk reads 3 entries; physical addresses keep the 21-bit page offset.
  @Test func hugePagesWorkThroughout() throws {
    var m = Self.machine(frames: 8, levels: 3)
    m.pageSize = 2 << 20
    let group = ProcessGroupConfig(
      name: "huge", addressSpace: 8 << 20, requests: 8, interval: .constant(1_000_000), size: .constant(1),
      access: .sequential(stride: 1 << 20))
    var log = AddressLog()
    let result = try Experiment.run(Self.scenario(m, group), replication: 0, log: &log)
    #expect(result.machine.minorFaults == 4)
    #expect(result.machine.tlbHits == 4)
    #expect(result.machine.pteReads == 4 * 2 * 3)
    #expect(result.simulatedTime == Self.ns(8 * 1000 + 4 * 2702 + 4 * 101))
    #expect(log.accesses.map(\.va) == (0..<8).map { Int64($0) << 20 })
    for access in log.accesses {
      #expect(access.pa == UInt64(access.frame) << 21 | UInt64(access.va & ((2 << 20) - 1)))
    }
    #expect(Set(log.accesses.map(\.frame)).count == 4)
    #expect(log.ptes == [3, 0, 3, 0, 3, 0, 3, 0])
    // Requests of 2 bytes at 0 and at 2 MiB - 1: the second crosses into page 1 (three accesses).
    var crossing = group
    crossing.requests = 2
    crossing.size = .constant(2)
    crossing.access = .sequential(stride: (2 << 20) - 1)
    let two = try Experiment.run(Self.scenario(m, crossing), replication: 0)
    #expect(two.machine.accesses == 3)
    #expect(two.machine.minorFaults == 2)
  }

  /// A page's TLB entries are shot down on every CPU that may hold them: with ASIDs, every CPU;
  /// without, only the CPUs whose last process owns the page (another process's entry for the same
  /// page number is left alone).
  @Test func shootdownsReachEveryCPUThatMayHoldTheEntry() {
    for tagged in [true, false] {
      var os = MemoryManager<GlobalAllocator<FIFOPolicy>, NoEventLog>(
        machine: Self.machine(frames: 4, tlbEntries: 4, cpus: 2, asid: tagged), processCount: 2, tlbsPerCPU: true,
        policySeed: 0, latencyRandom: Xoshiro256StarStar(seed: 1), log: NoEventLog())
      // Process 0's page 7 is in frame 2; both CPUs hold a translation of page 7: CPU 0 ran process
      // 0, CPU 1 last ran process 1 (with ASIDs it ran process 0 before).
      let leaf = os.pageTable.leafEntry(process: 0, vpn: 7)
      os.frameTable.assign(2, owner: 0, vpn: 7, leaf: leaf)
      os.pageTable.entries[leaf] =
        PageTable.frameField(frame: 2, pageSize: 4096) | PageTable.present | PageTable.dirty
      os.tlbContext = [0, 1]
      let key = TLB.key(vpn: 7, asid: 0)
      os.tlbs[0].insert(key, vpn: 7, frame: 2)
      os.tlbs[1].insert(key, vpn: 7, frame: 3)
      var shootdowns: Int64 = 0
      let dirty = os.unmap(frame: 2, shootdowns: &shootdowns)
      #expect(dirty)
      #expect(os.pageTable.entries[leaf] == PageTable.touched)
      #expect(shootdowns == (tagged ? 2 : 1))
      #expect(os.tlbs[0].lookup(key, vpn: 7) == nil)
      #expect((os.tlbs[1].lookup(key, vpn: 7) == nil) == tagged)
    }
  }

  /// Two CPUs, four processes sharing too few frames: every shootdown belongs to an eviction, and a
  /// translation is on at most two TLBs.
  @Test func shootdownsWithTwoCPUs() throws {
    var m = Self.machine(frames: 6, tlbEntries: 8, cpus: 2)
    m.replacement.policy = .lru
    let g = ProcessGroupConfig(
      name: "z", count: 4, addressSpace: 1 << 20, requests: 400, interval: .exponential(mean: 1_000_000),
      size: .constant(1), access: .loop(pages: 3))
    let result = try Experiment.run(Self.scenario(m, g), replication: 0)
    #expect(result.machine.tlbShootdowns > 0)
    #expect(result.machine.tlbShootdowns <= 2 * result.machine.evictions)
    #expect(result.machine.contextSwitches > 0)
    #expect(result.machine.tlbFlushes == 0)
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
    return try Experiment.run(SimulatorTests.scenario(machine, group), replication: 0)
  }

  /// FIFO on Belady's string: 9 faults with 3 frames, 10 with 4 (Belady, Nelson and Shedler 1969).
  @Test func beladysAnomaly() throws {
    let three = try Self.belady(frames: 3)
    let four = try Self.belady(frames: 4)
    #expect(three.machine.requests == 12)
    #expect(three.machine.majorFaults == 9)
    #expect(four.machine.majorFaults == 10)
  }

  /// The whole curve of the validation study (scenarios/validation-belady.json): the DES's faults
  /// with 1...7 frames are the textbook's, 12 12 9 10 5 5 5.
  @Test func beladyCurveMatchesTheTextbook() throws {
    for (frames, faults) in ValidationPlots.textbookFIFOFaults {
      #expect(try Self.belady(frames: frames).machine.majorFaults == Int64(faults), "\(frames) frames")
    }
  }
}

/// Minimal file helpers for tests of the core, which does not import Foundation.
enum FileManagerless {
  static func write(_ text: String, to path: String) -> Bool {
    (try? AtomicFile.write(text, to: path)) != nil
  }
  static func remove(_ path: String) { _ = path.withCString { unlink($0) } }
}
