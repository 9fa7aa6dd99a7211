import Testing

@testable import MemgoCore

@Suite struct ARCPolicyTests {
  /// Worked by hand from Figure 4 of Megiddo and Modha with c = 2, following p through ghost hits:
  /// reference 4 hits B1 (p 0 → 1, REPLACE takes T2's LRU page); reference 5 hits B2 (p → 0);
  /// reference 9 trims B2 when the directory holds 2c pages; reference 11 hits B2 with |T1| = p,
  /// so REPLACE takes T1's page (5) where without that rule it would take T2's (4).
  @Test func figureFourByHand() {
    let refs: [Int64] = [1, 1, 2, 3, 2, 1, 4, 2, 3, 5, 4, 2]
    let pages = refs.map(page)
    var r = PolicyReplay<ARCPolicy>(frames: 2)
    var victims: [Int64] = []
    var targets: [Double] = []
    for p in pages {
      if let v = r.reference(p).victim { victims.append(v.vpn) }
      targets.append(r.policy.target)
    }
    #expect(victims == [2, 1, 3, 2, 4, 1, 2, 3, 5])
    #expect(targets == [0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 2, 1])
  }

  /// A miss on a page in neither ghost list when T1 fills the cache evicts T1's LRU page outright.
  @Test func fullT1EvictsWithoutGhost() {
    var r = PolicyReplay<ARCPolicy>(frames: 2)
    for n: Int64 in [1, 2] { _ = r.reference(page(n)) }
    #expect(r.reference(page(3)).victim == page(1))
    #expect(!r.policy.b1.contains(page(1)))
    // Page 1 comes back as new (T1), and T1 is full again: 2 goes, without a ghost either.
    #expect(r.reference(page(1)).victim == page(2))
    #expect(r.policy.b1.count == 0 && r.policy.b2.count == 0)
  }

  /// Called without the faulting page, REPLACE still picks from T1/T2, and the page's load adapts p.
  @Test func selectVictimWithoutPage() {
    var arc = ARCPolicy(frameCount: 2, configuration: ReplacementConfig(), seed: 0)
    arc.didLoad(FrameNumber(0), ref(1))
    arc.didAccess(FrameNumber(0), ref(1))  // 1 in T2
    arc.didLoad(FrameNumber(1), ref(2))  // 2 in T1
    #expect(arc.selectVictim(at: .zero) == FrameNumber(1))  // |T1| = 1 > p = 0: page 2 to B1
    arc.didLoad(FrameNumber(1), ref(2))  // a B1 hit: p rises, 2 joins T2
    #expect(arc.target == 1)
    #expect(arc.t2.count == 2)
  }

  @Test func freedFramesLeaveTheListsWithoutGhosts() {
    let out = victimsAroundExit(ARCPolicy.self)
    #expect(out.freedFrameReused)
    #expect(out.victims == [2, 3])
  }

  /// Against a literal transcription of Figure 4, comparing victims and p after every reference.
  @Test func matchesNaiveARC() {
    var fractional = 0
    expectSameVictims(
      ARCPolicy.self, NaiveARC.self,
      compare: { real, naive in
        if naive.p != naive.p.rounded() { fractional += 1 }
        return real.target == naive.p ? nil : "p is \(real.target), naive \(naive.p)"
      })
    #expect(fractional > 0, "the ratio adaptation (|B2|/|B1| > 1) was never exercised")
  }
}
