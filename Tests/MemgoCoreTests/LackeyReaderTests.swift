import Testing

@testable import MemgoCore

@Suite struct LackeyReaderTests {
  typealias S = TraceTestSupport

  @Test func parsesTheFourRecordKindsAndSkipsValgrindLines() throws {
    let text = """
      ==4242== Lackey, an example Valgrind tool
      ==4242== Command: ./prog
      ==4242==\u{20}
      I  04016d30,3
       L 7ff000a48,8
       S 1fff000748,16
       M 0422a2d0,4
      --4242-- a verbose message
      **4242** a fatal message
      I\t0401000,1
         L   00000010,1

      ==4242== Exit code:       0
      """
    let (references, skipped) = try S.read(LackeySyntax.self, text)
    #expect(skipped == 0)
    #expect(
      references == [
        TraceReference(address: 0x0401_6d30, size: 3, kind: .instruction),
        TraceReference(address: 0x7_ff00_0a48, size: 8, kind: .load),
        TraceReference(address: 0x1f_ff00_0748, size: 16, kind: .store),
        TraceReference(address: 0x0422_a2d0, size: 4, kind: .modify),
        TraceReference(address: 0x0401_000, size: 1, kind: .instruction),
        TraceReference(address: 0x10, size: 1, kind: .load),
      ])
  }

  /// Sizes crossing a page boundary touch both pages; an `M` reads them, then writes them.
  @Test func referencesCrossingAPageBoundaryExpandToBothPages() throws {
    let path = S.temporaryFile("==9== x\nI  0fff,3\n M 1ffc,8\n S 2fff,2\n L 3ff8,8\n")
    defer { S.remove(path) }
    var stream = PageAccessStream(reader: try LackeyReader(path: path), pageSize: 4096)
    var accesses: [String] = []
    while let a = try stream.next() { accesses.append((a.isWrite ? "W" : "R") + "\(a.page)") }
    #expect(accesses == ["R0", "R1", "R1", "R2", "W1", "W2", "W2", "W3", "R3"])
  }

  @Test func acceptsCRLFAndNoFinalNewline() throws {
    let (references, _) = try S.read(LackeySyntax.self, "==1== x\r\n L 10,4\r\n S 20,2")
    #expect(
      references == [
        TraceReference(address: 0x10, size: 4, kind: .load), TraceReference(address: 0x20, size: 2, kind: .store),
      ])
  }

  @Test func emptyTraceIsValid() throws {
    #expect(try S.read(LackeySyntax.self, "").references.isEmpty)
    #expect(try S.read(LackeySyntax.self, "==1== only valgrind\n").references.isEmpty)
  }

  @Test(arguments: [
    (" L 12g4,8", "bad address (expected hexadecimal digits without 0x, below 2^64)"),
    (" L 1234", "expected ',' and the size after the address"),
    (" L 1234,", "bad size (expected a decimal number of bytes, 1 to 4294967295)"),
    (" L 1234,0", "bad size (expected a decimal number of bytes, 1 to 4294967295)"),
    (" L 1234,4294967296", "bad size (expected a decimal number of bytes, 1 to 4294967295)"),
    (" L 12345678901234567,8", "bad address (expected hexadecimal digits without 0x, below 2^64)"),
    (" L 1234,8 x", "unexpected text after the size"),
    ("hello from the program", "not a lackey record (expected 'I', 'L', 'S' or 'M', then ADDRESS,SIZE)"),
    ("L1234,8", "not a lackey record (expected 'I', 'L', 'S' or 'M', then ADDRESS,SIZE)"),
    ("==12 not valgrind", "not a lackey record (expected 'I', 'L', 'S' or 'M', then ADDRESS,SIZE)"),
    ("SB 401000", "not a lackey record (expected 'I', 'L', 'S' or 'M', then ADDRESS,SIZE)"),
  ])
  func malformedLineNamesLineNumberAndText(line: String, message: String) throws {
    let error = try #require(S.error(LackeySyntax.self, "==7== header\nI  400000,4\n\(line)\n L 10,1\n"))
    #expect(error.kind == .syntax)
    #expect(error.line == 3)
    #expect(error.text == line)
    #expect(error.message == message)
  }

  @Test func largestAddressAndSizeAreAccepted() {
    #expect(
      S.parse(LackeySyntax.self, " S ffffffffffffffff,4294967295")
        == .reference(TraceReference(address: .max, size: .max, kind: .store)))
  }

  @Test func skipBadLinesCountsThem() throws {
    let text = "I  10,1\ngarbage\n L 20,x\n S 30,2\n L zz,1\n"
    let (references, skipped) = try S.read(LackeySyntax.self, text, options: TraceReaderOptions(skipBadLines: true))
    #expect(references.map(\.address) == [0x10, 0x30])
    #expect(skipped == 3)
  }

  /// The real trace in Tests/data (see its README): counts computed independently with Python.
  @Test func realLackeyTraceParses() throws {
    let path = TraceTestSupport.dataDirectory.appendingPathComponent("lackey-matmul.trace").path
    let (references, skipped) = try S.readAll(LackeySyntax.self, path: path)
    #expect(skipped == 0)
    #expect(references.count == 17_603)
    let counts = Dictionary(grouping: references, by: \.kind).mapValues(\.count)
    #expect(counts == [.instruction: 11_391, .load: 4_640, .store: 384, .modify: 1_188])

    var stream = PageAccessStream(reader: try LackeyReader(path: path), pageSize: 4096)
    var curve = MissRatioCurve()
    var writes = 0
    while let access = try stream.next() {
      curve.access(access.page)
      if access.isWrite { writes += 1 }
    }
    #expect(curve.accesses == 18_791)
    #expect(writes == 384 + 1_188)
    #expect(curve.distinctPages == 12)
    #expect(curve.faults(frames: 12) == 12)

    var dataOnly = PageAccessStream(reader: try LackeyReader(path: path), pageSize: 4096, noInstructions: true)
    var dataCurve = MissRatioCurve()
    while let access = try dataOnly.next() { dataCurve.access(access.page) }
    #expect(dataOnly.droppedInstructionCount == 11_391)
    #expect(dataCurve.distinctPages == 11)
  }
}
