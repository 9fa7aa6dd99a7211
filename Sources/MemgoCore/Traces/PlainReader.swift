/// Reads a plain trace: one reference per line.
///
/// See `PlainSyntax` for the accepted lines.
public typealias PlainReader = TraceFileReader<PlainSyntax>

/// The line syntax of memgo's plain trace format: `[R|W] ADDRESS [SIZE]`.
///
/// `R` (read, the default when there is no letter) or `W` (write), either case, then the byte
/// address: `0x` and hexadecimal digits, or decimal digits. An optional size in bytes follows, in
/// the same notation (default 1). Fields are separated by spaces or tabs. Blank lines and lines
/// whose first non-blank character is `#` are skipped.
public enum PlainSyntax: TraceLineSyntax {
  @inline(__always)
  public static func parse(_ line: UnsafeBufferPointer<UInt8>) -> TraceLineParse {
    if let reference = commonReference(line) { return .reference(reference) }
    var cursor = ByteCursor(line)
    cursor.skipBlanks()
    if cursor.isAtEnd || cursor.current == UInt8(ascii: "#") { return .skip }
    var kind = TraceReference.Kind.load
    switch cursor.current | 0x20 {
    case UInt8(ascii: "r"), UInt8(ascii: "w"):
      if cursor.current | 0x20 == UInt8(ascii: "w") { kind = .store }
      cursor.index += 1
      if !cursor.skipBlanks() || cursor.isAtEnd {
        return .malformed("expected an address after R or W ([R|W] ADDRESS [SIZE])")
      }
    default:
      break
    }
    guard let address = cursor.scanHexOrDecimal(), cursor.isAtFieldEnd else {
      return .malformed("bad address (expected 0x and hexadecimal digits, or decimal digits, below 2^64)")
    }
    cursor.skipBlanks()
    var size: UInt32 = 1
    if !cursor.isAtEnd {
      guard let value = cursor.scanHexOrDecimal(), cursor.isAtFieldEnd, let checked = ByteCursor.referenceSize(value)
      else {
        return .malformed("bad size (expected a number of bytes, 1 to 4294967295, decimal or 0x hexadecimal)")
      }
      size = checked
      cursor.skipBlanks()
      if !cursor.isAtEnd { return .malformed("unexpected text after the size ([R|W] ADDRESS [SIZE])") }
    }
    return .reference(TraceReference(address: address, size: size, kind: kind))
  }

  /// The fast path: the common line, `R 0x` or `W 0x` and 8 to 16 hexadecimal digits, in one pass
  /// of word operations; nil for anything else (a size, a tab, another digit count, a bad digit),
  /// which the general path then parses.
  @inline(__always)
  static func commonReference(_ line: UnsafeBufferPointer<UInt8>) -> TraceReference? {
    guard line.count >= 12, let start = line.baseAddress else { return nil }
    let letter = start[0] | 0x20
    guard (letter == UInt8(ascii: "r") || letter == UInt8(ascii: "w")) && start[1] == 0x20
      && start[2] == UInt8(ascii: "0") && start[3] | 0x20 == UInt8(ascii: "x"),
      let address = ByteCursor.hexValue(ofDigits: UnsafeBufferPointer(rebasing: line[4...]))
    else { return nil }
    return TraceReference(address: address, size: 1, kind: letter == UInt8(ascii: "w") ? .store : .load)
  }
}
