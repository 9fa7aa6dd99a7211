import Testing

@testable import MemgoCore

@Suite struct ClockProPolicyTests {
  /// 4 frames, clockproColdMinimum 0.25: m_min = 1, so m_c stays in 1...3 and starts at 1; at
  /// most 4 non-resident pages. The clock is written clockwise from HAND_hot (so the list head is
  /// the last entry): H hot, C resident cold, t in its test period, N non-resident, * bit set.
  ///
  ///      1 2 3 4   load cold into free frames: [1Ct 2Ct 3Ct 4Ct], HAND_hot on 1
  ///      1 2       hits: 1*, 2*
  ///      5         HAND_cold starts at HAND_hot: 1 (set, in test) turns hot, m_c = 2, to the head
  ///                [2 3 4 1H]; 2 likewise, m_c = 3, [3 4 1H 2H]; 2 hot pages > 4 − 3: HAND_hot
  ///                ends 3's and 4's tests (m_c 2, then 1) and demotes 1 (bit clear), stopping at
  ///                2: [2H 3C 4C 1C]; HAND_cold is on 3, out of test, bit clear: victim 3, it
  ///                leaves; 5 joins at the head: [2H 4C 1C 5Ct]
  ///      6         HAND_cold on 4, out of test: victim 4; [2H 1C 5Ct 6Ct]
  ///      5         hit: 5*
  ///      7         HAND_cold on 1, out of test: victim 1; [2H 5Ct* 6Ct 7Ct]
  ///      8         5 (set, in test) turns hot (m_c 2): [2H 6Ct 7Ct 5H]; 2 > 4 − 2 is false;
  ///                6 (clear, in test): victim 6, non-resident in place: [2H 6N 7Ct 5H 8Ct]
  ///      6         HAND_cold on 7 (clear, in test): victim 7 → 7N; 6 is non-resident, in its test
  ///                period: its entry leaves and it loads hot at the head, m_c = 3:
  ///                [2H 7N 5H 8Ct 6H]; 3 hot > 1: HAND_hot demotes 2, removes 7N (m_c 2) and
  ///                stops at 5; 2 hot > 2 is false: [5H 8Ct 6H 2C]
  ///      2         hit: 2*
  ///      9         HAND_cold skips 5; 8 (clear, in test): victim 8 → 8N; [5H 8N 6H 2C* 9Ct]
  ///      10        HAND_cold skips 6; 2 (set, out of test): bit cleared, a new test period, to the
  ///                head: [5H 8N 6H 9Ct 2Ct]; 9 (clear, in test): victim 9 → 9N;
  ///                [5H 8N 6H 9N 2Ct 10Ct]
  ///      8         HAND_cold on 2 (clear, in test): victim 2 → 2N; 8 is non-resident: it loads hot,
  ///                m_c = 3: [5H 6H 9N 2N 10Ct 8H]; 3 hot > 1: HAND_hot demotes 5 and stops at 6;
  ///                2 > 1: it demotes 6, removes 9N and 2N (m_c 2, 1), ends 10's test (m_c stays
  ///                1) and stops at 8: [8H 5C 6C 10C]
  ///      11        HAND_cold on 10 (out of test): victim 10; [8H 5C 6C 11Ct]
  ///      5         hit: 5*
  ///      12        HAND_cold skips 8; 5 (set, out of test): a new test period, to the head:
  ///                [8H 6C 11Ct 5Ct]; 6 (out of test): victim 6; [8H 11Ct 5Ct 12Ct]
  ///      5 11      hits: 5*, 11*
  ///      13        11 (set, in test) turns hot, m_c 2: [8H 5Ct* 12Ct 11H]; 5 likewise, m_c 3:
  ///                [8H 12Ct 11H 5H]; 3 hot > 1: HAND_hot demotes 8, ends 12's test (m_c 2) and
  ///                stops at 11: [11H 5H 8C 12C]; 2 > 2 is false; HAND_cold on 12 (out of
  ///                test): victim 12; [11H 5H 8C 13Ct]
  @Test func workedExample() {
    let refs: [Int64] = [1, 2, 3, 4, 1, 2, 5, 6, 5, 7, 8, 6, 2, 9, 10, 8, 11, 5, 12, 5, 11, 13]
    var config = ReplacementConfig(clockproColdMinimum: 0.25)
    let out = replay(ClockProPolicy.self, refs, frames: 4, configuration: config)
    #expect(out.victims == [3, 4, 1, 6, 7, 8, 9, 2, 10, 6, 12])
    #expect(out.faults == 15)
    #expect(out.pattern == "FFFF..FF.FFF.FFFF.F..F")
    config.policy = .clockpro
    #expect(config.parameterDescription == "clockpro (clockproColdMinimum=0.25)")
  }

