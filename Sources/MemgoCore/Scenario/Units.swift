/// A duration or size string that cannot be read; `message` says what is wrong and what is expected.
public struct UnitError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, and in parentheses what is expected.
  public var message: String
  /// Creates the error with `message`.
  public init(_ message: String) { self.message = message }
  /// The message.
  public var description: String { message }
}

/// Durations and sizes written with units, read exactly (decimal arithmetic, no floating point).
///
/// A duration is a non-negative decimal number followed directly by one of `ps ns us µs ms s`
/// (`"100ns"`, `"2.5ms"`); it must be a whole number of picoseconds and at most `maximumDuration`.
/// A size is a non-negative decimal number followed by one of `B KiB MiB GiB TiB` (powers of 2) or
/// `KB MB GB TB` (powers of 10) (`"4KiB"`, `"1.5MiB"`); it must be a whole number of bytes and at
/// most `maximumSize`. Numbers have at most 38 decimal places; no sign, exponent or space.
public enum Units {
  /// The longest duration accepted: 10^6 s.
  public static let maximumDuration = SimTime(picoseconds: 1_000_000 * SimTime.picosecondsPerSecond)
  /// The largest size accepted: 2^48 bytes (256 TiB).
  public static let maximumSize: Int64 = 1 << 48

  /// Duration units and their length in picoseconds, in the order messages list them.
  static let durationUnits: [(name: String, picoseconds: Int64)] = [
    ("ps", 1), ("ns", 1_000), ("us", 1_000_000), ("ms", 1_000_000_000), ("s", 1_000_000_000_000),
  ]
  /// Spellings accepted in addition to `durationUnits` (micro sign U+00B5, Greek mu U+03BC).
  static let durationAliases: [(name: String, picoseconds: Int64)] = [("µs", 1_000_000), ("μs", 1_000_000)]
  /// Size units and their size in bytes, in the order messages list them.
  static let sizeUnits: [(name: String, bytes: Int64)] = [
    ("B", 1), ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("TiB", 1 << 40),
    ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("TB", 1_000_000_000_000),
  ]

  private static let durationTable = (durationUnits + durationAliases).map { ($0.name, $0.picoseconds) }
  private static let durationUnitList = durationUnits.map(\.name).joined(separator: ", ")
  private static let sizeTable = sizeUnits.map { ($0.name, $0.bytes) }
  private static let sizeUnitList = sizeUnits.map(\.name).joined(separator: ", ")

  /// Reads a duration such as `"2.5ms"` exactly.
  public static func parseDuration(_ text: String) throws(UnitError) -> SimTime {
    let value = try parse(
      text, what: "duration", units: durationTable, unitList: durationUnitList, baseName: "picoseconds",
      limit: maximumDuration.picoseconds, limitText: "1000000s", example: "\"5ms\"")
    return SimTime(picoseconds: value)
  }

  /// Reads a size such as `"1.5MiB"` exactly, in bytes.
  public static func parseSize(_ text: String) throws(UnitError) -> Int64 {
    try parse(
      text, what: "size", units: sizeTable, unitList: sizeUnitList, baseName: "bytes",
      limit: maximumSize, limitText: "256TiB", example: "\"4KiB\"")
  }

  /// The duration in its largest unit that keeps it whole: 2_500_000_000 ps is `"2500us"`.
  public static func formatDuration(_ time: SimTime) -> String {
    let ps = time.picoseconds
    if ps == 0 { return "0s" }
    for unit in durationUnits.reversed() where ps % unit.picoseconds == 0 {
      return "\(ps / unit.picoseconds)\(unit.name)"
    }
    return "\(ps)ps"
  }

  /// The size in its largest binary unit that keeps it whole, else its largest decimal one, else bytes.
  public static func formatSize(_ bytes: Int64) -> String {
    if bytes == 0 { return "0B" }
    let binary = sizeUnits[1...4].reversed()
    let decimal = sizeUnits[5...8].reversed()
    for unit in binary where bytes % unit.bytes == 0 { return "\(bytes / unit.bytes)\(unit.name)" }
    for unit in decimal where bytes % unit.bytes == 0 { return "\(bytes / unit.bytes)\(unit.name)" }
    return "\(bytes)B"
  }

  // MARK: - Exact decimal scaling

