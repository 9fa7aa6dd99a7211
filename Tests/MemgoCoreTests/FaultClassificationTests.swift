import Testing

@testable import MemgoCore

@Suite struct FaultClassificationTests {
  /// FIFO on Belady's string with 3 frames: 9 faults, OPT 7, 5 distinct pages → 5 + 2 + 2.
  @Test func splitsByHand() {
    let c = FaultClassification(faults: 9, optFaults: 7, distinctPages: 5)
    #expect(c == FaultClassification(compulsory: 5, capacity: 2, policy: 2))
    #expect(c.total == 9)
  }
}
