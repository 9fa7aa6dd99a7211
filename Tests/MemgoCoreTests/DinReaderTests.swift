import Testing

@testable import MemgoCore

@Suite struct DinReaderTests {
  typealias S = TraceTestSupport

  @Test func parsesLabelsAddressesAndOptionalSize() throws {
    let text = "0 1000\n1 0x70f60890\n2 2cb5 4\n  0\t0X10 0x20 a comment\n\n1 ffffffffffffffff 1\n"
    let (references, _) = try S.read(DinSyntax.self, text)
    #expect(
      references == [
        TraceReference(address: 0x1000, size: 1, kind: .load),
        TraceReference(address: 0x70f6_0890, size: 1, kind: .store),
        TraceReference(address: 0x2cb5, size: 4, kind: .instruction),
        TraceReference(address: 0x10, size: 0x20, kind: .load),
        TraceReference(address: .max, size: 1, kind: .store),
      ])
  }

  @Test(arguments: [
    ("3 1000", "label 3 (escape record) is not supported (expected 0 read, 1 write or 2 instruction fetch)"),
    ("4 0", "label 4 (cache flush) is not supported (expected 0 read, 1 write or 2 instruction fetch)"),
    ("5 1000", "bad label (expected 0 read, 1 write or 2 instruction fetch)"),
    ("r 1000", "bad label (expected 0 read, 1 write or 2 instruction fetch)"),
    ("01000", "bad label (expected 0 read, 1 write or 2 instruction fetch)"),
    ("0", "missing address (expected LABEL ADDRESS [SIZE])"),
    ("0 12x4", "bad address (expected hexadecimal digits, optionally after 0x, below 2^64)"),
    ("0 0x", "bad address (expected hexadecimal digits, optionally after 0x, below 2^64)"),
    ("0 10000000000000000", "bad address (expected hexadecimal digits, optionally after 0x, below 2^64)"),
    ("0 10 0", "bad size (expected hexadecimal digits, optionally after 0x, 1 to ffffffff)"),
    ("0 10 100000000", "bad size (expected hexadecimal digits, optionally after 0x, 1 to ffffffff)"),
    ("0 10 load", "bad size (expected hexadecimal digits, optionally after 0x, 1 to ffffffff)"),
  ])
  func malformedLineNamesLineNumberAndText(line: String, message: String) throws {
    let error = try #require(S.error(DinSyntax.self, "0 10\n\(line)\r\n1 20\n"))
    #expect(error.line == 2)
    #expect(error.text == line)
    #expect(error.message == message)
  }

  @Test func skipBadLinesCountsEscapeAndFlushRecords() throws {
    let (references, skipped) = try S.read(
      DinSyntax.self, "0 10\n3 0\n4 0\n1 20", options: TraceReaderOptions(skipBadLines: true))
    #expect(references.map(\.kind) == [.load, .store])
    #expect(skipped == 2)
  }
}
