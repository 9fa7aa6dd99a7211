import Testing

@testable import MemgoCore

@Suite struct WorkingSetAllocatorTests {
  static func allocator(frames: Int, processes: Int, tau: Int64) -> WorkingSetAllocator {
    WorkingSetAllocator(
      frameCount: frames, processCount: processes, configuration: ReplacementConfig(scope: .workingset, tau: tau),
      seed: 1)
  }

  /// τ = 3: after each reference the set holds the pages of the last three references.
  @Test func pagesLeaveTheWindowInVirtualTime() {
    var a = Self.allocator(frames: 8, processes: 1, tau: 3)
    a.didLoad(frame(0), ref(0, 0))  // t1: {0}
    a.didLoad(frame(1), ref(0, 1))  // t2: {0, 1}
    a.didLoad(frame(2), ref(0, 2))  // t3: {0, 1, 2}
    #expect(a.residentCount(0) == 3 && a.reclaimable == 0)
    a.didAccess(frame(0), ref(0, 0))  // t4: window t2...t4 = {1, 2, 0}
    #expect(a.residentCount(0) == 3 && a.reclaimable == 0)
    a.didLoad(frame(3), ref(0, 3))  // t5: {2, 0, 3}; page 1 (last used at t2) leaves
    #expect(a.residentCount(0) == 3 && a.reclaimable == 1)
    a.didAccess(frame(0), ref(0, 0))  // t6: {0, 3}; page 2 (t3) leaves
    #expect(a.residentCount(0) == 2 && a.reclaimable == 2)
    a.didAccess(frame(1), ref(0, 1))  // t7: page 1 comes back from the released list: {0, 3, 1}
    #expect(a.residentCount(0) == 3 && a.reclaimable == 1)
    // The oldest released page (page 2, frame 2) is replaced first.
    check(a.decide(for: ref(0, 4), freeFrames: 0), .replace(frame(2)))
    #expect(a.reclaimable == 0)
  }

  @Test func freeFramesComeFirst() {
    var a = Self.allocator(frames: 4, processes: 1, tau: 1)
    a.didLoad(frame(0), ref(0, 0))
    a.didLoad(frame(1), ref(0, 1))
    #expect(a.reclaimable == 1)
    check(a.decide(for: ref(0, 2), freeFrames: 2), .takeFree)
  }

  /// With memory full of working sets, a process suspends unless it is the only one keeping pages.
  @Test func fullMemorySuspendsOrReplacesOwnPage() {
    var a = Self.allocator(frames: 3, processes: 2, tau: 100)
    a.didLoad(frame(0), ref(0, 0))
    a.didLoad(frame(1), ref(0, 1))
    // Only process 0 keeps pages: it replaces its own least recently used page.
    check(a.decide(for: ref(0, 2), freeFrames: 0), .replace(frame(0)))
    a.didLoad(frame(0), ref(0, 2))
    a.didLoad(frame(2), ref(1, 0))
    // Now both keep pages: the faulting process is suspended.
    check(a.decide(for: ref(0, 3), freeFrames: 0), .suspend)
    check(a.decide(for: ref(1, 1), freeFrames: 0), .suspend)
    #expect(a.residentCount(0) == 2 && a.residentCount(1) == 1)
    // Swapping process 0 out frees its frames; process 1 alone may then replace its own.
    a.didFree(frame(1), process: 0)
    a.didFree(frame(0), process: 0)
    #expect(a.residentCount(0) == 0)
    check(a.decide(for: ref(1, 1), freeFrames: 0), .replace(frame(2)))
  }

  @Test func nothingKeptMeansEveryFrameIsInIO() {
    var a = Self.allocator(frames: 2, processes: 2, tau: 10)
    check(a.decide(for: ref(0, 0), freeFrames: 0), .waitForIO)
  }
}
