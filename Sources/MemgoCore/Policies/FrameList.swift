/// A doubly linked list of frames threaded through flat arrays: the building block of FIFO, LRU,
/// 2Q and ARC queues. Each frame is in at most one list at a time.
///
/// - Complexity: `append`, `prepend`, `remove`, `popFirst` and `moveToBack` are O(1).
public struct FrameList: Sendable {
  static let none: Int32 = -1
  var next: [Int32]
  var previous: [Int32]
  var member: [Bool]
  /// The frame at the head (the oldest appended), or -1.
  private(set) var head: Int32 = FrameList.none
  /// The frame at the tail (the newest appended), or -1.
  private(set) var tail: Int32 = FrameList.none
  /// How many frames the list holds.
  private(set) var count = 0

  /// Creates an empty list for frames `0 ..< frameCount`.
  init(frameCount: Int) {
    next = Array(repeating: FrameList.none, count: frameCount)
    previous = Array(repeating: FrameList.none, count: frameCount)
    member = Array(repeating: false, count: frameCount)
  }

  /// Whether `frame` is in the list.
  func contains(_ frame: FrameNumber) -> Bool { member[frame.index] }

  /// The head frame, if any.
  var first: FrameNumber? { head == FrameList.none ? nil : FrameNumber(head) }

  /// Adds `frame` at the tail.
  mutating func append(_ frame: FrameNumber) {
    precondition(!member[frame.index], "frame \(frame) is already listed")
    let f = frame.rawValue
    previous[frame.index] = tail
    next[frame.index] = FrameList.none
    if tail == FrameList.none { head = f } else { next[Int(tail)] = f }
    tail = f
    member[frame.index] = true
    count += 1
  }

  /// Removes `frame` if it is in the list.
  mutating func remove(_ frame: FrameNumber) {
    guard member[frame.index] else { return }
    let p = previous[frame.index]
    let n = next[frame.index]
    if p == FrameList.none { head = n } else { next[Int(p)] = n }
    if n == FrameList.none { tail = p } else { previous[Int(n)] = p }
    member[frame.index] = false
    count -= 1
  }

  /// Removes and returns the head frame.
  mutating func popFirst() -> FrameNumber? {
    guard head != FrameList.none else { return nil }
    let frame = FrameNumber(head)
    remove(frame)
    return frame
  }

  /// Moves `frame` (which must be listed) to the tail.
  mutating func moveToBack(_ frame: FrameNumber) {
    guard frame.rawValue != tail else { return }
    remove(frame)
    append(frame)
  }
}
