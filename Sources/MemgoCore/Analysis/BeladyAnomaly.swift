/// A memory size where more frames give more faults, as Belady, Nelson and Shedler found for FIFO
/// ("An anomaly in space-time characteristics of certain programs running in a paging machine",
/// CACM 12(6), 1969): on 1,2,3,4,1,2,5,1,2,3,4,5 FIFO makes 9 faults with 3 frames, 10 with 4.
///
/// Stack algorithms (LRU, OPT; Mattson et al. 1970) never show it: the pages resident with `m`
/// frames are always among those resident with `m + 1`.
public struct BeladyAnomaly: Sendable, Equatable {
  /// The policy.
  public var policy: PolicyKind
  /// The smaller memory size.
  public var frames: Int
  /// Faults with `frames` frames.
  public var faults: Int64
  /// The next larger size examined (`frames + 1` when a range of sizes was given).
  public var largerFrames: Int
  /// Faults with `largerFrames` frames, more than `faults`.
  public var largerFaults: Int64

  public init(policy: PolicyKind, frames: Int, faults: Int64, largerFrames: Int, largerFaults: Int64) {
    self.policy = policy
    self.frames = frames
    self.faults = faults
    self.largerFrames = largerFrames
    self.largerFaults = largerFaults
  }

  /// Every anomaly in `results`: for each policy, its sizes in increasing order, and each pair of
  /// consecutive sizes where the larger one faults more. In the order of the policies' first
  /// appearance, then by size.
  /// - Complexity: O(n log n) for n results.
  public static func scan(_ results: [TracePolicyResult]) -> [BeladyAnomaly] {
    var policies: [PolicyKind] = []
    for result in results where !policies.contains(result.policy) { policies.append(result.policy) }
    var anomalies: [BeladyAnomaly] = []
    for policy in policies {
      var sizes: [(frames: Int, faults: Int64)] = []
      var seen: Set<Int> = []
      for result in results where result.policy == policy && seen.insert(result.frames).inserted {
        sizes.append((result.frames, result.faults))
      }
      sizes.sort { $0.frames < $1.frames }
      for i in sizes.indices.dropLast() where sizes[i + 1].faults > sizes[i].faults {
        anomalies.append(
          BeladyAnomaly(
            policy: policy, frames: sizes[i].frames, faults: sizes[i].faults, largerFrames: sizes[i + 1].frames,
            largerFaults: sizes[i + 1].faults))
      }
    }
    return anomalies
  }
}
