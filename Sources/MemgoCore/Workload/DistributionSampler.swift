#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Draws samples of a `Distribution` (a duration, a size or a plain number) from a xoshiro256**.
///
/// Built once per distribution, with every parameter precomputed; sampling never allocates and
/// never mutates the sampler. The methods, per kind (`U` uniform in [0, 1), `V` uniform in (0, 1]):
/// - constant: the value, consuming no random numbers (`isConstant` lets callers skip sampling);
/// - uniform(a, b): `a + (b − a)·U`;
/// - exponential(m): `−m·ln V` (inversion);
/// - normal(m, s): `m + s·Z`, Z by Marsaglia and Bray's polar method ("A convenient method for
///   generating normal variables", SIAM Review 6(3), 1964), the second variate of each pair
///   discarded so that `sample` needs no state;
/// - lognormal(m, s): `exp(μ + σZ)` with σ² = ln(1 + s²/m²) and μ = ln m − σ²/2, so that the
///   distribution itself has mean m and standard deviation s;
/// - pareto(x_m, α): `x_m · V^(−1/α)` (inversion);
/// - empirical: Walker's alias method (Walker, "An efficient method for generating discrete
///   random variables with general distributions", ACM TOMS 3(3), 1977) with the table built by
///   Vose's linear algorithm (Vose, IEEE TSE 17(9), 1991): two draws per sample whatever the count.
///
/// Distributions with no spread (uniform with min == max, a zero standard deviation, a single
/// empirical value with positive weight) are turned into constants.
public struct DistributionSampler: Sendable {
  enum Kind: Sendable { case constant, uniform, exponential, normal, lognormal, pareto, empirical }

  let kind: Kind
  // Per kind: constant a = value; uniform a = min, b = max − min; exponential a = mean;
  // normal a = mean, b = stddev; lognormal a = μ, b = σ; pareto a = scale, b = −1/shape.
  let a: Double
  let b: Double
  // Empirical only: the values, and the alias table (keep `values[i]` if U < threshold[i], else
  // take `values[alias[i]]`).
  let table: EmpiricalTable?

  /// An empirical distribution's values and alias table, shared by reference so that copying a
  /// sampler (as the per-request path may) retains one object, not three arrays.
  final class EmpiricalTable: Sendable {
    let values: [Double]
    let threshold: [Double]
    let alias: [Int]
    init(values: [Double], threshold: [Double], alias: [Int]) {
      self.values = values
      self.threshold = threshold
      self.alias = alias
    }

    func sample(_ rng: inout Xoshiro256StarStar) -> Double {
      let i = Int(rng.nextInt(below: Int64(values.count)))
      return rng.nextDouble() < threshold[i] ? values[i] : values[alias[i]]
    }
  }

  /// The largest duration `sampleDuration` returns by default, 2^60 ps (about 13.3 days), so that
  /// adding a sampled duration to any reachable simulated time cannot overflow `Int64`.
  public static let maximumDuration: Int64 = 1 << 60

  // MARK: - Validation and construction

