import Testing

@testable import MemgoCore

@Suite struct LocalAllocatorTests {
  static func allocator<P: ReplacementPolicy>(
    _ policy: P.Type, frames: Int, processes: Int, quota: FrameQuota
  ) -> LocalAllocator<P> {
    LocalAllocator<P>(
      frameCount: frames, processCount: processes, configuration: ReplacementConfig(frameQuota: quota), seed: 1)
  }

  @Test func equalQuotaDividesTheFramesAndIsAtLeastOne() {
    #expect(Self.allocator(FIFOPolicy.self, frames: 10, processes: 3, quota: .equal).quota == 3)
    #expect(Self.allocator(FIFOPolicy.self, frames: 2, processes: 5, quota: .equal).quota == 1)
    #expect(Self.allocator(FIFOPolicy.self, frames: 10, processes: 3, quota: .frames(4)).quota == 4)
  }

  @Test func admissionWaitsForAReservationAndReleaseReturnsIt() {
    var a = Self.allocator(FIFOPolicy.self, frames: 5, processes: 3, quota: .frames(2))
    check(a.admit(0), true)
    check(a.admit(1), true)
    check(a.admit(2), false)  // 1 frame left, quota 2
    #expect(a.unreserved == 1)
    a.release(0)
    #expect(a.unreserved == 3)
    check(a.admit(2), true)
    #expect(a.unreserved == 1)
  }

  /// Two processes with quota 2 on 4 frames under FIFO: each takes free frames up to its quota,
  /// then replaces only its own oldest page, never the other process's.
  @Test func evictionChoosesOnlyOwnFrames() {
    var a = Self.allocator(FIFOPolicy.self, frames: 4, processes: 2, quota: .frames(2))
    check(a.admit(0), true)
    check(a.admit(1), true)
    // Process 0 loads pages 10, 11 into frames 3, 2; process 1 loads pages 20, 21 into 1, 0.
    for (p, vpn, f) in [(0, 10, 3), (0, 11, 2), (1, 20, 1), (1, 21, 0)] as [(Int, Int64, Int)] {
      check(a.decide(for: ref(p, vpn), freeFrames: 4), .takeFree)
      a.didLoad(frame(f), ref(p, vpn))
    }
    // Free frames remain, but both are at their quota: each replaces its own oldest page.
    check(a.decide(for: ref(0, 12), freeFrames: 1), .replace(frame(3)))
    a.didLoad(frame(3), ref(0, 12))
    check(a.decide(for: ref(1, 22), freeFrames: 1), .replace(frame(1)))
    a.didLoad(frame(1), ref(1, 22))
    check(a.decide(for: ref(0, 13), freeFrames: 1), .replace(frame(2)))
    a.didLoad(frame(2), ref(0, 13))
    check(a.decide(for: ref(0, 14), freeFrames: 1), .replace(frame(3)))
    #expect(a.residentCount(0) == 2 && a.residentCount(1) == 2)
  }

  /// With LRU each process's recency is its own: a hit by process 1 does not protect process 0's pages.
  @Test func eachProcessRunsItsOwnPolicy() {
    var a = Self.allocator(LRUPolicy.self, frames: 4, processes: 2, quota: .equal)
    check(a.admit(0), true)
    check(a.admit(1), true)
    a.didLoad(frame(0), ref(0, 1))
    a.didLoad(frame(1), ref(0, 2))
    a.didLoad(frame(2), ref(1, 1))
    a.didLoad(frame(3), ref(1, 2))
    a.didAccess(frame(0), ref(0, 1))  // process 0: page 2 is now its LRU page
    check(a.decide(for: ref(0, 3), freeFrames: 0), .replace(frame(1)))
    check(a.decide(for: ref(1, 3), freeFrames: 0), .replace(frame(2)))
  }

  @Test func releaseForgetsTheSlots() {
    var a = Self.allocator(FIFOPolicy.self, frames: 2, processes: 2, quota: .frames(2))
    check(a.admit(0), true)
    a.didLoad(frame(1), ref(0, 5))
    a.didFree(frame(1), process: 0)
    a.release(0)
    #expect(a.slotOf == [-1, -1])
    check(a.admit(1), true)
    check(a.decide(for: ref(1, 5), freeFrames: 2), .takeFree)
    a.didLoad(frame(1), ref(1, 5))
    #expect(a.slotOf == [-1, 0])
  }
}
