/// SIEVE (Zhang, Yang, Yue, Vigfusson and Rashmi, "SIEVE is simpler than LRU: an efficient
/// turn-key eviction algorithm for web caches", NSDI 2024, Algorithm 1).
///
/// Pages sit in one FIFO queue in load order, each with a visited bit that a hit sets; a loaded
/// page starts unvisited. To choose a victim the hand, starting where it last stopped (at first,
/// the oldest page), walks from older to newer pages: a visited page has its bit cleared and stays
/// where it is; the first unvisited page is the victim. The hand then rests on the next newer page,
/// wrapping to the oldest page after the newest. So survivors keep their place, and new pages,
/// which join at the new end, are not mixed with them. `referenceOnLoad` is not used (SIEVE's bit
/// is its own, not the hardware's). No parameters.
///
/// - Complexity: `didLoad`, `didAccess` and `didFree` are O(1); `selectVictim` is amortised O(1).
public struct SIEVEPolicy: ReplacementPolicy {
  /// Oldest at the head; the hand moves along `next`, towards the newest.
  var queue: FrameList
  var visited: [Bool]
  /// The frame the hand is on, or -1 to start at the oldest.
  var hand: Int32 = -1

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    queue = FrameList(frameCount: frameCount)
    visited = Array(repeating: false, count: frameCount)
  }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    queue.append(frame)
    visited[frame.index] = false
  }

  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    visited[frame.index] = true
  }

  public mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    guard queue.count > 0 else { return nil }
    var o = hand == -1 ? queue.head : hand
    while visited[Int(o)] {
      visited[Int(o)] = false
      o = queue.links[Int(o)].next
      if o == -1 { o = queue.head }
    }
    hand = queue.links[Int(o)].next
    let victim = FrameNumber(o)
    queue.remove(victim)
    return victim
  }

  public mutating func didFree(_ frame: FrameNumber) {
    guard queue.contains(frame) else { return }
    if hand == frame.rawValue { hand = queue.links[frame.index].next }
    queue.remove(frame)
  }

  /// What is inconsistent in the policy's structures, or nil (`InternalChecks`): the queue, and
  /// the hand, which is on a queued frame or at the start.
  public func invariantViolation() -> String? {
    if let problem = queue.invariantViolation() { return problem }
    guard hand == -1 || (Int(hand) < visited.count && queue.contains(FrameNumber(hand))) else {
      return "the hand is on unqueued frame \(hand)"
    }
    return nil
  }

  /// Whether `frame` is a candidate (`ReplacementPolicy.isCandidate`).
  public func isCandidate(_ frame: FrameNumber) -> Bool { queue.contains(frame) }
}
