#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One axis of a plot, shared by every plot memgo draws: how a value maps to the page (linearly,
/// or by its logarithm in some base), the domain shown, and the ticks with their labels.
///
/// Positions are in axis space: the value itself on a linear axis, its logarithm on a logarithmic
/// one. Linear ticks are "nice" numbers, 1, 2 or 5 times a power of ten (`NiceScale`, after
/// Heckbert); logarithmic ticks are whole powers of the base. A plot may also place its own ticks
/// (at swept values, or at categories).
struct PlotAxis: Sendable, Equatable {
  /// How values map to positions.
  enum Scale: Sendable, Equatable {
    case linear
    /// Positions are log_base(value); values must be positive.
    case logarithmic(base: Double)
  }

  /// A tick: its position in axis space and its label.
  struct Tick: Sendable, Equatable {
    var position: Double
    var label: String
  }

  var scale: Scale
  /// The domain shown, in axis space.
  var low: Double
  var high: Double
  var ticks: [Tick]

  init(scale: Scale, low: Double, high: Double, ticks: [Tick]) {
    self.scale = scale
    self.low = low
    self.high = high
    self.ticks = ticks
  }

  /// A linear axis over `scale`'s range with a tick at each of its values, labelled with the
  /// decimals its step needs (or by `label`).
  init(_ scale: NiceScale, label: ((Double) -> String)? = nil) {
    let decimals = scale.decimals
    self.init(
      scale: .linear, low: scale.lower, high: scale.upper,
      ticks: scale.values.map { v in Tick(position: v, label: label?(v) ?? NumberFormat.fixed(v, decimals: decimals)) })
  }

  /// A linear axis covering `values` (and 0 with `includeZero`) with about `ticks` nice ticks;
  /// with `wholeSteps` the step is at least 1 (counts of frames, processes).
  static func linear(
    covering values: [Double], includeZero: Bool, ticks: Int, wholeSteps: Bool = false,
    label: ((Double) -> String)? = nil
  ) -> PlotAxis {
    let finite = values.filter(\.isFinite) + (includeZero ? [0] : [])
    var scale = NiceScale(minimum: finite.min() ?? 0, maximum: finite.max() ?? 1, ticks: ticks)
    if wholeSteps && scale.step < 1 {
      scale.step = 1
      scale.lower = scale.lower.rounded(.down)
      scale.upper = Swift.max(scale.lower + 1, scale.upper.rounded(.up))
    }
    return PlotAxis(scale, label: label)
  }

  /// A logarithmic axis from the whole power of `base` at or below the smallest positive value to
  /// the one at or above the largest, with a tick at each power (values that are not positive
  /// and finite are left out).
  static func logarithmic(covering values: [Double], base: Double = 10) -> PlotAxis {
    let positive = values.filter { $0 > 0 && $0.isFinite }
    let low = (logarithm(positive.min() ?? 1, base: base) + 1e-9).rounded(.down)
    var high = (logarithm(positive.max() ?? 1, base: base) - 1e-9).rounded(.up)
    if high <= low { high = low + 1 }
    let ticks = stride(from: low, through: high, by: 1).map { k in
      Tick(position: k, label: shortNumber(power(base, k)))
    }
    return PlotAxis(scale: .logarithmic(base: base), low: low, high: high, ticks: ticks)
  }

  /// `value`'s position in axis space.
  func position(_ value: Double) -> Double {
    switch scale {
    case .linear: return value
    case .logarithmic(let base): return Self.logarithm(value, base: base)
    }
  }

  /// The page coordinate of axis position `t`, the domain running from `start` to `end` (a
  /// vertical axis runs from the bottom's coordinate to the top's).
  func pixel(position t: Double, from start: Double, to end: Double) -> Double {
    let span = high - low
    return start + (t - low) / (span == 0 ? 1 : span) * (end - start)
  }

  /// The page coordinate of `value` (`pixel(position:from:to:)` of its position).
  func pixel(_ value: Double, from start: Double, to end: Double) -> Double {
    pixel(position: position(value), from: start, to: end)
  }

  /// Whether axis position `t` is inside the domain.
  func shows(position t: Double) -> Bool { t >= low && t <= high }

  // MARK: - Numbers

  /// log_base(x), exact for whole powers of the base (the factors are counted, not logged).
  static func logarithm(_ x: Double, base: Double) -> Double {
    var k = 0.0
    var v = x
    while v >= base && v == v.rounded() && (v / base) == (v / base).rounded() {
      v /= base
      k += 1
    }
    if v == 1 { return k }
    return k + naturalLogarithm(v) / naturalLogarithm(base)
  }

  /// base^k for a whole k (negative too), by repeated multiplication.
  static func power(_ base: Double, _ k: Double) -> Double {
    var p = 1.0
    for _ in 0..<Int(Swift.min(abs(k), 400)) { p *= base }
    return k < 0 ? 1 / p : p
  }

  /// The natural logarithm (the C library's).
  static func naturalLogarithm(_ x: Double) -> Double {
    #if canImport(Glibc)
      return Glibc.log(x)
    #elseif canImport(Musl)
      return Musl.log(x)
    #else
      return Darwin.log(x)
    #endif
  }

  /// A tick label: `x` to at most three significant digits, without trailing zeros (`0.25`,
  /// `1024`, `1.5`).
  static func shortNumber(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return NumberFormat.withoutTrailingZeros(NumberFormat.significant(x, digits: 3))
  }
}
