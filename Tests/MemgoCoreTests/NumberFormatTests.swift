import Testing

@testable import MemgoCore

@Suite struct NumberFormatTests {
  @Test(arguments: [
    (0.012345, 3, "0.0123"), (2.5, 3, "2.50"), (123.456, 3, "123"), (123_456.7, 3, "123457"),
    (9.996, 3, "10.0"), (99.96, 3, "100"), (999.6, 3, "1000"), (0.0009996, 3, "0.00100"),
    (1, 4, "1.000"), (0.5, 1, "0.5"), (0.25, 1, "0.3"), (-0.012345, 3, "-0.0123"), (0, 3, "0"),
    (1.5e-10, 3, "1.50e-10"), (2e15, 3, "2.00e+15"), (9.999e-10, 2, "1.0e-9"), (1e-9, 3, "0.00000000100"),
    (Double.nan, 3, "nan"), (Double.infinity, 3, "inf"), (-Double.infinity, 3, "-inf"),
  ])
  func significant(value: Double, digits: Int, expected: String) {
    #expect(NumberFormat.significant(value, digits: digits) == expected)
  }

  /// Against a naive decimal rounding over seeded random values: the shown digits, read back,
  /// are within half a unit of the last place of the value.
  @Test func significantIsCorrectlyRounded() {
    var rng = SplitMix64(seed: 5)
    for _ in 0..<20_000 {
      let mantissa = Double(rng.next() % 1_000_000_000) / 1e8 + 1  // [1, 11)
      let exponent = Int(rng.next() % 14) - 8
      var x = mantissa
      for _ in 0..<abs(exponent) { x = exponent < 0 ? x / 10 : x * 10 }
      let digits = Int(rng.next() % 5) + 1
      let text = NumberFormat.significant(x, digits: digits)
      guard let back = Double(text) else {
        Issue.record("not a number: \(text)")
        continue
      }
      let significantDigits = text.filter(\.isNumber).drop(while: { $0 == "0" }).count
      #expect(significantDigits >= digits, "\(x) → \(text)")
      var ulp = 1.0
      if let point = text.firstIndex(of: ".") {
        for _ in 0..<text.distance(from: point, to: text.endIndex) - 1 { ulp /= 10 }
      }
      #expect(abs(back - x) <= ulp / 2 * (1 + 1e-9), "\(x) → \(text)")
    }
  }

  @Test(arguments: [
    (0.075, 1, "0.1"), (19.8, 0, "20"), (0.0, 2, "0.00"), (-0.004, 2, "0.00"), (-1.5, 0, "-2"), (12.345, 2, "12.35"),
  ])
  func fixed(value: Double, decimals: Int, expected: String) {
    #expect(NumberFormat.fixed(value, decimals: decimals) == expected)
  }

  @Test func roundedToSignificant() {
    #expect(NumberFormat.roundedToSignificant(127_062, digits: 2) == 130_000)
    #expect(NumberFormat.roundedToSignificant(63_531, digits: 2) == 64_000)
    #expect(NumberFormat.roundedToSignificant(-1_234, digits: 3) == -1_230)
    #expect(NumberFormat.roundedToSignificant(99, digits: 2) == 99)
    #expect(NumberFormat.roundedToSignificant(1.2345, digits: 2) == 1.2345)
  }
}
