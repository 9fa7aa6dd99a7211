/// First-in, first-out replacement: the victim is the page that has been resident longest,
/// whatever its use (Belady 1966; Tanenbaum, *Modern Operating Systems*, §3.4.3).
///
/// Frames sit in a doubly linked list threaded through two flat arrays, oldest at the head, so that
/// loading, choosing a victim and freeing an arbitrary frame are all O(1).
public struct FIFOPolicy: ReplacementPolicy {
  var queue: FrameList

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    queue = FrameList(frameCount: frameCount)
  }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    queue.append(frame)
  }

  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {}

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
