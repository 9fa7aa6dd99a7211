/// A circular doubly linked list of frames with a hand, threaded through flat arrays: the clock
/// face of `ClockPolicy`. New frames join just behind the hand, so the hand reaches them last.
///
/// - Complexity: `insertBehindHand`, `remove` and `advance` are O(1).
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

  /// Moves the hand to the next frame (the ring must not be empty).
  mutating func advance() {
    hand = next[Int(hand)]
  }
}
