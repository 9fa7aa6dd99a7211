import Testing

@testable import MemgoCore

@Suite struct OPTPolicyTests {
  /// Silberschatz, Operating System Concepts, Figure 10.14: 9 faults with 3 frames.
  @Test func silberschatzString() {
    let out = replay(OPTPolicy.self, textbookString, frames: 3)
    #expect(out.faults == 9)
    #expect(out.victims == [7, 1, 0, 4, 3, 2])
  }

  /// Belady's string: 7 faults with 3 frames, 6 with 4; ties between pages never used again go to
  /// the lowest frame.
  @Test func beladyString() {
    let three = replay(OPTPolicy.self, anomalyString, frames: 3)
    #expect(three.faults == 7)
    #expect(three.victims == [3, 4, 1, 3])
    let four = replay(OPTPolicy.self, anomalyString, frames: 4)
    #expect(four.faults == 6)
    #expect(four.victims == [4, 1])
  }

  /// OPT never faults more than any other policy on the same string.
  @Test func optimal() {
    for seed in UInt64(0)..<300 {
      let w = RandomWorkload(seed: seed)
      let pages = w.ops.compactMap { op -> PageKey? in
        if case .reference(let p, _) = op { return p }
        return nil
      }
      func faults<P: ReplacementPolicy>(_: P.Type) -> Int64 {
        var r = PolicyReplay<P>(frames: w.frames, configuration: w.configuration, seed: seed)
        for (i, p) in pages.enumerated() { _ = r.reference(p, nextUse: w.nextUses[i]) }
        return r.faults
      }
      let opt = faults(OPTPolicy.self)
      for other in [faults(FIFOPolicy.self), faults(LRUPolicy.self), faults(ClockPolicy.self), faults(ARCPolicy.self)] {
        #expect(opt <= other, "seed \(seed)")
      }
    }
  }

  @Test func freedFramesLeaveTheHeap() {
    let out = victimsAroundExit(OPTPolicy.self)
    #expect(out.freedFrameReused)
    #expect(out.victims == [3, 2])
  }

  @Test func matchesNaiveMIN() {
    expectSameVictims(OPTPolicy.self, NaiveOPT.self)
  }
}
