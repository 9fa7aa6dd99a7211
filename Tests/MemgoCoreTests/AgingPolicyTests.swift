import Testing

@testable import MemgoCore

@Suite struct AgingPolicyTests {
  /// Worked by hand, 3 frames, 4-bit counters, a tick every 2 references (reference i at time i):
  /// at reference 4 the counters are 1: 1100, 2: 0100, 3: 1000, so 2 goes; page 4, loaded then,
  /// reads 0 at reference 5 and goes; at reference 6 the tick leaves 1: 0110, 3: 0100, 5: 1000.
  @Test func tanenbaumCounters() {
    let config = ReplacementConfig(agingBits: 4, agingPeriod: SimTime(picoseconds: 2))
    let out = replay(AgingPolicy.self, [1, 2, 3, 1, 4, 5, 6], frames: 3, configuration: config)
    #expect(out.victims == [2, 4, 3])
  }

  /// Before any tick all counters are 0: unreferenced pages go first, then the oldest load.
  @Test func tiesGoToUnreferencedThenOldest() {
    let config = ReplacementConfig(referenceOnLoad: false, agingPeriod: SimTime(picoseconds: 100))
    let out = replay(AgingPolicy.self, [1, 2, 3, 2, 4, 5], frames: 3, configuration: config)
    #expect(out.victims == [1, 3])
  }

  /// Several ticks between calls apply at once: the reference bit enters once, then zeros.
  @Test func missedTicksShiftTogether() {
    let config = ReplacementConfig(agingBits: 8, agingPeriod: SimTime(picoseconds: 10))
    var aging = AgingPolicy(frameCount: 2, configuration: config, seed: 0)
    aging.didLoad(FrameNumber(0), ref(0, at: 0))
    aging.didLoad(FrameNumber(1), ref(1, at: 5))
    aging.didAccess(FrameNumber(0), ref(0, at: 15))  // tick at 10: both 0x80; then 0 referenced
    #expect(aging.heap.key(of: FrameNumber(0)).counter == 0x80 && aging.heap.key(of: FrameNumber(0)).referenced)
    // Ticks at 20, 30, 40: 0 becomes 0xC0 >> 2 = 0x30, 1 becomes 0x40 >> 2 = 0x10.
    #expect(aging.selectVictim(at: SimTime(picoseconds: 45)) == FrameNumber(1))
    #expect(aging.heap.key(of: FrameNumber(0)).counter == 0x30)
    // 64-bit counters and far jumps do not trap.
    var wide = AgingPolicy(
      frameCount: 1, configuration: ReplacementConfig(agingBits: 64, agingPeriod: SimTime(picoseconds: 1)), seed: 0)
    wide.didLoad(FrameNumber(0), ref(0, at: 0))
    wide.didAccess(FrameNumber(0), ref(0, at: 1))
    #expect(wide.heap.key(of: FrameNumber(0)).counter == 1 << 63)
    #expect(wide.selectVictim(at: SimTime(picoseconds: .max)) == FrameNumber(0))
  }

  /// With the automatic period the policy ticks every `frames` references it sees, which in a replay
  /// is the same as an explicit period of `frames` picoseconds.
  @Test func automaticPeriodCountsReferences() {
    expectSameDecisions(
      AgingPolicy.self, automatic: { $0.agingPeriod = nil },
      explicit: { $0.agingPeriod = SimTime(picoseconds: Int64($1)) })
  }

  @Test func freedFramesLeaveTheHeap() {
    let out = victimsAroundExit(AgingPolicy.self)
    #expect(out.freedFrameReused)
    #expect(out.victims == [3, 2])
  }

  @Test func matchesNaiveAging() {
    expectSameVictims(AgingPolicy.self, NaiveAging.self)
  }
}
