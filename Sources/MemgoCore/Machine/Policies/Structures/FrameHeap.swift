/// An indexed 4-ary min-heap of frames, each with a key: the victim order of OPT, LFU and Aging.
///
/// Each frame is in the heap at most once; `position` maps a frame to its place, so a frame's key
/// can change, or the frame leave, in O(log n) (the indexed heap of Sedgewick's *Algorithms*,
/// §2.4). Keys must order strictly (break ties inside the key) for the order to be deterministic:
/// then the minimum is unique, and any correct heap yields the same victims.
///
/// Four children per node (the d-ary heap of Johnson, "Priority queues with update and finding
/// minimum spanning trees", IPL 1975) halve the depth of a binary heap; the four children's
/// entries sit side by side, one or two cache lines, so a level of a sift down costs about what a
/// binary level does. Keys are stored in the heap's entries, not behind the frame number, so a
/// comparison reads no second array. Each operation takes the storage once (one copy-on-write
/// check), not once per element moved.
///
/// - Complexity: `insert`, `remove`, `update` and `popMin` are O(log n); `min` is O(1);
///   `rebuild` is O(n).
struct FrameHeap<Key: Comparable>: Sendable where Key: Sendable {
  /// A frame and its key, in heap order.
  struct Entry: Sendable {
    var key: Key
    var frame: Int32
  }

  /// Children per node.
  static var arity: Int { 4 }

  /// The entries in heap order: the children of `i` are `4i + 1 ... 4i + 4`.
  private var entries: [Entry]
  /// Each frame's index in `entries`, or -1.
  private var position: [Int32]

  /// Creates an empty heap for frames `0 ..< frameCount`.
  init(frameCount: Int) {
    entries = []
    entries.reserveCapacity(frameCount)
    position = Array(repeating: -1, count: frameCount)
  }

  /// How many frames the heap holds.
  var count: Int { entries.count }

  /// Whether `frame` is in the heap.
  func contains(_ frame: FrameNumber) -> Bool { position[frame.index] >= 0 }

  /// The frame with the smallest key, if any.
  var min: FrameNumber? { entries.isEmpty ? nil : FrameNumber(entries[0].frame) }

  /// The key of `frame`, which must be in the heap.
  func key(of frame: FrameNumber) -> Key {
    let p = position[frame.index]
    precondition(p >= 0, "frame \(frame) is not in the heap")
    return entries[Int(p)].key
  }

  /// Adds `frame` with `key`.
  mutating func insert(_ frame: FrameNumber, key: Key) {
    precondition(position[frame.index] < 0, "frame \(frame) is already in the heap")
    entries.append(Entry(key: key, frame: frame.rawValue))
    let last = entries.count - 1
    withStorage { FrameHeap.siftUp(last, $0, $1) }
  }

  /// Changes `frame`'s key (the frame must be in the heap).
  mutating func update(_ frame: FrameNumber, key: Key) {
    let p = position[frame.index]
    precondition(p >= 0, "frame \(frame) is not in the heap")
    withStorage { entries, position in
      let i = Int(p)
      let old = entries[i].key
      entries[i].key = key
      if key < old { FrameHeap.siftUp(i, entries, position) } else { FrameHeap.siftDown(i, entries, position) }
    }
  }

  /// Removes `frame` if it is in the heap.
  mutating func remove(_ frame: FrameNumber) {
    let p = position[frame.index]
    guard p >= 0 else { return }
    position[frame.index] = -1
    let moved = entries.removeLast()
    let i = Int(p)
    guard i < entries.count else { return }  // it was the last entry
    withStorage { entries, position in
      entries[i] = moved
      position[Int(moved.frame)] = Int32(i)
      FrameHeap.siftDown(i, entries, position)
      FrameHeap.siftUp(Int(position[Int(moved.frame)]), entries, position)
    }
  }

  /// Removes and returns the frame with the smallest key.
  mutating func popMin() -> FrameNumber? {
    guard let first = min else { return nil }
    remove(first)
    return first
  }

  /// Changes every key in place with `transform`, then restores heap order (Floyd's bottom-up
  /// heap construction, O(n)).
  mutating func rebuild(_ transform: (FrameNumber, inout Key) -> Void) {
    for i in entries.indices { transform(FrameNumber(entries[i].frame), &entries[i].key) }
    guard entries.count > 1 else { return }
    withStorage { entries, position in
      var i = (entries.count - 2) / FrameHeap.arity + 1
      while i > 0 {
        i -= 1
        FrameHeap.siftDown(i, entries, position)
      }
    }
  }

  /// Runs `body` on the entries' and positions' storage.
  @inline(__always)
  private mutating func withStorage(
    _ body: (UnsafeMutableBufferPointer<Entry>, UnsafeMutableBufferPointer<Int32>) -> Void
  ) {
    entries.withUnsafeMutableBufferPointer { entries in
      position.withUnsafeMutableBufferPointer { position in body(entries, position) }
    }
  }

  // The sifts move entries of a valid heap: every index they compute is below `entries.count`,
  // and every frame in an entry is below `position.count` (`insert` checked it).

  /// Moves the entry at `start` up while its key is below its parent's.
  @inline(__always)
  private static func siftUp(
    _ start: Int, _ entries: UnsafeMutableBufferPointer<Entry>, _ position: UnsafeMutableBufferPointer<Int32>
  ) {
    var i = start
    let entry = entries[i]
    while i > 0 {
      let parent = (i - 1) / arity
      let above = entries[parent]
      if !(entry.key < above.key) { break }
      entries[i] = above
      position[Int(above.frame)] = Int32(i)
      i = parent
    }
    entries[i] = entry
    position[Int(entry.frame)] = Int32(i)
  }

  /// Moves the entry at `start` down while a child's key is below its own.
  @inline(__always)
  private static func siftDown(
    _ start: Int, _ entries: UnsafeMutableBufferPointer<Entry>, _ position: UnsafeMutableBufferPointer<Int32>
  ) {
    var i = start
    let entry = entries[i]
    let n = entries.count
    while true {
      let first = arity * i + 1
      if first >= n { break }
      var best = first
      var c = first + 1
      let end = Swift.min(first + arity, n)
      while c < end {
        if entries[c].key < entries[best].key { best = c }
        c += 1
      }
      if !(entries[best].key < entry.key) { break }
      entries[i] = entries[best]
      position[Int(entries[i].frame)] = Int32(i)
      i = best
    }
    entries[i] = entry
    position[Int(entry.frame)] = Int32(i)
  }

  /// What is inconsistent in the heap, or nil: each entry's position is recorded, no parent's key
  /// exceeds its child's, and no other frame has a position.
  func invariantViolation() -> String? {
    for (i, entry) in entries.enumerated() {
      let f = Int(entry.frame)
      guard f >= 0 && f < position.count else { return "entry \(i) holds frame \(f), out of range" }
      guard position[f] == Int32(i) else { return "frame \(f) is at entry \(i), its position says \(position[f])" }
      if i > 0 {
        let parent = (i - 1) / FrameHeap.arity
        guard !(entry.key < entries[parent].key) else { return "entry \(i)'s key is below its parent \(parent)'s" }
      }
    }
    let placed = position.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
    return placed == entries.count ? nil : "\(placed) frames have a position, the heap holds \(entries.count)"
  }
}
