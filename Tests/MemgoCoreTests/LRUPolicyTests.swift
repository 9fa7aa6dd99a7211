import Testing

@testable import MemgoCore

@Suite struct LRUPolicyTests {
  /// Silberschatz, Operating System Concepts, Figure 10.15: 12 faults with 3 frames.
  @Test func silberschatzString() {
    let out = replay(LRUPolicy.self, textbookString, frames: 3)
    #expect(out.faults == 12)
    #expect(out.victims == [7, 1, 2, 3, 0, 4, 0, 3, 2])
  }

  /// LRU is a stack algorithm: no Belady anomaly on Belady's string.
  @Test func noAnomaly() {
    #expect(replay(LRUPolicy.self, anomalyString, frames: 3).faults == 10)
    #expect(replay(LRUPolicy.self, anomalyString, frames: 4).faults == 8)
  }

  @Test func freedFramesLeaveTheRecencyList() {
    let out = victimsAroundExit(LRUPolicy.self)
    #expect(out.freedFrameReused)
    #expect(out.victims == [2, 3])
  }

  @Test func matchesNaiveLRU() {
    expectSameVictims(LRUPolicy.self, NaiveLRU.self)
  }
}
