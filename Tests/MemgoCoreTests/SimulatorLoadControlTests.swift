import Testing

#if canImport(Glibc)
  import Glibc
#endif

@testable import MemgoCore

/// Hand-computed runs of the allocation scopes: local quotas and admission, the working-set load
/// controller, PFF. Latencies as in `SimulatorTests`: TLB 1 ns, RAM 100 ns, fault 2 µs, disk 5 ms.
@Suite struct SimulatorLoadControlTests {
  static func machine(frames: Int, scope: AllocationScope, policy: PolicyKind = .fifo) -> MachineConfig {
    var m = SimulatorTests.machine(frames: frames, policy: policy)
    m.replacement.scope = scope
    return m
  }

  static func group(_ name: String, pages: Int64, requests: Int, start: SimTime = .zero) -> ProcessGroupConfig {
    var g = SimulatorTests.looping(pages: pages, requests: requests)
    g.name = name
    g.start = start
    return g
  }

  static func scenario(_ machine: MachineConfig, _ groups: [ProcessGroupConfig]) -> Scenario {
    var s = SimulatorTests.scenario(machine, groups[0])
    s.processes = groups
    return s
  }

  static func ns(_ n: Int64) -> SimTime { .nanoseconds(n) }

  /// Quota 2 each on 4 frames, FIFO: process A loops over 3 pages and faults on every access,
  /// evicting only its own pages (4 evictions); B's 2 pages stay resident (2 cold faults, then hits).
  /// Under global FIFO the same run evicts B's pages, the oldest, once A needs a third frame.
  @Test func localQuotaEvictsOnlyOwnPages() throws {
    var m = Self.machine(frames: 4, scope: .local)
    m.replacement.frameQuota = .frames(2)
    m.zeroFill = false
    let groups = [
      Self.group("a", pages: 3, requests: 6, start: Self.ns(5000)), Self.group("b", pages: 2, requests: 20_000),
    ]
    let local = try Experiment.run(Self.scenario(m, groups), replication: 0)
    #expect(local.groups[0].majorFaults == 6)
    #expect(local.groups[0].evictions == 4)
    #expect(local.groups[1].majorFaults == 2)
    #expect(local.groups[1].evictions == 0)
    #expect(local.machine.admissionWaits == 0)
    m.replacement.scope = .global
    let global = try Experiment.run(Self.scenario(m, groups), replication: 0)
    #expect(global.groups[1].majorFaults > 2)
  }

  /// Quota 2 on 4 frames for 3 processes: the third waits until the first exits. Each process
  /// makes two requests to one page (think 1 µs, a zero-fill fault of 2502 ns, think 1 µs, a TLB hit
  /// of 101 ns: 4603 ns), so the third starts at 4603 ns and ends at 9206 ns.
  @Test func admissionWaitsUntilAQuotaIsReturned() throws {
    var m = Self.machine(frames: 4, scope: .local)
    m.replacement.frameQuota = .frames(2)
    var g = Self.group("g", pages: 1, requests: 2)
    g.count = 3
    let result = try Experiment.run(Self.scenario(m, [g]), replication: 0)
    #expect(result.machine.admissionWaits == 1)
    #expect(result.machine.requests == 6)
    #expect(result.machine.minorFaults == 3)
    #expect(result.simulatedTime == Self.ns(9206))
    // With "equal" the quota is 4 / 3 = 1 frame: everyone is admitted at once.
    m.replacement.frameQuota = .equal
    let equal = try Experiment.run(Self.scenario(m, [g]), replication: 0)
    #expect(equal.machine.admissionWaits == 0)
    #expect(equal.simulatedTime == Self.ns(4603))
  }

  /// Working sets (τ = 1000, so nothing ages out) on 4 frames. A (from 0) loops over 3 pages, 6
  /// requests; B (from 5 µs) loops over 3 pages, 4 requests:
  /// - A faults pages 0, 1, 2 (ends 3502, 7004, 10506 ns) then hits them in the page table (TLB of 2
  ///   entries, 301 ns each: ends 11807, 13108, 14409 ns) and exits at 14409 ns.
  /// - B faults page 0 into the fourth frame (6000 → 8502 ns). Its fault on page 1 finds memory full
  ///   of working sets: B is suspended (its clean page freed, TLB entry shot down) and needs 2
  ///   frames to resume. A's exit frees 3: B resumes at 14409 ns and retries: a miss, a walk and a
  ///   zero-fill fault (2201 + 301 ns: 16911 ns); page 2 at 17911 ns (20413 ns); page 0 again at
  ///   21413 ns, swapped out, so a major fault: 2201 ns, 5 ms of disk, 301 ns: 5 023 915 ns.
  @Test func workingSetsBeyondMemorySuspendTheFaultingProcess() throws {
    let m = Self.machine(frames: 4, scope: .workingset)
    let groups = [
      Self.group("a", pages: 3, requests: 6), Self.group("b", pages: 3, requests: 4, start: Self.ns(5000)),
    ]
    let result = try Experiment.run(Self.scenario(m, groups), replication: 0)
    #expect(result.machine.suspensions == 1)
    #expect(result.groups[1].suspensions == 1)
    #expect(result.groups[1].tlbShootdowns == 1)
    #expect(result.groups[0].minorFaults == 3)
    #expect(result.groups[1].minorFaults == 3)
    #expect(result.groups[1].majorFaults == 1)
    #expect(result.machine.diskWrites == 0)
    #expect(result.machine.evictions == 0)
    #expect(result.simulatedTime == Self.ns(5_023_915))
  }

