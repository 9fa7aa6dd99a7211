/// The raw counts and sums of one run (one replication of one sweep point) for one scope: the whole
/// machine or one process group. Metrics (`MetricValues`) are derived from it after the run.
///
/// Only requests completed after warmup are counted; a request's accesses, faults, evictions and
/// disk operations are counted when the request completes.
public struct RunTally: Sendable, Equatable {
  /// Requests completed.
  public var requests: Int64 = 0
  /// Page accesses (a request touches every page of [va, va+size)); a retried access counts once.
  public var accesses: Int64 = 0
  /// Page accesses by read requests.
  public var reads: Int64 = 0
  /// Page accesses by write requests.
  public var writes: Int64 = 0
  /// Bytes requested.
  public var bytes: Int64 = 0
  /// TLB lookups that hit.
  public var tlbHits: Int64 = 0
  /// TLB lookups that missed (a faulting access misses twice: before and after the fault).
  public var tlbMisses: Int64 = 0
  /// Page-table walks.
  public var pageWalks: Int64 = 0
  /// Page-table entries read by walks.
  public var pteReads: Int64 = 0
  /// Faults that read the page from disk.
  public var majorFaults: Int64 = 0
  /// Faults served without a disk read (zero-fill of a never-touched page).
  public var minorFaults: Int64 = 0
  /// Resident pages evicted to make room.
  public var evictions: Int64 = 0
  /// Evicted pages that were dirty (written back).
  public var dirtyEvictions: Int64 = 0
  /// Disk page reads.
  public var diskReads: Int64 = 0
  /// Disk page writes.
  public var diskWrites: Int64 = 0
  /// Sum of request latencies, picoseconds (issue to completion, think time excluded).
  public var latencySum: Double = 0
  /// Sum over disk operations of their time queued before service, picoseconds.
  public var diskWaitSum: Double = 0
  /// Integral of busy disk channels over the measured time, picosecond·channels.
  public var diskBusy: Double = 0
  /// Integral of busy CPUs over the measured time, picosecond·CPUs.
  public var cpuBusy: Double = 0
  /// Integral of disk operations waiting in the queue (not in service) over the measured time,
  /// picosecond·operations (machine-wide only; 0 in group tallies). With `diskWaitSum` it checks
  /// Little's law at the disk queue.
  public var diskQueued: Double = 0
  /// Context switches of the CPU pool after warmup, counted for the process switched to.
  public var contextSwitches: Int64 = 0
  /// TLB flushes on switches without ASIDs after warmup, counted for the process switched to.
  public var tlbFlushes: Int64 = 0
  /// TLB entries invalidated after warmup because their page was evicted or swapped out (on every
  /// TLB that held one), counted for the process whose fault or suspension caused it.
  public var tlbShootdowns: Int64 = 0
  /// Processes that had to wait to be admitted (scope `local`) after warmup.
  public var admissionWaits: Int64 = 0
  /// Suspensions by the load controller (scopes `workingset`, `pff`) after warmup.
  public var suspensions: Int64 = 0
  /// Page walks that started below the top level thanks to a page-walk cache hit.
  public var walkCacheHits: Int64 = 0
  /// Request latencies.
  public var latency = LatencyHistogram()

  /// Creates an empty tally.
  public init() {}

  /// The counters, by the name the partial-result JSON gives them: every `Int64` stored property,
  /// in declaration order. `add`, the partial-result format (`RunResult+JSON`) and the tests
  /// derive from this list, so a counter added above and here is summed, saved and read back
  /// everywhere; `RunTallyTests` fails when a stored property is missing from it.
  static let counters: [(name: String, keyPath: WritableKeyPath<RunTally, Int64> & Sendable)] = [
    ("requests", \.requests), ("accesses", \.accesses), ("reads", \.reads), ("writes", \.writes),
    ("bytes", \.bytes), ("tlbHits", \.tlbHits), ("tlbMisses", \.tlbMisses), ("pageWalks", \.pageWalks),
    ("pteReads", \.pteReads), ("majorFaults", \.majorFaults), ("minorFaults", \.minorFaults),
    ("evictions", \.evictions), ("dirtyEvictions", \.dirtyEvictions), ("diskReads", \.diskReads),
    ("diskWrites", \.diskWrites), ("contextSwitches", \.contextSwitches), ("tlbFlushes", \.tlbFlushes),
    ("tlbShootdowns", \.tlbShootdowns), ("admissionWaits", \.admissionWaits), ("suspensions", \.suspensions),
    ("walkCacheHits", \.walkCacheHits),
  ]

  /// The sums, by JSON name: every `Double` stored property, in declaration order.
  static let sums: [(name: String, keyPath: WritableKeyPath<RunTally, Double> & Sendable)] = [
    ("latencySum", \.latencySum), ("diskWaitSum", \.diskWaitSum), ("diskBusy", \.diskBusy),
    ("cpuBusy", \.cpuBusy), ("diskQueued", \.diskQueued),
  ]

  /// Adds every count, sum and latency of `other` into this tally.
  public mutating func add(_ other: RunTally) {
    for (_, keyPath) in Self.counters { self[keyPath: keyPath] += other[keyPath: keyPath] }
    for (_, keyPath) in Self.sums { self[keyPath: keyPath] += other[keyPath: keyPath] }
    latency.merge(other.latency)
  }
}

/// Everything one run measured: the machine-wide tally, one tally per process group, and the
/// measured span of simulated time.
public struct RunResult: Sendable, Equatable {
  /// Tallies summed over every process.
  public var machine: RunTally
  /// One tally per process group, in scenario order.
  public var groups: [RunTally]
  /// Simulated time from the end of warmup to the end of the run.
  public var simulatedTime: SimTime
  /// Disk channels, for utilization.
  public var diskChannels: Int
  /// CPUs serving the processes: the pool's size, or the number of processes when every process
  /// has its own core. Utilization divides the busy integral by it.
  public var cpuCount: Int
  /// Events the scheduler processed (for `memgo bench`; not a report metric).
  public var events: Int64
  /// Whether the machine has TLBs (`tlb.entries` > 0): without, the TLB metrics are not applicable.
  public var hasTLB: Bool

  public init(
    machine: RunTally, groups: [RunTally], simulatedTime: SimTime, diskChannels: Int, cpuCount: Int, events: Int64,
    hasTLB: Bool = true
  ) {
    self.machine = machine
    self.groups = groups
    self.simulatedTime = simulatedTime
    self.diskChannels = diskChannels
    self.cpuCount = cpuCount
    self.events = events
    self.hasTLB = hasTLB
  }
}
