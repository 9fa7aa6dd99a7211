#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Samples ranks of a Zipf law: `k` in [0, n) with probability proportional to 1/(k+1)^s.
///
/// Rejection-inversion (Hörmann and Derflinger, "Rejection-inversion to generate variates from
/// monotone discrete distributions", ACM TOMACS 6(3), 1996): with h(x) = x^−s and its integral
/// H(x) = ∫₁ˣ t^−s dt = (x^(1−s) − 1)/(1 − s) (ln x when s = 1), a point u is drawn uniformly
/// from (H(1.5) − h(1), H(n + ½)], inverted to x = H⁻¹(u) and rounded to the rank k = ⌊x + ½⌋
/// (1-based). Rank k is accepted when u ≥ H(k + ½) − h(k), a sub-interval of width exactly h(k)
/// inside the inverse image [H(k − ½), H(k + ½)] of k (h is convex, so h(k) ≤ ∫ h over it); rank 1
/// owns the whole interval (H(1.5) − h(1), H(1.5)]. Accepted ranks therefore follow the pmf exactly.
/// Most points are accepted by the squeeze k − x ≤ 2 − H⁻¹(H(2.5) − h(2)) without evaluating H;
/// the expected number of iterations, (H(n + ½) − H(1.5) + 1) / Σ h(k), is at most about 1.017
/// (over s from 0.01 to 64 and n from 2 to 10^6).
///
/// H and H⁻¹ are written with `expm1`/`log1p` quotients, so they are accurate as s crosses 1.
///
/// Up to `ZipfAliasTable.maximumCount` ranks, samples come from the law's alias table instead
/// (two draws, no transcendental function; the table is built once per process for each law and
/// shared). Both methods draw from the exact pmf; they consume the random stream differently.
/// - Complexity: O(1) time per sample; O(1) setup and memory with rejection-inversion, O(n) once
///   per law with a table.
public struct ZipfSampler: Sendable {
  /// The number of ranks n (pages).
  public let count: Int64
  /// The exponent s.
  public let exponent: Double

  /// The largest supported exponent; beyond it h(2) = 2^−s underflows into rounding noise.
  public static let maximumExponent: Double = 64
  /// The largest supported count: counts stay exactly representable as `Double`.
  public static let maximumCount: Int64 = 1 << 52

  /// n + 0.5 (computed, so that the sampler stays small inside every process's state).
  var upper: Double { Double(count) + 0.5 }
  let hIntegralLow: Double  // H(1.5) − h(1)
  let hIntegralHigh: Double  // H(n + 0.5)
  let squeeze: Double  // 2 − H⁻¹(H(2.5) − h(2))
  /// The law's alias table, when it has at most `ZipfAliasTable.maximumCount` ranks.
  let table: ZipfAliasTable?

  /// Creates the sampler of ranks [0, `count`) with exponent `exponent`, by alias table when
  /// `tabulated` and the count allows, else by rejection-inversion.
  ///
  /// Requires 1 ≤ count ≤ `maximumCount` and 0 ≤ exponent ≤ `maximumExponent` (0 is uniform).
  public init(count: Int64, exponent: Double, tabulated: Bool = true) {
    precondition(count >= 1 && count <= ZipfSampler.maximumCount, "zipf count out of range")
    precondition(exponent >= 0 && exponent <= ZipfSampler.maximumExponent, "zipf exponent out of range")
    self.count = count
    self.exponent = exponent
    hIntegralLow = ZipfSampler.hIntegral(1.5, exponent) - 1
    hIntegralHigh = ZipfSampler.hIntegral(Double(count) + 0.5, exponent)
    let rankTwoBoundary = ZipfSampler.hIntegral(2.5, exponent) - ZipfSampler.h(2, exponent)
    squeeze = 2 - ZipfSampler.hIntegralInverse(rankTwoBoundary, exponent)
    table =
      tabulated && count > 1 && count <= ZipfAliasTable.maximumCount
      ? ZipfAliasTable.shared(count: count, exponent: exponent) : nil
  }

  /// One rank in [0, count): 0 is the most probable.
  @inline(__always)
  public func sample(_ rng: inout Xoshiro256StarStar) -> Int64 {
    if let table { return table.sample(&rng) }
    return sampleByRejectionInversion(&rng)
  }

  /// One rank by rejection-inversion (the type's documentation).
  func sampleByRejectionInversion(_ rng: inout Xoshiro256StarStar) -> Int64 {
    if count == 1 { return 0 }
    while true {
      let u = hIntegralHigh + rng.nextDouble() * (hIntegralLow - hIntegralHigh)
      let x = ZipfSampler.hIntegralInverse(u, exponent)
      // Round to the nearest rank, clamped to [1, n]; a NaN (impossible within the documented
      // parameter range) lands on n and is then judged by the exact test.
      let k: Double
      if x >= 1.5 {
        k = x < upper ? (x + 0.5).rounded(.down) : Double(count)
      } else {
        k = x.isNaN ? Double(count) : 1
      }
      if k - x <= squeeze || u >= ZipfSampler.hIntegral(k + 0.5, exponent) - ZipfSampler.h(k, exponent) {
        return Int64(k) - 1
      }
    }
  }

  // MARK: - The hat function and its integral

  /// h(x) = x^−s.
  static func h(_ x: Double, _ s: Double) -> Double { exp(-s * log(x)) }

  /// H(x) = ∫₁ˣ t^−s dt = ln x · (e^((1−s) ln x) − 1)/((1−s) ln x).
  static func hIntegral(_ x: Double, _ s: Double) -> Double {
    let logX = log(x)
    return logX * expm1OverX((1 - s) * logX)
  }

  /// H⁻¹(y) = (1 + (1−s) y)^(1/(1−s)) = exp(y · ln(1 + (1−s) y)/((1−s) y)).
  static func hIntegralInverse(_ y: Double, _ s: Double) -> Double {
    var t = y * (1 - s)
    if t < -1 { t = -1 }  // rounding at the very top of the range when s > 1
    return exp(y * log1pOverX(t))
  }

  /// (e^x − 1)/x, continuous at 0.
  static func expm1OverX(_ x: Double) -> Double {
    abs(x) > 1e-8 ? expm1(x) / x : 1 + x / 2 * (1 + x / 3)
  }

  /// ln(1 + x)/x, continuous at 0.
  static func log1pOverX(_ x: Double) -> Double {
    abs(x) > 1e-8 ? log1p(x) / x : 1 - x / 2 * (1 - 2 * x / 3)
  }
}
