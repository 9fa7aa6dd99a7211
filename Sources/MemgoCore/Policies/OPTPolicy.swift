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
/// Frames sit in a `FrameHeap` ordered by next use, farthest first, updated on every reference.
///
/// - Complexity: every call is O(log n).
public struct OPTPolicy: ReplacementPolicy {
  /// The victim order: the farthest next use first, then the lower frame.
  struct Key: Comparable, Sendable {
    var nextUse: Int64
    var frame: Int32
    static func < (a: Key, b: Key) -> Bool {
      a.nextUse > b.nextUse || (a.nextUse == b.nextUse && a.frame < b.frame)
    }
  }

  var heap: FrameHeap<Key>

  public static var needsFuture: Bool { true }

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    heap = FrameHeap(frameCount: frameCount, filler: Key(nextUse: 0, frame: 0))
  }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    heap.insert(frame, key: Key(nextUse: reference.nextUse, frame: frame.rawValue))
  }

  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    guard heap.contains(frame) else { return }
    heap.update(frame, key: Key(nextUse: reference.nextUse, frame: frame.rawValue))
  }

  public mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    heap.popMin()
  }

  public mutating func didFree(_ frame: FrameNumber) {
    heap.remove(frame)
  }
}
