/// A FCFS pool of CPUs: who runs on each, who ran last (for context switches and TLB flushes),
/// and the queue of processes waiting for one. Used only when the scenario sets `machine.cpus`.
public struct CPUPool: Sendable {
  /// Idle CPUs, lowest number on top.
  var idle: [Int32]
  /// The process each CPU last ran, or -1.
  var lastProcess: [Int32]
  /// Processes waiting for a CPU, in arrival order.
  var waiting = RingQueue()
  /// Context switches (a CPU taking up a different process than it last ran).
  public var contextSwitches: Int64 = 0
  /// TLB flushes caused by switches without ASIDs.
  public var tlbFlushes: Int64 = 0

  /// Creates `count` idle CPUs.
  public init(count: Int) {
    idle = (0..<Int32(count)).reversed()
    lastProcess = Array(repeating: -1, count: count)
  }
}
