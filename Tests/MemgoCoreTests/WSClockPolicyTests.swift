import Testing

@testable import MemgoCore

@Suite struct WSClockPolicyTests {
  /// Worked by hand, 3 frames, τ = 1 reference: the first sweep finds everything referenced (all
  /// stamped now, none old) and takes the first clean page; later sweeps find page 3, then 2, old.
  @Test func oldCleanPagesGo() {
    let config = ReplacementConfig(wsclockTau: SimTime(picoseconds: 1))
    let out = replay(WSClockPolicy.self, [1, 2, 3, 4, 2, 5, 6, 7], frames: 3, configuration: config)
    #expect(out.victims == [1, 3, 4, 2])
  }

  /// Page 1 is dirty and old from the start, but the hand always finds an old clean page after it.
  @Test func oldDirtyPagesArePassedOver() {
    let config = ReplacementConfig(referenceOnLoad: false, wsclockTau: SimTime(picoseconds: 1))
    let out = replay(WSClockPolicy.self, [1, 2, 3, 4, 5, 6, 7, 8], frames: 3, writes: [0], configuration: config)
    #expect(out.victims == [2, 3, 4, 5, 6])
    #expect(!out.steps.contains { $0.victimDirty })
  }

  /// With every page dirty and old, the first old dirty page from the hand goes (its write-back,
  /// which the real algorithm would have scheduled, is charged as a dirty eviction).
  @Test func allDirtyTakesFirstOldDirty() {
    let config = ReplacementConfig(referenceOnLoad: false, wsclockTau: SimTime(picoseconds: 0))
    let out = replay(WSClockPolicy.self, [1, 2, 3, 4, 5], frames: 3, writes: [0, 1, 2, 3, 4], configuration: config)
    #expect(out.victims == [1, 2])
    #expect(out.steps.filter(\.victimDirty).count == 2)
  }

  /// The automatic τ counts references: in a replay it equals an explicit τ of `frames`.
  @Test func automaticTauCountsReferences() {
    expectSameDecisions(
      WSClockPolicy.self, automatic: { $0.wsclockTau = nil },
      explicit: { $0.wsclockTau = SimTime(picoseconds: Int64($1)) })
  }

  @Test func freedFramesLeaveTheClock() {
    let out = victimsAroundExit(WSClockPolicy.self)
    #expect(out.freedFrameReused)
    #expect(out.victims == [3, 1, 2])
  }

  @Test func matchesNaiveWSClock() {
    expectSameVictims(WSClockPolicy.self, NaiveWSClock.self)
  }
}
