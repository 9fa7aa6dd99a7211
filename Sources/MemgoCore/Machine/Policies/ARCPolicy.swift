/// ARC, the adaptive replacement cache (Megiddo and Modha, "ARC: A self-tuning, low overhead
/// replacement cache", FAST 2003, Figure 4).
///
/// With c frames, ARC keeps four LRU lists: T1 (resident pages seen once recently), T2 (resident
/// pages seen at least twice), and the ghost lists B1 and B2 (identities of pages recently evicted
/// from T1 and T2). A hit moves its page to the MRU end of T2. A miss on a page remembered in B1
/// raises the target size p of T1 by max(1, |B2|/|B1|) (at most c); one in B2 lowers it by
/// max(1, |B1|/|B2|) (at least 0); either way the page is loaded into T2. A page remembered by
/// neither is loaded into T1, after the directory is trimmed: if |T1| + |B1| = c, B1's LRU entry
/// is forgotten (or, when T1 fills all c frames, T1's LRU page is evicted outright, without a
/// ghost); otherwise, if the four lists hold 2c pages, B2's LRU entry is forgotten. When a frame is
/// needed, REPLACE evicts T1's LRU page into B1 if |T1| ≥ 1 and (|T1| > p, or |T1| = p and the
/// faulting page is in B2), else T2's LRU page into B2. p is kept as a real number, as in the
/// paper (the deltas are ratios).
///
/// Because REPLACE needs the faulting page, this policy implements `selectVictim(for:)`, which
/// does the paper's adaptation and trimming for that page and then REPLACE; the page's `didLoad`
/// then only puts it in its list. A load with no victim (a free frame) does the adaptation and
/// trimming itself. Called as `selectVictim(at:)` (faulting page unknown), REPLACE assumes the page
/// is not in B2 and adaptation waits for `didLoad`. Deviations for a simulator: frames being loaded
/// are in no list, so if REPLACE's list has no candidate it takes the other; pages freed by a
/// process's exit leave T1/T2 without becoming ghosts; each ghost list holds at most 2c + 1 keys.
/// No parameters (c is the frame count).
///
/// Ghost lists are `GhostList`s (an open-addressing `PageFrameTable` over a node pool).
///
/// - Complexity: every call is O(1) expected.
public struct ARCPolicy: ReplacementPolicy {
  let c: Int
  /// Resident lists, LRU at the head.
  var t1: FrameList
  var t2: FrameList
  /// The page in each listed frame.
  var pageOf: [PageKey]
  var b1: GhostList
  var b2: GhostList
  /// The target size of T1, 0...c.
  private(set) var p: Double = 0
  /// Pages already prepared by `selectVictim(for:)` and awaiting their `didLoad`: 1 for T1, 2 for T2.
  var incoming: PageFrameTable

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    c = frameCount
    t1 = FrameList(frameCount: frameCount)
    t2 = FrameList(frameCount: frameCount)
    pageOf = Array(repeating: PageKey(rawValue: 0), count: frameCount)
    b1 = GhostList(capacity: 2 * frameCount + 1)
    b2 = GhostList(capacity: 2 * frameCount + 1)
    incoming = PageFrameTable(minimumCapacity: 8)
  }

  /// The current target size of T1 (for tests and reports).
  public var target: Double { p }

  /// What REPLACE must do for the page being prepared.
  private enum Replacement {
    case replace(incomingInB2: Bool)
    /// Case IV.A with T1 full: evict T1's LRU page, with no ghost.
    case evictT1
  }

  /// The paper's steps for a miss on `page` before REPLACE: adapt p or trim the ghost lists, and
  /// record which list the page joins.
  private mutating func prepare(_ page: PageKey) -> Replacement {
    if b1.contains(page) {
      let delta = b1.count >= b2.count ? 1 : Double(b2.count) / Double(b1.count)
      p = min(p + delta, Double(c))
      b1.remove(page)
      incoming.set(2, for: page)
      return .replace(incomingInB2: false)
    }
    if b2.contains(page) {
      let delta = b2.count >= b1.count ? 1 : Double(b1.count) / Double(b2.count)
      p = max(p - delta, 0)
      b2.remove(page)
      incoming.set(2, for: page)
      return .replace(incomingInB2: true)
    }
    incoming.set(1, for: page)
    if t1.count + b1.count >= c {
      if t1.count < c {
        b1.removeLeastRecent()
        return .replace(incomingInB2: false)
      }
      return .evictT1
    }
    if t1.count + t2.count + b1.count + b2.count >= 2 * c {
      b2.removeLeastRecent()
    }
    return .replace(incomingInB2: false)
  }

  /// REPLACE(x, p): evicts T1's or T2's LRU page into its ghost list.
  private mutating func replace(incomingInB2: Bool) -> FrameNumber? {
    let size = Double(t1.count)
    let fromT1 = t1.count >= 1 && (size > p || (incomingInB2 && size == p))
    if fromT1 || t2.count == 0, let v = t1.popFirst() {
      b1.insertMostRecent(pageOf[v.index])
      return v
    }
    if let v = t2.popFirst() {
      b2.insertMostRecent(pageOf[v.index])
      return v
    }
    return nil
  }

  public mutating func selectVictim(for reference: PageReference) -> FrameNumber? {
    if incoming.contains(reference.page) { return replace(incomingInB2: false) }
    switch prepare(reference.page) {
    case .replace(let inB2):
      return replace(incomingInB2: inB2)
    case .evictT1:
      return t1.popFirst() ?? t2.popFirst()
    }
  }

  public mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    replace(incomingInB2: false)
  }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    let page = reference.page
    if !incoming.contains(page) { _ = prepare(page) }
    let list = incoming.removeValue(for: page) ?? 1
    pageOf[frame.index] = page
    if list == 2 { t2.append(frame) } else { t1.append(frame) }
  }

  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    if t1.contains(frame) {
      t1.remove(frame)
      t2.append(frame)
    } else if t2.contains(frame) {
      t2.moveToBack(frame)
    }
  }

  public mutating func didFree(_ frame: FrameNumber) {
    t1.remove(frame)
    t2.remove(frame)
  }

  /// What is inconsistent in the policy's structures, or nil (`InternalChecks`): the four lists
  /// are each consistent, T1 and T2 are disjoint and hold at most c frames, the target is in
  /// 0...c, and no resident page is also a ghost (a page is in at most one of ARC's four lists,
  /// Megiddo and Modha 2003; the size bounds on L1 and L2 do not hold here, whose ghost lists keep
  /// up to 2c + 1 keys).
  public func invariantViolation() -> String? {
    if let problem = t1.invariantViolation() { return "T1: \(problem)" }
    if let problem = t2.invariantViolation() { return "T2: \(problem)" }
    if let problem = b1.invariantViolation() { return "B1: \(problem)" }
    if let problem = b2.invariantViolation() { return "B2: \(problem)" }
    if let problem = incoming.invariantViolation() { return "incoming: \(problem)" }
    guard t1.count + t2.count <= c else { return "|T1| + |T2| = \(t1.count + t2.count) exceeds c = \(c)" }
    guard p >= 0 && p <= Double(c) else { return "the target \(p) is outside 0...\(c)" }
    for f in 0..<c {
      let frame = FrameNumber(f)
      let (in1, in2) = (t1.contains(frame), t2.contains(frame))
      if in1 && in2 { return "frame \(f) is in T1 and T2" }
      if (in1 || in2) && (b1.contains(pageOf[f]) || b2.contains(pageOf[f])) {
        return "frame \(f)'s resident page is also a ghost"
      }
    }
    return nil
  }

  /// Whether `frame` is a candidate (`ReplacementPolicy.isCandidate`).
  public func isCandidate(_ frame: FrameNumber) -> Bool { t1.contains(frame) || t2.contains(frame) }
}
