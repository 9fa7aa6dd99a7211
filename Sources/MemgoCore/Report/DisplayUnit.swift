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
  /// Durations take the widest of s, ms, µs, ns in which `magnitude` is at least 1 (ns below).
  public static func choose(for unit: MetricUnit, magnitude: Double) -> DisplayUnit {
    switch unit {
    case .count: return DisplayUnit(symbol: "", scale: 1, integral: true)
    case .bytes: return DisplayUnit(symbol: "B", scale: 1, integral: true)
    case .fraction: return DisplayUnit(symbol: "%", scale: 100)
    case .perSecond, .accessesPerSecond, .bytesPerSecond: return DisplayUnit(symbol: unit.symbol, scale: 1)
    case .seconds:
      return timeUnits.first { abs(magnitude) * $0.scale >= 1 } ?? timeUnits[timeUnits.count - 1]
    }
  }

  /// The display units of durations, widest first.
  static let timeUnits = [
    DisplayUnit(symbol: "s", scale: 1), DisplayUnit(symbol: "ms", scale: 1e3),
    DisplayUnit(symbol: "µs", scale: 1e6), DisplayUnit(symbol: "ns", scale: 1e9),
  ]

  /// The display unit of `unit` for a column of `values` (in base units). Durations take the unit
  /// in which the smallest non-zero magnitude is at least 1, so that no value needs leading zeros
  /// (`0.00123`), unless the largest would then reach 10⁶ (a wider unit is taken instead).
  public static func choose(for unit: MetricUnit, values: [Double]) -> DisplayUnit {
    let magnitudes = values.filter { $0.isFinite && $0 != 0 }.map { abs($0) }
    guard let smallest = magnitudes.min(), let largest = magnitudes.max() else {
      return choose(for: unit, magnitude: 0)
    }
    guard unit == .seconds else { return choose(for: unit, magnitude: smallest) }
    let ladder = DisplayUnit.timeUnits
    var i = ladder.firstIndex { smallest * $0.scale >= 1 } ?? ladder.count - 1
    while i > 0 && largest * ladder[i].scale >= 1e6 { i -= 1 }
    return ladder[i]
  }

  /// `value` (in base units) in this unit, to `digits` significant digits, without the symbol.
  /// A metric that does not apply (NaN) is `-`.
  public func format(_ value: Double, digits: Int) -> String {
    if value.isNaN { return "-" }
    let shown = value * scale
    if integral && shown.isFinite && shown == shown.rounded(.towardZero) && abs(shown) < 1e15 {
      return String(Int64(shown))
    }
    return NumberFormat.significant(shown, digits: digits)
  }

  /// `summary` as `mean ± ci95` in this unit, or the plain mean when the half-width is undefined
  /// (n < 2). The mean has `digits` significant digits; the half-width `ciDigits`, but no more
  /// decimals than the mean (`19.8 ± 0.1`, not `19.8 ± 0.075`: the usual convention of quoting a
  /// value and its uncertainty to the same decimal place). A zero half-width takes the mean's
  /// decimals (`19.8 ± 0.0`); large ones are rounded too (`40000 ± 130000`).
  public func format(_ summary: Summary, digits: Int, ciDigits: Int = 2) -> String {
    let mean = format(summary.mean, digits: digits)
    guard let ci = summary.ci95 else { return mean }
    let shown = NumberFormat.roundedToSignificant(ci * scale, digits: ciDigits)
    var interval = NumberFormat.significant(shown, digits: ciDigits)
    if let meanDecimals = DisplayUnit.decimals(of: mean), let ciDecimals = DisplayUnit.decimals(of: interval),
      ciDecimals > meanDecimals || shown == 0
    {
      interval = NumberFormat.fixed(shown, decimals: meanDecimals)
    }
    return mean + " ± " + interval
  }

  /// The number of decimals of a plain decimal numeral (`0` for `12`), `nil` for other text
  /// (exponent form, `nan`).
  static func decimals(of numeral: String) -> Int? {
    guard numeral.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
    guard let point = numeral.firstIndex(of: ".") else { return 0 }
    return numeral.distance(from: point, to: numeral.endIndex) - 1
  }
}
