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

  /// Adds `frame` at the tail.
  @inline(__always)
  mutating func append(_ frame: FrameNumber) {
    precondition(!contains(frame), "frame \(frame) is already listed")
    let f = frame.rawValue
    links[frame.index] = Link(next: FrameList.none, previous: tail)
    if tail == FrameList.none { head = f } else { links[Int(tail)].next = f }
    tail = f
    count += 1
  }

  /// Removes `frame` if it is in the list.
  @inline(__always)
  mutating func remove(_ frame: FrameNumber) {
    let link = links[frame.index]
    guard link.previous != FrameList.unlisted else { return }
    if link.previous == FrameList.none { head = link.next } else { links[Int(link.previous)].next = link.next }
    if link.next == FrameList.none { tail = link.previous } else { links[Int(link.next)].previous = link.previous }
    links[frame.index] = Link(next: FrameList.none, previous: FrameList.unlisted)
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
    remove(frame)
    append(frame)
  }
}
