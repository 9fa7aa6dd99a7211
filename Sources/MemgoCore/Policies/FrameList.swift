/// A doubly linked list of frames threaded through one flat array: the building block of FIFO,
/// LRU, 2Q, ARC and SIEVE queues. Each frame is in at most one list at a time.
///
/// - Complexity: `append`, `remove`, `popFirst` and `moveToBack` are O(1), each touching the
///   array through a single buffer access (one uniqueness check, no per-field bounds checks).
public struct FrameList: Sendable {
  static let none: Int32 = -1

  /// A frame's neighbours; `member` says whether the frame is listed.
  struct Link: Sendable {
    var next: Int32 = FrameList.none
    var previous: Int32 = FrameList.none
    var member = false
  }

  var links: [Link]
  /// The frame at the head (the oldest appended), or -1.
  private(set) var head: Int32 = FrameList.none
  /// The frame at the tail (the newest appended), or -1.
  private(set) var tail: Int32 = FrameList.none
  /// How many frames the list holds.
  private(set) var count = 0

  /// Creates an empty list for frames `0 ..< frameCount`.
  init(frameCount: Int) {
    links = Array(repeating: Link(), count: frameCount)
  }

  /// Whether `frame` is in the list.
  func contains(_ frame: FrameNumber) -> Bool { links[frame.index].member }

  /// The head frame, if any.
  var first: FrameNumber? { head == FrameList.none ? nil : FrameNumber(head) }

  /// The frame after `frame` (towards the tail), or -1 at the tail.
  func next(after frame: Int32) -> Int32 { links[Int(frame)].next }

  /// Adds `frame` at the tail.
  mutating func append(_ frame: FrameNumber) {
    let f = frame.rawValue
    let oldTail = tail
    links.withUnsafeMutableBufferPointer { links in
      precondition(!links[Int(f)].member, "frame \(frame) is already listed")
      links[Int(f)] = Link(next: FrameList.none, previous: oldTail, member: true)
      if oldTail != FrameList.none { links[Int(oldTail)].next = f }
    }
    if oldTail == FrameList.none { head = f }
    tail = f
    count += 1
  }

  /// Removes `frame` if it is in the list.
  mutating func remove(_ frame: FrameNumber) {
    let f = Int(frame.rawValue)
    let (removed, p, n) = links.withUnsafeMutableBufferPointer { links -> (Bool, Int32, Int32) in
      let link = links[f]
      guard link.member else { return (false, FrameList.none, FrameList.none) }
      if link.previous != FrameList.none { links[Int(link.previous)].next = link.next }
      if link.next != FrameList.none { links[Int(link.next)].previous = link.previous }
      links[f].member = false
      return (true, link.previous, link.next)
    }
    guard removed else { return }
    if p == FrameList.none { head = n }
    if n == FrameList.none { tail = p }
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
