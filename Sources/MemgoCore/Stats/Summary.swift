/// The summary of one metric over a point's replications: the sample mean, the sample standard
/// deviation, the half-width of the two-sided 95% Student t confidence interval for the mean, and
/// the number of replications.
///
/// With one replication the spread is undefined: `stddev` and `ci95` are `nil` (printed as a plain
/// mean in tables and as `null` in JSON).
public struct Summary: Sendable, Equatable {
  /// The sample mean (0 when there are no values).
  public var mean: Double
  /// The sample standard deviation, with the n − 1 (Bessel) denominator; `nil` when n < 2.
  public var stddev: Double?
  /// The half-width t_{0.975, n−1} · s / √n of the 95% confidence interval; `nil` when n < 2.
  public var ci95: Double?
  /// The number of values summarised.
  public var n: Int

  /// Creates a summary from its parts.
  public init(mean: Double, stddev: Double?, ci95: Double?, n: Int) {
    self.mean = mean
    self.stddev = stddev
    self.ci95 = ci95
    self.n = n
  }

  /// Summarises `values` (one per replication).
  ///
  /// The mean is refined by the corrected two-pass algorithm (Chan, Golub and LeVeque 1983,
  /// "Algorithms for computing the sample variance"), and equal values give exactly their value
  /// and a standard deviation of exactly 0, so constant metrics print without spurious noise.
  /// - Complexity: O(n).
  public init(_ values: [Double]) {
    n = values.count
    guard let first = values.first else {
      mean = 0
      stddev = nil
      ci95 = nil
      return
    }
    // A metric not applicable to a replication (NaN) is not applicable to the point.
    if values.contains(where: \.isNaN) {
      mean = .nan
      stddev = nil
      ci95 = nil
      return
    }
    let count = Double(values.count)
    if values.allSatisfy({ $0 == first }) {
      mean = first
    } else {
      let rough = values.reduce(0, +) / count
      mean = rough + values.reduce(0) { $0 + ($1 - rough) } / count
    }
    guard values.count >= 2 else {
      stddev = nil
      ci95 = nil
      return
    }
    var squares = 0.0
    var deviations = 0.0
    for x in values {
      let d = x - mean
      squares += d * d
      deviations += d
    }
    let variance = max(0, (squares - deviations * deviations / count) / (count - 1))
    let s = variance.squareRoot()
    stddev = s
    ci95 = StudentT.quantile975(df: values.count - 1) * s / count.squareRoot()
  }
}
