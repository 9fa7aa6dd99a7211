import Testing

@testable import MemgoCore

@Suite struct MGLRUPolicyTests {
  /// 4 frames, referenceOnLoad false. Generations are written oldest first, `Gn=[...]` in joining
  /// order, `*` for a set accessed bit. At first G0 ... G3, empty; pages fault into the youngest.
  ///
  ///      1 2 3 4   G3=[1 2 3 4]
  ///      1 2       hits: 1* 2*
  ///      5         retire G0 and G1 (3 remain), G2 (2 remain: aging is due): aging clears 1*
  ///                and 2*, which are in the youngest already, and opens G4; retire G2, aging
  ///                opens G5; G3 is the oldest: 1 is evicted. G3=[2 3 4] G4=[] G5=[5]
  ///      1         2 is evicted; G5=[5 1]
  ///      6         3 is evicted; G3=[4] G4=[] G5=[5 1 6]
  ///      2         3 generations and the youngest holds 3 of 4 pages (> 1/2): aging opens G6;
  ///                4 is evicted. G3=[] G4=[] G5=[5 1 6] G6=[2]
  ///      3         retire G3, G4 (2 remain): aging opens G7; 5 is evicted. G5=[1 6] G6=[2] G7=[3]
  ///      1         hit: 1*, in the oldest generation
  ///      7         1 is found accessed: promoted to G7 (bit cleared); 6 is evicted.
  ///                G5=[] G6=[2] G7=[3 1 7]
  ///      2         hit: 2*
  ///      5         retire G5 (2 remain): aging promotes 2 to G7 and opens G8; retire G6, aging
  ///                opens G9; 3 is evicted. G7=[1 7 2] G8=[] G9=[5]
  ///      8         1 is evicted
  ///      3         7 is evicted
  @Test func workedExample() {
    let refs: [Int64] = [1, 2, 3, 4, 1, 2, 5, 1, 6, 2, 3, 1, 7, 2, 5, 8, 3]
    let out = replay(MGLRUPolicy.self, refs, frames: 4, configuration: ReplacementConfig(referenceOnLoad: false))
    #expect(out.victims == [1, 2, 3, 4, 5, 6, 3, 1, 7])
    #expect(out.faults == 13)
    #expect(out.pattern == "FFFF..FFFFF.F.FFF")
  }

  /// With referenceOnLoad the faulting access sets the bit, so a page evicted needs to have gone
  /// through an aging (or a promotion) since it was loaded.
  @Test func referenceOnLoadSetsTheBit() {
    var p = MGLRUPolicy(frameCount: 2, configuration: ReplacementConfig(), seed: 0)
    p.didLoad(FrameNumber(0), ref(1))
    p.didLoad(FrameNumber(1), ref(2))
    #expect(p.accessed == [true, true])
    // Retire G0, G1, G2 → aging (clears both, G4) → retire, aging (G5) → evict the first joiner.
    #expect(p.selectVictim(at: .zero) == FrameNumber(0))
    #expect(p.minSeq == 3 && p.maxSeq == 5 && p.accessed == [false, false])
    #expect(p.invariantViolation() == nil)
  }

  /// The aging rule with 3 generations: due when the youngest holds more than 1/2 of the pages or
  /// the oldest fewer than 1/4; with 2 always, with 4 never.
  @Test func agingIsDueByTheGenerationsShares() {
    var p = MGLRUPolicy(frameCount: 8, configuration: ReplacementConfig(referenceOnLoad: false), seed: 0)
    #expect(!p.shouldAge)  // 4 generations
    p.minSeq = 1  // 3 generations: G1, G2, G3
    func place(_ frames: [Int], in seq: Int64) {
      for f in frames {
        p.generation[f] = seq
        p.lists[MGLRUPolicy.slot(seq)].append(FrameNumber(f))
        p.count += 1
      }
    }
    place([0, 1], in: 1)
    place([2, 3], in: 2)
    place([4, 5, 6, 7], in: 3)  // the youngest holds 4 of 8: not more than 1/2; the oldest 2 of 8
    #expect(!p.shouldAge)
    p.lists[MGLRUPolicy.slot(3)].remove(FrameNumber(7))
    p.generation[7] = 2
    p.lists[MGLRUPolicy.slot(2)].append(FrameNumber(7))
    #expect(!p.shouldAge && p.invariantViolation() == nil)
    p.lists[MGLRUPolicy.slot(1)].remove(FrameNumber(1))  // the oldest holds 1 of 8 (< 1/4)
    p.generation[1] = 2
    p.lists[MGLRUPolicy.slot(2)].append(FrameNumber(1))
    #expect(p.shouldAge && p.invariantViolation() == nil)
    p.minSeq = 2  // 2 generations
    #expect(p.shouldAge)
  }

  /// A freed frame leaves its generation; a generation emptied by frees is retired like one
  /// emptied by evictions, and with no pages there is no victim.
  @Test func freesEmptyGenerations() {
    var p = MGLRUPolicy(frameCount: 3, configuration: ReplacementConfig(referenceOnLoad: false), seed: 0)
    for f in 0..<3 { p.didLoad(FrameNumber(f), ref(Int64(f))) }
    p.didFree(FrameNumber(0))
    p.didFree(FrameNumber(0))  // twice: no effect
    #expect(p.count == 2 && !p.isCandidate(FrameNumber(0)))
    #expect(p.selectVictim(at: .zero) == FrameNumber(1))
    p.didFree(FrameNumber(2))
    #expect(p.selectVictim(at: .zero) == nil)
    #expect(p.invariantViolation() == nil)
  }

  /// The internal checks see a page outside the generation window and a wrong count.
  @Test func invariantsCatchCorruption() {
    var p = MGLRUPolicy(frameCount: 2, configuration: ReplacementConfig(), seed: 0)
    p.didLoad(FrameNumber(0), ref(1))
    #expect(p.invariantViolation() == nil)
    var stale = p
    stale.generation[0] = 7
    #expect(stale.invariantViolation() == "frame 0 of generation 7 is not in its list, or outside 0 ... 3")
    var miscounted = p
    miscounted.count = 2
    #expect(miscounted.invariantViolation() == "1 pages listed, the count is 2")
    var tooMany = p
    tooMany.maxSeq = 4
    #expect(tooMany.invariantViolation() == "5 generations (0 ... 4)")
  }

  /// Default configuration on 3 frames. Process 1's page (frame 0) is freed and 3 reuses its
  /// frame; every page joined G3 with its bit set, so the first eviction ages twice (clearing
  /// every bit) and evicts G3's first joiner, 1; 5 evicts 2; at 1's fault the youngest generation
  /// holds 2 of the 3 pages, so aging runs (clearing 4's and 5's bits in place) and 3, the last
  /// page of the oldest generation, is evicted.
  @Test func freedFramesAreNotRemembered() {
    let out = victimsAroundExit(MGLRUPolicy.self)
    #expect(out.freedFrameReused)
    #expect(out.victims == [1, 2, 3])
  }

  @Test func matchesNaiveMGLRU() {
    expectSameVictims(MGLRUPolicy.self, NaiveMGLRU.self)
  }
}
