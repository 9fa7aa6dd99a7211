import Testing

@testable import MemgoCore

@Suite struct JSONValueNumbersTests {
  func int(_ literal: String) -> Result<Int, JSONNumberError> {
    Result { () throws(JSONNumberError) in try JSONValue.number(literal).intValue() }
  }

  func uint64(_ literal: String) -> Result<UInt64, JSONNumberError> {
    Result { () throws(JSONNumberError) in try JSONValue.number(literal).uint64Value() }
  }

  @Test func integralLiteralsInEveryForm() {
    #expect(int("42") == .success(42))
    #expect(int("-0") == .success(0))
    #expect(int("3.0") == .success(3))
    #expect(int("3e2") == .success(300))
    #expect(int("1.5e1") == .success(15))
    #expect(int("100e-2") == .success(1))
    #expect(int("0.000e999999999999") == .success(0))
    #expect(int("0e-5") == .success(0))
  }

  @Test func fractionsAreNotIntegers() {
    #expect(int("2.5") == .failure(.notAnInteger))
    #expect(int("1e-3") == .failure(.notAnInteger))
    #expect(int("15e-1") == .failure(.notAnInteger))
    #expect(int("1.0000000000000000000001") == .failure(.notAnInteger))
  }

  @Test func rangeLimitsAreExact() {
    #expect(int("9223372036854775807") == .success(.max))
    #expect(int("-9223372036854775808") == .success(.min))
    #expect(int("9223372036854775808") == .failure(.tooLarge))
    #expect(int("-9223372036854775809") == .failure(.tooSmall))
    #expect(int("1e19") == .failure(.tooLarge))
    #expect(int("1e999999999999999999999") == .failure(.tooLarge))
    #expect(uint64("18446744073709551615") == .success(.max))
    #expect(uint64("18446744073709551616") == .failure(.tooLarge))
    #expect(uint64("-1") == .failure(.tooSmall))
    #expect(uint64("-0.0") == .success(0))
  }

  @Test func nonNumbersAreRejected() {
    #expect(Result { () throws(JSONNumberError) in try JSONValue.string("1").intValue() } == .failure(.notANumber))
    #expect(Result { () throws(JSONNumberError) in try JSONValue.null.doubleValue() } == .failure(.notANumber))
  }

  @Test func doubles() throws {
    #expect(try JSONValue.number("0.1").doubleValue() == 0.1)
    #expect(try JSONValue.number("-2.5E-3").doubleValue() == -0.0025)
    #expect(try JSONValue.number("1e-400").doubleValue() == 0)
    #expect(Result { () throws(JSONNumberError) in try JSONValue.number("1e400").doubleValue() } == .failure(.tooLarge))
    #expect(
      Result { () throws(JSONNumberError) in try JSONValue.number("-1e400").doubleValue() } == .failure(.tooSmall))
  }

  /// Seeded differential test: integers written in random equivalent forms read back exactly.
  @Test func randomIntegersInEquivalentForms() {
    var rng = SplitMix64(seed: 3)
    for _ in 0..<2_000 {
      let value = Int(truncatingIfNeeded: rng.next()) >> Int(rng.next() % 63)
      let forms = ["\(value)", "\(value).000", "\(value)0e-1", "\(value)00E-2"]
      for form in forms { #expect(int(form) == .success(value), "\(form)") }
    }
  }
}
