import Testing

@testable import MemgoCore

@Suite struct SIEVEPolicyTests {
  /// Algorithm 1 of Zhang et al. traced by hand on 4 frames: the hand clears 1 and 2 and takes 3;
  /// it then stays where it stopped (4 goes next, not the oldest page); 1, visited again, keeps its
  /// place at the old end while the hand passes 5 and takes 6, wraps, clears 1 and takes 2.
  @Test func handStaysWhereItStopped() {
    let out = replay(SIEVEPolicy.self, [1, 2, 3, 4, 1, 2, 5, 6, 1, 5, 7, 8], frames: 4)
    #expect(out.victims == [3, 4, 6, 2])
  }

  /// New pages start unvisited; a visit buys one pass of the hand, no more: page 1 survives the
  /// miss on 3 (its bit is cleared, 2 goes) and goes at the miss on 4.
  @Test func oneVisitOnePass() {
    let out = replay(SIEVEPolicy.self, [1, 1, 2, 3, 4, 5, 6], frames: 2)
    #expect(out.victims == [2, 1, 3, 4])
  }

  @Test func freeingTheFrameUnderTheHandMovesTheHand() {
    var sieve = SIEVEPolicy(frameCount: 3, configuration: ReplacementConfig(), seed: 0)
    for f in 0..<3 { sieve.didLoad(FrameNumber(f), ref(Int64(f))) }
    sieve.didAccess(FrameNumber(0), ref(0))
    #expect(sieve.selectVictim(at: .zero) == FrameNumber(1))  // hand now on frame 2
    sieve.didFree(FrameNumber(2))  // hand falls off the new end
    sieve.didLoad(FrameNumber(1), ref(5))
    #expect(sieve.selectVictim(at: .zero) == FrameNumber(0))  // from the oldest again: 0 was cleared
    let out = victimsAroundExit(SIEVEPolicy.self)
    #expect(out.freedFrameReused)
    #expect(out.victims == [2, 3])
  }

  @Test func matchesNaiveSIEVE() {
    expectSameVictims(SIEVEPolicy.self, NaiveSIEVE.self)
  }
}
