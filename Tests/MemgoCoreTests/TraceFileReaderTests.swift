import Testing

@testable import MemgoCore

/// The trace readers against each class of bad input (issue "Robustness"), in all three formats:
/// bad hex and missing fields are refused naming the line; CRLF line ends and a last line without
/// a newline are accepted; lines of megabytes are refused (or skipped) in constant memory.
@Suite struct TraceFileReaderTests {
  typealias Support = TraceTestSupport

  /// The same three references in each format: a load at 0x1000, a store of 8 bytes at 0x2000, a
  /// load at 0x3000.
  static let good: [(format: String, lines: [String])] = [
    ("lackey", [" L 1000,1", " S 2000,8", " L 3000,1"]),
    ("din", ["0 1000", "1 2000 8", "0 3000"]),
    ("plain", ["R 0x1000", "W 0x2000 8", "0x3000"]),
  ]
  static let expected = [
    TraceReference(address: 0x1000, size: 1, kind: .load), TraceReference(address: 0x2000, size: 8, kind: .store),
    TraceReference(address: 0x3000, size: 1, kind: .load),
  ]

  static func read(_ format: String, _ text: String, options: TraceReaderOptions = TraceReaderOptions()) throws
    -> (references: [TraceReference], skipped: Int)
  {
    switch format {
    case "lackey": return try Support.read(LackeySyntax.self, text, options: options)
    case "din": return try Support.read(DinSyntax.self, text, options: options)
    default: return try Support.read(PlainSyntax.self, text, options: options)
    }
  }

  static func error(_ format: String, _ text: String) -> TraceError? {
    do {
      _ = try read(format, text)
      return nil
    } catch let error as TraceError {
      return error
    } catch {
      return nil
    }
  }

  @Test(arguments: good)
  func crlfAndAMissingFinalNewlineAreAccepted(_ format: String, _ lines: [String]) throws {
    for text in [
      lines.joined(separator: "\n") + "\n", lines.joined(separator: "\r\n") + "\r\n",
      lines.joined(separator: "\r\n"), lines.joined(separator: "\n"),
    ] {
      let read = try Self.read(format, text)
      #expect(read.references == Self.expected, "\(format): \(text.debugDescription)")
      #expect(read.skipped == 0)
    }
  }

  @Test(arguments: [
    ("lackey", " L 1000,1\n L 10g0,8\n", "bad address (expected hexadecimal digits without 0x, below 2^64)"),
    ("din", "0 1000\n0 0x12z4\n", "bad address (expected hexadecimal digits, optionally after 0x, below 2^64)"),
    (
      "plain", "R 0x1000\nR 0xfffg\n", "bad address (expected 0x and hexadecimal digits, or decimal digits, below 2^64)"
    ),
    (
      "lackey", " L 1000,1\n L 10000000000000000,8\n",
      "bad address (expected hexadecimal digits without 0x, below 2^64)"
    ),
    (
      "plain", "R 0x1000\nW 0x10000000000000000\n",
      "bad address (expected 0x and hexadecimal digits, or decimal digits, below 2^64)"
    ),
  ])
  func badHexIsRefusedNamingTheLine(_ format: String, _ text: String, _ message: String) throws {
    let error = try #require(Self.error(format, text))
    #expect(error.kind == .syntax)
    #expect(error.line == 2)
    #expect(error.message == message)
    #expect(!error.description.contains("\n"))
  }

  @Test(arguments: [
    ("lackey", " L 1000,1\n S 2000\n", "expected ',' and the size after the address"),
    ("lackey", " L 1000,1\n S 2000,\n", "bad size (expected a decimal number of bytes, 1 to 4294967295)"),
    ("lackey", " L 1000,1\n S\n", "not a lackey record (expected 'I', 'L', 'S' or 'M', then ADDRESS,SIZE)"),
    ("din", "0 1000\n1\n", "missing address (expected LABEL ADDRESS [SIZE])"),
    ("plain", "R 0x1000\nW\n", "expected an address after R or W ([R|W] ADDRESS [SIZE])"),
    (
      "plain", "R 0x1000\nW 0x10 0\n",
      "bad size (expected a number of bytes, 1 to 4294967295, decimal or 0x hexadecimal)"
    ),
  ])
  func missingFieldsAreRefusedNamingTheLine(_ format: String, _ text: String, _ message: String) throws {
    let error = try #require(Self.error(format, text))
    #expect(error.line == 2)
    #expect(error.message == message)
  }

  @Test(arguments: ["lackey", "din", "plain"])
  func linesOfMegabytesAreRefusedOrSkippedInConstantMemory(_ format: String) throws {
    let lines = Self.good.first { $0.format == format }!.lines
    // 3 MiB of digits on line 2: longer than the 64 KiB limit and than the 1 MiB read buffer.
    let long = String(repeating: "7", count: 3 << 20)
    let text = lines[0] + "\n" + long + "\r\n" + lines[1] + "\n" + lines[2]
    let error = try #require(Self.error(format, text))
    #expect(error.line == 2)
    #expect(error.message == "line is longer than 65536 bytes")
    #expect(error.text.count == TraceError.maximumTextLength + 3)
    let skipped = try Self.read(format, text, options: TraceReaderOptions(skipBadLines: true))
    #expect(skipped.references == Self.expected)
    #expect(skipped.skipped == 1)
  }

  @Test(arguments: ["lackey", "din", "plain"])
  func emptyAndBinaryFiles(_ format: String) throws {
    #expect(try Self.read(format, "").references.isEmpty)
    #expect(try Self.read(format, "\n\r\n  \n").references.isEmpty)
    let path = Support.temporaryFile([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0x0A])
    defer { Support.remove(path) }
    #expect(throws: TraceError.self) {
      switch format {
      case "lackey": _ = try Support.readAll(LackeySyntax.self, path: path)
      case "din": _ = try Support.readAll(DinSyntax.self, path: path)
      default: _ = try Support.readAll(PlainSyntax.self, path: path)
      }
    }
  }
}
