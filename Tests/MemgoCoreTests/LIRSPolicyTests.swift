import Testing

@testable import MemgoCore

@Suite struct LIRSPolicyTests {
  /// 4 frames, lirsHIRFraction 0.5: L_hirs = 2, L_lirs = 2. S is written bottom (least recent)
  /// first, L for an LIR page, H for a resident HIR page, n for a non-resident entry; Q front first.
  ///
  ///      1  2     free frames, fewer than 2 LIR pages: S = [L1 L2]
  ///      3  4     HIR: S = [L1 L2 H3 H4], Q = [3 4]
  ///      3        hit on H3 in S: it becomes LIR at S's top and leaves Q; 3 LIR pages exceed 2, so
  ///               S's bottom L1 becomes HIR at Q's end: S = [L2 H4 L3], Q = [4 1]
  ///      5        Q's front 4 is evicted and stays in S as n4: S = [L2 n4 L3 H5], Q = [1 5]
  ///      4        Q's front 1 is evicted (not in S: forgotten); 4 is in S: it returns as LIR, and
  ///               S's bottom L2 is demoted: S = [L3 H5 L4], Q = [5 2]
  ///      2        hit on resident HIR 2, not in S: it enters S's top, moves to Q's end:
  ///               S = [L3 H5 L4 H2], Q = [5 2]
  ///      3        hit on L3, S's bottom: to the top; pruning removes H5: S = [L4 H2 L3]
  ///      6        5 is evicted (not in S); 6 is HIR: S = [L4 H2 L3 H6], Q = [2 6]
  ///      5        2 is evicted and stays as n2; 5 is HIR: S = [L4 n2 L3 H6 H5], Q = [6 5]
  ///      2        6 is evicted (n6); 2 returns as LIR (n2 leaves S); L4 is demoted:
  ///               S = [L3 n6 H5 L2], Q = [5 4]
  ///      7        5 is evicted (n5); 7 is HIR: S = [L3 n6 n5 L2 H7], Q = [4 7]
  ///      3        hit on L3 at the bottom: to the top; pruning forgets n6 and n5: S = [L2 H7 L3]
  ///      6        4 is evicted; 6 was forgotten, so it is HIR: S = [L2 H7 L3 H6], Q = [7 6]
  @Test func workedExample() {
    let refs: [Int64] = [1, 2, 3, 4, 3, 5, 4, 2, 3, 6, 5, 2, 7, 3, 6]
    let out = replay(LIRSPolicy.self, refs, frames: 4, configuration: ReplacementConfig(lirsHIRFraction: 0.5))
    #expect(out.victims == [4, 1, 5, 2, 6, 5, 4])
    #expect(out.faults == 11)
    #expect(out.pattern == "FFFF.FF..FFFF.F")
  }

  /// S keeps at most `frames` non-resident entries, forgetting the one made non-resident earliest.
  /// On 2 frames (L_lirs = L_hirs = 1) with S = [L1]: 2, 3, 4 and 5 each evict the previous HIR
  /// page, which stays in S; the third and fourth such entries push out n2 and then n3. So 2
  /// returns as HIR, not LIR; the hit on L1 then prunes S to [L1], and 6 evicts 2 from Q.
  /// (Unbounded, 2 would become LIR, L1 would be demoted, and 6 would evict 1.)
  @Test func nonResidentEntriesAreBoundedByTheFrames() {
    let out = replay(LIRSPolicy.self, [1, 2, 3, 4, 5, 2, 1, 6], frames: 2, configuration: ReplacementConfig(lirsHIRFraction: 0.5))
    #expect(out.victims == [2, 3, 4, 5, 2])
    #expect(out.pattern == "FFFFFF.F")
  }

  /// With Q empty (the resident HIR pages were freed) the victim is the LIR page at S's bottom,
  /// and then there is none.
  @Test func emptyQueueEvictsTheBottomLIRPage() {
    var p = LIRSPolicy(frameCount: 3, configuration: ReplacementConfig(lirsHIRFraction: 0.34), seed: 0)
    p.didLoad(FrameNumber(0), ref(0, 1))  // L_hirs 1, L_lirs 2: LIR
    p.didLoad(FrameNumber(1), ref(0, 2))  // LIR
    p.didLoad(FrameNumber(2), ref(0, 3))  // HIR, Q = [3]
    p.didAccess(FrameNumber(0), ref(0, 1))  // S = [L2 H3 L1]
    p.didFree(FrameNumber(2))
    #expect(p.invariantViolation() == nil)
    #expect(p.selectVictim(at: .zero) == FrameNumber(1))
    #expect(p.selectVictim(at: .zero) == FrameNumber(0))
    #expect(p.selectVictim(at: .zero) == nil)
    #expect(!(0..<3).contains { p.isCandidate(FrameNumber($0)) })
    #expect(p.invariantViolation() == nil)
  }