  /// Reads `<digits>[.<digits>]<unit>` as a whole number of base units, or throws a message.
  private static func parse(
    _ text: String, what: String, units: [(String, Int64)], unitList: String, baseName: String,
    limit: Int64, limitText: String, example: String
  ) throws(UnitError) -> Int64 {
    var shown: String { quoted(text) }
    let scalars = Array(text.unicodeScalars)
    if scalars.isEmpty { throw UnitError("empty \(what) string (expected a number and a unit, e.g. \(example))") }
    var i = 0
    var integerDigits: [UInt8] = []
    var fractionDigits: [UInt8] = []
    func digit(_ k: Int) -> UInt8? {
      guard k < scalars.count, scalars[k].value >= 48, scalars[k].value <= 57 else { return nil }
      return UInt8(scalars[k].value - 48)
    }
    if scalars[0] == "-" { throw UnitError("negative \(what) \(shown) (expected a value of 0 or more)") }
    while let d = digit(i) {
      integerDigits.append(d)
      i += 1
    }
    if integerDigits.isEmpty {
      throw UnitError("\(shown) does not start with a number (expected a number and a unit, e.g. \(example))")
    }
    if i < scalars.count && scalars[i] == "." {
      i += 1
      while let d = digit(i) {
        fractionDigits.append(d)
        i += 1
      }
      if fractionDigits.isEmpty { throw UnitError("invalid number in \(shown) (expected a digit after '.')") }
    }
    let unitText = String(String.UnicodeScalarView(scalars[i...]))
    if unitText.isEmpty {
      throw UnitError("missing unit in \(shown) (expected one of \(unitList), e.g. \(example))")
    }
    if unitText.first == " " {
      throw UnitError("space before the unit in \(shown) (write the unit right after the number, e.g. \(example))")
    }
    guard let factor = units.first(where: { $0.0 == unitText })?.1 else {
      throw UnitError("unknown unit \(quotedUnit(unitText)) in \(shown) (expected one of \(unitList))")
    }
    switch scaled(integer: integerDigits, fraction: fractionDigits, by: factor, limit: limit) {
    case .value(let whole): return whole
    case .tooLarge: throw UnitError("\(shown) exceeds the limit of \(limitText)")
    case .notWhole: throw UnitError("\(shown) is not a whole number of \(baseName)")
    case .tooPrecise: throw UnitError("\(shown) has more than 38 decimal places")
    }
  }

  /// The unit as written, in single quotes, escaped like a JSON string and cut after 20 characters.
  private static func quotedUnit(_ unit: String) -> String {
    let scalars = unit.unicodeScalars
    let short = String(String.UnicodeScalarView(scalars.prefix(20)))
    let escaped = JSONValue.string(short).serialized().dropFirst().dropLast()  // without the double quotes
    return "'\(escaped)\(scalars.count > 20 ? "..." : "")'"
  }


  /// The outcome of scaling a decimal number by a unit.
  enum Scaled: Equatable {
    case value(Int64)
    case tooLarge
    case notWhole
    case tooPrecise
  }

  /// `integer.fraction × factor` as an exact integer.
  ///
  /// With N the fraction's digits as an integer and k their count, the fractional part contributes
  /// N·factor/10^k. Let g = gcd(factor, 10^k): it is whole iff (10^k/g) divides N, and then it is
  /// (N/(10^k/g))·(factor/g) < factor, so no intermediate value overflows 128 bits (k ≤ 38).
  static func scaled(integer: [UInt8], fraction: [UInt8], by factor: Int64, limit: Int64) -> Scaled {
    var fraction = fraction
    while fraction.last == 0 { fraction.removeLast() }
    let firstNonZero = integer.firstIndex { $0 != 0 } ?? integer.count
    let integer = integer[firstNonZero...]
    // Integer part: more than 20 significant digits is beyond any limit here.
    if integer.count > 20 { return .tooLarge }
    var whole: UInt128 = 0
    for d in integer { whole = whole * 10 + UInt128(d) }
    let product = whole * UInt128(factor)  // < 10^20 × 2^63 < 2^128
    var fractional: UInt128 = 0
    if !fraction.isEmpty {
      if fraction.count > 38 { return .tooPrecise }  // 10^38 < 2^128 < 10^39
      var n: UInt128 = 0
      var power: UInt128 = 1
      for d in fraction {
        n = n * 10 + UInt128(d)
        power *= 10
      }
      let g = gcd(UInt128(factor), power)
      let divisor = power / g
      if n % divisor != 0 { return .notWhole }
      fractional = (n / divisor) * (UInt128(factor) / g)
    }
    let total = product + fractional
    if total > UInt128(limit) { return .tooLarge }
    return .value(Int64(total))
  }

  private static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a
  }
}
