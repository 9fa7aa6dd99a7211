/// LIRS (Jiang and Zhang, "LIRS: an efficient low inter-reference recency set replacement policy
/// to improve buffer cache performance", SIGMETRICS 2002, §3).
///
/// Resident pages are LIR (low inter-reference recency) or HIR. Stack S holds, in recency order,
/// the LIR pages, resident HIR pages and non-resident HIR pages (identities only, no data); list
/// Q holds the resident HIR pages, the next victim at its front. L_hirs frames are for resident
/// HIR pages and L_lirs = frames − L_hirs for LIR pages. Stack pruning removes HIR entries from
/// S's bottom until an LIR page is there (a non-resident entry it removes is forgotten).
///
/// - A hit on an LIR page moves it to S's top, then S is pruned.
/// - A hit on a resident HIR page in S makes it LIR: it moves to S's top and leaves Q; the LIR
///   page at S's bottom becomes HIR, leaves S and goes to Q's end; S is pruned.
/// - A hit on a resident HIR page not in S moves it to S's top (still HIR) and to Q's end.
/// - A miss reclaims Q's front: it leaves Q, and if it is in S it stays there as a non-resident
///   entry. The loaded page, if S remembers it (non-resident), becomes LIR at S's top and S's
///   bottom LIR page becomes HIR as above; otherwise it is HIR, at S's top and Q's end. While
///   fewer than L_lirs pages are LIR (the cache is filling), a loaded page becomes LIR.
///
/// The paper's stack "top" is the most recent end, here `stack`'s tail; its "bottom" is the head.
///
/// Parameter: `lirsHIRFraction`, L_hirs as a fraction of the frames (default 0.01, the paper's
/// 1%); L_hirs = floor(fraction × frames), at least 1 and at most frames − 1, so that at least one
/// frame is for LIR pages (on 1 frame, L_hirs is 0 and the one page is LIR).
///
/// Where the model differs from the paper:
/// - S is bounded. The paper notes that non-resident entries can make S large and must be
///   bounded in practice, without fixing a bound; here S keeps at most `frames` non-resident
///   entries (so memory is O(frames)) and, when one more is made, forgets the one made
///   non-resident earliest (FIFO; this model's choice). The bound keeps every entry's place in
///   S, so pruning is unchanged.
/// - The paper's cache is always full on a miss, so a page that becomes LIR always pushes one
///   out. Here frames leave by `didFree` (a process exits) and pages being read in are not yet
///   counted, so a page loaded, or a resident HIR page referenced, while fewer than L_lirs pages
///   are LIR becomes LIR, and S's bottom LIR page is demoted only when the LIR pages then exceed
///   L_lirs. (Without the second half, frees could leave resident HIR pages at S's bottom.) On a
///   cache that is never freed this changes nothing: fewer than L_lirs pages are LIR only while
///   it fills, when no page is HIR.
/// - When Q is empty at a reclaim (every candidate is LIR, after frees), the victim is the LIR
///   page at S's bottom (the least recent); it is not remembered and S is pruned. The paper's
///   cache never reaches this state.
/// - Page identity is `PageReference.page` (process and virtual page), the key of the
///   non-resident entries; a freed page leaves S and Q and is not remembered.
///   `referenceOnLoad` is not used.
///
/// - Complexity: `didLoad`, `didAccess` and `didFree` are amortised O(1) expected (pruning removes
///   only entries pushed earlier; non-resident entries are hashed) and allocate nothing;
///   `selectVictim` is amortised O(1).
public struct LIRSPolicy: ReplacementPolicy {
  /// S, bottom (least recent) at the head. Nodes `0 ..< frames` are the resident frames, node
  /// `frames + g` is non-resident entry `g`.
  var stack: FrameList
  /// Q, the resident HIR pages, the next victim at the head.
  var queue: FrameList
  /// Whether each frame's page is LIR.
  var isLIR: [Bool]
  var pageOf: [PageKey]
  /// How many frames are LIR.
  var lirCount = 0
  /// The identity of each non-resident entry.
  var ghostKey: [PageKey]
  /// The non-resident entries in use, the one made non-resident earliest at the head.
  var ghostAge: FrameList
  var freeGhosts: [Int32]
  /// Non-resident entries by identity.
  var ghostIndex: PageFrameTable
  let frames: Int
  /// L_hirs, the frames for resident HIR pages.
  let hirTarget: Int
  /// L_lirs = frames − L_hirs.
  var lirTarget: Int { frames - hirTarget }

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    frames = frameCount
    hirTarget = LIRSPolicy.hirSize(configuration.lirsHIRFraction, of: frameCount)
    stack = FrameList(frameCount: 2 * frameCount)
    queue = FrameList(frameCount: frameCount)
    isLIR = Array(repeating: false, count: frameCount)
    pageOf = Array(repeating: PageKey(rawValue: 0), count: frameCount)
    ghostKey = Array(repeating: PageKey(rawValue: 0), count: frameCount)
    ghostAge = FrameList(frameCount: frameCount)
    freeGhosts = (0..<Int32(frameCount)).reversed()
    ghostIndex = PageFrameTable(minimumCapacity: frameCount)
  }

  /// L_hirs: floor(fraction × frames), at least 1, at most `frames` − 1 (the fraction clamped to
  /// 0...1), and 0 on one frame.
  static func hirSize(_ fraction: Double, of frames: Int) -> Int {
    max(0, min(frames - 1, max(1, ReplacementConfig.frameShare(fraction, of: frames, limit: 1))))
  }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    let page = reference.page
    pageOf[frame.index] = page
    if let g = ghostIndex[page] {
      forget(ghost: g)
      isLIR[frame.index] = true
      lirCount += 1
      stack.append(frame)
      if lirCount > lirTarget { demoteBottom() }
    } else if lirCount < lirTarget {
      isLIR[frame.index] = true
      lirCount += 1
      stack.append(frame)
    } else {
      isLIR[frame.index] = false
      stack.append(frame)
      queue.append(frame)
    }
  }

  @inline(__always)
  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    if isLIR[frame.index] {
      let wasBottom = stack.first == frame
      stack.moveToBack(frame)
      if wasBottom { prune() }
    } else if stack.contains(frame) {
      queue.remove(frame)
      isLIR[frame.index] = true
      lirCount += 1
      stack.moveToBack(frame)
      if lirCount > lirTarget { demoteBottom() }
    } else if lirCount < lirTarget {
      queue.remove(frame)
      isLIR[frame.index] = true
      lirCount += 1
      stack.append(frame)
    } else {
      stack.append(frame)
      queue.moveToBack(frame)
    }
  }

  public mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    if let victim = queue.popFirst() {
      if stack.contains(victim) { makeNonResident(victim) }
      return victim
    }
    // Q is empty: every candidate is LIR; S's bottom is the least recent of them.
    guard let bottom = stack.first else { return nil }
    stack.remove(bottom)
    isLIR[bottom.index] = false
    lirCount -= 1
    prune()
    return bottom
  }

  public mutating func didFree(_ frame: FrameNumber) {
    queue.remove(frame)
    if isLIR[frame.index] {
      isLIR[frame.index] = false
      lirCount -= 1
    }
    if stack.contains(frame) {
      stack.remove(frame)
      prune()
    }
  }

  /// S's bottom LIR page becomes HIR: it leaves S for Q's end; then S is pruned.
  private mutating func demoteBottom() {
    guard let bottom = stack.first else { return }
    stack.remove(bottom)
    isLIR[bottom.index] = false
    lirCount -= 1
    queue.append(bottom)
    prune()
  }

  /// Removes HIR entries from S's bottom until an LIR page is there or S is empty.
  private mutating func prune() {
    while let bottom = stack.first {
      if bottom.index < frames {
        if isLIR[bottom.index] { return }
        stack.remove(bottom)
      } else {
        forget(ghost: bottom.index - frames)
      }
    }
  }

  /// The resident HIR page in S at `frame` is evicted: a non-resident entry takes its place in S.
  private mutating func makeNonResident(_ frame: FrameNumber) {
    if ghostAge.count == frames, let oldest = ghostAge.first { forget(ghost: oldest.index) }
    let g = Int(freeGhosts.removeLast())
    let page = pageOf[frame.index]
    ghostKey[g] = page
    ghostAge.append(FrameNumber(g))
    ghostIndex.set(g, for: page)
    stack.replace(frame, with: FrameNumber(frames + g))
  }

  /// Forgets non-resident entry `g`: it leaves S.
  private mutating func forget(ghost g: Int) {
    stack.remove(FrameNumber(frames + g))
    ghostAge.remove(FrameNumber(g))
    ghostIndex.removeValue(for: ghostKey[g])
    freeGhosts.append(Int32(g))
  }

  /// What is inconsistent in the policy's structures, or nil (`InternalChecks`): S, Q and the
  /// non-resident entries are each consistent; S's bottom is an LIR page; every LIR page is in S
  /// and not in Q, every resident HIR page in S is in Q; the LIR count is right and at most
  /// L_lirs; S's non-resident nodes are exactly the entries in use, at most `frames`.
  public func invariantViolation() -> String? {
    if let problem = stack.invariantViolation() { return "S: \(problem)" }
    if let problem = queue.invariantViolation() { return "Q: \(problem)" }
    if let problem = ghostAge.invariantViolation() { return "non-resident entries: \(problem)" }
    if let problem = ghostIndex.invariantViolation() { return "index: \(problem)" }
    if let bottom = stack.first, bottom.index >= frames || !isLIR[bottom.index] {
      return "S's bottom, node \(bottom), is not an LIR page"
    }
    var lir = 0
    for f in 0..<frames {
      let frame = FrameNumber(f)
      if isLIR[f] {
        lir += 1
        if !stack.contains(frame) { return "LIR frame \(f) is not in S" }
        if queue.contains(frame) { return "LIR frame \(f) is in Q" }
      } else if stack.contains(frame) && !queue.contains(frame) {
        return "frame \(f) is HIR in S but not in Q"
      }
    }
    guard lir == lirCount else { return "\(lir) frames are LIR, the count is \(lirCount)" }
    guard lir <= max(lirTarget, 0) else { return "\(lir) LIR frames exceed L_lirs = \(lirTarget)" }
    guard ghostIndex.count == ghostAge.count, ghostAge.count + freeGhosts.count == frames else {
      return "\(ghostIndex.count) indexed, \(ghostAge.count) used and \(freeGhosts.count) free entries"
    }
    for g in 0..<frames {
      let used = ghostAge.contains(FrameNumber(g))
      if used != stack.contains(FrameNumber(frames + g)) { return "entry \(g) is used but not in S, or in S unused" }
      if used && ghostIndex[ghostKey[g]] != g { return "entry \(g)'s identity is not indexed to it" }
    }
    return nil
  }

  /// Whether `frame` is a candidate (`ReplacementPolicy.isCandidate`).
  public func isCandidate(_ frame: FrameNumber) -> Bool { stack.contains(frame) || queue.contains(frame) }
}
