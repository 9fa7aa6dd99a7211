import Testing

@testable import MemgoCore

@Suite struct PFFAllocatorTests {
  /// Upper bound 0.5 (grow when faults come less than 2 references apart), lower bound 0.2
  /// (shed unused pages when they come more than 5 apart).
  static func allocator(frames: Int, processes: Int) -> PFFAllocator {
    PFFAllocator(
      frameCount: frames, processCount: processes,
      configuration: ReplacementConfig(scope: .pff, pffUpper: 0.5, pffLower: 0.2), seed: 1)
  }

  @Test func growKeepAndShedByFaultRate() {
    var a = Self.allocator(frames: 8, processes: 1)
    // Faults at virtual times 1, 2, 3 (interval 1, rate 1 > 0.5): grow into free frames.
    for n in 0..<3 {
      check(a.decide(for: ref(0, Int64(n)), freeFrames: 8 - n), .takeFree)
      a.didLoad(frame(n), ref(0, Int64(n)))
    }
    // References at times 4 ... 10 to page 2 only.
    for _ in 4...10 { a.didAccess(frame(2), ref(0, 2)) }
    // Fault at time 11: interval 8, rate 0.125 < 0.2: pages 0 and 1 (last used at 1 and 2, before
    // the previous fault at 3) are released; the new page takes a free frame.
    check(a.decide(for: ref(0, 3), freeFrames: 5), .takeFree)
    #expect(a.reclaimable == 2)
    #expect(a.residentCount(0) == 1)
    a.didLoad(frame(3), ref(0, 3))
    // Fault at time 12: interval 1: grow; no free frame, so the oldest released page (frame 0).
    check(a.decide(for: ref(0, 4), freeFrames: 0), .replace(frame(0)))
    a.didLoad(frame(0), ref(0, 4))
    a.didAccess(frame(0), ref(0, 4))  // time 13
    // Fault at time 14: interval 2, rate 0.5, within the bounds: replace the own LRU page (page 2,
    // frame 2, last used at 10), even though free frames exist.
    check(a.decide(for: ref(0, 5), freeFrames: 4), .replace(frame(2)))
  }

  @Test func pressureSuspendsAGrowingProcess() {
    var a = Self.allocator(frames: 2, processes: 2)
    check(a.decide(for: ref(0, 0), freeFrames: 2), .takeFree)
    a.didLoad(frame(0), ref(0, 0))
    check(a.decide(for: ref(1, 0), freeFrames: 1), .takeFree)
    a.didLoad(frame(1), ref(1, 0))
    // Process 0 faults again at once (rate 1 > 0.5): it must grow, memory is full: suspend.
    check(a.decide(for: ref(0, 1), freeFrames: 0), .suspend)
    #expect(a.residentCount(0) == 1)
  }

  /// With one bound equal to the other, PFF is Chu and Opderbeck's single threshold.
  @Test func equalBoundsAreTheOriginalThreshold() {
    var a = PFFAllocator(
      frameCount: 4, processCount: 1, configuration: ReplacementConfig(scope: .pff, pffUpper: 0.25, pffLower: 0.25),
      seed: 1)
    a.didLoad(frame(0), ref(0, 0))  // time 1 (a fault at interval 1 would grow)
    _ = a.decide(for: ref(0, 1), freeFrames: 3)  // time 2
    a.didLoad(frame(1), ref(0, 1))
    for _ in 3...6 { a.didAccess(frame(1), ref(0, 1)) }
    // Time 7: interval 5 > 1/0.25: page 0 (unused since before the fault at 2) is released.
    check(a.decide(for: ref(0, 2), freeFrames: 2), .takeFree)
    #expect(a.reclaimable == 1)
  }
}
