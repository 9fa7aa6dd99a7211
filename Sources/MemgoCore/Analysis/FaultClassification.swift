/// A policy's faults at one memory size split the way Dinero splits cache misses into the three
/// Cs (Hill and Smith, "Evaluating associativity in CPU caches", IEEE Trans. Computers 38(12),
/// 1989), with the replacement policy in the place of the mapping: compulsory, capacity, policy.
///
/// - compulsory: first touches of a page, which fault in any memory (the distinct pages);
/// - capacity: the further faults OPT also makes at this size: no policy avoids them;
/// - policy: the rest, the faults this policy makes that OPT avoids.
///
/// The three add up to the policy's faults. OPT minimises faults among demand-paging policies
/// (Belady 1966; Mattson et al. 1970), so `policy >= 0` for every policy here, and 0 for OPT.
public struct FaultClassification: Sendable, Equatable {
  /// First-touch faults: the number of distinct pages.
  public var compulsory: Int64
  /// OPT's faults at the same size beyond the compulsory ones.
  public var capacity: Int64
  /// The policy's faults beyond OPT's.
  public var policy: Int64

  public init(compulsory: Int64, capacity: Int64, policy: Int64) {
    self.compulsory = compulsory
    self.capacity = capacity
    self.policy = policy
  }

  /// Classifies `faults` of a policy, given OPT's faults at the same size and the distinct pages.
  public init(faults: Int64, optFaults: Int64, distinctPages: Int64) {
    compulsory = distinctPages
    capacity = optFaults - distinctPages
    policy = faults - optFaults
  }

  /// All faults: `compulsory + capacity + policy`.
  public var total: Int64 { compulsory + capacity + policy }
}
