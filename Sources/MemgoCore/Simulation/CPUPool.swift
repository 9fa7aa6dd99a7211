/// A FCFS pool of CPUs: which are idle, and the queue of processes waiting for one. Used only
/// when the scenario sets `machine.cpus`; which process each CPU's TLB holds is the memory
/// manager's (`MemoryManager.switchContext`).
struct CPUPool {
  /// Idle CPUs, lowest number on top.
  var idle: [Int32]
  /// Processes waiting for a CPU, in arrival order.
  var waiting = RingQueue()

  /// Creates `count` idle CPUs.
  init(count: Int) {
    idle = (0..<Int32(count)).reversed()
  }
}
