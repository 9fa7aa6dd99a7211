/// 2Q, the full version (Johnson and Shasha, "2Q: A low overhead high performance buffer
/// management replacement algorithm", VLDB 1994, §2.1, "Full Version").
///
/// Resident pages are in A1in (a FIFO of pages seen once) or Am (an LRU list of pages seen again);
/// A1out remembers the identities of pages recently evicted from A1in (a FIFO of `PageKey`s, no
/// data). On a miss the page joins Am if A1out remembers it (it was referenced again soon after
/// leaving), else the tail of A1in. A hit in Am moves the page to Am's MRU end; a hit in A1in
/// changes nothing (correlated references). To reclaim a frame: if |A1in| > Kin, A1in's oldest
/// page is evicted and its identity enters A1out (A1out forgets its oldest beyond Kout); otherwise
/// Am's LRU page is evicted and not remembered.
///
/// Parameters: `twoQKin` and `twoQKout`, fractions of the frames (defaults 0.25 and 0.5, the
/// paper's recommendation); Kin = floor(twoQKin × frames), Kout = floor(twoQKout × frames).
///
/// Order of operations: the paper decides whether the faulting page is in A1out before reclaiming,
/// and the reclaim may push that very identity out of a full A1out. Here the reclaim happens in
/// `selectVictim` and the decision in `didLoad`, so A1out is trimmed to Kout in `didLoad`, after
/// the decision: the outcome is the paper's. A page found in A1out leaves it (the paper's
/// pseudocode leaves the stale identity behind; removing it is what implementations do). If the
/// list to reclaim from has no candidate (frames being loaded, or Kin ≥ frames) the other list is
/// used; a page taken from A1in always enters A1out. Pages freed by a process's exit are not
/// remembered.
///
/// - Complexity: every call is O(1) expected.
public struct TwoQPolicy: ReplacementPolicy {
  /// FIFO of pages seen once, oldest at the head.
  var a1in: FrameList
  /// LRU list of pages seen again, LRU at the head.
  var am: FrameList
  var pageOf: [PageKey]
  /// Identities evicted from A1in, oldest at the head.
  var a1out: GhostList
  let kin: Int
  let kout: Int

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    a1in = FrameList(frameCount: frameCount)
    am = FrameList(frameCount: frameCount)
    pageOf = Array(repeating: PageKey(rawValue: 0), count: frameCount)
    kin = ReplacementConfig.frameShare(configuration.twoQKin, of: frameCount, limit: 1)
    kout = ReplacementConfig.frameShare(configuration.twoQKout, of: frameCount, limit: 4)
    // Room for Kout identities plus one per reclaim whose `didLoad` has not come yet.
    a1out = GhostList(capacity: kout + frameCount + 1)
  }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    let page = reference.page
    let remembered = a1out.contains(page)
    a1out.trim(to: kout)
    pageOf[frame.index] = page
    if remembered {
      a1out.remove(page)
      am.append(frame)
    } else {
      a1in.append(frame)
    }
  }

  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    if am.contains(frame) { am.moveToBack(frame) }
  }

  public mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    if a1in.count > kin || am.count == 0, let v = a1in.popFirst() {
      a1out.insertMostRecent(pageOf[v.index])
      return v
    }
    return am.popFirst()
  }

  public mutating func didFree(_ frame: FrameNumber) {
    a1in.remove(frame)
    am.remove(frame)
  }

  /// What is inconsistent in the policy's structures, or nil (`InternalChecks`): A1in, Am and
  /// A1out are each consistent, and no frame is in both resident lists.
  public func invariantViolation() -> String? {
    if let problem = a1in.invariantViolation() { return "A1in: \(problem)" }
    if let problem = am.invariantViolation() { return "Am: \(problem)" }
    if let problem = a1out.invariantViolation() { return "A1out: \(problem)" }
    for f in 0..<pageOf.count where a1in.contains(FrameNumber(f)) && am.contains(FrameNumber(f)) {
      return "frame \(f) is in A1in and Am"
    }
    return nil
  }

  /// Whether `frame` is a candidate (`ReplacementPolicy.isCandidate`).
  public func isCandidate(_ frame: FrameNumber) -> Bool { a1in.contains(frame) || am.contains(frame) }
}
