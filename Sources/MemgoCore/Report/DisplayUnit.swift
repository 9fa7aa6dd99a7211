/// How a metric is shown to a human: the factor from its base unit and the symbol printed with it
/// (fractions as `%`, durations in `s`, `ms`, `µs` or `ns` chosen so that values read well).
public struct DisplayUnit: Sendable, Equatable {
  /// The symbol shown after the number or in the column header (empty for plain counts).
  public var symbol: String
  /// Displayed value = base value × `scale`.
  public var scale: Double
  /// Whether whole values print as integers (counts and bytes) rather than to significant digits.
  public var integral: Bool

  /// Creates a display unit.
  public init(symbol: String, scale: Double, integral: Bool = false) {
    self.symbol = symbol
    self.scale = scale
    self.integral = integral
  }

  /// The display unit of `unit` for values whose largest magnitude is `magnitude` (in base units).
  /// Durations take the largest of s, ms, µs, ns in which `magnitude` is at least 1 (ns below).
  public static func choose(for unit: MetricUnit, magnitude: Double) -> DisplayUnit {
    switch unit {
    case .count: return DisplayUnit(symbol: "", scale: 1, integral: true)
    case .bytes: return DisplayUnit(symbol: "B", scale: 1, integral: true)
    case .fraction: return DisplayUnit(symbol: "%", scale: 100)
    case .perSecond, .accessesPerSecond, .bytesPerSecond: return DisplayUnit(symbol: unit.symbol, scale: 1)
    case .seconds:
      let m = abs(magnitude)
      if m >= 1 { return DisplayUnit(symbol: "s", scale: 1) }
      if m >= 1e-3 { return DisplayUnit(symbol: "ms", scale: 1e3) }
      if m >= 1e-6 { return DisplayUnit(symbol: "µs", scale: 1e6) }
      return DisplayUnit(symbol: "ns", scale: 1e9)
    }
  }

  /// The display unit of `unit` for a column of `values` (in base units): chosen by the largest
  /// finite magnitude among them.
  public static func choose(for unit: MetricUnit, values: [Double]) -> DisplayUnit {
    let magnitude = values.lazy.filter { $0.isFinite }.map { abs($0) }.max() ?? 0
    return choose(for: unit, magnitude: magnitude)
  }

  /// `value` (in base units) in this unit, to `digits` significant digits, without the symbol.
  public func format(_ value: Double, digits: Int) -> String {
    let shown = value * scale
    if integral && shown.isFinite && shown == shown.rounded(.towardZero) && abs(shown) < 1e15 {
      return String(Int64(shown))
    }
    return NumberFormat.significant(shown, digits: digits)
  }

  /// `summary` as `mean ± ci95` in this unit (the mean to `digits` significant digits, the
  /// half-width to `ciDigits`), or the plain mean when the half-width is undefined (n < 2).
  public func format(_ summary: Summary, digits: Int, ciDigits: Int = 2) -> String {
    let mean = format(summary.mean, digits: digits)
    guard let ci = summary.ci95 else { return mean }
    return mean + " ± " + NumberFormat.significant(ci * scale, digits: ciDigits)
  }
}
