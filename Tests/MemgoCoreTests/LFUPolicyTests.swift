import Testing

@testable import MemgoCore

@Suite struct LFUPolicyTests {
  /// Worked by hand: the fewest references go first; equal counts go to the least recently used.
  @Test func frequencyThenRecency() {
    // 1, 2, 3 each referenced twice, 3 least recently: 4 evicts 3; then 4 has the fewest.
    #expect(replay(LFUPolicy.self, [1, 2, 3, 3, 2, 1, 4, 5], frames: 3).victims == [3, 4])
    // All counts 1: the oldest reference goes first.
    #expect(replay(LFUPolicy.self, [1, 2, 3, 4, 5], frames: 3).victims == [1, 2])
    // A frequently used page survives a scan.
    #expect(replay(LFUPolicy.self, [1, 1, 1, 2, 3, 4, 5, 1], frames: 2).victims == [2, 3, 4])
  }

  @Test func countsAreForgottenOnEviction() {
    // Page 1 reaches count 3, is evicted, and comes back with count 1.
    let out = replay(LFUPolicy.self, [1, 1, 1, 2, 2, 2, 2, 3, 1, 4], frames: 2)
    #expect(out.victims == [1, 3, 1])
  }

  @Test func freedFramesLeaveTheHeap() {
    let out = victimsAroundExit(LFUPolicy.self)
    #expect(out.freedFrameReused)
    #expect(out.victims == [2, 3])
  }

  @Test func matchesNaiveLFU() {
    expectSameVictims(LFUPolicy.self, NaiveLFU.self)
  }
}
