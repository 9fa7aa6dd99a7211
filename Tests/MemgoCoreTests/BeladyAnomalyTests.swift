import Testing

@testable import MemgoCore

@Suite struct BeladyAnomalyTests {
  static func result(_ policy: PolicyKind, _ frames: Int, _ faults: Int64) -> TracePolicyResult {
    TracePolicyResult(policy: policy, frames: frames, faults: faults, faultRate: 0, evictions: 0, dirtyEvictions: 0)
  }

  /// Sizes are compared in increasing order whatever the order given; only increases count.
  @Test func findsIncreasesBetweenConsecutiveSizes() {
    let results = [
      Self.result(.fifo, 4, 10), Self.result(.fifo, 3, 9), Self.result(.fifo, 5, 5),
      Self.result(.lru, 3, 10), Self.result(.lru, 4, 8),
      Self.result(.clock, 8, 3), Self.result(.clock, 2, 5), Self.result(.clock, 16, 4),
    ]
    #expect(
      BeladyAnomaly.scan(results) == [
        BeladyAnomaly(policy: .fifo, frames: 3, faults: 9, largerFrames: 4, largerFaults: 10),
        BeladyAnomaly(policy: .clock, frames: 8, faults: 3, largerFrames: 16, largerFaults: 4),
      ])
  }

  @Test func noneForOneSizeOrNone() {
    #expect(BeladyAnomaly.scan([]) == [])
    #expect(BeladyAnomaly.scan([Self.result(.fifo, 3, 9)]) == [])
  }
}
