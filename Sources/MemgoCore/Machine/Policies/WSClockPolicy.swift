/// WSClock, the working-set clock (Carr and Hennessy, "WSCLOCK—a simple and effective algorithm for
/// virtual memory management", SOSP 1981; Tanenbaum, *Modern Operating Systems*, 4th ed., §3.4.9).
///
/// Every page has a reference bit, a modified bit and a time of last use. The hand sweeps the
/// frames in frame-number order (the frame slots form the circle; frames being loaded or free are
/// skipped). To choose a victim at time `now`, from the hand:
/// - a page with its reference bit set has been used: the bit is cleared, its time of last use
///   becomes `now`, and the hand moves on;
/// - a page with the bit clear whose age `now − lastUse` exceeds τ has left the working set: if it
///   is clean it is the victim; if it is dirty the hand moves on (see below);
/// - a page in the working set (age ≤ τ) is passed over.
/// If the hand goes all the way round without a victim: the first old dirty page from the hand is
/// the victim if there is one; otherwise (every page is in the working set) the first clean page;
/// otherwise (every page is dirty) the page under the hand. The hand then rests on the slot after
/// the victim.
///
/// Simplification: the real algorithm schedules a write-back for each old dirty page it passes and
/// keeps sweeping until one of those writes completes, then takes the first page found clean. This
/// policy has no I/O of its own; it keeps old dirty pages dirty and, when no old clean page exists,
/// takes the first old dirty page (whose write, scheduled first, would complete first with a FCFS
/// disk). Its write-back is then charged by the simulator as a dirty eviction. No other page is
/// cleaned in the background.
///
/// A loaded page's time of last use is its load time, its reference bit is `referenceOnLoad`
/// (default true), its modified bit is set if the faulting reference writes. A hit sets the
/// reference bit (and the modified bit if it writes); it does not stamp the time, which only the
/// hand does, as in the paper.
///
/// Parameter: `wsclockTau` (τ). Times are the clock the caller passes (simulated time in a run;
/// reference indices in trace and explain mode). With `wsclockTau` `nil` (default), the policy
/// counts the references it sees (hits and loads; a reference's time is the number seen before it)
/// and τ is `frameCount` references.
///
/// The structure: a `FrameBitset` of referenced frames and two `FrameMinTree`s holding the time of
/// last use of the unreferenced clean and dirty frames, so the sweep jumps to the first old page.
///
/// - Complexity: `didLoad`, `didAccess` and `didFree` are O(log n); `selectVictim` is amortised
///   O(log n) (each reference bit it clears was set by a hit or a load).
public struct WSClockPolicy: ReplacementPolicy {
  var member: [Bool]
  var referenced: [Bool]
  var modified: [Bool]
  var lastUse: [Int64]
  /// Frames whose reference bit is set.
  var referencedSet: FrameBitset
  /// Time of last use of the unreferenced clean frames (`FrameMinTree.empty` elsewhere).
  var clean: FrameMinTree
  /// Time of last use of the unreferenced dirty frames.
  var dirty: FrameMinTree
  var hand = 0
  var members = 0
  let frameCount: Int
  let tau: Int64
  let virtualClock: Bool
  var seen: Int64 = 0
  let referenceOnLoad: Bool

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    self.frameCount = frameCount
    member = Array(repeating: false, count: frameCount)
    referenced = Array(repeating: false, count: frameCount)
    modified = Array(repeating: false, count: frameCount)
    lastUse = Array(repeating: 0, count: frameCount)
    referencedSet = FrameBitset(capacity: frameCount)
    clean = FrameMinTree(capacity: frameCount)
    dirty = FrameMinTree(capacity: frameCount)
    if let t = configuration.wsclockTau {
      tau = max(0, t.picoseconds)
      virtualClock = false
    } else {
      tau = Int64(frameCount)
      virtualClock = true
    }
    referenceOnLoad = configuration.referenceOnLoad
  }

  private mutating func referenceTime(_ reference: PageReference) -> Int64 {
    if virtualClock {
      defer { seen += 1 }
      return seen
    }
    return reference.time.picoseconds
  }

  /// Files an unreferenced frame under its modified bit with its time of last use.
  private mutating func file(_ f: Int) {
    if modified[f] { dirty.set(f, lastUse[f]) } else { clean.set(f, lastUse[f]) }
  }

  private mutating func unfile(_ f: Int) {
    if modified[f] { dirty.set(f, FrameMinTree.empty) } else { clean.set(f, FrameMinTree.empty) }
  }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    let f = frame.index
    precondition(!member[f], "frame \(frame) is already listed")
    member[f] = true
    members += 1
    lastUse[f] = referenceTime(reference)
    modified[f] = reference.isWrite
    referenced[f] = referenceOnLoad
    if referenceOnLoad { referencedSet.insert(f) } else { file(f) }
  }

  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    let f = frame.index
    if virtualClock { seen += 1 }
    guard member[f] else { return }
    if referenced[f] {
      if reference.isWrite { modified[f] = true }
      return
    }
    unfile(f)
    if reference.isWrite { modified[f] = true }
    referenced[f] = true
    referencedSet.insert(f)
  }

  public mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    guard members > 0 else { return nil }
    let now = virtualClock ? seen : time.picoseconds
    // Old means lastUse < now − τ; nothing is old before τ has elapsed.
    let threshold = now >= tau ? now - tau : Int64.min
    if let v = clean.firstBelowCyclic(threshold, from: hand) {
      if hand <= v {
        clearReferenceBits(in: hand..<v, now: now)
      } else {
        clearReferenceBits(in: hand..<frameCount, now: now)
        clearReferenceBits(in: 0..<v, now: now)
      }
      return evict(v)
    }
    // All the way round: every reference bit is now clear, stamped `now` (young).
    clearReferenceBits(in: 0..<frameCount, now: now)
    if let v = dirty.firstBelowCyclic(threshold, from: hand) { return evict(v) }
    if let v = clean.firstBelowCyclic(FrameMinTree.empty, from: hand) { return evict(v) }
    if let v = dirty.firstBelowCyclic(FrameMinTree.empty, from: hand) { return evict(v) }
    preconditionFailure("WSClock lost track of its \(members) frames")
  }

  public mutating func didFree(_ frame: FrameNumber) {
    let f = frame.index
    guard member[f] else { return }
    remove(f)
  }

  private mutating func clearReferenceBits(in range: Range<Int>, now: Int64) {
    var next = referencedSet.next(from: range.lowerBound)
    while let f = next, f < range.upperBound {
      referencedSet.remove(f)
      referenced[f] = false
      lastUse[f] = now
      file(f)
      next = referencedSet.next(from: f + 1)
    }
  }

  private mutating func remove(_ f: Int) {
    if referenced[f] { referencedSet.remove(f) } else { unfile(f) }
    referenced[f] = false
    member[f] = false
    members -= 1
  }

  private mutating func evict(_ f: Int) -> FrameNumber {
    remove(f)
    hand = f + 1 == frameCount ? 0 : f + 1
    return FrameNumber(f)
  }

  /// What is inconsistent in the policy's structures, or nil (`InternalChecks`): a referenced
  /// member is in the referenced set and neither tree; an unreferenced member is in the tree of
  /// its modified bit, at its time of last use, and not the other; a non-member is nowhere.
  public func invariantViolation() -> String? {
    if let problem = referencedSet.invariantViolation() { return "referenced: \(problem)" }
    if let problem = clean.invariantViolation() { return "clean: \(problem)" }
    if let problem = dirty.invariantViolation() { return "dirty: \(problem)" }
    var listed = 0
    for f in 0..<frameCount {
      let inSet = referencedSet.contains(f)
      let (c, d) = (clean.value(f), dirty.value(f))
      guard member[f] else {
        if inSet || c != FrameMinTree.empty || d != FrameMinTree.empty { return "non-member \(f) is still indexed" }
        continue
      }
      listed += 1
      guard inSet == referenced[f] else { return "member \(f)'s reference bit is \(referenced[f]), the set says \(inSet)" }
      let expected = referenced[f] ? (FrameMinTree.empty, FrameMinTree.empty)
        : modified[f] ? (FrameMinTree.empty, lastUse[f]) : (lastUse[f], FrameMinTree.empty)
      guard (c, d) == expected else { return "member \(f) holds (\(c), \(d)) in the trees, expected \(expected)" }
    }
    guard listed == members else { return "\(listed) frames are members, members is \(members)" }
    return hand >= 0 && hand <= max(0, frameCount) ? nil : "the hand is on slot \(hand) of \(frameCount)"
  }

  /// Whether `frame` is a candidate (`ReplacementPolicy.isCandidate`).
  public func isCandidate(_ frame: FrameNumber) -> Bool { member[frame.index] }
}
