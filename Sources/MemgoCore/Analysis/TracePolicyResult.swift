/// One (policy, memory size) pair of `memgo trace`: its faults, fault rate and dirty evictions over
/// the whole trace, and how its faults split (`FaultClassification`).
public struct TracePolicyResult: Sendable, Equatable {
  /// The replacement policy.
  public var policy: PolicyKind
  /// The memory size in frames.
  public var frames: Int
  /// Page accesses that faulted, cold faults included.
  public var faults: Int64
  /// `faults / accesses`, 0 for an empty trace.
  public var faultRate: Double
  /// Pages evicted to make room.
  public var evictions: Int64
  /// Evicted pages that had been written since they were loaded (each a page-out).
  public var dirtyEvictions: Int64
  /// The faults split into compulsory, capacity and policy faults; nil when not classified.
  public var classification: FaultClassification?

  public init(
    policy: PolicyKind, frames: Int, faults: Int64, faultRate: Double, evictions: Int64, dirtyEvictions: Int64,
    classification: FaultClassification? = nil
  ) {
    self.policy = policy
    self.frames = frames
    self.faults = faults
    self.faultRate = faultRate
    self.evictions = evictions
    self.dirtyEvictions = dirtyEvictions
    self.classification = classification
  }
}
