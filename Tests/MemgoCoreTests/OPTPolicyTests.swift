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

  /// Next uses as a caller may give them when they are not exact: a page "never used again" is
  /// referenced again, and arbitrary values with ties. The split between the heap and the set of
  /// pages never used again must keep MIN's one order (farthest first, then the lower frame).
  @Test func matchesNaiveMINWithInexactNextUses() {
    var rng = SplitMix64(seed: 1966)
    for _ in 0..<300 {
      let frames = 1 + Int(rng.next() % 9)
      var replay = PolicyReplay<OPTPolicy>(frames: frames)
      var naive = NaiveOPT(frames: frames, configuration: ReplacementConfig())
      for index in 0..<200 {
        let page = PageKey(process: 0, vpn: Int64(rng.next() % 16))
        let nextUse: Int64 = rng.next() % 3 == 0 ? .max : Int64(rng.next() % 40)
        let step = replay.reference(page, nextUse: nextUse)
        let expected = naive.reference(page, isWrite: false, nextUse: nextUse, time: Int64(index))
        #expect(step.hit == expected.hit && step.victim == expected.victim, "reference \(index)")
        if step.hit != expected.hit || step.victim != expected.victim { return }
      }
    }
  }
}
