import Testing

@testable import MemgoCore

@Suite struct FIFOPolicyTests {
  /// Silberschatz, Operating System Concepts, Figure 10.12: 15 faults with 3 frames.
  @Test func silberschatzString() {
    let out = replay(FIFOPolicy.self, textbookString, frames: 3)
    #expect(out.faults == 15)
    #expect(out.victims == [7, 0, 1, 2, 3, 0, 4, 2, 3, 0, 1, 2])
  }

  /// Belady's anomaly: more frames, more faults.
  @Test func beladysAnomaly() {
    #expect(replay(FIFOPolicy.self, anomalyString, frames: 3).faults == 9)
    #expect(replay(FIFOPolicy.self, anomalyString, frames: 4).faults == 10)
    #expect(replay(FIFOPolicy.self, anomalyString, frames: 3).victims == [1, 2, 3, 4, 1, 2])
  }

  @Test func freedFramesLeaveTheQueue() {
    let out = victimsAroundExit(FIFOPolicy.self)
    #expect(out.freedFrameReused)
    #expect(out.victims == [1, 2, 3])
  }

  @Test func matchesNaiveFIFO() {
    expectSameVictims(FIFOPolicy.self, NaiveFIFO.self)
  }
}