  /// A suspended process's dirty pages are written out in one disk operation before their frames
  /// are free. As above, but B writes: its page 0 is dirty when it is suspended at 11703 ns, so the
  /// write (5 ms) keeps the frame until 5 011 703 ns. A's exit at 14409 ns frees 3 frames, but B
  /// joins the suspended queue only when its swap-out completes, and resumes then.
  @Test func swapOutWritesDirtyPagesFirst() throws {
    let m = Self.machine(frames: 4, scope: .workingset)
    var b = Self.group("b", pages: 3, requests: 3, start: Self.ns(5000))
    b.writeFraction = 1
    let result = try Experiment.run(Self.scenario(m, [Self.group("a", pages: 3, requests: 6), b]), replication: 0)
    #expect(result.machine.suspensions == 1)
    #expect(result.groups[1].diskWrites == 1)
    // Resumed at 5 011 703 ns: page 1 (zero-fill, 2502 ns), then page 2 (think 1 µs, 2502 ns).
    #expect(result.simulatedTime == Self.ns(5_011_703 + 2502 + 1000 + 2502))
  }

  /// The event log follows a run with suspensions and swap-outs, and the run is the same with it.
  @Test func eventLogSurvivesSwapOuts() throws {
    let m = Self.machine(frames: 4, scope: .workingset)
    var b = Self.group("b", pages: 3, requests: 3, start: Self.ns(5000))
    b.writeFraction = 1
    let s = Self.scenario(m, [Self.group("a", pages: 3, requests: 6), b])
    let fd = open("/dev/null", O_WRONLY)
    defer { close(fd) }
    var log = JSONLinesLog(sink: FileSink(descriptor: fd), processNames: ["a", "b"])
    let logged = try Experiment.run(s, replication: 0, log: &log)
    let unlogged = try Experiment.run(s, replication: 0)
    #expect(logged == unlogged)
    #expect(logged.machine.suspensions == 1)
  }

  /// PFF with the bounds 0.5 and 0.2 on 4 frames: A and B each loop over 3 pages, so every access
  /// faults at first (interval 1, rate 1 > 0.5: grow); the fourth frame goes to whoever faults
  /// first, and the other is suspended until A exits.
  @Test func pffGrowsUntilMemoryIsFullThenSuspends() throws {
    var m = Self.machine(frames: 4, scope: .pff)
    m.replacement.pffUpper = 0.5
    m.replacement.pffLower = 0.2
    let groups = [
      Self.group("a", pages: 3, requests: 6), Self.group("b", pages: 3, requests: 4, start: Self.ns(5000)),
    ]
    let result = try Experiment.run(Self.scenario(m, groups), replication: 0)
    #expect(result.machine.suspensions == 1)
    #expect(result.groups[0].minorFaults == 3)
    #expect(result.groups[1].majorFaults == 1)
    #expect(result.simulatedTime == Self.ns(5_023_915))
  }

  /// Scopes never lose or invent frames: after any run every frame is free or owned, and the
  /// counters add up, for every scope and a few seeds.
  @Test(arguments: AllocationScope.allCases)
  func everyScopeCompletesEveryRequest(scope: AllocationScope) throws {
    var m = SimulatorTests.machine(frames: 24, policy: .clock, zeroFill: false, cpus: 2, asid: false)
    m.replacement.scope = scope
    m.replacement.frameQuota = .frames(5)
    m.replacement.tau = 40
    m.pageTable.walkCache = 2
    let g = ProcessGroupConfig(
      name: "z", count: 6, addressSpace: 1 << 20, requests: 300, interval: .exponential(mean: 1_000_000),
      size: .uniform(min: 1, max: 8192), writeFraction: 0.3,
      access: .workingset(size: 40 << 10, phaseLength: 100, locality: 0.9))
    let result = try Experiment.run(Self.scenario(m, [g]), replication: 0)
    #expect(result.machine.requests == 6 * 300)
    #expect(result.machine.diskReads == result.machine.majorFaults)
    #expect(result.machine.walkCacheHits > 0)
    #expect(result.machine.admissionWaits == (scope == .local ? 2 : 0))
    if scope.controlsLoad { #expect(result.machine.suspensions > 0) }
    if !scope.controlsLoad { #expect(result.machine.suspensions == 0) }
  }
}
