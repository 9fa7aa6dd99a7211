/// Why a JSON value could not be read as the number asked for.
public enum JSONNumberError: Error, Sendable, Equatable {
  /// The value is not a JSON number.
  case notANumber
  /// The number has a non-zero fractional part (`2.5`, `15e-1`).
  case notAnInteger
  /// The number is below the type's range (or negative for an unsigned type).
  case tooSmall
  /// The number is above the type's range.
  case tooLarge
}

// MARK: - Exact reading of number literals

extension JSONValue {
  /// The value as an exact `Int`: `3`, `3.0`, `3e2` and `-0` are integers; `2.5` and `1e-3` are not.
  public func intValue() throws(JSONNumberError) -> Int {
    let (negative, magnitude) = try integerParts()
    if negative {
      if magnitude == UInt64(Int.max) + 1 { return .min }
      guard magnitude <= UInt64(Int.max) else { throw .tooSmall }
      return -Int(magnitude)
    }
    guard magnitude <= UInt64(Int.max) else { throw .tooLarge }
    return Int(magnitude)
  }

  /// The value as an exact `UInt64` (see `intValue()`); negative numbers other than `-0` are too small.
  public func uint64Value() throws(JSONNumberError) -> UInt64 {
    let (negative, magnitude) = try integerParts()
    if negative && magnitude != 0 { throw .tooSmall }
    return magnitude
  }

  /// The value as the nearest `Double`; numbers beyond the finite doubles (`1e400`) are out of range.
  public func doubleValue() throws(JSONNumberError) -> Double {
    guard case .number(let literal) = self, let decimal = DecimalLiteral(literal) else { throw .notANumber }
    guard let value = Double(literal) else { throw .notANumber }
    if value.isInfinite { throw decimal.negative ? .tooSmall : .tooLarge }
    return value
  }

  /// Sign and magnitude of an integral number literal.
  private func integerParts() throws(JSONNumberError) -> (negative: Bool, magnitude: UInt64) {
    guard case .number(let literal) = self, let decimal = DecimalLiteral(literal) else { throw .notANumber }
    if decimal.digits.isEmpty { return (false, 0) }
    if decimal.exponent < 0 { throw .notAnInteger }
    // Too many digits for UInt64 (at most 20): out of range whatever the digits.
    if decimal.digits.count + decimal.exponent > 20 { throw decimal.negative ? .tooSmall : .tooLarge }
    var magnitude: UInt64 = 0
    for digit in decimal.digits + [UInt8](repeating: 0, count: decimal.exponent) {
      let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
      if o1 || o2 { throw decimal.negative ? .tooSmall : .tooLarge }
      magnitude = sum
    }
    return (decimal.negative, magnitude)
  }
}

/// A JSON number literal as sign × significand × 10^exponent, with the significand's digits free of
/// leading and trailing zeros (empty for zero). Exponents are clamped to ±10^12, far beyond any use.
package struct DecimalLiteral {
  var negative: Bool
  /// Significant decimal digits (values 0...9), most significant first.
  var digits: [UInt8]
  /// Power of ten applied to `digits`.
  var exponent: Int

  /// Parses a JSON number literal; nil if `literal` is not one.
  package init?(_ literal: String) {
    let bytes = Array(literal.utf8)
    var i = 0
    negative = false
    if i < bytes.count && bytes[i] == UInt8(ascii: "-") {
      negative = true
      i += 1
    }
    func isDigit(_ k: Int) -> Bool { k < bytes.count && bytes[k] >= 48 && bytes[k] <= 57 }
    guard isDigit(i) else { return nil }
    var all: [UInt8] = []
    while isDigit(i) {
      all.append(bytes[i] - 48)
      i += 1
    }
    var fractionCount = 0
    if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
      i += 1
      guard isDigit(i) else { return nil }
      while isDigit(i) {
        all.append(bytes[i] - 48)
        fractionCount += 1
        i += 1
      }
    }
    var exponentValue = 0
    if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
      i += 1
      var exponentNegative = false
      if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) {
        exponentNegative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      guard isDigit(i) else { return nil }
      while isDigit(i) {
        exponentValue = min(exponentValue * 10 + Int(bytes[i] - 48), 1_000_000_000_000)
        i += 1
      }
      if exponentNegative { exponentValue = -exponentValue }
    }
    guard i == bytes.count else { return nil }
    // Strip leading zeros, then trailing zeros (moving them into the exponent).
    let firstNonZero = all.firstIndex { $0 != 0 } ?? all.count
    var significant = Array(all[firstNonZero...])
    var trailing = 0
    while let last = significant.last, last == 0 {
      significant.removeLast()
      trailing += 1
    }
    digits = significant
    exponent = significant.isEmpty ? 0 : exponentValue - fractionCount + trailing
  }
}
