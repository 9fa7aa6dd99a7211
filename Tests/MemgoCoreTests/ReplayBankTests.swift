import Testing

@testable import MemgoCore

@Suite struct ReplayBankTests {
  /// Blocks of any length give the counts of one replay per size fed access by access.
  @Test func blocksDoNotChangeCounts() {
    var rng = SplitMix64(seed: 8)
    let accesses = (0..<500).map { _ in PageAccess(page: rng.next() % 20, isWrite: rng.next() % 4 == 0) }
    let sizes = [1, 3, 7]
    var expected: [ReplayCounts] = []
    for size in sizes {
      var replay = PolicyReplay<ClockPolicy>(frames: size)
      for a in accesses { _ = replay.reference(PageKey(rawValue: a.page), isWrite: a.isWrite) }
      expected.append(
        ReplayCounts(
          frames: size, faults: replay.faults, evictions: replay.evictions, dirtyEvictions: replay.dirtyEvictions))
    }
    for blockLength in [1, 7, 64, 500] {
      var bank = ReplayBank<ClockPolicy>(kind: .clock, sizes: sizes, configuration: ReplacementConfig(), seed: 0)
      var start = 0
      while start < accesses.count {
        let end = min(start + blockLength, accesses.count)
        accesses[start..<end].withUnsafeBufferPointer { bank.consume($0) }
        start = end
      }
      #expect(bank.replayCounts.policy == .clock)
      #expect(bank.replayCounts.counts == expected)
    }
  }

  /// The maker builds the bank of the named policy.
  @Test func makerDispatchesOnTheKind() throws {
    for kind in PolicyKind.allCases {
      let bank = try kind.dispatch(ReplayBankMaker(kind: kind, sizes: [2], configuration: ReplacementConfig(), seed: 1))
      var rng = SplitMix64(seed: 3)
      let accesses = (0..<100).map { _ in PageAccess(page: rng.next() % 5, isWrite: false) }
      accesses.withUnsafeBufferPointer { bank.consume($0) }
      let counts = bank.replayCounts()
      #expect(counts.policy == kind)
      #expect(counts.counts.count == 1 && counts.counts[0].frames == 2 && counts.counts[0].faults >= 5)
    }
  }
}
