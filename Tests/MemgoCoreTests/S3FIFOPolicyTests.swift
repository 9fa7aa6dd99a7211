import Testing

@testable import MemgoCore

@Suite struct S3FIFOPolicyTests {
  /// 4 frames, s3fifoSmallFraction 0.25: S's target is 1 frame, G holds 3 identities. Queues are
  /// written oldest first, counters after a colon.
  ///
  ///      1  2  3  4   load into free frames: S = [1 2 3 4]
  ///      1  1         hits: 1:2
  ///      5            S (4) >= 1: 1 (counter 2 > 1) moves to M = [1:0]; 2 (0) is evicted, G = [2]
  ///      2            S = [3 4 5] >= 1: 3 is evicted, G = [2 3]; 2 is in G: it leaves G, joins M
  ///      6            S = [4 5]: 4 is evicted, G = [3 4]; S = [5 6]; M = [1 2]
  ///      1  6         hits: 1:1 (in M), 6:1
  ///      7            S = [5 6]: 5 is evicted, G = [3 4 5]; S = [6:1 7]
  ///      8            6's counter is 1, not above 1: 6 is evicted, G = [4 5 6] (3 forgotten)
  ///      3            7 is evicted, G = [5 6 7]; 3 is no longer in G: S = [8 3]
  ///      8 8 3 3      hits: 8:2, 3:2
  ///      9            S: 8 and 3 move to M (counters 0), S empties; M = [1:1 2 8 3]: 1 drops to
  ///                   0 and goes back to M's new end, 2 is evicted (not remembered); S = [9]
  ///      7            S (1) >= 1: 9 is evicted, G = [6 7 9] (5 forgotten); then 7 is found in G
  ///                   (the test follows the reclaim) and joins M = [8 3 1 7]; G = [6 9]
  ///      1            hit: 1:1
  ///      10           S is empty, below its target: M's oldest, 8 (0), is evicted; S = [10]
  ///      6            S (1) >= 1: 10 is evicted, G = [6 9 10]; 6 is in G: it leaves (G = [9 10])
  ///                   and joins M = [3 1:1 7 6]
  ///      11           S is empty: M's oldest, 3 (0), is evicted
  @Test func workedExample() {
    let refs: [Int64] = [1, 2, 3, 4, 1, 1, 5, 2, 6, 1, 6, 7, 8, 3, 8, 8, 3, 3, 9, 7, 1, 10, 6, 11]
    let config = ReplacementConfig(s3fifoSmallFraction: 0.25)
    let out = replay(S3FIFOPolicy.self, refs, frames: 4, configuration: config)
    #expect(out.victims == [2, 3, 4, 5, 6, 7, 2, 9, 8, 10, 3])
    #expect(out.faults == 15)
    #expect(out.pattern == "FFFF..FFF..FFF....FF.FFF")
  }

  /// G is tested after the reclaim that makes room, as Algorithm 1's INSERT does: on 2 frames with
  /// fraction 0.5 (S's target 1, G holds 1), the miss on 1 evicts 2, whose identity pushes 1's out
  /// of G, so 1 re-enters S, not M, and is S's victim at the miss on 5. (Testing G before the
  /// reclaim, as libCacheSim does, would put 1 in M and evict 4 instead.)
  @Test func ghostIsTestedAfterTheReclaim() {
    let config = ReplacementConfig(s3fifoSmallFraction: 0.5)
    let out = replay(S3FIFOPolicy.self, [1, 2, 3, 1, 4, 5], frames: 2, configuration: config)
    #expect(out.victims == [1, 2, 3, 1])
  }

  /// The counter is capped at 3: a page hit many times in M survives three passes of M, not more.
  @Test func countersAreCappedAtThree() {
    var p = S3FIFOPolicy(frameCount: 2, configuration: ReplacementConfig(s3fifoSmallFraction: 0), seed: 0)
    // Target 0: S is always examined first; a page with counter 2 moves to M.
    p.didLoad(FrameNumber(0), ref(1))
    p.didAccess(FrameNumber(0), ref(1))
    p.didAccess(FrameNumber(0), ref(1))
    p.didLoad(FrameNumber(1), ref(2))
    #expect(p.selectVictim(at: .zero) == FrameNumber(1))  // 1 moves to M (counter 0), 2 is evicted
    #expect(p.main.contains(FrameNumber(0)) && p.counter[0] == 0)
    for _ in 0..<10 { p.didAccess(FrameNumber(0), ref(1)) }
    #expect(p.counter[0] == 3)
    #expect(p.selectVictim(at: .zero) == FrameNumber(0))  // alone in M: three passes, then evicted
    #expect(p.invariantViolation() == nil)
  }

  @Test func sizes() {
    func target(_ fraction: Double, _ frames: Int) -> Int {
      S3FIFOPolicy(frameCount: frames, configuration: ReplacementConfig(s3fifoSmallFraction: fraction), seed: 0)
        .smallTarget
    }
    #expect(target(0.1, 100) == 10)
    #expect(target(0.1, 10) == 1)
    #expect(target(0.1, 9) == 0)
    #expect(target(1, 8) == 8)
    let p = S3FIFOPolicy(frameCount: 100, configuration: ReplacementConfig(), seed: 0)
    #expect(p.ghost.capacity == 90)
  }

  /// Default fraction on 3 frames: S's target is 0, so S is examined first. Process 1's page (frame
  /// 0) is freed and 3 reuses its frame without an eviction; 1's single hit (counter 1) is not
  /// enough to move it to M, so the misses on 4, 5 and 1 evict 1, 2 and 3 from S (1 then returns
  /// from G into M). The freed page is not remembered.
  @Test func freedFramesAreNotRemembered() {
    let out = victimsAroundExit(S3FIFOPolicy.self)
    #expect(out.freedFrameReused)
    #expect(out.victims == [1, 2, 3])
  }

  @Test func matchesNaiveS3FIFO() {
    expectSameVictims(S3FIFOPolicy.self, NaiveS3FIFO.self)
  }
}
