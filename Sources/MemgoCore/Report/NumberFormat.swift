/// Fixed, locale-free decimal formatting of doubles for human-readable reports.
///
/// Uses only correctly rounded IEEE arithmetic (multiplications by exact powers of ten, one
/// rounding), so the text is the same on every machine; no `printf`, no locale.
public enum NumberFormat {
  /// Powers of ten that are exact doubles (10^0 ... 10^22).
  static let powersOfTen: [Double] = (0...22).map { k in
    var p = 1.0
    for _ in 0..<k { p *= 10 }
    return p
  }

  /// `x` rounded to `digits` significant digits (1...12), keeping trailing zeros so that a column
  /// shows its precision: `significant(0.012345, digits: 3)` is `0.0123`, `significant(2.5,
  /// digits: 3)` is `2.50`. A number with at least `digits` integer digits is rounded to an
  /// integer (`123457`); below 10⁻⁹ or from 10¹⁵ in magnitude the form is `1.23e-10`, `1.23e+15`.
  /// Halves round away from zero. Zero is `0`, NaN `nan`, infinities `inf` and `-inf`.
  public static func significant(_ x: Double, digits: Int) -> String {
    let digits = min(max(digits, 1), 12)
    guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
    if x == 0 { return "0" }
    let sign = x < 0 ? "-" : ""
    let a = abs(x)
    guard a < 1e15, a >= 1e-9 else { return sign + scientific(a, digits: digits) }
    var decimals = digits - 1 - decimalExponent(a)
    guard decimals > 0 else { return sign + String(Int64(a.rounded(.toNearestOrAwayFromZero))) }
    var scaled = (a * powersOfTen[decimals]).rounded(.toNearestOrAwayFromZero)
    if scaled >= powersOfTen[digits] {
      // Rounding carried into a new leading digit (9.996 → 10.00): keep `digits` digits.
      decimals -= 1
      scaled = (a * powersOfTen[decimals]).rounded(.toNearestOrAwayFromZero)
    }
    return sign + placePoint(Int64(scaled), decimals: decimals)
  }

  /// `x` rounded to `decimals` decimals (0...12) and written with exactly that many (`fixed(0.075,
  /// decimals: 1)` is `0.1`); halves round away from zero. From 10¹⁵ in magnitude, or not finite,
  /// as `significant(x, digits: 12)`.
  public static func fixed(_ x: Double, decimals: Int) -> String {
    let decimals = min(max(decimals, 0), 12)
    guard x.isFinite, abs(x) < 1e15 / powersOfTen[decimals] else { return significant(x, digits: 12) }
    let scaled = (abs(x) * powersOfTen[decimals]).rounded(.toNearestOrAwayFromZero)
    let text = placePoint(Int64(scaled), decimals: decimals)
    return x < 0 && scaled != 0 ? "-" + text : text
  }

  /// `text`, a decimal from this formatter, without the zeros that end its fraction, nor a point
  /// left bare (`2.50` is `2.5`, `3.00` is `3`); integers and the `1.20e-10` form are unchanged.
  public static func withoutTrailingZeros(_ text: String) -> String {
    guard text.contains("."), !text.contains("e") else { return text }
    var out = Substring(text)
    while out.hasSuffix("0") { out = out.dropLast() }
    if out.hasSuffix(".") { out = out.dropLast() }
    return String(out)
  }

  /// `x` with its integer digits beyond the first `digits` significant ones rounded to zeros
  /// (`roundedToSignificant(127062, digits: 2)` is 130000); numbers below 10^digits unchanged.
  public static func roundedToSignificant(_ x: Double, digits: Int) -> Double {
    let digits = min(max(digits, 1), 12)
    let a = abs(x)
    guard a.isFinite, a >= powersOfTen[digits], a < 1e15 else { return x }
    let unit = powersOfTen[decimalExponent(a) - digits + 1]
    return (a / unit).rounded(.toNearestOrAwayFromZero) * unit * (x < 0 ? -1 : 1)
  }

  /// The integer `n` (≥ 0) divided by 10^decimals, written with exactly `decimals` decimals.
  static func placePoint(_ n: Int64, decimals: Int) -> String {
    var text = String(n)
    guard decimals > 0 else { return text }
    if text.count <= decimals { text = String(repeating: "0", count: decimals - text.count + 1) + text }
    let split = text.index(text.endIndex, offsetBy: -decimals)
    return text[..<split] + "." + text[split...]
  }

  /// The largest e with 10^e ≤ a, for 10⁻⁹ ≤ a < 10¹⁵ (10^e for e < 0 is 1 / 10^−e, correctly
  /// rounded).
  static func decimalExponent(_ a: Double) -> Int {
    var e = 0
    if a >= 1 {
      while e < 22 && a >= powersOfTen[e + 1] { e += 1 }
    } else {
      repeat { e -= 1 } while e > -22 && a < 1 / powersOfTen[-e]
    }
    return e
  }

  /// `a` (> 0) as `1.23e-10` with `digits` significant digits in the mantissa.
  static func scientific(_ a: Double, digits: Int) -> String {
    var exponent = 0
    var m = a
    while m >= 10 {
      m /= 10
      exponent += 1
    }
    while m < 1 {
      m *= 10
      exponent -= 1
    }
    if (m * powersOfTen[digits - 1]).rounded(.toNearestOrAwayFromZero) >= powersOfTen[digits] {
      m /= 10
      exponent += 1
    }
    let decimals = digits - 1
    let scaled = Int64((m * powersOfTen[decimals]).rounded(.toNearestOrAwayFromZero))
    return placePoint(scaled, decimals: decimals) + "e" + (exponent < 0 ? "-" : "+") + String(abs(exponent))
  }
}
