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

  /// The table-driven scan against a naive one, on seeded random lines mixing
  /// digits, both cases of letters, near-miss characters (`/`, `:`, `@`, `G`, `` ` ``, `g`), blanks
  /// and non-ASCII bytes, from every start position.
  @Test func chunkedScanMatchesNaiveScan() {
    let alphabet = Array("0123456789abcdefABCDEF/:@G`g ,\u{0}".utf8) + [0x80, 0xC1, 0xE6, 0xFF]
    var rng = SplitMix64(seed: 16)
    for _ in 0..<4000 {
      let length = Int(rng.next() % 30)
      let line = (0..<length).map { _ in
        rng.next() % 4 == 0 ? alphabet[Int(rng.next() % UInt64(alphabet.count))] : alphabet[Int(rng.next() % 22)]
      }
      for start in 0...length {
        let got: (UInt64?, Int) = line.withUnsafeBufferPointer { bytes in
          var cursor = ByteCursor(bytes)
          cursor.index = start
          return (cursor.scanHex(), cursor.index)
        }
        // Naive: leading zeros, then digits while they last; nil if none or over 16 significant.
        var i = start
        while i < length && line[i] == UInt8(ascii: "0") { i += 1 }
        let significant = i
        var value: UInt64 = 0
        while i < length, let d = Self.hexDigit(line[i]) {
          value = value &<< 4 | d
          i += 1
        }
        let expected: UInt64? = i > start && i - significant <= 16 ? value : nil
        #expect(got.0 == expected && got.1 == i, "\(line) from \(start)")
      }
    }
  }

  @Test func wordAtATimeHexValueOfKnownFields() {
    func value(_ text: String) -> UInt64? {
      Array(text.utf8).withUnsafeBufferPointer { ByteCursor.hexValue(ofDigits: $0) }
    }
    #expect(value("7f0051498f66") == 0x7f00_5149_8f66)
    #expect(value("01234567") == 0x0123_4567)
    #expect(value("89abcdef") == 0x89ab_cdef)
    #expect(value("FFFFFFFFFFFFFFFF") == .max)
    #expect(value("0000000000000001") == 1)
    #expect(value("aBcDeF0123") == 0xab_cdef_0123)
    #expect(value("1234567") == nil)  // under 8 digits: the caller's general path
    #expect(value("00000000000000001") == nil)  // over 16
    #expect(value("1234567g") == nil)
    #expect(value("/2345678") == nil)
    #expect(value("123456789abcdef:") == nil)
  }

  /// The word-at-a-time value against the naive digit loop, on seeded random fields of 8 to 16
  /// bytes where each byte is a digit or letter, or, one time in eight, any of the 256 byte values
  /// (so every near miss around the digit and letter ranges and every non-ASCII byte shows up, in
  /// the first and the second load).
  @Test func wordAtATimeHexValueMatchesNaiveScan() {
    let hex = Array("0123456789abcdefABCDEF".utf8)
    var rng = SplitMix64(seed: 64)
    for _ in 0..<20_000 {
      let length = 8 + Int(rng.next() % 9)
      let field = (0..<length).map { _ in
        rng.next() % 8 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : hex[Int(rng.next() % UInt64(hex.count))]
      }
      var expected: UInt64? = 0
      for byte in field {
        guard let d = Self.hexDigit(byte), let v = expected else {
          expected = nil
          break
        }
        expected = v << 4 | d
      }
      let got = field.withUnsafeBufferPointer { ByteCursor.hexValue(ofDigits: $0) }
      #expect(got == expected, "\(field)")
    }
  }

  static func hexDigit(_ byte: UInt8) -> UInt64? {
    switch byte {
    case 0x30...0x39: return UInt64(byte - 0x30)
    case 0x41...0x46: return UInt64(byte - 0x41 + 10)
    case 0x61...0x66: return UInt64(byte - 0x61 + 10)
    default: return nil
    }
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
