/// The paging disk: a FCFS queue in front of `channels` identical servers.
///
/// Holds only the queue of waiting processes and the busy count; the operation itself (read or
/// write, its timestamps) lives with the process that waits for it, since a process has at most
/// one disk operation outstanding. Tracks the time integral of the queue length for Little's law.
public struct DiskQueue: Sendable {
  /// Number of servers.
  public let channels: Int
  /// Servers busy now.
  public private(set) var busy = 0
  /// Processes waiting for a server, in arrival order.
  var waiting = RingQueue()
  var lastChange = SimTime.zero
  /// Integral over time of the number of waiting operations, picosecond·operations, after `from`.
  public private(set) var queuedIntegral: Double = 0

  /// Creates an idle disk with `channels` servers.
  public init(channels: Int) { self.channels = channels }

  /// Whether a server is free.
  public var hasFreeChannel: Bool { busy < channels }

  /// Accounts the queue length up to `time`, counting only time after `measuredFrom`.
  mutating func account(until time: SimTime, measuredFrom: SimTime) {
    let from = max(lastChange, measuredFrom)
    if time > from { queuedIntegral += Double(waiting.count) * Double((time - from).picoseconds) }
    lastChange = time
  }

  /// Occupies a server.
  mutating func seize() { busy += 1 }
  /// Frees a server.
  mutating func release() { busy -= 1 }
  /// Queues process `p` for a server.
  mutating func enqueue(_ p: Int32) { waiting.enqueue(p) }
  /// The next waiting process, if any.
  mutating func dequeue() -> Int32? { waiting.dequeue() }
}
