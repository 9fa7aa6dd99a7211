/// Least recently used, exact: the victim is the page whose last reference is the oldest
/// (Mattson, Gecsei, Slutz and Traiger, "Evaluation techniques for storage hierarchies", IBM
/// Systems Journal 1970; Tanenbaum, *Modern Operating Systems*, §3.4.6).
///
/// Frames sit in a `FrameList` in recency order, least recent at the head; a hit moves its frame to
/// the tail. No parameters.
///
/// - Complexity: every call is O(1).
public struct LRUPolicy: ReplacementPolicy {
  var queue: FrameList

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    queue = FrameList(frameCount: frameCount)
  }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    queue.append(frame)
  }

  @inline(__always)
  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    queue.moveToBack(frame)
  }

  public mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    queue.popFirst()
  }

  public mutating func didFree(_ frame: FrameNumber) {
    queue.remove(frame)
  }

  /// What is inconsistent in the policy's structures, or nil (`InternalChecks`).
  public func invariantViolation() -> String? { queue.invariantViolation() }

  /// Whether `frame` is a candidate (`ReplacementPolicy.isCandidate`).
  public func isCandidate(_ frame: FrameNumber) -> Bool { queue.contains(frame) }
}
