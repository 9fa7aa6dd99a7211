/// A priority queue of simulation events: an array-backed binary min-heap ordered by
/// (time, sequence number), so events at equal times come out in the order they were scheduled
/// (as SimPy orders `(time, priority, eid)` and swift-nio its scheduled tasks).
///
/// Events are small value types; inserting and removing allocates nothing once the array has grown
/// to the run's peak size.
///
/// The event loop takes events with `holdMin`, which leaves the earliest entry at the root as
/// already removed: a handler that schedules one event (as most do) then overwrites the root and
/// sifts it down once, instead of a removal's sift down and an insertion's sift up (the "replace
/// top" of Knuth, *TAOCP* vol. 3, §5.2.3, used by heapsort and by merge heaps).
public struct EventQueue<Payload>: Sendable where Payload: Sendable {
  /// One scheduled event: when, its tie-breaking sequence number, and what happens.
  public struct Entry: Sendable {
    public var time: SimTime
    public var sequence: UInt64
    public var payload: Payload

    func precedes(_ other: Entry) -> Bool {
      time.picoseconds < other.time.picoseconds
        || (time.picoseconds == other.time.picoseconds && sequence < other.sequence)
    }
  }

  var storage: [Entry]
  var nextSequence: UInt64 = 0
  /// Whether `storage[0]` is the entry `holdMin` returned, no longer pending: the next `insert`
  /// overwrites it, any other operation removes it first.
  var rootIsHeld = false
  /// With the root held, the time of the earliest pending event (one of the root's children).
  var heldNextTime = SimTime.never

  /// Creates an empty queue with room for `minimumCapacity` events.
  public init(minimumCapacity: Int = 16) {
    storage = []
    storage.reserveCapacity(minimumCapacity)
  }

  /// The number of pending events.
  public var count: Int { rootIsHeld ? storage.count - 1 : storage.count }
  /// Whether no event is pending.
  public var isEmpty: Bool { count == 0 }
  /// The time of the earliest pending event, or `.never`. With the root held, the earliest
  /// pending event is one of its two children.
  public var nextTime: SimTime {
    if rootIsHeld { return heldNextTime }
    return storage.isEmpty ? .never : storage[0].time
  }

  /// Schedules `payload` at `time`, after every event already scheduled at that time.
  /// - Complexity: O(log n).
  public mutating func insert(_ payload: Payload, at time: SimTime) {
    let entry = Entry(time: time, sequence: nextSequence, payload: payload)
    nextSequence &+= 1
    if rootIsHeld {
      rootIsHeld = false
      storage[0] = entry
      siftDown(from: 0)
    } else {
      storage.append(entry)
      siftUp(from: storage.count - 1)
    }
  }

  /// Removes and returns the earliest event, or `nil` if the queue is empty.
  /// - Complexity: O(log n).
  public mutating func popMin() -> Entry? {
    if rootIsHeld { removeHeldRoot() }
    guard let first = storage.first else { return nil }
    removeRoot()
    return first
  }

  /// Returns the earliest event, which is no longer pending, or `nil` if the queue is empty; its
  /// slot is reused by the next `insert` (see the type's documentation).
  /// - Complexity: O(log n), paid by the next operation.
  public mutating func holdMin() -> Entry? {
    if rootIsHeld { removeHeldRoot() }
    guard let first = storage.first else { return nil }
    rootIsHeld = true
    let n = storage.count
    heldNextTime =
      n <= 1 ? .never : n == 2 || storage[1].precedes(storage[2]) ? storage[1].time : storage[2].time
    return first
  }

  /// Removes every pending event.
  public mutating func removeAll() {
    storage.removeAll(keepingCapacity: true)
    rootIsHeld = false
  }

  mutating func removeHeldRoot() {
    rootIsHeld = false
    removeRoot()
  }

  mutating func removeRoot() {
    let last = storage.removeLast()
    guard !storage.isEmpty else { return }
    storage[0] = last
    siftDown(from: 0)
  }

  // The sifts work on the storage's buffer: one uniqueness check per sift instead of one per write,
  // and no bounds checks (every index is below `storage.count`).

  mutating func siftUp(from start: Int) {
    storage.withUnsafeMutableBufferPointer { heap in
      var child = start
      let entry = heap[child]
      while child > 0 {
        let parent = (child - 1) / 2
        guard entry.precedes(heap[parent]) else { break }
        heap[child] = heap[parent]
        child = parent
      }
      heap[child] = entry
    }
  }

  mutating func siftDown(from start: Int) {
    storage.withUnsafeMutableBufferPointer { heap in
      let n = heap.count
      var parent = start
      let entry = heap[parent]
      while true {
        var child = 2 * parent + 1
        if child >= n { break }
        if child + 1 < n && heap[child + 1].precedes(heap[child]) { child += 1 }
        guard heap[child].precedes(entry) else { break }
        heap[parent] = heap[child]
        parent = child
      }
      heap[parent] = entry
    }
  }

  /// What is inconsistent in the queue, or nil: no entry precedes its parent (below a held root,
  /// whose slot is stale), sequence numbers are below the next one to be given, and a held root's
  /// `heldNextTime` is its earlier child's time.
  func invariantViolation() -> String? {
    guard !rootIsHeld || !storage.isEmpty else { return "the root is held in an empty queue" }
    for i in storage.indices {
      guard storage[i].sequence < nextSequence else { return "entry \(i) has sequence \(storage[i].sequence), not yet given" }
      let parent = (i - 1) / 2
      guard i > 0, !(rootIsHeld && parent == 0) else { continue }
      guard !storage[i].precedes(storage[parent]) else { return "entry \(i) precedes its parent \(parent)" }
    }
    guard rootIsHeld else { return nil }
    let earliest = storage.dropFirst().prefix(2).map(\.time.picoseconds).min()
    let held = heldNextTime == .never ? nil : heldNextTime.picoseconds
    return earliest == held ? nil : "the held root's next time is \(heldNextTime), its earlier child's is \(earliest as Any)"
  }
}
