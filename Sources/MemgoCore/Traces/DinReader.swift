/// Reads a trace in Dinero's `din` format.
///
/// See `DinSyntax` for the accepted lines.
public typealias DinReader = TraceFileReader<DinSyntax>

/// The line syntax of the Dinero cache simulator's `din` trace format: `LABEL ADDRESS [SIZE] [...]`.
///
/// Dinero III/IV (Hill; Edler and Hill, Dinero IV `dinfmt.c`) read one label and one address per
/// line, both hexadecimal with an optional `0x`; the rest of the line is ignored. Labels: 0 data
/// read, 1 data write, 2 instruction fetch. Labels 3 (escape record) and 4 (cache flush) have no
/// meaning for page replacement and are malformed here (skip them with `--skip-bad-lines`).
///
/// memgo's extension and assumptions: an optional third field is the size in bytes, hexadecimal
/// with an optional `0x` like Dinero IV's extended format; without it the size is 1 byte (Dinero IV
/// reads a traditional din record as the aligned 4-byte word holding the address, which touches the
/// same page). Text after the size, separated by a blank, is a comment and ignored; a third field
/// that is not a hexadecimal size is malformed (so a comment needs a size before it). Blank lines
/// are skipped.
public enum DinSyntax: TraceLineSyntax {
  @inline(__always)
  public static func parse(_ line: UnsafeBufferPointer<UInt8>) -> TraceLineParse {
    var cursor = ByteCursor(line)
    cursor.skipBlanks()
    if cursor.isAtEnd { return .skip }
    _ = cursor.skipHexPrefix()
    guard let label = cursor.scanHex(), cursor.isAtFieldEnd else { return badLabel }
    let kind: TraceReference.Kind
    switch label {
    case 0: kind = .load
    case 1: kind = .store
    case 2: kind = .instruction
    case 3:
      return .malformed(
        "label 3 (escape record) is not supported (expected 0 read, 1 write or 2 instruction fetch)")
    case 4:
      return .malformed(
        "label 4 (cache flush) is not supported (expected 0 read, 1 write or 2 instruction fetch)")
    default: return badLabel
    }
    if !cursor.skipBlanks() || cursor.isAtEnd {
      return .malformed("missing address (expected LABEL ADDRESS [SIZE])")
    }
    _ = cursor.skipHexPrefix()
    guard let address = cursor.scanHex(), cursor.isAtFieldEnd else {
      return .malformed("bad address (expected hexadecimal digits, optionally after 0x, below 2^64)")
    }
    cursor.skipBlanks()
    var size: UInt32 = 1
    if !cursor.isAtEnd {
      _ = cursor.skipHexPrefix()
      guard let value = cursor.scanHex(), cursor.isAtFieldEnd, let checked = ByteCursor.referenceSize(value)
      else {
        return .malformed("bad size (expected hexadecimal digits, optionally after 0x, 1 to ffffffff)")
      }
      size = checked
    }
    return .reference(TraceReference(address: address, size: size, kind: kind))
  }

  private static let badLabel = TraceLineParse.malformed(
    "bad label (expected 0 read, 1 write or 2 instruction fetch)")
}
