/// A FIFO queue of 32-bit ids in a growable ring buffer: the wait queues of the disk, the CPU pool
/// and processes waiting for a frame. Enqueue and dequeue are O(1) and allocate only when the
/// queue outgrows its capacity.
public struct RingQueue: Sendable {
  var storage: [Int32]
  var head = 0
  /// Number of queued ids.
  public private(set) var count = 0

  /// Creates an empty queue with room for `capacity` ids.
  public init(capacity: Int = 16) {
    storage = Array(repeating: 0, count: Swift.max(capacity, 1))
  }

  /// Whether the queue is empty.
  public var isEmpty: Bool { count == 0 }

  /// Adds `id` at the tail.
  public mutating func enqueue(_ id: Int32) {
    if count == storage.count { grow() }
    var tail = head + count
    if tail >= storage.count { tail -= storage.count }
    storage[tail] = id
    count += 1
  }

  /// Removes and returns the id at the head.
  public mutating func dequeue() -> Int32? {
    guard count > 0 else { return nil }
    let id = storage[head]
    head += 1
    if head == storage.count { head = 0 }
    count -= 1
    return id
  }

  mutating func grow() {
    var bigger = [Int32]()
    bigger.reserveCapacity(storage.count * 2)
    for i in 0..<count { bigger.append(storage[(head + i) % storage.count]) }
    bigger.append(contentsOf: repeatElement(0, count: storage.count * 2 - count))
    storage = bigger
    head = 0
  }
}

extension RingQueue {
  /// The id at the head, without removing it.
  public var first: Int32? { count > 0 ? storage[head] : nil }
}
