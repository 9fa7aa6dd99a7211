/// An indexed binary min-heap of frames, each with a key: the victim order of OPT, LFU and Aging.
///
/// Each frame is in the heap at most once; `position` maps a frame to its place, so a frame's key
/// can change, or the frame leave, in O(log n) (the indexed heap of Sedgewick's *Algorithms*,
/// §2.4). Keys must order strictly (break ties inside the key) for the order to be deterministic.
///
/// - Complexity: `insert`, `remove`, `update` and `popMin` are O(log n); `min` is O(1);
///   `rebuild` is O(n).
struct FrameHeap<Key: Comparable>: Sendable where Key: Sendable {
  /// The frames in heap order.
  private(set) var heap: [Int32]
  /// Each frame's index in `heap`, or -1.
  private var position: [Int32]
  /// Each frame's key (meaningful while the frame is in the heap).
  private(set) var keys: [Key]

  /// Creates an empty heap for frames `0 ..< frameCount`; `filler` initialises unused keys.
  init(frameCount: Int, filler: Key) {
    heap = []
    heap.reserveCapacity(frameCount)
    position = Array(repeating: -1, count: frameCount)
    keys = Array(repeating: filler, count: frameCount)
  }

  /// How many frames the heap holds.
  var count: Int { heap.count }

  /// Whether `frame` is in the heap.
  func contains(_ frame: FrameNumber) -> Bool { position[frame.index] >= 0 }

  /// The frame with the smallest key, if any.
  var min: FrameNumber? { heap.isEmpty ? nil : FrameNumber(heap[0]) }

  /// Adds `frame` with `key`.
  mutating func insert(_ frame: FrameNumber, key: Key) {
    precondition(position[frame.index] < 0, "frame \(frame) is already in the heap")
    keys[frame.index] = key
    heap.append(frame.rawValue)
    position[frame.index] = Int32(heap.count - 1)
    siftUp(heap.count - 1)
  }

  /// Changes `frame`'s key (the frame must be in the heap).
  mutating func update(_ frame: FrameNumber, key: Key) {
    let old = keys[frame.index]
    keys[frame.index] = key
    let i = Int(position[frame.index])
    if key < old { siftUp(i) } else { siftDown(i) }
  }

  /// Removes `frame` if it is in the heap.
  mutating func remove(_ frame: FrameNumber) {
    let p = position[frame.index]
    guard p >= 0 else { return }
    let i = Int(p)
    let last = heap.count - 1
    position[frame.index] = -1
    if i == last {
      heap.removeLast()
      return
    }
    let moved = heap[last]
    heap[i] = moved
    position[Int(moved)] = Int32(i)
    heap.removeLast()
    siftDown(i)
    siftUp(Int(position[Int(moved)]))
  }

  /// Removes and returns the frame with the smallest key.
  mutating func popMin() -> FrameNumber? {
    guard let first = min else { return nil }
    remove(first)
    return first
  }

  /// Changes every member's key with `transform`, then restores heap order.
  mutating func rebuild(_ transform: (FrameNumber, inout Key) -> Void) {
    for f in heap { transform(FrameNumber(f), &keys[Int(f)]) }
    var i = heap.count / 2
    while i > 0 {
      i -= 1
      siftDown(i)
    }
  }

  private func less(_ a: Int32, _ b: Int32) -> Bool { keys[Int(a)] < keys[Int(b)] }

  private mutating func siftUp(_ start: Int) {
    var i = start
    let f = heap[i]
    while i > 0 {
      let parent = (i - 1) / 2
      let pf = heap[parent]
      if !less(f, pf) { break }
      heap[i] = pf
      position[Int(pf)] = Int32(i)
      i = parent
    }
    heap[i] = f
    position[Int(f)] = Int32(i)
  }

  private mutating func siftDown(_ start: Int) {
    var i = start
    let f = heap[i]
    let n = heap.count
    while true {
      let left = 2 * i + 1
      if left >= n { break }
      var child = left
      if left + 1 < n && less(heap[left + 1], heap[left]) { child = left + 1 }
      if !less(heap[child], f) { break }
      heap[i] = heap[child]
      position[Int(heap[i])] = Int32(i)
      i = child
    }
    heap[i] = f
    position[Int(f)] = Int32(i)
  }
}