  /// Why `distribution` cannot be sampled, as "what is wrong (what is expected)", or `nil` if it
  /// can. `init` requires `nil`; scenario validation reports the message.
  public static func problem(with distribution: Distribution) -> String? {
    func nonFinite(_ names: String, _ xs: Double...) -> String? {
      xs.allSatisfy(\.isFinite) ? nil : "\(names) must be finite numbers"
    }
    switch distribution {
    case .constant(let v):
      return nonFinite("value", v)
    case .uniform(let lo, let hi):
      if let p = nonFinite("min and max", lo, hi) { return p }
      return lo <= hi ? nil : "min \(lo) is greater than max \(hi) (min ≤ max)"
    case .exponential(let m):
      if let p = nonFinite("mean", m) { return p }
      return m >= 0 ? nil : "mean \(m) is negative (a mean ≥ 0)"
    case .normal(let m, let s):
      if let p = nonFinite("mean and stddev", m, s) { return p }
      return s >= 0 ? nil : "stddev \(s) is negative (a stddev ≥ 0)"
    case .lognormal(let m, let s):
      if let p = nonFinite("mean and stddev", m, s) { return p }
      if !(m > 0) { return "mean \(m) is not positive (a lognormal needs mean > 0)" }
      if !(s >= 0) { return "stddev \(s) is negative (a stddev ≥ 0)" }
      let cv = s / m
      return log1p(cv * cv).isFinite ? nil : "stddev/mean ratio \(cv) is too large (at most about 1e150)"
    case .pareto(let scale, let shape):
      if let p = nonFinite("scale and shape", scale, shape) { return p }
      if !(scale > 0) { return "scale \(scale) is not positive (scale > 0)" }
      return shape > 0 ? nil : "shape \(shape) is not positive (shape > 0)"
    case .empirical(let values, let weights):
      if values.isEmpty { return "values is empty (at least one value)" }
      if values.count != weights.count {
        return "\(values.count) values but \(weights.count) weights (one weight per value)"
      }
      if !values.allSatisfy(\.isFinite) { return "values must be finite numbers" }
      if !weights.allSatisfy({ $0.isFinite && $0 >= 0 }) { return "weights must be finite and ≥ 0" }
      let total = weights.reduce(0, +)
      if !(total > 0) { return "weights sum to 0 (at least one positive weight)" }
      return total.isFinite ? nil : "weights sum to infinity (a finite sum)"
    }
  }

  /// Creates the sampler of `distribution`, which must be valid (`problem(with:) == nil`).
  ///
  /// - Complexity: O(1), or O(k) for an empirical distribution of k values.
  public init(_ distribution: Distribution) {
    if let problem = DistributionSampler.problem(with: distribution) {
      preconditionFailure("invalid distribution \(distribution): \(problem)")
    }
    var kind = Kind.constant
    var a = 0.0
    var b = 0.0
    var values: [Double] = []
    var threshold: [Double] = []
    var alias: [Int] = []
    switch distribution {
    case .constant(let v):
      a = v
    case .uniform(let lo, let hi):
      (kind, a, b) = lo == hi ? (.constant, lo, 0) : (.uniform, lo, hi - lo)
    case .exponential(let m):
      (kind, a) = m == 0 ? (.constant, 0) : (.exponential, m)
    case .normal(let m, let s):
      (kind, a, b) = s == 0 ? (.constant, m, 0) : (.normal, m, s)
    case .lognormal(let m, let s):
      if s == 0 {
        a = m
      } else {
        let cv = s / m
        let variance = log1p(cv * cv)
        (kind, a, b) = (.lognormal, log(m) - variance / 2, variance.squareRoot())
      }
    case .pareto(let scale, let shape):
      (kind, a, b) = (.pareto, scale, -1 / shape)
    case .empirical(let vs, let ws):
      let positive = ws.indices.filter { ws[$0] > 0 }
      if positive.count == 1 {
        a = vs[positive[0]]
      } else {
        kind = .empirical
        values = vs
        (threshold, alias) = DistributionSampler.aliasTable(weights: ws)
      }
    }
    self.kind = kind
    self.a = a
    self.b = b
    table = kind == .empirical ? EmpiricalTable(values: values, threshold: threshold, alias: alias) : nil
  }

  /// Vose's construction of Walker's alias table for `weights` (nonnegative, positive sum).
  static func aliasTable(weights: [Double]) -> (threshold: [Double], alias: [Int]) {
    let k = weights.count
    let total = weights.reduce(0, +)
    var scaled = weights.map { $0 / total * Double(k) }
    var threshold = [Double](repeating: 1, count: k)
    var alias = Array(0..<k)
    var small: [Int] = []
    var large: [Int] = []
    for i in 0..<k {
      if scaled[i] < 1 { small.append(i) } else { large.append(i) }
    }
    while let s = small.last, let l = large.last {
      small.removeLast()
      large.removeLast()
      threshold[s] = scaled[s]
      alias[s] = l
      scaled[l] = (scaled[l] + scaled[s]) - 1
      if scaled[l] < 1 { small.append(l) } else { large.append(l) }
    }
    // Whatever is left holds (up to rounding) exactly one column's worth: keep it whole.
    for i in small + large { threshold[i] = 1 }
    return (threshold, alias)
  }

