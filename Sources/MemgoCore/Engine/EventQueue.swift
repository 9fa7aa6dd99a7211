/// A priority queue of simulation events: an array-backed binary min-heap ordered by
/// (time, sequence number), so events at equal times come out in the order they were scheduled
/// (as SimPy orders `(time, priority, eid)` and swift-nio its scheduled tasks).
///
/// Events are small value types; inserting and removing allocates nothing once the array has grown
/// to the run's peak size.
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

  /// Creates an empty queue with room for `minimumCapacity` events.
  public init(minimumCapacity: Int = 16) {
    storage = []
    storage.reserveCapacity(minimumCapacity)
  }

  /// The number of pending events.
  public var count: Int { storage.count }
  /// Whether no event is pending.
  public var isEmpty: Bool { storage.isEmpty }
  /// The earliest pending event, without removing it.
  public var min: Entry? { storage.first }
  /// The time of the earliest pending event, or `.never`.
  public var nextTime: SimTime { storage.isEmpty ? .never : storage[0].time }

  /// Schedules `payload` at `time`, after every event already scheduled at that time.
  /// - Complexity: O(log n).
  public mutating func insert(_ payload: Payload, at time: SimTime) {
    let entry = Entry(time: time, sequence: nextSequence, payload: payload)
    nextSequence &+= 1
    storage.append(entry)
    siftUp(from: storage.count - 1)
  }

  /// Removes and returns the earliest event, or `nil` if the queue is empty.
  /// - Complexity: O(log n).
  public mutating func popMin() -> Entry? {
    guard let last = storage.popLast() else { return nil }
    if storage.isEmpty { return last }
    let first = storage[0]
    storage[0] = last
    siftDown(from: 0)
    return first
  }

  /// Removes every pending event.
  public mutating func removeAll() { storage.removeAll(keepingCapacity: true) }

  mutating func siftUp(from start: Int) {
    var child = start
    let entry = storage[child]
    while child > 0 {
      let parent = (child - 1) / 2
      guard entry.precedes(storage[parent]) else { break }
      storage[child] = storage[parent]
      child = parent
    }
    storage[child] = entry
  }

  mutating func siftDown(from start: Int) {
    let n = storage.count
    var parent = start
    let entry = storage[parent]
    while true {
      var child = 2 * parent + 1
      if child >= n { break }
      if child + 1 < n && storage[child + 1].precedes(storage[child]) { child += 1 }
      guard storage[child].precedes(entry) else { break }
      storage[parent] = storage[child]
      parent = child
    }
    storage[parent] = entry
  }
}
