/// Axis ticks at "nice" numbers (1, 2 or 5 times a power of ten) covering a range, after Paul
/// Heckbert, "Nice Numbers for Graph Labels", Graphics Gems (1990), pp. 61–63.
public struct NiceScale: Sendable, Equatable {
  /// The first tick (at or below the range's minimum).
  public var lower: Double
  /// The last tick (at or above the range's maximum).
  public var upper: Double
  /// The distance between ticks: 1, 2 or 5 × 10^k.
  public var step: Double

  /// Ticks for the range [`minimum`, `maximum`] with about `ticks` of them (at least 2). An empty
  /// range (minimum = maximum) is widened around its value; non-finite bounds give [0, 1].
  public init(minimum: Double, maximum: Double, ticks: Int = 5) {
    var low = minimum
    var high = maximum
    if !low.isFinite || !high.isFinite {
      low = 0
      high = 1
    }
    if low > high { swap(&low, &high) }
    if high == low {
      let pad = low == 0 ? 1 : abs(low) / 2
      low -= low >= 0 && low - pad < 0 ? low : pad
      high += pad
    }
    let range = NiceScale.niceNumber(high - low, round: false)
    step = NiceScale.niceNumber(range / Double(max(ticks - 1, 1)), round: true)
    // A relative tolerance keeps 0.3 / 0.1 = 2.9999999999999996 from adding a tick.
    lower = (low / step + 1e-9).rounded(.down) * step
    upper = (high / step - 1e-9).rounded(.up) * step
  }

  /// The tick values from `lower` to `upper`, each computed as an integer multiple of `step` so
  /// that no error accumulates.
  public var values: [Double] {
    let first = (lower / step).rounded()
    let last = (upper / step).rounded()
    guard last >= first, last - first <= 1000 else { return [lower, upper] }
    return stride(from: first, through: last, by: 1).map { $0 * step }
  }

  /// The decimals needed to print every tick exactly: 0 for steps of 1 and more, 1 for 0.5, ...
  public var decimals: Int { NiceScale.decimals(ofStep: step) }

  /// The decimals needed to print multiples of `step` exactly (at most 12).
  public static func decimals(ofStep step: Double) -> Int {
    var d = 0
    var scaled = abs(step)
    while d < 12 && abs(scaled - scaled.rounded()) > 1e-9 * max(1, scaled) {
      scaled *= 10
      d += 1
    }
    return d
  }

  /// A nice number near `x` (> 0): the smallest of 1, 2, 5, 10 × 10^k at least `x` (`round`
  /// false), or the nearest of them (`round` true, thresholds 1.5, 3 and 7 as Heckbert gives).
  public static func niceNumber(_ x: Double, round: Bool) -> Double {
    guard x > 0, x.isFinite else { return 1 }
    var exponent = 0.0
    var fraction = x
    while fraction >= 10 {
      fraction /= 10
      exponent += 1
    }
    while fraction < 1 {
      fraction *= 10
      exponent -= 1
    }
    let nice: Double
    if round {
      nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
    } else {
      nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
    }
    return exponent >= 0 ? nice * power10(Int(exponent)) : nice / power10(Int(-exponent))
  }

  /// 10^k for k ≥ 0, exact up to 10^22.
  static func power10(_ k: Int) -> Double {
    var p = 1.0
    for _ in 0..<k { p *= 10 }
    return p
  }
}