  // MARK: - Sampling

  /// Whether every sample is the same value (`constantValue`); sampling then draws nothing.
  public var isConstant: Bool { kind == .constant }

  /// The value of a constant distribution, `nil` for any other.
  public var constantValue: Double? { kind == .constant ? a : nil }

  /// One sample of the distribution, untruncated (a normal may be negative, a pareto may be +∞
  /// when its shape is very small).
  @inline(__always) public func sample(_ rng: inout Xoshiro256StarStar) -> Double {
    switch kind {
    case .constant:
      return a
    case .uniform:
      return a + b * rng.nextDouble()
    case .exponential:
      return -a * log(rng.openUnitDouble())
    case .normal:
      return a + b * DistributionSampler.standardNormal(&rng)
    case .lognormal:
      return exp(a + b * DistributionSampler.standardNormal(&rng))
    case .pareto:
      return a * pow(rng.openUnitDouble(), b)
    case .empirical:
      return table?.sample(&rng) ?? a
    }
  }

  /// A sample truncated below at zero: a normal is resampled while negative (at most 64 tries,
  /// then 0), every other kind is returned as drawn.
  @inline(__always) func sampleNonnegative(_ rng: inout Xoshiro256StarStar) -> Double {
    guard kind == .normal else { return sample(&rng) }
    for _ in 0..<64 {
      let x = sample(&rng)
      if x >= 0 { return x }
    }
    return 0
  }

  /// A duration in picoseconds: a sample rounded to the nearest integer and clamped to
  /// `0...maximum` (a normal is first truncated at zero by resampling negatives, at most 64 tries,
  /// then 0).
  @inline(__always) public func sampleDuration(
    _ rng: inout Xoshiro256StarStar, maximum: Int64 = DistributionSampler.maximumDuration
  ) -> Int64 {
    DistributionSampler.roundClamped(sampleNonnegative(&rng), lower: 0, upper: max(0, maximum))
  }

  /// A size in bytes: a sample rounded to the nearest integer and clamped to `1...maximum`
  /// (`maximum ≥ 1`; a normal is first truncated at zero as in `sampleDuration`).
  @inline(__always) public func sampleSize(_ rng: inout Xoshiro256StarStar, maximum: Int64) -> Int64 {
    DistributionSampler.roundClamped(sampleNonnegative(&rng), lower: 1, upper: max(1, maximum))
  }

  /// `x` rounded to the nearest integer (halves away from zero) and clamped to `lower...upper`;
  /// NaN gives `lower`.
  @inline(__always)
  static func roundClamped(_ x: Double, lower: Int64, upper: Int64) -> Int64 {
    let r = roundedHalfAway(x)
    if !(r > Double(lower)) { return lower }
    if r >= Double(upper) { return upper }
    return min(upper, Int64(r))
  }

  /// `x.rounded()` (to nearest, halves away from zero) without a call into the C library: below
  /// 2^52 in magnitude, `x` minus its truncation is exact, and decides; from 2^52 on, every double
  /// is an integer already (and infinities and NaN are returned as they are).
  @inline(__always)
  static func roundedHalfAway(_ x: Double) -> Double {
    guard abs(x) < 0x1p52 else { return x }
    let truncated = Double(Int64(x))
    let fraction = x - truncated
    if fraction >= 0.5 { return truncated + 1 }
    if fraction <= -0.5 { return truncated - 1 }
    return truncated
  }

  /// A standard normal variate by the Marsaglia polar method (the pair's second value discarded).
  static func standardNormal(_ rng: inout Xoshiro256StarStar) -> Double {
    while true {
      let u = 2 * rng.nextDouble() - 1
      let v = 2 * rng.nextDouble() - 1
      let s = u * u + v * v
      if s < 1 && s > 0 {
        return u * (-2 * log(s) / s).squareRoot()
      }
    }
  }
}
