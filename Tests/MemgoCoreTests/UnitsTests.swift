import Testing

@testable import MemgoCore

@Suite struct UnitsTests {
  func duration(_ text: String) -> Result<Int64, UnitError> {
    Result { () throws(UnitError) in try Units.parseDuration(text).picoseconds }
  }

  func size(_ text: String) -> Result<Int64, UnitError> {
    Result { () throws(UnitError) in try Units.parseSize(text) }
  }

  @Test func durationsAreExact() {
    #expect(duration("2.5ms") == .success(2_500_000_000))
    #expect(duration("100ns") == .success(100_000))
    #expect(duration("1s") == .success(1_000_000_000_000))
    #expect(duration("750ps") == .success(750))
    #expect(duration("3us") == .success(3_000_000))
    #expect(duration("3µs") == .success(3_000_000))
    #expect(duration("3μs") == .success(3_000_000))
    #expect(duration("0.001ns") == .success(1))
    #expect(duration("0.000000000001s") == .success(1))
    #expect(duration("0s") == .success(0))
    #expect(duration("007.50ns") == .success(7_500))
    #expect(duration("1000000s") == .success(1_000_000_000_000_000_000))
  }

  @Test func durationErrors() {
    #expect(duration("1.5ps") == .failure(UnitError("\"1.5ps\" is not a whole number of picoseconds")))
    #expect(duration("0.0001ns") == .failure(UnitError("\"0.0001ns\" is not a whole number of picoseconds")))
    #expect(
      duration("1000000.000000000001s")
        == .failure(UnitError("\"1000000.000000000001s\" exceeds the limit of 1000000s")))
    #expect(
      duration("99999999999999999999999999s")
        == .failure(UnitError("\"99999999999999999999999999s\" exceeds the limit of 1000000s")))
    #expect(
      duration("5sec") == .failure(UnitError("unknown unit 'sec' in \"5sec\" (expected one of ps, ns, us, ms, s)")))
    #expect(
      duration("5") == .failure(UnitError("missing unit in \"5\" (expected one of ps, ns, us, ms, s, e.g. \"5ms\")")))
    #expect(
      duration("5 ms")
        == .failure(
          UnitError("space before the unit in \"5 ms\" (write the unit right after the number, e.g. \"5ms\")")))
    #expect(duration("-5ns") == .failure(UnitError("negative duration \"-5ns\" (expected a value of 0 or more)")))
    #expect(
      duration("ms")
        == .failure(UnitError("\"ms\" does not start with a number (expected a number and a unit, e.g. \"5ms\")")))
    #expect(duration("") == .failure(UnitError("empty duration string (expected a number and a unit, e.g. \"5ms\")")))
    #expect(duration("1.ms") == .failure(UnitError("invalid number in \"1.ms\" (expected a digit after '.')")))
    #expect(
      duration("1e3ns") == .failure(UnitError("unknown unit 'e3ns' in \"1e3ns\" (expected one of ps, ns, us, ms, s)")))
  }

  @Test func messagesStayOnOneLine() {
    #expect(
      duration("5\nms") == .failure(UnitError(#"unknown unit '\nms' in "5\nms" (expected one of ps, ns, us, ms, s)"#)))
    #expect(
      size("1" + String(repeating: "x", count: 30))
        == .failure(
          UnitError(
            "unknown unit 'xxxxxxxxxxxxxxxxxxxx...' in \"1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" "
              + "(expected one of B, KiB, MiB, GiB, TiB, KB, MB, GB, TB)")))
  }

  @Test func sizesUseBinaryAndDecimalUnits() {
    #expect(size("1.5KiB") == .success(1536))
    #expect(size("1KB") == .success(1000))
    #expect(size("4KiB") == .success(4096))
    #expect(size("1.5MiB") == .success(1_572_864))
    #expect(size("2GB") == .success(2_000_000_000))
    #expect(size("1TiB") == .success(1 << 40))
    #expect(size("1TB") == .success(1_000_000_000_000))
    #expect(size("8B") == .success(8))
    #expect(size("256TiB") == .success(1 << 48))
    // 2^-20 MiB is exactly one byte.
    #expect(size("0.00000095367431640625MiB") == .success(1))
  }

  @Test func sizeErrors() {
    #expect(
      size("4kb")
        == .failure(UnitError("unknown unit 'kb' in \"4kb\" (expected one of B, KiB, MiB, GiB, TiB, KB, MB, GB, TB)")))
    #expect(size("1.5B") == .failure(UnitError("\"1.5B\" is not a whole number of bytes")))
    #expect(size("0.1KiB") == .failure(UnitError("\"0.1KiB\" is not a whole number of bytes")))
    #expect(
      size("0.0000000000009094947017729282379150390625TiB")
        == .failure(UnitError("\"0.0000000000009094947017729282379150390625TiB\" has more than 38 decimal places")))
    #expect(size("257TiB") == .failure(UnitError("\"257TiB\" exceeds the limit of 256TiB")))
    #expect(
      size("4096")
        == .failure(
          UnitError("missing unit in \"4096\" (expected one of B, KiB, MiB, GiB, TiB, KB, MB, GB, TB, e.g. \"4KiB\")")))
  }

  @Test func formattingPicksTheLargestWholeUnit() {
    #expect(Units.formatDuration(SimTime(picoseconds: 2_500_000_000)) == "2500us")
    #expect(Units.formatDuration(SimTime(picoseconds: 5_000_000_000)) == "5ms")
    #expect(Units.formatDuration(SimTime(picoseconds: 1_500)) == "1500ps")
    #expect(Units.formatDuration(.zero) == "0s")
    #expect(Units.formatSize(1536) == "1536B")
    #expect(Units.formatSize(16 << 20) == "16MiB")
    #expect(Units.formatSize(3000) == "3KB")
    #expect(Units.formatSize(0) == "0B")
  }

  /// Seeded property: formatting then parsing gives back the same value.
  @Test func formatAndParseRoundTrip() {
    var rng = SplitMix64(seed: 5)
    for _ in 0..<2_000 {
      let ps =
        Int64(rng.next() % UInt64(Units.maximumDuration.picoseconds + 1))
        / [1, 1_000, 1_000_000_000][Int(rng.next() % 3)]
      #expect(duration(Units.formatDuration(SimTime(picoseconds: ps))) == .success(ps))
      let bytes = Int64(rng.next() % UInt64(Units.maximumSize + 1)) >> Int(rng.next() % 40)
      #expect(size(Units.formatSize(bytes)) == .success(bytes))
    }
  }

  /// Seeded property: "I.F unit" equals I×unit + F×unit/10^k computed independently in Double where exact.
  @Test func fractionsMatchExactArithmetic() {
    var rng = SplitMix64(seed: 9)
    for _ in 0..<2_000 {
      let whole = Int64(rng.next() % 1000)
      let thousandths = Int64(rng.next() % 1000)
      let text = "\(whole).\(String(1000 + thousandths).dropFirst())"
      // ms → ps: exact whatever the fraction.
      #expect(duration(text + "ms") == .success(whole * 1_000_000_000 + thousandths * 1_000_000))
      // KB → B: exact; KiB → B: whole only when 1024·thousandths is a multiple of 1000.
      #expect(size(text + "KB") == .success(whole * 1000 + thousandths))
      if thousandths * 1024 % 1000 == 0 {
        #expect(size(text + "KiB") == .success(whole * 1024 + thousandths * 1024 / 1000))
      } else {
        #expect(size(text + "KiB") == .failure(UnitError("\"\(text)KiB\" is not a whole number of bytes")))
      }
    }
  }
}
