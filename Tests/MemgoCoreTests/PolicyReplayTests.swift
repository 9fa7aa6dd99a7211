import Testing

@testable import MemgoCore

/// FIFO that records every call the replay makes.
struct RecordingPolicy: ReplacementPolicy {
  var fifo: FIFOPolicy
  var log: [String] = []

  init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    fifo = FIFOPolicy(frameCount: frameCount, configuration: configuration, seed: seed)
  }
  mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    log.append("load \(frame) \(reference.page.vpn)\(reference.isWrite ? "w" : "") t\(reference.time.picoseconds)")
    fifo.didLoad(frame, reference)
  }
  mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    log.append("access \(frame) \(reference.page.vpn)\(reference.isWrite ? "w" : "") t\(reference.time.picoseconds)")
    fifo.didAccess(frame, reference)
  }
  mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    log.append("victim t\(time.picoseconds)")
    return fifo.selectVictim(at: time)
  }
  mutating func selectVictim(for reference: PageReference) -> FrameNumber? {
    log.append("victim for \(reference.page.vpn) next \(reference.nextUse)")
    return fifo.selectVictim(at: reference.time)
  }
  mutating func didFree(_ frame: FrameNumber) {
    log.append("free \(frame)")
    fifo.didFree(frame)
  }
  func invariantViolation() -> String? { fifo.invariantViolation() }
  func isCandidate(_ frame: FrameNumber) -> Bool { fifo.isCandidate(frame) }
}

@Suite struct PolicyReplayTests {
  /// Hits report `didAccess`; faults take a free frame (0, 1, 2, … at first, then the one freed last) or ask for a victim for the faulting
  /// reference, then report `didLoad`; reference i happens at time i; frees report `didFree`.
  @Test func callsThePolicyInOrder() {
    var r = PolicyReplay<RecordingPolicy>(frames: 2)
    _ = r.reference(page(1), isWrite: true, nextUse: 2)
    _ = r.reference(page(2))
    _ = r.reference(page(1))
    let step = r.reference(page(3), nextUse: 9)
    #expect(step == ReplayStep(hit: false, frame: FrameNumber(0), victim: page(1), victimDirty: true))
    r.free(page(2))
    _ = r.reference(page(4))
    #expect(
      r.policy.log == [
        "load 0 1w t0", "load 1 2 t1", "access 0 1 t2", "victim for 3 next 9", "load 0 3 t3", "free 1",
        "load 1 4 t4",
      ])
  }

  @Test func countsFaultsEvictionsAndDirtyEvictions() {
    var r = PolicyReplay<FIFOPolicy>(frames: 2)
    let refs: [(Int64, Bool)] = [(1, false), (2, true), (1, true), (3, false), (4, false), (2, false), (5, false)]
    var pattern = ""
    for (n, w) in refs { pattern += r.reference(page(n), isWrite: w).hit ? "." : "F" }
    // 1, 2 cold; 1 hit (now dirty); 3 evicts 1 (dirty); 4 evicts 2 (dirty); 2 evicts 3; 5 evicts 4.
    #expect(pattern == "FF.FFFF")
    #expect(r.references == 7 && r.hits == 1 && r.faults == 6)
    #expect(r.evictions == 4 && r.dirtyEvictions == 2)
    #expect(r.faultRate == 6.0 / 7.0)
    #expect(r.residentCount == 2)
  }

  /// Frames are taken in order 0, 1, 2, … at first, then the frame freed last first (the
  /// `FrameTable`'s stack, as in the simulator).
  @Test func freedFramesAreReusedLastFreedFirst() {
    var r = PolicyReplay<LRUPolicy>(frames: 4)
    for n: Int64 in 0..<4 { #expect(r.reference(PageKey(process: Int(n % 2), vpn: n)).frame == FrameNumber(Int(n))) }
    #expect(r.freeProcess(1) == 2)  // frames 1 and 3, in frame order
    #expect(r.page(in: FrameNumber(1)) == nil && r.page(in: FrameNumber(3)) == nil)
    #expect(r.free(page(42)) == nil)
    #expect(r.reference(page(10)).frame == FrameNumber(3))
    #expect(r.reference(page(11)).frame == FrameNumber(1))
    let step = r.reference(page(12))
    #expect(step.victim == page(0) && step.frame == FrameNumber(0))
    #expect(r.isResident(page(12)) && !r.isResident(page(0)))
  }

  @Test func writesOnHitsDirtyThePage() {
    var r = PolicyReplay<FIFOPolicy>(frames: 1)
    _ = r.reference(page(1))
    _ = r.reference(page(1), isWrite: true)
    #expect(r.reference(page(2)).victimDirty)
    #expect(!r.reference(page(3)).victimDirty)
  }

  /// Every policy replays random workloads with exits without tripping an invariant, never evicts
  /// while a frame is free, keeps its counts consistent, and after every operation its structures
  /// and the replay's frame table pass their internal checks (`invariantViolation`).
  /// A replay whose frame table disagrees with its resident pages or its policy says so.
  @Test func frameTableCorruptionIsReported() {
    var r = PolicyReplay<FIFOPolicy>(frames: 3)
    for p in [1, 2] as [Int64] { _ = r.reference(page(p)) }
    #expect(r.invariantViolation() == nil)
    var lost = r
    lost.frameTable.freeStack.removeAll()  // frame 2 is neither owned nor free
    #expect(lost.invariantViolation() == "frame table: frame 2 has no owner and is not free")
    var moved = r
    moved.frameTable.frames[1].vpn = 9  // frame 1 claims a page that is not resident
    #expect(moved.invariantViolation() == "frame 1's page maps to frame nil")
    var orphan = r
    orphan.frameTable.release(0)  // page 1 is resident at frame 0, which is free
    #expect(orphan.invariantViolation() == "2 resident pages and 2 free frames of 3")
  }

  @Test(arguments: PolicyKind.allCases)
  func everyPolicyKeepsTheBooks(kind: PolicyKind) throws {
    struct Check: PolicyVisitor {
      /// The first problem found, or nil.
      func visit<Policy: ReplacementPolicy>(_ policy: Policy.Type) throws -> String? {
        for seed in UInt64(0)..<150 {
          let w = RandomWorkload(seed: seed)
          var r = PolicyReplay<Policy>(frames: w.frames, configuration: w.configuration, seed: seed)
          var index = 0
          for (i, op) in w.ops.enumerated() {
            switch op {
            case .reference(let p, let isWrite):
              let freeBefore = r.residentCount < w.frames
              let step = r.reference(p, isWrite: isWrite, nextUse: w.nextUses[index])
              index += 1
              if freeBefore && step.victim != nil { return "seed \(seed) op \(i): evicted with a frame free" }
              if r.page(in: step.frame) != p { return "seed \(seed) op \(i): the page is not in its frame" }
            case .exit(let process):
              r.freeProcess(process)
            }
            if let problem = r.invariantViolation() { return "seed \(seed) op \(i): \(problem)" }
          }
          if r.hits + r.faults != r.references || r.evictions > r.faults || r.residentCount > w.frames {
            return "seed \(seed): inconsistent counts"
          }
        }
        return nil
      }
    }
    let problem = try kind.dispatch(Check())
    #expect(problem == nil, "\(problem ?? "")")
  }
}
