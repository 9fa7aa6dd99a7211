/// Least frequently used: the victim is the resident page referenced the fewest times since it was
/// loaded; among equals, the least recently referenced (Tanenbaum, *Modern Operating Systems*,
/// 4th ed., §3.4.7, "not frequently used"; Aho, Denning and Ullman, "Principles of optimal page
/// replacement", JACM 1971, for the frequency-based family).
///
/// This is in-memory LFU: a page's count starts at 1 when it is loaded (the faulting reference),
/// grows by one with every hit, and is forgotten when the page leaves memory. Ties on the count go
/// to the page whose last reference is the oldest (LRU among equals), which also makes the order
/// strict and the choice deterministic. No parameters.
///
/// Frames sit in a `FrameHeap` keyed by (count, time of last reference in references seen).
///
/// - Complexity: every call is O(log n).
public struct LFUPolicy: ReplacementPolicy {
  /// The victim order: fewer references first, then the older last reference.
  struct Key: Comparable, Sendable {
    var count: Int64
    var lastUse: Int64
    static func < (a: Key, b: Key) -> Bool {
      a.count < b.count || (a.count == b.count && a.lastUse < b.lastUse)
    }
  }

  var heap: FrameHeap<Key>
  /// References seen so far (hits and loads): the policy's own clock for recency.
  var tick: Int64 = 0

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    heap = FrameHeap(frameCount: frameCount)
  }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    tick += 1
    heap.insert(frame, key: Key(count: 1, lastUse: tick))
  }

  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    guard heap.contains(frame) else { return }
    tick += 1
    heap.update(frame, key: Key(count: heap.key(of: frame).count + 1, lastUse: tick))
  }

  public mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    heap.popMin()
  }

  public mutating func didFree(_ frame: FrameNumber) {
    heap.remove(frame)
  }

  /// What is inconsistent in the policy's structures, or nil (`InternalChecks`).
  public func invariantViolation() -> String? { heap.invariantViolation() }

  /// Whether `frame` is a candidate (`ReplacementPolicy.isCandidate`).
  public func isCandidate(_ frame: FrameNumber) -> Bool { heap.contains(frame) }
}
