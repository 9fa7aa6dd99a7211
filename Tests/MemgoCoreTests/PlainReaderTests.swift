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