  /// Frees can take every LIR page away while resident HIR pages remain; a referenced HIR page
  /// then becomes LIR (fewer than L_lirs are), so that S's bottom is an LIR page again.
  @Test func aHIRPageReferencedWhileLIRPagesAreFewBecomesLIR() {
    var p = LIRSPolicy(frameCount: 3, configuration: ReplacementConfig(lirsHIRFraction: 0.34), seed: 0)
    p.didLoad(FrameNumber(0), ref(0, 1))  // LIR
    p.didLoad(FrameNumber(1), ref(0, 2))  // LIR
    p.didLoad(FrameNumber(2), ref(0, 3))  // HIR: S = [L1 L2 H3], Q = [3]
    p.didFree(FrameNumber(0))
    p.didFree(FrameNumber(1))  // pruning empties S; 3 stays in Q
    #expect(p.stack.count == 0 && p.queue.count == 1 && p.lirCount == 0)
    p.didAccess(FrameNumber(2), ref(0, 3))
    #expect(p.isLIR[2] && p.queue.count == 0 && p.stack.first == FrameNumber(2))
    #expect(p.invariantViolation() == nil)
  }

  /// The internal checks see a wrong LIR count and an HIR page left at S's bottom.
  @Test func invariantsCatchCorruption() {
    var p = LIRSPolicy(frameCount: 4, configuration: ReplacementConfig(lirsHIRFraction: 0.5), seed: 0)
    for f in 0..<4 { p.didLoad(FrameNumber(f), ref(0, Int64(f))) }  // S = [L0 L1 H2 H3], Q = [2 3]
    #expect(p.invariantViolation() == nil)
    var miscounted = p
    miscounted.lirCount = 1
    #expect(miscounted.invariantViolation() == "2 frames are LIR, the count is 1")
    var hirAtBottom = p
    hirAtBottom.isLIR[0] = false
    hirAtBottom.lirCount = 1
    #expect(hirAtBottom.invariantViolation() == "S's bottom, node 0, is not an LIR page")
  }

  /// On one frame every page is LIR (L_hirs is 0): each miss evicts the one page.
  @Test func oneFrame() {
    let out = replay(LIRSPolicy.self, [1, 2, 2, 1], frames: 1, configuration: ReplacementConfig(lirsHIRFraction: 1))
    #expect(out.victims == [1, 2])
    #expect(out.pattern == "FF.F")
  }

  @Test func sizes() {
    #expect(LIRSPolicy.hirSize(0.01, of: 1000) == 10)
    #expect(LIRSPolicy.hirSize(0.01, of: 100) == 1)
    #expect(LIRSPolicy.hirSize(0, of: 10) == 1)
    #expect(LIRSPolicy.hirSize(0.25, of: 4) == 1)
    #expect(LIRSPolicy.hirSize(1, of: 8) == 7)
    #expect(LIRSPolicy.hirSize(0.5, of: 1) == 0)
    #expect(LIRSPolicy(frameCount: 100, configuration: ReplacementConfig(), seed: 0).lirTarget == 99)
  }

  /// Default fraction on 3 frames: L_lirs 2, L_hirs 1. Process 1's LIR page (frame 0) is freed
  /// and 3 reuses its frame as LIR (only 1 LIR page remained); the hit on 1 prunes H2 from S, so
  /// 4 evicts 2 without remembering it; 5 evicts 4 (n4), and 4 returns as LIR, evicting 5.
  @Test func freedFramesAreNotRemembered() {
    let out = victimsAroundExit(LIRSPolicy.self)
    #expect(out.freedFrameReused)
    #expect(out.victims == [2, 4, 5])
  }

  @Test func matchesNaiveLIRS() {
    expectSameVictims(LIRSPolicy.self, NaiveLIRS.self)
  }
}
