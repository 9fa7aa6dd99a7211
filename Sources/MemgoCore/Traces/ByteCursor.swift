/// A read position in one line's bytes, with the number scanners the trace formats share.
///
/// Byte-level and allocation-free: trace lines are parsed in place in `LineReader`'s buffer. Every
/// scanner checks for overflow and returns `nil` (leaving the cursor anywhere) on bad input.
struct ByteCursor {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0

  @inline(__always) init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  @inline(__always) var isAtEnd: Bool { index >= bytes.count }

  /// The current byte, or 0 at the end.
  @inline(__always) var current: UInt8 { index < bytes.count ? bytes[index] : 0 }

  /// The byte after the current one, or 0 past the end.
  @inline(__always) var following: UInt8 { index + 1 < bytes.count ? bytes[index + 1] : 0 }

  @inline(__always) static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  /// Skips spaces and tabs; returns whether there was at least one.
  @discardableResult
  @inline(__always) mutating func skipBlanks() -> Bool {
    let before = index
    while index < bytes.count && ByteCursor.isBlank(bytes[index]) { index += 1 }
    return index > before
  }

  /// Whether the cursor is at the end or at a blank, i.e. a field ended here.
  @inline(__always) var isAtFieldEnd: Bool { isAtEnd || ByteCursor.isBlank(bytes[index]) }

  /// Skips a `0x` or `0X` prefix if there is one; returns whether it did.
  @inline(__always) mutating func skipHexPrefix() -> Bool {
    if current == UInt8(ascii: "0") && (following | 0x20) == UInt8(ascii: "x") {
      index += 2
      return true
    }
    return false
  }

  /// Bit `b - 0x30` is set for each hexadecimal digit `b`: `0-9` (bits 0-9), `A-F` (17-22), `a-f` (49-54).
  static let hexDigitMask: UInt64 = 0x3FF | 0x3F << 17 | 0x3F << 49

  /// Whether `byte` is a hexadecimal digit, by one bit test (no branch on digit versus letter).
  @inline(__always) static func isHexDigit(_ byte: UInt8) -> Bool {
    let offset = UInt64(byte &- 0x30)
    return offset < 64 && (hexDigitMask >> offset) & 1 != 0
  }

  /// The value of a hexadecimal digit: the low nibble, plus 9 for the letters (`0x41...0x46`,
  /// `0x61...0x66`, the only ones with bit 6 set).
  @inline(__always) static func hexValue(_ byte: UInt8) -> UInt64 {
    UInt64(byte & 0x0F) &+ 9 &* UInt64(byte >> 6)
  }

  /// The value of each byte as a hexadecimal digit, or 0xFF if it is not one.
  static let hexDigitValues: [UInt8] = (0...255).map { byte in
    let b = UInt8(byte)
    return isHexDigit(b) ? UInt8(hexValue(b)) : 0xFF
  }

  /// Scans one or more hexadecimal digits (no prefix); nil if there is none or the value exceeds 64 bits.
  ///
  /// One table lookup per character (`hexDigitValues`), no branch on digit versus letter: random
  /// hexadecimal addresses mix digits and letters unpredictably, and branching on which it is took
  /// most of the parsing time. (Measured on 10M 12-digit addresses: the table takes 6 ns per
  /// address, the arithmetic test it replaced about twice that, and an eight-at-a-time SWAR scan
  /// 8.7 ns, because most addresses need a second, partial chunk.)
  @inline(__always) mutating func scanHex() -> UInt64? {
    let first = index
    // Leading zeros first, so that overflow is simply "more than 16 significant digits".
    while index < bytes.count && bytes[index] == UInt8(ascii: "0") { index += 1 }
    let significant = index
    var value: UInt64 = 0
    ByteCursor.hexDigitValues.withUnsafeBufferPointer { table in
      while index < bytes.count {
        let digit = table[Int(bytes[index])]
        if digit > 15 { break }
        value = value &<< 4 | UInt64(digit)
        index += 1
      }
    }
    return index > first && index - significant <= 16 ? value : nil
  }

