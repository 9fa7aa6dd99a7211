/// A doubly linked list of frames threaded through flat arrays: the building block of FIFO, LRU,
/// 2Q and ARC queues. Each frame is in at most one list at a time.
///
/// - Complexity: `append`, `prepend`, `remove`, `popFirst` and `moveToBack` are O(1).
public struct FrameList: Sendable {
  static let none: Int32 = -1
  /// The `previous` of a frame that is not in the list.
  static let unlisted: Int32 = -2

  /// A frame's neighbours. One array of pairs rather than three arrays (next, previous, member):
  /// a move touches one array, so one copy-on-write check and fewer cache lines per operation.
  struct Link: Sendable {
    var next: Int32
    /// The previous frame, `none` at the head, `unlisted` when the frame is not in the list.
    var previous: Int32
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
    links = Array(repeating: Link(next: FrameList.none, previous: FrameList.unlisted), count: frameCount)
  }

  /// Whether `frame` is in the list.
  @inline(__always)
  func contains(_ frame: FrameNumber) -> Bool { links[frame.index].previous != FrameList.unlisted }

  /// The head frame, if any.
  var first: FrameNumber? { head == FrameList.none ? nil : FrameNumber(head) }

  /// The frame after the listed `frame`, towards the tail; nil at the tail.
  func next(after frame: FrameNumber) -> FrameNumber? {
    let n = links[frame.index].next
    return n == FrameList.none ? nil : FrameNumber(n)
  }

  /// Adds `frame` at the tail.
  @inline(__always)
  mutating func append(_ frame: FrameNumber) {
    precondition(!contains(frame), "frame \(frame) is already listed")
    var ends = (head: head, tail: tail)
    links.withUnsafeMutableBufferPointer { FrameList.link(frame.rawValue, in: $0, ends: &ends) }
    (head, tail) = ends
    count += 1
  }

  /// Removes `frame` if it is in the list.
  @inline(__always)
  mutating func remove(_ frame: FrameNumber) {
    guard contains(frame) else { return }
    var ends = (head: head, tail: tail)
    links.withUnsafeMutableBufferPointer { FrameList.unlink(frame.rawValue, in: $0, ends: &ends) }
    (head, tail) = ends
    count -= 1
  }

  /// Removes and returns the head frame.
  @inline(__always)
  mutating func popFirst() -> FrameNumber? {
    guard head != FrameList.none else { return nil }
    let frame = FrameNumber(head)
    remove(frame)
    return frame
  }

  /// Moves `frame` (which must be listed) to the tail.
  @inline(__always)
  mutating func moveToBack(_ frame: FrameNumber) {
    guard frame.rawValue != tail else { return }
    precondition(contains(frame), "frame \(frame) is not listed")
    var ends = (head: head, tail: tail)
    links.withUnsafeMutableBufferPointer { links in
      FrameList.unlink(frame.rawValue, in: links, ends: &ends)
      FrameList.link(frame.rawValue, in: links, ends: &ends)
    }
    (head, tail) = ends
  }

  /// Puts the unlisted frame `new` in the listed frame `old`'s place (same neighbours); `old`
  /// leaves the list.
  mutating func replace(_ old: FrameNumber, with new: FrameNumber) {
    precondition(contains(old) && !contains(new), "replace needs a listed frame and an unlisted one")
    let link = links[old.index]
    links[new.index] = link
    if link.previous == FrameList.none { head = new.rawValue } else { links[Int(link.previous)].next = new.rawValue }
    if link.next == FrameList.none { tail = new.rawValue } else { links[Int(link.next)].previous = new.rawValue }
    links[old.index] = Link(next: FrameList.none, previous: FrameList.unlisted)
  }

  // The list surgery, on the links' storage: one copy-on-write check per operation instead of
  // one per element written (a move to the back writes five). The callers' `contains` has
  // bounds-checked `f`; the neighbours it reads are frames the list put there.

  /// Links the unlisted frame `f` in at the tail.
  @inline(__always)
  private static func link(
    _ f: Int32, in links: UnsafeMutableBufferPointer<Link>, ends: inout (head: Int32, tail: Int32)
  ) {
    links[Int(f)] = Link(next: FrameList.none, previous: ends.tail)
    if ends.tail == FrameList.none { ends.head = f } else { links[Int(ends.tail)].next = f }
    ends.tail = f
  }

  /// Unlinks the listed frame `f`.
  @inline(__always)
  private static func unlink(
    _ f: Int32, in links: UnsafeMutableBufferPointer<Link>, ends: inout (head: Int32, tail: Int32)
  ) {
    let link = links[Int(f)]
    if link.previous == FrameList.none { ends.head = link.next } else { links[Int(link.previous)].next = link.next }
    if link.next == FrameList.none { ends.tail = link.previous } else { links[Int(link.next)].previous = link.previous }
    links[Int(f)] = Link(next: FrameList.none, previous: FrameList.unlisted)
  }

  /// What is inconsistent in the list, or nil: walking from the head reaches exactly `count`
  /// frames, each linked back to the one before it, and ends at the tail; no other frame is listed.
  func invariantViolation() -> String? {
    var seen = 0
    var previous = FrameList.none
    var f = head
    while f != FrameList.none {
      guard f >= 0 && Int(f) < links.count else { return "frame \(f) after \(previous) is out of range" }
      guard seen < count else { return "more than its count of \(count) frames are linked from the head" }
      let back = links[Int(f)].previous
      guard back == previous else { return "frame \(f) links back to \(back), expected \(previous)" }
      seen += 1
      previous = f
      f = links[Int(f)].next
    }
    guard seen == count else { return "\(seen) frames are linked from the head, count is \(count)" }
    guard previous == tail else { return "the walk ends at \(previous), the tail is \(tail)" }
    let listed = links.reduce(0) { $0 + ($1.previous == FrameList.unlisted ? 0 : 1) }
    guard listed == count else { return "\(listed) frames are marked listed, count is \(count)" }
    return nil
  }
}
