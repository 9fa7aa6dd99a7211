/// OPT, Belady's optimal MIN: the victim is the resident page whose next reference is the farthest
/// in the future, or never comes (Belady, "A study of replacement algorithms for a virtual-storage
/// computer", IBM Systems Journal 1966; Mattson et al. 1970 proved it minimises faults).
///
/// It needs the future, so it runs only where the reference stream is known in advance (`memgo
/// explain`, `memgo trace`, and scenarios whose processes all replay traces): each reference
/// carries `nextUse`, the index of the same page's next reference (`Int64.max` for never). Ties
/// (several pages never used again) go to the lowest frame number. No parameters.
///
/// In the simulator, `nextUse` counts in the referencing process's own sequence of page accesses
/// (`ProcessFutures`). With one process, or under `scope: local` where each process has its own
/// instance over its own frames, that is exact. With several processes sharing frames under
/// `scope: global`, the policy compares positions in different processes' streams as if every
/// process's k-th access came at the same time: an approximation, since the real interleaving
/// depends on the timing (docs/fidelity.md).
///
/// Frames whose page has a next use sit in a `FrameHeap` ordered by next use, farthest first,
/// updated on every reference. Frames whose page is never used again (`Int64.max`), which are
/// the first victims, lowest frame first, sit apart in a `FrameBitset`, whose lowest member is
/// found in a few word operations: a page touched once goes there at once instead of sifting to
/// the top of the main heap, and the main heap stays smaller. The two keep the one order of the
/// description above, so the victims are the same as with one heap.
///
/// - Complexity: every call is O(log n).
public struct OPTPolicy: ReplacementPolicy {
  /// The victim order among pages with a next use: the farthest first, then the lower frame.
  struct Key: Comparable, Sendable {
    var nextUse: Int64
    var frame: Int32
    static func < (a: Key, b: Key) -> Bool {
      a.nextUse > b.nextUse || (a.nextUse == b.nextUse && a.frame < b.frame)
    }
  }

  var heap: FrameHeap<Key>
  /// The frames whose page is never used again.
  var dead: FrameBitset

  public static var needsFuture: Bool { true }

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    heap = FrameHeap(frameCount: frameCount)
    dead = FrameBitset(capacity: frameCount)
  }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    place(frame, nextUse: reference.nextUse)
  }

  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    if heap.contains(frame) {
      if reference.nextUse == .max {
        heap.remove(frame)
        dead.insert(frame.index)
      } else {
        heap.update(frame, key: Key(nextUse: reference.nextUse, frame: frame.rawValue))
      }
    } else if dead.contains(frame.index) && reference.nextUse != .max {
      // Referenced although it had no next use: only when the caller's next uses are not exact.
      dead.remove(frame.index)
      place(frame, nextUse: reference.nextUse)
    }
  }

  public mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    if let lowest = dead.next(from: 0) {
      dead.remove(lowest)
      return FrameNumber(lowest)
    }
    return heap.popMin()
  }

  public mutating func didFree(_ frame: FrameNumber) {
    heap.remove(frame)
    dead.remove(frame.index)
  }

  private mutating func place(_ frame: FrameNumber, nextUse: Int64) {
    if nextUse == .max {
      dead.insert(frame.index)
    } else {
      heap.insert(frame, key: Key(nextUse: nextUse, frame: frame.rawValue))
    }
  }

  /// What is inconsistent in the policy's structures, or nil (`InternalChecks`): the heap and the
  /// dead set, disjoint, and no heap key claims a page that is never used again.
  public func invariantViolation() -> String? {
    if let problem = heap.invariantViolation() { return "heap: \(problem)" }
    if let problem = dead.invariantViolation() { return "dead: \(problem)" }
    for f in 0..<dead.capacity where heap.contains(FrameNumber(f)) {
      if dead.contains(f) { return "frame \(f) is both in the heap and dead" }
      if heap.key(of: FrameNumber(f)).nextUse == .max { return "frame \(f) is in the heap with no next use" }
    }
    return nil
  }

  /// Whether `frame` is a candidate (`ReplacementPolicy.isCandidate`).
  public func isCandidate(_ frame: FrameNumber) -> Bool { heap.contains(frame) || dead.contains(frame.index) }
}
