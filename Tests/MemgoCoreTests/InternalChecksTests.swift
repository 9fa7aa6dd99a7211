import Foundation
import Testing

@testable import MemgoCore

/// The internal consistency checks (`InternalChecks`): each structure's `invariantViolation`
/// reports a corruption made on purpose and passes the states real operations leave; the
/// simulator's whole state (event queue, frame table, page tables, TLBs, allocator, policy) is
/// consistent at the end of random scenarios of every policy and scope. (A test build with
/// `-Xswiftc -DMEMGO_INTERNAL_CHECKS`, run by `.ci/run`, checks during every run as well.)
@Suite struct InternalChecksTests {
  @Test func frameListReportsBrokenLinksAndCounts() {
    var list = FrameList(frameCount: 4)
    for f in [2, 0, 3] { list.append(FrameNumber(f)) }
    list.moveToBack(FrameNumber(0))
    list.remove(FrameNumber(3))
    #expect(list.invariantViolation() == nil)
    var broken = list
    broken.links[0].previous = 1
    #expect(broken.invariantViolation()?.contains("links back") == true)
    broken = list
    broken.links[1].previous = FrameList.none  // marked listed, never linked
    #expect(broken.invariantViolation()?.contains("marked listed") == true)
    broken = list
    broken.links[2].next = FrameList.none  // the walk stops early
    #expect(broken.invariantViolation() != nil)
  }

  @Test func frameRingReportsAWalkThatDoesNotCloseOrAStrayMember() {
    var ring = FrameRing(frameCount: 5)
    for f in [4, 1, 3] { ring.insertBehindHand(FrameNumber(f)) }
    ring.advance()
    ring.remove(FrameNumber(1))
    #expect(ring.invariantViolation() == nil)
    var broken = ring
    broken.next[3] = 3
    #expect(broken.invariantViolation() != nil)
    broken = ring
    broken.member[0] = true
    #expect(broken.invariantViolation()?.contains("members, count") == true)
  }

  @Test func eventQueueReportsHeapDisorderButNotAHeldRoot() {
    var queue = EventQueue<Int>()
    for t in [50, 10, 40, 20, 30] { queue.insert(t, at: SimTime(picoseconds: Int64(t))) }
    #expect(queue.invariantViolation() == nil)
    _ = queue.holdMin()  // the root's slot is stale until the next insert
    #expect(queue.invariantViolation() == nil)
    queue.insert(25, at: SimTime(picoseconds: 25))
    #expect(queue.invariantViolation() == nil)
    var broken = queue
    broken.storage.swapAt(0, broken.storage.count - 1)
    #expect(broken.invariantViolation()?.contains("precedes its parent") == true)
    broken = queue
    broken.nextSequence = 0
    #expect(broken.invariantViolation()?.contains("not yet given") == true)
  }

  @Test func pageTablesReportATableReachedTwice() {
    var tables = PageTable(levels: 2, processCount: 2, physicalBase: 1 << 20)
    let leaf = tables.leafEntry(process: 0, vpn: 5)
    tables.entries[leaf] = PageTable.present
    #expect(tables.invariantViolation() == nil)
    #expect(tables.existingLeafEntry(process: 0, vpn: 5) == leaf)
    #expect(tables.existingLeafEntry(process: 1, vpn: 5) == nil)
    var present: [Int64] = []
    tables.forEachPresentLeaf(of: 0) { vpn, _ in present.append(vpn) }
    #expect(present == [5])
    // Process 1's first entry points at process 0's leaf table too.
    let shared = tables.entries[tables.entryIndex(table: tables.roots[0], vpn: 5, level: 2)]
    tables.entries[tables.entryIndex(table: tables.roots[1], vpn: 0, level: 2)] = shared
    #expect(tables.invariantViolation()?.contains("reached twice") == true)
  }

  /// A machine with two processes, two CPUs' TLBs (tagged) and process 0's page 7 in frame 2.
  static func machineWithOnePage() -> MemoryManager<GlobalAllocator<FIFOPolicy>, NoEventLog> {
    var os = MemoryManager<GlobalAllocator<FIFOPolicy>, NoEventLog>(
      machine: SimulatorTests.machine(frames: 4, tlbEntries: 4, cpus: 2, asid: true), processCount: 2,
      tlbsPerCPU: true, policySeed: 0, latencyRandom: Xoshiro256StarStar(seed: 1), log: NoEventLog())
    let leaf = os.pageTable.leafEntry(process: 0, vpn: 7)
    os.frameTable.freeStack.removeAll { $0 == 2 }
    os.frameTable.assign(2, owner: 0, vpn: 7, leaf: leaf)
    os.pageTable.entries[leaf] = PageTable.frameField(frame: 2, pageSize: 4096) | PageTable.present
    os.tlbContext = [0, 1]
    os.tlbs[0].insert(TLB.key(vpn: 7, asid: 0), vpn: 7, frame: 2)
    return os
  }

