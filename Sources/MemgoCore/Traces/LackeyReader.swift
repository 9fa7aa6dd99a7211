/// Reads the memory trace valgrind's lackey tool prints with `--trace-mem=yes`.
///
/// See `LackeySyntax` for the accepted lines.
public typealias LackeyReader = TraceFileReader<LackeySyntax>

/// The line syntax of valgrind lackey's memory trace (`valgrind --tool=lackey --trace-mem=yes`).
///
/// Lackey prints `I  ADDR,SIZE` for an instruction fetch and ` L ADDR,SIZE`, ` S ADDR,SIZE`,
/// ` M ADDR,SIZE` for a data load, store and modify (load then store of the same bytes), ADDR in
/// hexadecimal without `0x` (`%08lx`) and SIZE in decimal (valgrind's `lackey/lk_main.c`). Leading
/// and separating blanks may vary. Lines valgrind prints itself (`==PID== ...`, and `--PID--`,
/// `**PID**` with `-v` or on fatal errors) and blank lines are skipped; anything else, for example the
/// traced program's own output mixed into the log, is malformed.
public enum LackeySyntax: TraceLineSyntax {
  @inline(__always)
  public static func parse(_ line: UnsafeBufferPointer<UInt8>) -> TraceLineParse {
    var cursor = ByteCursor(line)
    cursor.skipBlanks()
    if cursor.isAtEnd { return .skip }
    let kind: TraceReference.Kind
    switch cursor.current {
    case UInt8(ascii: "I"): kind = .instruction
    case UInt8(ascii: "L"): kind = .load
    case UInt8(ascii: "S"): kind = .store
    case UInt8(ascii: "M"): kind = .modify
    case UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "*"):
      return isValgrindMessage(&cursor) ? .skip : notARecord
    default:
      return notARecord
    }
    cursor.index += 1
    if !cursor.skipBlanks() { return notARecord }
    guard let address = cursor.scanHex(), cursor.current == UInt8(ascii: ",") || cursor.isAtFieldEnd else {
      return .malformed("bad address (expected hexadecimal digits without 0x, below 2^64)")
    }
    if cursor.current != UInt8(ascii: ",") {
      return .malformed("expected ',' and the size after the address")
    }
    cursor.index += 1
    guard let value = cursor.scanDecimal(), let size = ByteCursor.referenceSize(value) else {
      return .malformed("bad size (expected a decimal number of bytes, 1 to 4294967295)")
    }
    cursor.skipBlanks()
    if !cursor.isAtEnd { return .malformed("unexpected text after the size") }
    return .reference(TraceReference(address: address, size: size, kind: kind))
  }

  private static let notARecord = TraceLineParse.malformed(
    "not a lackey record (expected 'I', 'L', 'S' or 'M', then ADDRESS,SIZE)")

  /// Whether the line at `cursor` starts like valgrind's own messages: `==123==`, `--123--`, `**123**`.
  private static func isValgrindMessage(_ cursor: inout ByteCursor) -> Bool {
    let mark = cursor.current
    guard cursor.following == mark else { return false }
    cursor.index += 2
    guard cursor.scanDecimal() != nil else { return false }
    return cursor.current == mark && cursor.following == mark
  }
}
