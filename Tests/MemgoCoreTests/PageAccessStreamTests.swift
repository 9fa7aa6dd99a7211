import Testing

@testable import MemgoCore

@Suite struct PageAccessStreamTests {
  /// A reader over an array, to feed the stream without files.
  struct ArrayReader: TraceReader {
    var references: [TraceReference]
    var position = 0
    var skippedLineCount: Int { 0 }
    var lineNumber: Int { position }
    mutating func next() throws(TraceError) -> TraceReference? {
      guard position < references.count else { return nil }
      defer { position += 1 }
      return references[position]
    }
  }

  func accesses(_ references: [TraceReference], pageSize: Int = 4096, noInstructions: Bool = false) throws
    -> [String]
  {
    var stream = PageAccessStream(
      reader: ArrayReader(references: references), pageSize: pageSize, noInstructions: noInstructions)
    var out: [String] = []
    while let a = try stream.next() { out.append((a.isWrite ? "W" : "R") + "\(a.page)") }
    return out
  }

  @Test func expandsLoadsStoresAndModifiesOverTheirPages() throws {
    let refs = [
      TraceReference(address: 0x1ffe, size: 4, kind: .load),
      TraceReference(address: 0x3000, size: 8, kind: .store),
      TraceReference(address: 0x4ffc, size: 0x1008, kind: .modify),
      TraceReference(address: 0x7000, size: 1, kind: .modify),
    ]
    #expect(try accesses(refs) == ["R1", "R2", "W3", "R4", "R5", "R6", "W4", "W5", "W6", "R7", "W7"])
  }

  @Test func instructionsAreReadsUnlessDropped() throws {
    let refs = [
      TraceReference(address: 0x1000, size: 4, kind: .instruction),
      TraceReference(address: 0x2000, size: 4, kind: .load),
      TraceReference(address: 0x2fff, size: 2, kind: .instruction),
    ]
    #expect(try accesses(refs) == ["R1", "R2", "R2", "R3"])
    var stream = PageAccessStream(reader: ArrayReader(references: refs), pageSize: 4096, noInstructions: true)
    var pages: [UInt64] = []
    while let a = try stream.next() { pages.append(a.page) }
    #expect(pages == [2])
    #expect(stream.droppedInstructionCount == 2)
    #expect(stream.referenceCount == 1)
  }

  @Test func modifyAtTheTopOfTheAddressSpaceEnds() throws {
    let refs = [TraceReference(address: .max - 1, size: 16, kind: .modify)]
    let top = UInt64.max >> 12
    #expect(try accesses(refs) == ["R\(top)", "W\(top)"])
  }

  @Test func emptyReaderGivesNothing() throws {
    #expect(try accesses([]).isEmpty)
  }
}
