import Testing

@testable import MemgoCore

@Suite struct NRUPolicyTests {
  /// Worked by hand on 3 frames, writes at references 1 (page 2) and 7 (page 6): step 1 finds a
  /// (0,0) page; step 2 clears the bits it passes (page 6 at reference 9) or takes a (0,1) page
  /// although it has just made an earlier one (0,0) (reference 10).
  @Test func enhancedSecondChance() {
    let refs: [Int64] = [1, 2, 3, 4, 5, 2, 6, 6, 7, 8, 9]
    let out = replay(NRUPolicy.self, refs, frames: 3, writes: [1, 7])
    #expect(out.victims == [1, 3, 4, 5, 2, 6])
    #expect(out.pattern == "FFFFF.F.FFF")
  }

  @Test func cleanBeforeDirty() {
    var nru = NRUPolicy(frameCount: 4, configuration: ReplacementConfig(referenceOnLoad: false), seed: 0)
    nru.didLoad(FrameNumber(0), ref(0, write: true))  // (0,1)
    nru.didLoad(FrameNumber(1), ref(1))  // (0,0) -> (1,0)
    nru.didAccess(FrameNumber(1), ref(1))
    nru.didLoad(FrameNumber(2), ref(2, write: true))  // (0,1) -> (1,1)
    nru.didAccess(FrameNumber(2), ref(2))
    nru.didLoad(FrameNumber(3), ref(3))  // (0,0)
    #expect(nru.selectVictim(at: .zero) == FrameNumber(3))  // (0,0) first
    #expect(nru.selectVictim(at: .zero) == FrameNumber(0))  // then (0,1), clearing nothing before it
    // Left: 1 (1,0) and 2 (1,1), hand at slot 1. Step 2 finds no (0,1): all cleared, then (0,0).
    #expect(nru.selectVictim(at: .zero) == FrameNumber(1))
    #expect(nru.selectVictim(at: .zero) == FrameNumber(2))
    #expect(nru.selectVictim(at: .zero) == nil)
  }

  @Test func freedFramesLeaveTheClock() {
    let out = victimsAroundExit(NRUPolicy.self)
    #expect(out.freedFrameReused)
    #expect(out.victims == [3, 1, 2])
  }

  @Test func matchesNaiveEnhancedSecondChance() {
    expectSameVictims(NRUPolicy.self, NaiveNRU.self)
  }
}
