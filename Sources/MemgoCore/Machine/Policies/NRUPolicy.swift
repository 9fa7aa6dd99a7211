/// Not recently used, as the enhanced second-chance (enhanced clock) algorithm: pages fall into
/// four classes by their (referenced, modified) bits, and the hand takes the first page of the
/// lowest non-empty class (Tanenbaum, *Modern Operating Systems*, 4th ed., §3.4.2 and §3.4.5; Silberschatz,
/// Galvin and Gagne, *Operating System Concepts*, 10th ed., §10.4.5.3, "Enhanced Second-Chance
/// Algorithm").
///
/// The hand sweeps the frames in frame-number order (the frame slots form the circle, as in the
/// hardware frame table). To choose a victim:
/// 1. from the hand, go once round looking for a (0, 0) page, changing nothing; take the first;
/// 2. failing that, go round looking for a (0, 1) page, clearing the reference bit of every page
///    passed over; take the first;
/// 3. failing that (every reference bit is now clear), repeat 1 and, if needed, 2.
/// The hand then rests on the slot after the victim, where the new page's slot is the last reached.
/// Frames being loaded or free are not on the circle.
///
/// The referenced bit is set by every hit and, with `referenceOnLoad` (default true), by the load;
/// the modified bit by every write, including a write that faults. The bits are only cleared by the
/// sweep of step 2 (there is no periodic clearing by a timer).
///
/// Each class is a `FrameBitset`, so a step's sweep jumps straight to the next page of its class.
///
/// - Complexity: `didLoad`, `didAccess` and `didFree` are O(log₆₄ n); `selectVictim` is amortised
///   O(log₆₄ n) (every reference bit it clears was set by a hit or a load).
public struct NRUPolicy: ReplacementPolicy {
  /// Per frame: `2 × referenced + modified`, or `notListed`.
  var classOf: [UInt8]
  /// The frames of each class, indexed by `2 × referenced + modified`.
  var classes: [FrameBitset]
  /// The slot the hand is on.
  var hand = 0
  var members = 0
  let frameCount: Int
  let referenceOnLoad: Bool

  static let notListed: UInt8 = 0xFF

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    self.frameCount = frameCount
    classOf = Array(repeating: NRUPolicy.notListed, count: frameCount)
    classes = Array(repeating: FrameBitset(capacity: frameCount), count: 4)
    referenceOnLoad = configuration.referenceOnLoad
  }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    precondition(classOf[frame.index] == NRUPolicy.notListed, "frame \(frame) is already listed")
    let c: UInt8 = (referenceOnLoad ? 2 : 0) | (reference.isWrite ? 1 : 0)
    classOf[frame.index] = c
    classes[Int(c)].insert(frame.index)
    members += 1
  }

  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    let old = classOf[frame.index]
    if old == NRUPolicy.notListed { return }
    let new = old | 2 | (reference.isWrite ? 1 : 0)
    if new != old { move(frame.index, to: new) }
  }

  public mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    guard members > 0 else { return nil }
    // Step 1: the first (0, 0) page from the hand.
    if let v = classes[0].nextCyclic(from: hand) { return evict(v) }
    // Step 2: the first (0, 1) page, clearing the reference bits of the pages passed over.
    if let v = classes[1].nextCyclic(from: hand) {
      if hand <= v {
        clearReferenceBits(in: hand..<v)
      } else {
        clearReferenceBits(in: hand..<frameCount)
        clearReferenceBits(in: 0..<v)
      }
      return evict(v)
    }
    // Step 2 went all the way round: every reference bit is now clear. Step 3: repeat.
    clearReferenceBits(in: 0..<frameCount)
    if let v = classes[0].nextCyclic(from: hand) { return evict(v) }
    if let v = classes[1].nextCyclic(from: hand) { return evict(v) }
    preconditionFailure("NRU lost track of its \(members) frames")
  }

  public mutating func didFree(_ frame: FrameNumber) {
    let c = classOf[frame.index]
    if c == NRUPolicy.notListed { return }
    classes[Int(c)].remove(frame.index)
    classOf[frame.index] = NRUPolicy.notListed
    members -= 1
  }

  private mutating func move(_ f: Int, to new: UInt8) {
    classes[Int(classOf[f])].remove(f)
    classes[Int(new)].insert(f)
    classOf[f] = new
  }

  /// Clears the reference bit of every listed frame in `range`.
  private mutating func clearReferenceBits(in range: Range<Int>) {
    for referencedClass in 2...3 {
      var next = classes[referencedClass].next(from: range.lowerBound)
      while let f = next, f < range.upperBound {
        move(f, to: UInt8(referencedClass - 2))
        next = classes[referencedClass].next(from: f + 1)
      }
    }
  }

  private mutating func evict(_ f: Int) -> FrameNumber {
    classes[Int(classOf[f])].remove(f)
    classOf[f] = NRUPolicy.notListed
    members -= 1
    hand = f + 1 == frameCount ? 0 : f + 1
    return FrameNumber(f)
  }

  /// What is inconsistent in the policy's structures, or nil (`InternalChecks`): each listed
  /// frame is in exactly the class it records, no unlisted frame is in any, and `members` counts
  /// them.
  public func invariantViolation() -> String? {
    for (c, set) in classes.enumerated() {
      if let problem = set.invariantViolation() { return "class \(c): \(problem)" }
    }
    var listed = 0
    for f in 0..<frameCount {
      let c = classOf[f]
      if c != NRUPolicy.notListed {
        listed += 1
        guard c < 4 else { return "frame \(f) records class \(c)" }
      }
      for k in 0..<4 where classes[k].contains(f) != (Int(c) == k) {
        return "frame \(f) records class \(c) but class \(k) \(classes[k].contains(f) ? "holds" : "lacks") it"
      }
    }
    guard listed == members else { return "\(listed) frames are listed, members is \(members)" }
    return hand >= 0 && hand <= max(0, frameCount) ? nil : "the hand is on slot \(hand) of \(frameCount)"
  }

  /// Whether `frame` is a candidate (`ReplacementPolicy.isCandidate`).
  public func isCandidate(_ frame: FrameNumber) -> Bool { classOf[frame.index] != NRUPolicy.notListed }
}
