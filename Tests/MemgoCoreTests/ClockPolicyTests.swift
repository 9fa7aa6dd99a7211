import Testing

@testable import MemgoCore

@Suite struct ClockPolicyTests {
  /// Worked by hand: with reference bits set on load, every sweep that finds all bits set clears
  /// them and takes the page under the hand.
  @Test func silberschatzStringReferenceOnLoad() {
    let out = replay(ClockPolicy.self, textbookString, frames: 3)
    #expect(out.faults == 14)
    #expect(out.victims == [7, 1, 2, 0, 3, 4, 2, 0, 3, 1, 2])
  }

  /// Worked by hand, loading with the bit clear (libCacheSim's Clock).
  @Test func silberschatzStringClearOnLoad() {
    let out = replay(
      ClockPolicy.self, textbookString, frames: 3, configuration: ReplacementConfig(referenceOnLoad: false))
    #expect(out.faults == 11)
    #expect(out.victims == [7, 1, 2, 3, 4, 0, 3, 2])
  }

  /// Worked by hand on Belady's string with the bit clear on load: the hits on 1 and 2 save them
  /// once, so no anomaly here (10 faults with 3 frames, 8 with 4).
  @Test func beladyString() {
    let clear = ReplacementConfig(referenceOnLoad: false)
    let three = replay(ClockPolicy.self, anomalyString, frames: 3, configuration: clear)
    #expect(three.faults == 10)
    #expect(three.victims == [1, 2, 3, 4, 5, 1, 2])
    let four = replay(ClockPolicy.self, anomalyString, frames: 4, configuration: clear)
    #expect(four.faults == 8)
    #expect(four.victims == [3, 4, 5, 3])
  }

  @Test func secondChanceThenVictim() {
    var clock = ClockPolicy(frameCount: 3, configuration: ReplacementConfig(referenceOnLoad: false), seed: 0)
    for f in 0..<3 { clock.didLoad(FrameNumber(f), ref(Int64(f))) }
    clock.didAccess(FrameNumber(0), ref(0))
    #expect(clock.selectVictim(at: .zero) == FrameNumber(1))  // 0 gets a second chance
    #expect(clock.selectVictim(at: .zero) == FrameNumber(2))
    #expect(clock.selectVictim(at: .zero) == FrameNumber(0))
    #expect(clock.selectVictim(at: .zero) == nil)
  }

  @Test func freedFramesLeaveTheRing() {
    let out = victimsAroundExit(ClockPolicy.self)
    #expect(out.freedFrameReused)
    #expect(out.victims == [1, 2, 3])
    let clear = victimsAroundExit(ClockPolicy.self, configuration: ReplacementConfig(referenceOnLoad: false))
    #expect(clear.victims == [2, 3])
  }

  @Test func matchesNaiveLibCacheSimClock() {
    expectSameVictims(ClockPolicy.self, NaiveClock.self)
  }
}
