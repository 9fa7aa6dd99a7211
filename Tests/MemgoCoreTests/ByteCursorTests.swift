import Testing

@testable import MemgoCore

@Suite struct ByteCursorTests {
  func scan(_ text: String, _ body: (inout ByteCursor) -> UInt64?) -> (UInt64?, Int) {
    Array(text.utf8).withUnsafeBufferPointer { bytes in
      var cursor = ByteCursor(bytes)
      let value = body(&cursor)
      return (value, cursor.index)
    }
  }

  @Test func scansHexToSixteenDigitsAndRejectsOverflow() {
    #expect(scan("ffffffffffffffff,") { $0.scanHex() }.0 == .max)
    #expect(scan("0000000000000000001") { $0.scanHex() }.0 == 1)  // leading zeros do not overflow
    #expect(scan("10000000000000000") { $0.scanHex() }.0 == nil)
    #expect(scan("aBc9 ") { $0.scanHex() } == (0xabc9, 4))
    #expect(scan("g") { $0.scanHex() }.0 == nil)
    #expect(scan("") { $0.scanHex() }.0 == nil)
  }

  @Test func scansDecimalToUInt64MaxAndRejectsOverflow() {
    #expect(scan("18446744073709551615") { $0.scanDecimal() }.0 == .max)
    #expect(scan("18446744073709551616") { $0.scanDecimal() }.0 == nil)
    #expect(scan("99999999999999999999") { $0.scanDecimal() }.0 == nil)
    #expect(scan("042x") { $0.scanDecimal() } == (42, 3))
  }

  @Test func hexPrefixSelectsTheBase() {
    #expect(scan("0x10") { $0.scanHexOrDecimal() }.0 == 16)
    #expect(scan("0X1f") { $0.scanHexOrDecimal() }.0 == 31)
    #expect(scan("10") { $0.scanHexOrDecimal() }.0 == 10)
    #expect(scan("0") { $0.scanHexOrDecimal() }.0 == 0)
    #expect(scan("0x") { $0.scanHexOrDecimal() }.0 == nil)
  }

  @Test func referenceSizeIsOneToUInt32Max() {
    #expect(ByteCursor.referenceSize(0) == nil)
    #expect(ByteCursor.referenceSize(1) == 1)
    #expect(ByteCursor.referenceSize(UInt64(UInt32.max)) == .max)
    #expect(ByteCursor.referenceSize(UInt64(UInt32.max) + 1) == nil)
  }
}
