import Testing

@testable import MemgoCore

@Suite struct TwoQPolicyTests {
  /// Worked by hand, 4 frames, Kin = 1, Kout = 2: page 1 returns from A1out into Am (reference 5);
  /// page 4 is found in A1out at reference 10 although the reclaim then pushes its identity out of
  /// the full A1out, and still joins Am (the paper decides before reclaiming), to be evicted as
  /// Am's LRU page at reference 17, when A1in is down to Kin.
  @Test func a1outPromotion() {
    let refs: [Int64] = [1, 2, 3, 4, 5, 1, 6, 7, 1, 2, 4, 8, 9, 3, 1, 10, 9, 11]
    let out = replay(TwoQPolicy.self, refs, frames: 4)
    #expect(out.victims == [1, 2, 3, 4, 5, 6, 7, 2, 8, 9, 3, 4])
    #expect(out.faults == 16)
  }

  /// A hit in A1in changes nothing (correlated references): FIFO order stands.
  @Test func a1inHitsDoNotPromote() {
    let config = ReplacementConfig(twoQKin: 0.5, twoQKout: 0.5)
    let out = replay(TwoQPolicy.self, [1, 2, 1, 1, 3], frames: 2, configuration: config)
    #expect(out.victims == [1])
  }

  @Test func sizes() {
    #expect(ReplacementConfig.frameShare(0.25, of: 10, limit: 1) == 2)
    #expect(ReplacementConfig.frameShare(0.5, of: 10, limit: 4) == 5)
    #expect(ReplacementConfig.frameShare(.nan, of: 10, limit: 1) == 0)
    #expect(ReplacementConfig.frameShare(9, of: 10, limit: 4) == 40)
  }

  @Test func freedFramesAreNotRemembered() {
    let out = victimsAroundExit(TwoQPolicy.self)
    #expect(out.freedFrameReused)
    #expect(out.victims == [1, 2, 3])
  }

  @Test func matchesNaiveTwoQ() {
    expectSameVictims(TwoQPolicy.self, NaiveTwoQ.self)
  }
}