  /// The value of 8 to 16 hexadecimal digits filling `digits` exactly, or nil if `digits` has
  /// another length or any byte that is not a hexadecimal digit: the fast path of `scanHex` for
  /// a field whose end is known (the plain format's address at the end of its line).
  ///
  /// Eight bytes at a time (SWAR: SIMD within a register; Lamport, "Multiple byte processing with
  /// full-word instructions", CACM 1975): two overlapping unaligned 8-byte loads, the first and
  /// the last eight digits, each checked and converted with a few word operations, instead of a
  /// table lookup and a branch per digit.
  @inline(__always)
  static func hexValue(ofDigits digits: UnsafeBufferPointer<UInt8>) -> UInt64? {
    let n = digits.count
    guard n >= 8 && n <= 16, let base = digits.baseAddress else { return nil }
    let raw = UnsafeRawPointer(base)
    let first = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
    let last = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
    guard let high = hexValue(ofWord: first), let low = hexValue(ofWord: last) else { return nil }
    // `high` holds digits 0...7 and `low` digits n-8 ... n-1; drop the 16 - n digits they share.
    return (high >> UInt64(4 * (16 - n))) << 32 | low
  }

  /// The value of the eight hexadecimal digits in `word` (the first digit in the lowest byte), or
  /// nil if a byte is not one.
  @inline(__always)
  static func hexValue(ofWord word: UInt64) -> UInt64? {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highBits = ones &* 0x80
    // A byte b < 0x80 plus (0x80 - lo) has its high bit set iff b >= lo, and plus (0x7F - hi)
    // iff b > hi; no carry crosses bytes while every byte is below 0x80, which is checked too.
    let isDigit = (word &+ ones &* 0x50) & ~(word &+ ones &* 0x46)  // 0x30 ... 0x39
    let folded = word | ones &* 0x20  // A-F to a-f
    let isLetter = (folded &+ ones &* 0x1F) & ~(folded &+ ones &* 0x19)  // 0x61 ... 0x66
    guard (isDigit | isLetter) & ~word & highBits == highBits else { return nil }
    // Each byte to its value: the low nibble, plus 9 for letters (bit 6 set).
    var v = (word & 0x0F0F_0F0F_0F0F_0F0F) &+ ((word >> 6) & ones) &* 9
    // Pairs of nibbles into bytes, bytes into 16-bit halves, halves into the 32-bit value; the
    // first digit, in the lowest byte, ends up most significant.
    v = (v & 0x000F_000F_000F_000F) << 4 | (v >> 8) & 0x000F_000F_000F_000F
    v = (v & 0x0000_00FF_0000_00FF) << 8 | (v >> 16) & 0x0000_00FF_0000_00FF
    return (v & 0xFFFF) << 16 | (v >> 32) & 0xFFFF
  }

  /// Scans one or more decimal digits; nil if there is none or the value exceeds 64 bits.
  @inline(__always) mutating func scanDecimal() -> UInt64? {
    var value: UInt64 = 0
    let first = index
    while index < bytes.count {
      let digit = bytes[index] &- UInt8(ascii: "0")
      if digit > 9 { break }
      let (times10, o1) = value.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
      if o1 || o2 { return nil }
      value = sum
      index += 1
    }
    return index > first ? value : nil
  }

  /// Scans `0x` then hexadecimal digits, or decimal digits.
  @inline(__always) mutating func scanHexOrDecimal() -> UInt64? {
    skipHexPrefix() ? scanHex() : scanDecimal()
  }

  /// Converts a scanned size to a reference size: nil unless `1 ... UInt32.max`.
  @inline(__always) static func referenceSize(_ value: UInt64) -> UInt32? {
    value >= 1 && value <= UInt64(UInt32.max) ? UInt32(value) : nil
  }
}