  /// The non-resident pages are bounded to m (HAND_test): on 1 frame with m_min = 0, each miss
  /// replaces the one resident page, which stays non-resident; when a second one would exceed
  /// m = 1, HAND_test removes the oldest. At the last miss on 3, replacing 1 pushes 3's own entry
  /// out (the reclaim comes first, as in the paper), so 3 loads cold, not hot.
  @Test func nonResidentPagesAreBoundedToTheFrames() {
    let config = ReplacementConfig(clockproColdMinimum: 0)
    var r = PolicyReplay<ClockProPolicy>(frames: 1, configuration: config)
    var victims: [Int64] = []
    for p: Int64 in [1, 2, 3, 1, 3] {
      if let v = r.reference(page(p)).victim { victims.append(v.vpn) }
      #expect(r.policy.nonResidentCount <= 1)
      #expect(r.policy.invariantViolation() == nil)
    }
    #expect(victims == [1, 2, 3, 1])
    #expect(r.policy.hotCount == 0 && r.policy.coldCount == 1)
  }

  /// With no resident cold page (here one was freed), HAND_cold first runs HAND_hot once, which
  /// demotes the hot page (removing the non-resident entry it passes) so HAND_cold can replace it.
  @Test func withoutColdPagesHandHotDemotesFirst() {
    var p = ClockProPolicy(frameCount: 3, configuration: ReplacementConfig(clockproColdMinimum: 0), seed: 0)
    for f in 0..<3 { p.didLoad(FrameNumber(f), ref(Int64(f + 1))) }
    p.didAccess(FrameNumber(0), ref(1))
    // 1 (set, in test) turns hot (m_c 1); 2 (clear, in test) is replaced and stays non-resident.
    #expect(p.selectVictim(at: .zero) == FrameNumber(1))
    #expect(p.hotCount == 1 && p.coldCount == 1 && p.nonResidentCount == 1 && p.coldTarget == 1)
    p.didFree(FrameNumber(2))
    #expect(p.coldCount == 0)
    #expect(p.selectVictim(at: .zero) == FrameNumber(0))
    #expect(p.nonResidentCount == 0 && p.coldTarget == 0)
    #expect(p.selectVictim(at: .zero) == nil)
    #expect(p.invariantViolation() == nil)
  }

  @Test func sizes() {
    func minimum(_ fraction: Double, _ frames: Int) -> Int {
      ClockProPolicy(frameCount: frames, configuration: ReplacementConfig(clockproColdMinimum: fraction), seed: 0)
        .coldMinimum
    }
    #expect(minimum(0.01, 100) == 1)
    #expect(minimum(0.01, 99) == 0)
    #expect(minimum(0.25, 4) == 1)
    #expect(minimum(0.5, 7) == 3)
    let p = ClockProPolicy(frameCount: 10, configuration: ReplacementConfig(), seed: 0)
    #expect(p.coldTarget == p.coldMinimum)
    #expect(p.spareEntries.count == 11 && p.status.count == 21 && p.referenced.count == 10)
    #expect(p.invariantViolation() == nil)
  }

  /// Default m_min on 3 frames is 0. Process 1's page (frame 0) is freed and 3 reuses its frame
  /// without a replacement. At the miss on 4, 1 (hit, in test) turns hot and 2 is replaced (it
  /// stays non-resident); at the miss on 5, 3 is replaced. The freed page is not remembered.
  @Test func freedFramesAreNotRemembered() {
    let out = victimsAroundExit(ClockProPolicy.self)
    #expect(out.freedFrameReused)
    #expect(out.victims == [2, 3])
  }

  /// The differential test, with m_c and the non-resident count compared after every reference.
  @Test func matchesNaiveClockPro() {
    expectSameVictims(
      ClockProPolicy.self, NaiveClockPro.self,
      compare: { real, naive in
        real.coldTarget == naive.mc && real.nonResidentCount == naive.count(.nonResident)
          ? nil
          : "m_c \(real.coldTarget) vs \(naive.mc), non-resident \(real.nonResidentCount) vs \(naive.count(.nonResident))"
      })
  }
}
