/// One doubly linked list of frames per process, threaded through flat per-frame arrays: the
/// resident sets of `WorkingSetAllocator` and `PFFAllocator`, each in recency order (least
/// recently used at the head). A frame is in at most one list.
///
/// - Complexity: `append`, `remove`, `moveToBack` and `first(of:)` are O(1); nothing allocates
///   after `init`.
struct ProcessFrameLists {
  static let none: Int32 = -1
  var next: [Int32]
  var previous: [Int32]
  /// The process whose list holds each frame, or -1.
  var listOf: [Int32]
  var head: [Int32]
  var tail: [Int32]
  /// Frames in each process's list.
  var counts: [Int]
  /// Processes whose list is not empty.
  private(set) var nonEmpty = 0

  /// Creates empty lists for `processCount` processes over frames `0 ..< frameCount`.
  init(frameCount: Int, processCount: Int) {
    next = Array(repeating: Self.none, count: frameCount)
    previous = Array(repeating: Self.none, count: frameCount)
    listOf = Array(repeating: Self.none, count: frameCount)
    head = Array(repeating: Self.none, count: processCount)
    tail = Array(repeating: Self.none, count: processCount)
    counts = Array(repeating: 0, count: processCount)
  }

  /// Whether `frame` is in some process's list.
  func contains(_ frame: Int) -> Bool { listOf[frame] >= 0 }

  /// The head (least recently used) frame of `process`'s list, or nil.
  func first(of process: Int) -> Int? {
    let h = head[process]
    return h == Self.none ? nil : Int(h)
  }

  /// Appends `frame` at the tail of `process`'s list.
  mutating func append(_ frame: Int, to process: Int) {
    precondition(listOf[frame] < 0, "frame \(frame) is already listed")
    let f = Int32(frame)
    let t = tail[process]
    previous[frame] = t
    next[frame] = Self.none
    if t == Self.none { head[process] = f } else { next[Int(t)] = f }
    tail[process] = f
    listOf[frame] = Int32(process)
    if counts[process] == 0 { nonEmpty += 1 }
    counts[process] += 1
  }

  /// Removes `frame` from its list, if it is in one.
  mutating func remove(_ frame: Int) {
    let owner = listOf[frame]
    guard owner >= 0 else { return }
    let process = Int(owner)
    let p = previous[frame]
    let n = next[frame]
    if p == Self.none { head[process] = n } else { next[Int(p)] = n }
    if n == Self.none { tail[process] = p } else { previous[Int(n)] = p }
    listOf[frame] = Self.none
    counts[process] -= 1
    if counts[process] == 0 { nonEmpty -= 1 }
  }

  /// Moves `frame`, which is in `process`'s list, to its tail.
  mutating func moveToBack(_ frame: Int, of process: Int) {
    guard tail[process] != Int32(frame) else { return }
    remove(frame)
    append(frame, to: process)
  }

  /// What is inconsistent in the lists, or nil: each process's list, walked from its head, holds
  /// `counts` frames of that process linked both ways and ends at its tail; `nonEmpty` counts the
  /// lists with frames, and every listed frame is in its owner's walk.
  func invariantViolation() -> String? {
    var walked = 0
    for process in head.indices {
      var seen = 0
      var before = Self.none
      var f = head[process]
      while f != Self.none {
        guard f >= 0 && Int(f) < next.count, seen < counts[process] else {
          return "process \(process)'s list runs past its count of \(counts[process]) at frame \(f)"
        }
        guard listOf[Int(f)] == Int32(process) else { return "frame \(f) in process \(process)'s list records owner \(listOf[Int(f)])" }
        guard previous[Int(f)] == before else { return "frame \(f) links back to \(previous[Int(f)]), expected \(before)" }
        seen += 1
        before = f
        f = next[Int(f)]
      }
      guard seen == counts[process], before == tail[process] else {
        return "process \(process)'s list walks \(seen) frames to \(before); count \(counts[process]), tail \(tail[process])"
      }
      walked += seen
    }
    let listed = listOf.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
    guard listed == walked else { return "\(listed) frames record an owner, \(walked) are in the lists" }
    let lists = counts.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
    return lists == nonEmpty ? nil : "\(lists) lists have frames, nonEmpty is \(nonEmpty)"
  }
}
