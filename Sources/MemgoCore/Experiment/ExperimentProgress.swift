import Synchronization

/// Counters of a run in progress that worker threads update and a progress display reads: the
/// units to run, those finished (this session and before it, from the resume store) and the
/// simulated events of the units finished this session.
public final class ExperimentProgress: Sendable {
  private let totalUnits = Atomic<Int>(0)
  private let resumedUnits = Atomic<Int>(0)
  private let finishedUnits = Atomic<Int>(0)
  private let finishedEvents = Atomic<Int64>(0)

  /// Creates counters at zero.
  public init() {}

  /// The units of this run (this shard's, for a shard).
  public var total: Int { totalUnits.load(ordering: .relaxed) }
  /// The units found finished in the resume store.
  public var resumed: Int { resumedUnits.load(ordering: .relaxed) }
  /// The units finished in this session.
  public var finished: Int { finishedUnits.load(ordering: .relaxed) }
  /// The simulated events of the units finished in this session.
  public var events: Int64 { finishedEvents.load(ordering: .relaxed) }

  /// Sets the number of units of the run and of those already finished before it started.
  public func start(total: Int, resumed: Int) {
    totalUnits.store(total, ordering: .relaxed)
    resumedUnits.store(resumed, ordering: .relaxed)
  }

  /// Counts one finished unit that processed `events` events.
  public func unitFinished(events: Int64) {
    finishedEvents.wrappingAdd(events, ordering: .relaxed)
    finishedUnits.wrappingAdd(1, ordering: .relaxed)
  }
}
