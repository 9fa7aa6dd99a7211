/// A circular doubly linked list of frames with a hand, threaded through flat arrays: the clock
/// face of `ClockPolicy` and `ClockProPolicy`. New frames join just behind the hand, so the hand
/// reaches them last.
///
/// - Complexity: `insertBehindHand`, `remove`, `replace` and `advance` are O(1).
struct FrameRing: Sendable {
  static let none: Int32 = -1
  var next: [Int32]
  var previous: [Int32]
  var member: [Bool]
  /// The frame under the hand, or -1 when the ring is empty.
  private(set) var hand: Int32 = FrameRing.none
  /// How many frames the ring holds.
  private(set) var count = 0

  /// Creates an empty ring for frames `0 ..< frameCount`.
  init(frameCount: Int) {
    next = Array(repeating: FrameRing.none, count: frameCount)
    previous = Array(repeating: FrameRing.none, count: frameCount)
    member = Array(repeating: false, count: frameCount)
  }

  /// Whether `frame` is in the ring.
  func contains(_ frame: FrameNumber) -> Bool { member[frame.index] }

  /// Inserts `frame` just behind the hand: it becomes the last frame the hand will reach.
  mutating func insertBehindHand(_ frame: FrameNumber) {
    precondition(!member[frame.index], "frame \(frame) is already in the ring")
    let f = frame.rawValue
    if hand == FrameRing.none {
      next[frame.index] = f
      previous[frame.index] = f
      hand = f
    } else {
      let h = Int(hand)
      let p = previous[h]
      next[Int(p)] = f
      previous[frame.index] = p
      next[frame.index] = hand
      previous[h] = f
    }
    member[frame.index] = true
    count += 1
  }

  /// Removes `frame` if it is in the ring; if the hand was on it, the hand moves to the next frame.
  mutating func remove(_ frame: FrameNumber) {
    guard member[frame.index] else { return }
    member[frame.index] = false
    count -= 1
    if count == 0 {
      hand = FrameRing.none
      return
    }
    let n = next[frame.index]
    let p = previous[frame.index]
    next[Int(p)] = n
    previous[Int(n)] = p
    if hand == frame.rawValue { hand = n }
  }

  /// Puts `new` (not in the ring) in the place of `old` (in the ring), which leaves; the hand, if
  /// it was on `old`, is on `new`.
  mutating func replace(_ old: FrameNumber, with new: FrameNumber) {
    precondition(member[old.index] && !member[new.index], "replace needs \(old) in the ring and \(new) out of it")
    if count == 1 {
      next[new.index] = new.rawValue
      previous[new.index] = new.rawValue
    } else {
      let n = next[old.index]
      let p = previous[old.index]
      next[new.index] = n
      previous[new.index] = p
      next[Int(p)] = new.rawValue
      previous[Int(n)] = new.rawValue
    }
    member[old.index] = false
    member[new.index] = true
    if hand == old.rawValue { hand = new.rawValue }
  }

  /// Moves the hand to the next frame (the ring must not be empty).
  mutating func advance() {
    hand = next[Int(hand)]
  }

  /// What is inconsistent in the ring, or nil: walking `count` steps from the hand visits members
  /// only, each linked back to the one before, and returns to the hand; no other frame is a member.
  func invariantViolation() -> String? {
    let members = member.reduce(0) { $0 + ($1 ? 1 : 0) }
    guard members == count else { return "\(members) frames are members, count is \(count)" }
    guard count > 0 else { return hand == FrameRing.none ? nil : "the ring is empty but its hand is on \(hand)" }
    guard hand >= 0 && Int(hand) < member.count && member[Int(hand)] else { return "the hand is on non-member \(hand)" }
    var f = hand
    for _ in 0..<count {
      let n = next[Int(f)]
      guard n >= 0 && Int(n) < member.count && member[Int(n)] else { return "frame \(f) is followed by non-member \(n)" }
      guard previous[Int(n)] == f else { return "frame \(n) links back to \(previous[Int(n)]), expected \(f)" }
      f = n
    }
    return f == hand ? nil : "\(count) steps from the hand end at \(f), not at the hand"
  }
}
