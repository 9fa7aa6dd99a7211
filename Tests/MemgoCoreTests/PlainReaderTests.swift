import Testing

@testable import MemgoCore

@Suite struct PlainReaderTests {
  typealias S = TraceTestSupport

  @Test func parsesReadsWritesHexDecimalAndSizes() throws {
    let text = "# a comment\n4096\nR 0x1000\nw 0X2000 8\n  W\t12 0x10\nr 18446744073709551615\n\n   # indented\n"
    let (references, _) = try S.read(PlainSyntax.self, text)
    #expect(
      references == [
        TraceReference(address: 4096, size: 1, kind: .load),
        TraceReference(address: 0x1000, size: 1, kind: .load),
        TraceReference(address: 0x2000, size: 8, kind: .store),
        TraceReference(address: 12, size: 16, kind: .store),
        TraceReference(address: .max, size: 1, kind: .load),
      ])
  }

  /// The fast path (`R 0x` or `W 0x` and 8 to 16 digits) against the general one, which a
  /// leading blank forces: seeded random lines of that shape with 1 to 20 digits of either case,
  /// sometimes a stray byte, a size or an upper-case prefix. The fast path must take exactly the
  /// clean lines (a hand-written test of the shape), and `parse` must agree with the general path
  /// on every line.
  @Test func fastPathAgreesWithGeneralPath() {
    let hex = Array("0123456789abcdefABCDEF".utf8)
    let strays = Array("gG/:@` \t,x".utf8) + [0x00, 0x80, 0xFF]
    var rng = SplitMix64(seed: 12)
    var fast = 0
    for _ in 0..<20_000 {
      var line = Array((rng.next() % 2 == 0 ? "R" : "w").utf8) + [0x20, 0x30, rng.next() % 4 == 0 ? 0x58 : 0x78]
      let digits = 1 + Int(rng.next() % 20)
      line += (0..<digits).map { _ in hex[Int(rng.next() % UInt64(hex.count))] }
      var clean = digits >= 8 && digits <= 16
      if rng.next() % 4 == 0 {
        let at = 3 + Int(rng.next() % UInt64(line.count - 3))
        let stray = strays[Int(rng.next() % UInt64(strays.count))]
        if at == 3 ? (stray | 0x20) != 0x78 : Self.hexDigit(stray) == nil { clean = false }
        line[at] = stray
      }
      if rng.next() % 8 == 0 {
        line += Array(" 64".utf8)
        clean = false
      }
      let text = String(decoding: line, as: UTF8.self)
      let taken = line.withUnsafeBufferPointer { PlainSyntax.commonReference($0) }
      #expect((taken != nil) == clean, "\(text)")
      let direct = line.withUnsafeBufferPointer { PlainSyntax.parse($0) }
      let general = ([0x20] + line).withUnsafeBufferPointer { PlainSyntax.parse($0) }
      #expect(direct == general, "\(text)")
      if let taken { #expect(direct == .reference(taken), "\(text)") }
      if taken != nil { fast += 1 }
    }
    #expect(fast > 5_000)  // the fast path's shape was common enough to be exercised
  }

  static func hexDigit(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39, 0x41...0x46, 0x61...0x66: return byte
    default: return nil
    }
  }

  @Test(arguments: [
    ("R", "expected an address after R or W ([R|W] ADDRESS [SIZE])"),
    ("W0x10", "expected an address after R or W ([R|W] ADDRESS [SIZE])"),
    ("0x", "bad address (expected 0x and hexadecimal digits, or decimal digits, below 2^64)"),
    ("12ab", "bad address (expected 0x and hexadecimal digits, or decimal digits, below 2^64)"),
    ("ff00", "bad address (expected 0x and hexadecimal digits, or decimal digits, below 2^64)"),
    ("18446744073709551616", "bad address (expected 0x and hexadecimal digits, or decimal digits, below 2^64)"),
    ("X 10", "bad address (expected 0x and hexadecimal digits, or decimal digits, below 2^64)"),
    ("R 10 0", "bad size (expected a number of bytes, 1 to 4294967295, decimal or 0x hexadecimal)"),
    ("R 10 4294967296", "bad size (expected a number of bytes, 1 to 4294967295, decimal or 0x hexadecimal)"),
    ("R 10 8 9", "unexpected text after the size ([R|W] ADDRESS [SIZE])"),
  ])
  func malformedLineNamesLineNumberAndText(line: String, message: String) throws {
    let error = try #require(S.error(PlainSyntax.self, "1\n2\n3\n\(line)"))
    #expect(error.line == 4)
    #expect(error.text == line)
    #expect(error.message == message)
    #expect(error.description.hasSuffix(": line 4: \(message): \"\(line)\""))
  }

  @Test func longBadLineTextIsTruncated() throws {
    let line = "R " + String(repeating: "9", count: 200)
    let error = try #require(S.error(PlainSyntax.self, line))
    #expect(error.text == String(line.prefix(80)) + "...")
  }

  @Test func skipBadLinesCountsOverLongLinesToo() throws {
    let text = "1\n" + String(repeating: "7", count: 100) + "\nbad\n2\n"
    let (references, skipped) = try S.read(
      PlainSyntax.self, text, options: TraceReaderOptions(skipBadLines: true, maximumLineLength: 50))
    #expect(references.map(\.address) == [1, 2])
    #expect(skipped == 2)
  }

  @Test func overLongLineIsAnErrorByDefault() throws {
    let path = S.temporaryFile("1\n" + String(repeating: "7", count: 100) + "\n")
    defer { S.remove(path) }
    #expect(
      throws: TraceError(
        kind: .syntax, file: path, line: 2, text: String(repeating: "7", count: 80) + "...",
        message: "line is longer than 50 bytes")
    ) {
      _ = try S.readAll(PlainSyntax.self, path: path, options: TraceReaderOptions(maximumLineLength: 50))
    }
  }
}
