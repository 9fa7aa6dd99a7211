/// The paired difference of one metric between the two values of a sweep axis that has exactly two
/// (`lru` vs `clock`), at one combination of the other axes: for each replication r, d_r = x_r(first
/// value) − x_r(second value), summarised by its mean, standard deviation and Student t 95%
/// confidence half-width over the replications.
///
/// Replication r of every point sees the same request streams (common random numbers, SPEC
/// "Randomness"), so the two runs of a pair differ only in the swept parameter, and the variance
/// of d is var(x) + var(y) − 2 cov(x, y): usually far smaller than the unpaired comparison's
/// var(x) + var(y). This is the paired-t method of Law and Kelton, "Simulation Modeling and
/// Analysis" (3rd ed., 2000), §10.2.1, with common random numbers as in §11.2.
public struct PairedDifference: Sendable, Equatable {
  /// The path of the two-valued axis.
  public var axis: String
  /// The axis value whose metric is the minuend (the axis's first value).
  public var minuend: JSONValue
  /// The axis value whose metric is subtracted (the axis's second value).
  public var subtrahend: JSONValue
  /// The values of the other axes, keyed by path, in axis order.
  public var parameters: [JSONMember]
  /// The metric compared.
  public var metric: Metric
  /// The summary of the per-replication differences (n = the replications both points have).
  public var difference: Summary

  /// Creates a paired difference from its parts.
  public init(
    axis: String, minuend: JSONValue, subtrahend: JSONValue, parameters: [JSONMember], metric: Metric,
    difference: Summary
  ) {
    self.axis = axis
    self.minuend = minuend
    self.subtrahend = subtrahend
    self.parameters = parameters
    self.metric = metric
    self.difference = difference
  }

  /// Every paired difference of a sweep over `axes` (points enumerated as their cartesian product,
  /// last axis fastest): for each axis with exactly two values, one difference per combination of
  /// the other axes, in enumeration order. `samples[p][r]` is `metric` in replication r of point p.
  /// Empty when no axis has two values or when `samples` does not hold one list per point.
  public static func all(axes: [SweepAxis], samples: [[Double]], metric: Metric) -> [PairedDifference] {
    let sizes = axes.map(\.values.count)
    guard !axes.isEmpty, sizes.allSatisfy({ $0 > 0 }), samples.count == sizes.reduce(1, *) else { return [] }
    // strides[a]: how far apart points are that differ by one step along axis a (last axis fastest).
    var strides = Array(repeating: 1, count: axes.count)
    for a in stride(from: axes.count - 2, through: 0, by: -1) { strides[a] = strides[a + 1] * sizes[a + 1] }
    var differences: [PairedDifference] = []
    for (a, axis) in axes.enumerated() where axis.values.count == 2 {
      for p in samples.indices where (p / strides[a]) % 2 == 0 {
        let q = p + strides[a]
        let n = min(samples[p].count, samples[q].count)
        let d = (0..<n).map { samples[p][$0] - samples[q][$0] }
        let parameters = axes.indices.filter { $0 != a }.map { b in
          JSONMember(key: axes[b].path, value: axes[b].values[(p / strides[b]) % sizes[b]])
        }
        differences.append(
          PairedDifference(
            axis: axis.path, minuend: axis.values[0], subtrahend: axis.values[1], parameters: parameters,
            metric: metric, difference: Summary(d)))
      }
    }
    return differences
  }
}