  @Test func memoryManagerReportsFrameTablePageTableAndTLBDisagreements() {
    let none: (Int) -> Bool = { _ in false }
    let idle: (Int, Int) -> Bool = { _, _ in false }
    do {
      let os = Self.machineWithOnePage()
      #expect(os.invariantViolation(hasExited: none, inFlight: idle) == nil)
    }
    do {  // a free frame that is also owned
      var os = Self.machineWithOnePage()
      os.frameTable.frames[0].owner = 1
      #expect(os.invariantViolation(hasExited: none, inFlight: idle)?.contains("free frame 0 has owner") == true)
    }
    do {  // an owned frame whose leaf is another page's
      var os = Self.machineWithOnePage()
      os.frameTable.frames[2].vpn = 8
      #expect(os.invariantViolation(hasExited: none, inFlight: idle)?.contains("not its page's") == true)
    }
    do {  // a stale translation: the TLB maps page 7 to a frame that does not hold it
      var os = Self.machineWithOnePage()
      os.tlbs[1].insert(TLB.key(vpn: 7, asid: 0), vpn: 7, frame: 3)
      #expect(os.invariantViolation(hasExited: none, inFlight: idle)?.contains("TLB 1") == true)
      // ... which is allowed for a process that has exited (its entries age out).
      #expect(os.invariantViolation(hasExited: { $0 == 0 }, inFlight: idle) == nil)
    }
    do {  // the page table maps page 7 while the frame table says the frame is free
      var os = Self.machineWithOnePage()
      os.frameTable.release(2)
      os.tlbs[0].flush()
      #expect(os.invariantViolation(hasExited: none, inFlight: idle)?.contains("does not hold it") == true)
    }
    do {  // page 7 unmapped while its frame stays owned: a leak, unless I/O is pending on it
      var os = Self.machineWithOnePage()
      var shootdowns: Int64 = 0
      _ = os.unmap(frame: 2, shootdowns: &shootdowns)
      #expect(shootdowns == 1)
      #expect(
        os.invariantViolation(hasExited: none, inFlight: idle)
          == "frame 2 (process 0, page 7) is owned, unmapped and has no I/O pending: it leaked")
      #expect(os.invariantViolation(hasExited: none, inFlight: { f, owner in f == 2 && owner == 0 }) == nil)
    }
  }

  @Test func processFrameListsReportAFrameInTheWrongList() {
    var lists = ProcessFrameLists(frameCount: 6, processCount: 2)
    lists.append(1, to: 0)
    lists.append(4, to: 1)
    lists.append(2, to: 0)
    lists.moveToBack(1, of: 0)
    #expect(lists.invariantViolation() == nil)
    lists.listOf[4] = 0
    #expect(lists.invariantViolation()?.contains("records owner") == true)
  }

  /// Runs `scenario` on the simulator specialised as `Experiment.run` does, and returns what is
  /// inconsistent in its state at the end.
  struct EndState: PolicyVisitor {
    let scenario: Scenario
    func visit<Policy: ReplacementPolicy>(_ policy: Policy.Type) throws -> String? {
      scenario.machine.replacement.scope == .local
        ? try run(LocalAllocator<Policy>.self) : try run(GlobalAllocator<Policy>.self)
    }
    func run<Frames: FrameAllocator>(_ allocator: Frames.Type) throws -> String? {
      let futures = Frames.needsFuture ? try ProcessFutures.prepare(scenario) : []
      var simulator = Simulator<Frames, NoEventLog>(
        scenario: scenario, replication: 0, log: NoEventLog(), traces: try ProcessTraces.open(scenario),
        futures: futures)
      _ = simulator.run()
      return simulator.invariantViolation()
    }
    func run() throws -> String? {
      switch scenario.machine.replacement.scope {
      case .global, .local: return try scenario.machine.replacement.policy.dispatch(self)
      case .workingset: return try run(WorkingSetAllocator.self)
      case .pff: return try run(PFFAllocator.self)
      }
    }
  }

  /// Random scenarios (every policy, scope, CPU pool, TLB and page-table shape the generator
  /// draws) end in a consistent state.
  @Test func randomScenariosEndConsistent() throws {
    try ExperimentTestSupport.withTemporaryDirectory { directory in
      for seed in UInt64(0)..<60 {
        let json = RandomScenario.json(seed: seed, directory: directory)
        let scenario = try ScenarioLoader.load(bytes: Array(json.utf8), path: "\(directory)/s\(seed).json").base
        let problem = try EndState(scenario: scenario).run()
        #expect(problem == nil, "seed \(seed): \(problem ?? "")\n\(json)")
      }
    }
  }
}
